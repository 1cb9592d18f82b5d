package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.cli.hoc.HocRun;
import org.dendrite.engine.SharedData;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published Hay et al. 2011 L5PC (ModelDB 139653) entry point run unchanged, as its users do:
 * {@code mosinit.hoc} (nrngui, chdir, an xpanel of buttons, PWManager) and its "Fig 4B" button, which loads
 * Step_current_firing.hoc (CVode, cvode.record, APCount, Graph) inside a proc, with the model's own .mod files
 * compiled (as its users run nrnivmodl in mod/), so {@code cvode.active(1)} runs the variable step as in NEURON.
 * Its files are third-party and are read from {@code ../shared/data/hay-modeldb-139653}
 * (benchmarks/scripts/hoc/published_hay_139653.sh fetches them there); the test is skipped when they are absent.
 * Reference: NEURON 8.2.2 running the same file with the same .mod files, CVode at the file's tolerance (atol 1e-3)
 * and at atol 1e-5 (benchmarks/scripts/cvode_refs_hay.py --full, fixture cvode/hay_published_step_neuron.json).
 * About 10 s (3 s of a 642-compartment cell).
 */
@Tag("data")
class HocPublishedHayTest {
    @TempDir Path out;

    @Test
    void mosinitStepCurrentButtonMatchesNeuronSpikeTimes() throws Exception {
        Path model = SharedData.path("data/hay-modeldb-139653");
        Assumptions.assumeTrue(Files.isRegularFile(model.resolve("mosinit.hoc")), model + " is not present");
        // as its users do: cd to the model's folder (init.hoc's chdir("simulationcode") is relative to it), then
        // nrngui mosinit.hoc and press "Fig 4B"
        HocRun run = new HocRun(MechanismLibrary.standard(), List.of(), new PrintStream(OutputStream.nullOutputStream()));
        run.loadMechanisms(List.of(model.resolve("mod")), note -> { });
        run.interpreter().execute("chdir(\"" + model.toString().replace("\\", "/") + "\")", "cd");
        run.execute(List.of(model.resolve("mosinit.hoc")), null, List.of("restart(\"Step_current_firing\")"));
        assertTrue(run.notes().stream().anyMatch(n -> n.startsWith("cvode.active(1)")), "the variable-step note: " + run.notes());
        JsonNode runs;
        try (InputStream in = getClass().getResourceAsStream("/cvode/hay_published_step_neuron.json")) {
            runs = new ObjectMapper().readTree(in).get("runs");
        }
        JsonNode nrn = runs.get(0).get("apcount_times_ms"), exact = runs.get(1).get("apcount_times_ms");
        assertEquals(1e-3, runs.get(0).get("atol").asDouble());
        assertEquals(1e-5, runs.get(1).get("atol").asDouble());
        double[] spikes = run.interpreter().vectorVariables().get("apcvec").toArray();
        assertEquals(nrn.size(), spikes.length, "spike count (27)");
        for (int i = 0; i < spikes.length; i++) {
            double nrnError = Math.abs(nrn.get(i).asDouble() - exact.get(i).asDouble());
            // at atol 1e-3 both integrators drift over the 27 interspike intervals: NEURON's own error grows to
            // 1.5 ms by the last spike, dendrite's to 0.66 ms. So: within 0.1 ms of NEURON widened by NEURON's own
            // error (measured |dendrite - NEURON| 0.003 ms at the first spike, 0.93 ms at the last), and at least as
            // close to NEURON's atol 1e-5 answer as NEURON at atol 1e-3 is, or within 0.1 ms of it (measured: closer
            // at every spike but the 5th and 6th, 0.067 and 0.096 ms)
            assertEquals(nrn.get(i).asDouble(), spikes[i], 0.1 + nrnError, "spike " + i + " vs NEURON atol 1e-3");
            assertEquals(exact.get(i).asDouble(), spikes[i], Math.max(0.1, nrnError), "spike " + i + " vs NEURON atol 1e-5");
        }
        run.writeCsv(out.resolve("traces.csv"));
        // traces.csv: cvode.record(&v(0.5), vvec, tvec): every step, no empty cell
        List<String> rows = Files.readAllLines(out.resolve("traces.csv"));
        assertEquals("t [ms],vvec [mV]", rows.get(0));
        assertEquals(120_002, rows.size());
        for (String r : rows) assertTrue(!r.contains(",,") && !r.endsWith(","), r);
    }
}
