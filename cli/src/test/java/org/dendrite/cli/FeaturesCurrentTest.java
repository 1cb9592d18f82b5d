package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code features} on a trace file with a current column uses it (issue 14: it was ignored). */
@Tag("cli")
class FeaturesCurrentTest {
    @TempDir Path dir;

    @Test
    void currentColumnFeedsTheCurrentFeatures() throws Exception {
        // 0-300 ms at 0.1 ms; -0.05 nA holding, a 0.25 nA step at 100-200 ms; a passive-looking voltage
        StringBuilder csv = new StringBuilder("t [ms],v [mV],i [nA]\n");
        for (int k = 0; k <= 3000; k++) {
            double t = k * 0.1;
            double i = t >= 100 && t < 200 ? 0.25 : -0.05;
            double v = -70 + (t >= 100 && t < 200 ? 5 * (1 - Math.exp(-(t - 100) / 10)) : 0);
            csv.append(String.format(Locale.ROOT, "%.1f,%.9f,%.3f%n", t, v, i));
        }
        Path f = dir.resolve("trace.csv");
        Files.writeString(f, csv);
        CommandLine cl = DendriteCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute("features", f.toString(), "--stim-start", "100", "--stim-end", "200", "--feature",
                "steady_state_current_stimend,current_base", "--json");
        assertEquals(0, rc, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        // eFEL's windows (last tenth before stim end, [0.9 stim start, stim start]) are closed: each mean of 101
        // samples includes one sample of the other level: (100 * 0.25 - 0.05) / 101 = 0.247 and
        // (100 * -0.05 + 0.25) / 101 = -0.047 nA, to round-off (1e-9 nA)
        assertEquals(0.247, j.get("steady_state_current_stimend").asDouble(), 1e-9, out.toString());
        assertEquals(-0.047, j.get("current_base").asDouble(), 1e-9, out.toString());
        assertTrue(err.toString().isEmpty(), err.toString());
    }
}
