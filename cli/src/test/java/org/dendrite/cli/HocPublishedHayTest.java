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
 * fetches them there); the test is skipped when they are absent. Reference: NEURON 8.2.2 with the published
 * .mod files, fixed step dt = 0.025 ms (the script's cvode.active(1) set to 0; dendrite runs it with {@code --method
 * be}, as the fixed-step comparison),
 * spike times from the same APCount, written by that script to reference/published_step_spikes_nrniv.txt.
 * About a minute (3 s of a 642-compartment cell).
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
        // as `dendrite run --method be`: the fixed step the NEURON reference used, despite the script's cvode.active(1)
        run.bridge().forceFixedStep(0);
        run.interpreter().execute("chdir(\"" + model.toString().replace("\\", "/") + "\")", "cd");
        run.execute(List.of(model.resolve("mosinit.hoc")), null, List.of("restart(\"Step_current_firing\")"));
        assertTrue(run.notes().stream().anyMatch(n -> n.startsWith("cvode.active(1)")), "the cvode note: " + run.notes());
        List<String> ref = Files.readAllLines(SharedData.projectRoot()
                .resolve("cli/src/test/resources/hoc/hay/reference/published_step_spikes_nrniv.txt"));
        double[] spikes = run.interpreter().vectorVariables().get("apcvec").toArray();
        assertEquals(ref.size(), spikes.length, "spike count");
        // each threshold crossing in the same step (dt = 0.025 ms); 1e-6 ms: the reference has 10 printed digits
        // and t is a sum of steps (927.9750000012846 prints as 927.975)
        for (int i = 0; i < ref.size(); i++) assertEquals(Double.parseDouble(ref.get(i)), spikes[i], 1e-6, "spike " + i);
        run.writeCsv(out.resolve("traces.csv"));
        // traces.csv: cvode.record(&v(0.5), vvec, tvec): every step, no empty cell
        List<String> rows = Files.readAllLines(out.resolve("traces.csv"));
        assertEquals("t [ms],vvec [mV]", rows.get(0));
        assertEquals(120_002, rows.size());
        for (String r : rows) assertTrue(!r.contains(",,") && !r.endsWith(","), r);
    }
}
