package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
 * Step_current_firing.hoc (CVode, cvode.record, APCount, Graph) inside a proc. Its files are third-party and
 * are read from {@code ../shared/data/hay-modeldb-139653} (benchmarks/scripts/hoc/published_hay_139653.sh
 * fetches them there); the test is skipped when they are absent. The script calls cvode.active(1), so both run
 * the variable step. Reference: NEURON 8.2.2 with the published .mod files running the same file unchanged
 * (atol 1e-3), spike times from the same APCount, in reference/published_step_spikes_nrniv_cvode.txt (made by
 * benchmarks/scripts/hoc/published_hay_139653.sh). About 10 s (3 s of a 642-compartment cell).
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
        run.interpreter().execute("chdir(\"" + model.toString().replace("\\", "/") + "\")", "cd");
        run.execute(List.of(model.resolve("mosinit.hoc")), null, List.of("restart(\"Step_current_firing\")"));
        assertTrue(run.notes().stream().anyMatch(n -> n.startsWith("cvode.active(1)")), "the cvode note: " + run.notes());
        List<String> ref = Files.readAllLines(SharedData.projectRoot()
                .resolve("cli/src/test/resources/hoc/hay/reference/published_step_spikes_nrniv_cvode.txt"));
        double[] spikes = run.interpreter().vectorVariables().get("apcvec").toArray();
        assertEquals(ref.size(), spikes.length, "spike count");
        // 27 spikes; the first within 0.01 ms (measured 0.007), later ones drift by the tolerance-level error of
        // each integrator accumulated over an adapting train (as for the BluePyOpt L5PC: NEURON's own atol 1e-3
        // run is 1.2 ms from its 1e-5 run there); measured max 1.66 ms
        assertEquals(Double.parseDouble(ref.get(0)), spikes[0], 0.01, "spike 0");
        for (int i = 0; i < ref.size(); i++) assertEquals(Double.parseDouble(ref.get(i)), spikes[i], 2.5, "spike " + i);
        run.writeCsv(out.resolve("traces.csv"));
        // traces.csv: cvode.record(&v(0.5), vvec, tvec): every variable step, no empty cell; NEURON's tvec has
        // 7426 entries (measured here 5792 rows: within 2x)
        List<String> rows = Files.readAllLines(out.resolve("traces.csv"));
        assertEquals("t [ms],vvec [mV]", rows.get(0));
        assertTrue(rows.size() - 1 >= 7426 / 2 && rows.size() - 1 <= 2 * 7426, "rows " + rows.size());
        for (String r : rows) assertTrue(!r.contains(",,") && !r.endsWith(","), r);
    }
}
