package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.engine.SharedData;
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
 * .mod files, fixed step dt = 0.025 ms (the script's cvode.active(1) set to 0; dendrite has no variable step),
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
        StringWriter o = new StringWriter(), e = new StringWriter();
        var cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute("run", model.resolve("mosinit.hoc").toString(), "-c", "restart(\"Step_current_firing\")",
                "--out", out.toString(), "-q", "--no-plot");
        assertEquals(0, code, e.toString());
        assertTrue(e.toString().contains("cvode.active(1)"), "the fixed-step note: " + e);
        String summary = Files.readString(out.resolve("summary.json"));
        List<String> ref = Files.readAllLines(SharedData.projectRoot()
                .resolve("cli/src/test/resources/hoc/hay/reference/published_step_spikes_nrniv.txt"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(summary).get("spike_times_ms");
        var spikes = json.elements().next(); // the APCount's detector: the only spike source
        assertEquals(ref.size(), spikes.size(), "spike count: " + spikes);
        // same fixed-step arithmetic: the step of each threshold crossing is the same (a step is 0.025 ms)
        for (int i = 0; i < ref.size(); i++) assertEquals(Double.parseDouble(ref.get(i)), spikes.get(i).asDouble(), 1e-9, "spike " + i);
        // traces.csv: cvode.record(&v(0.5), vvec, tvec): every step, no empty cell
        List<String> rows = Files.readAllLines(out.resolve("traces.csv"));
        assertEquals("t [ms],vvec [mV]", rows.get(0));
        assertEquals(120_002, rows.size());
        for (String r : rows) assertTrue(!r.contains(",,") && !r.endsWith(","), r);
    }
}
