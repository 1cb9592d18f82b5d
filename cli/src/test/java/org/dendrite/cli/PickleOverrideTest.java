package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A pickled parameter dict (numpy scalars, made by Python) works wherever a parameter JSON does. */
@Tag("cli")
class PickleOverrideTest {
    static final Path PKL = Path.of("../io/src/test/resources/params/pkl");
    @TempDir Path dir;

    int run(StringWriter err, String... args) {
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** The same values as JSON and as a pickle give bit-identical traces (the doubles are the same). */
    @Test
    void runOverrideReadsAPickleAsItReadsJson() throws Exception {
        Path json = dir.resolve("best.json");
        Files.writeString(json, "{\"somatic.gnabar_hh\": 0.12, \"somatic.gkbar_hh\": 0.036, \"basal.g_pas\": "
                + (double) 1e-4f + ", \"celsius\": 34, \"stim.amp\": 0.25}");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "run", "ball_and_stick", "--override", json.toString(), "--out", dir.resolve("a").toString(), "--no-plot", "-q"), err.toString());
        assertEquals(0, run(err, "run", "ball_and_stick", "--override", PKL.resolve("best_params_p4.pkl").toString(),
                "--out", dir.resolve("b").toString(), "--no-plot", "-q"), err.toString());
        assertEquals(Files.readString(dir.resolve("a/traces.csv")), Files.readString(dir.resolve("b/traces.csv")));
        JsonNode s = new ObjectMapper().readTree(dir.resolve("b/summary.json").toFile());
        assertTrue(s.toString().contains("spike"), s.toString());
        // and the values changed the run: at 34 degC with 0.25 nA the default trace differs
        assertEquals(0, run(err, "run", "ball_and_stick", "--out", dir.resolve("c").toString(), "--no-plot", "-q"), err.toString());
        assertTrue(!Files.readString(dir.resolve("a/traces.csv")).equals(Files.readString(dir.resolve("c/traces.csv"))));
    }

    @Test
    void aPickleOfSomethingElseIsExitTwoWithTheReason() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "run", "ball_and_stick", "--override", PKL.resolve("list_p4.pkl").toString(),
                "--out", dir.resolve("x").toString(), "--no-plot", "-q"));
        assertTrue(err.toString().contains("list_p4.pkl: the pickle holds 3 values without names"), err.toString());
        assertTrue(!Files.exists(dir.resolve("x/traces.csv")));
    }
}
