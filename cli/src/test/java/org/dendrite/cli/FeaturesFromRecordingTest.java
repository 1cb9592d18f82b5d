package org.dendrite.cli;

import org.dendrite.engine.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.Tag;

/** {@code dendrite features} on an ABF sweep equals the features of that sweep exported to CSV. */
@Tag("cli")
@Tag("data")
class FeaturesFromRecordingTest {
    @TempDir Path dir;

    String run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute(args), err.toString());
        return out.toString();
    }

    @Test
    void abfSweepAndItsCsvExportGiveTheSameFeatures() throws Exception {
        Path abf = SharedData.path("data/abf-pyabf/17o05028_ic_steps.abf");
        Path csv = dir.resolve("sweep12.csv");
        run("recording", "export", abf.toString(), "--sweep", "12", "--out", csv.toString());
        String[] common = {"--stim-start", "150", "--stim-end", "650", "--feature",
                "Spikecount,mean_frequency,time_to_first_spike,AP_amplitude,voltage_base", "--json"};
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(run(concat(new String[] {"features", abf.toString(), "--sweep", "12"}, common)));
        JsonNode b = m.readTree(run(concat(new String[] {"features", csv.toString()}, common)));
        assertEquals(b, a);
        // sweep 12 steps +70 pA for 500 ms: the cell fires a regular train
        assertEquals(true, a.get("Spikecount").asInt() > 10);
    }

    static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
