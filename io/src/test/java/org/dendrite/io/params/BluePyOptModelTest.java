package org.dendrite.io.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The BluePyOpt L5PC (release parameters, protocol Step1) built by {@link BluePyOptModel} against NEURON 8.2.2
 * running BluePyOpt's own construction (shared/reference/mechanisms/data/bpo_l5pc_step1).
 */
@Tag("neuron-agreement")
@Tag("data")
class BluePyOptModelTest {
    static final Path DIR = SharedData.projectRoot().resolveSibling("shared").resolve("data/models-bluepyopt-l5pc");
    static final Path REF = SharedData.projectRoot().resolveSibling("shared").resolve("reference/mechanisms/data");

    /** Reads ../shared: skipped (and counted) when it is absent. */
    @org.junit.jupiter.api.BeforeEach
    void needsShared() {
        SharedData.assumeAvailable();
    }

    static Simulation build(double tstop) throws Exception {
        return build(tstop, null);
    }

    /** The cell with another mechanism library (null: the loader's own, {@code hay}). */
    static Simulation build(double tstop, String library) throws Exception {
        JsonNode ref = WholeCellReference.json(REF.resolve("bpo_l5pc_step1.json"));
        ModelSpec spec = BluePyOptModel.load(DIR);
        BluePyOptModel.applyProtocol(spec, DIR.resolve("protocols.json"), "Step1");
        for (JsonNode loc : ref.get("recording_locations")) {
            if (loc.get("label").asText().equals("soma")) continue;
            spec.probes.add(new ModelSpec.ProbeSpec(loc.get("label").asText(),
                    new Location(spec.morphology().indexOf(loc.get("section").asText()), loc.get("x").asDouble()),
                    null, "v"));
        }
        spec.run.tstop = tstop;
        if (library != null) spec.mechanismLibrary = library;
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
        return sim;
    }

    /** Every mechanism parameter of every one of the 699 segments equals NEURON's to 1e-12 relative. */
    @Test
    void perSegmentDensitiesEqualNeuron() throws Exception {
        JsonNode ref = WholeCellReference.json(REF.resolve("bpo_l5pc_step1.json"));
        Simulation sim = build(0);
        int n = WholeCellReference.compareSegments(ref, sim, 1e-12);
        assertTrue(n > 3000, "compared " + n);
        assertEquals(699, sim.compartmentCount());
    }

    /**
     * The whole Step1 protocol (3 s): NEURON's 14 soma spikes, each within 1e-3 ms, and the every-step 60 ms
     * window around the first spike (soma, apical 653 µm and 809 µm) within 1e-7 mV (measured: 4.1e-11 mV at the
     * soma through the spike, round-off).
     */
    /** Step1 through dendrite's own NMODL files of the Hay library, compiled at load (hay-nmodl): NEURON's 14 spikes. */
    @Test
    void step1SpikeTrainThroughTheCompiledNmodlLibrary() throws Exception {
        JsonNode ref = WholeCellReference.json(REF.resolve("bpo_l5pc_step1.json"));
        Simulation sim = build(3000, "hay-nmodl");
        sim.advanceTo(3000, null);
        double[] expected = WholeCellReference.spikeTimes(ref, 0);
        double[] got = sim.spikeSources().get("soma_spikes").spikeTimes();
        assertEquals(expected.length, got.length, "spike count, got " + java.util.Arrays.toString(got));
        double worstDt = 0;
        for (int k = 0; k < got.length; k++) worstDt = Math.max(worstDt, Math.abs(got[k] - expected[k]));
        System.out.println("bpo spikes through hay-nmodl: " + got.length + ", max |dt| = " + worstDt + " ms");
        assertTrue(worstDt <= 1e-3, "spike times differ by up to " + worstDt + " ms");
    }

    @Test
    void step1SpikeTrainMatchesNeuron() throws Exception {
        JsonNode ref = WholeCellReference.json(REF.resolve("bpo_l5pc_step1.json"));
        Simulation sim = build(3000);
        long t0 = System.nanoTime();
        sim.advanceTo(3000, null);
        System.out.printf("bpo_l5pc 3000 ms: %.2f s%n", (System.nanoTime() - t0) / 1e9);
        SpikeSource soma = sim.spikeSources().get("soma_spikes");
        double[] expected = WholeCellReference.spikeTimes(ref, 0);
        double[] got = soma.spikeTimes();
        assertEquals(14, expected.length);
        assertEquals(expected.length, got.length, "spike count, got " + java.util.Arrays.toString(got));
        double worstDt = 0;
        for (int k = 0; k < got.length; k++) worstDt = Math.max(worstDt, Math.abs(got[k] - expected[k]));
        System.out.println("bpo spikes: 14, max |dt| = " + worstDt + " ms");
        assertTrue(worstDt <= 1e-3, "spike times differ by up to " + worstDt + " ms");
        // the every-step window 700-760 ms (steps 28000..30400) around the first spike
        java.util.List<String> lines = java.nio.file.Files.readAllLines(REF.resolve("bpo_l5pc_step1_window.csv"));
        String[] cols = {"soma", "dend1", "dend2"};
        var tr = sim.traces();
        for (int c = 0; c < cols.length; c++) {
            double[] mine = tr.column(cols[c]);
            double worst = 0;
            for (int r = 1; r < lines.size(); r++) {
                double nrn = Double.parseDouble(lines.get(r).split(",")[c + 1]);
                worst = Math.max(worst, Math.abs(mine[28000 + r - 1] - nrn));
            }
            System.out.println("bpo window " + cols[c] + " max |dv| = " + worst + " mV");
            assertTrue(worst < 1e-7, cols[c] + ": max |dv| " + worst + " mV in the spike window");
        }
    }
}
