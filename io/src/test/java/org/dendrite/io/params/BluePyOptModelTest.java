package org.dendrite.io.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.point.SpikeSource;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The BluePyOpt L5PC (release parameters, protocol Step1) built by {@link BluePyOptModel} against NEURON 8.2.2
 * running BluePyOpt's own construction (shared/reference/mechanisms/data/bpo_l5pc_step1).
 */
class BluePyOptModelTest {
    static final Path DIR = SharedData.path("data/models-bluepyopt-l5pc");
    static final Path REF = SharedData.path("reference/mechanisms/data");

    static Simulation build(double tstop) throws Exception {
        ModelSpec spec = BluePyOptModel.load(DIR);
        BluePyOptModel.applyProtocol(spec, DIR.resolve("protocols.json"), "Step1");
        spec.run.tstop = tstop;
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

    /** First spike (the 60 ms window around it) within 1e-3 ms of NEURON. */
    @Test
    void firstSpikeMatchesNeuron() throws Exception {
        JsonNode ref = WholeCellReference.json(REF.resolve("bpo_l5pc_step1.json"));
        Simulation sim = build(760);
        long t0 = System.nanoTime();
        sim.advanceTo(760, null);
        System.out.printf("bpo_l5pc 760 ms: %.2f s%n", (System.nanoTime() - t0) / 1e9);
        SpikeSource soma = sim.spikeSources().get("soma_spikes");
        double[] expected = WholeCellReference.spikeTimes(ref, 0);
        double[] got = soma.spikeTimes();
        System.out.println("spikes " + java.util.Arrays.toString(got) + " NEURON first " + expected[0]);
        assertEquals(1, got.length, "spikes before 760 ms");
        assertEquals(expected[0], got[0], 1e-3);
    }
}
