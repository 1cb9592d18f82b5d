package org.dendrite.io.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The Hay L5PC on cell1.asc (mechanisms.md §5): construction facts, and BAC firing — a back-propagating AP
 * coinciding with a distal EPSP triggers a dendritic Ca spike and a somatic burst, which neither input does
 * alone (Hay et al. 2011, Fig. 4). No NEURON trace of this protocol is in shared/, so the test asserts the
 * phenomenon, not numbers.
 */
@Tag("data")
class HayModelTest {
    static Simulation run(boolean pulse, boolean epsp) throws Exception {
        ModelSpec spec = HayModel.build(SharedData.path("data/hay-l5pc/cell1.asc"));
        HayModel.bacProtocol(spec, pulse, epsp);
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
        sim.advanceTo(spec.run.tstop, null);
        return sim;
    }

    @Test
    void constructionFacts() throws Exception {
        ModelSpec spec = HayModel.build(SharedData.path("data/hay-l5pc/cell1.asc"));
        Simulation sim = Simulation.compile(spec);
        assertEquals(196, spec.morphology().size(), "sections (§5.1)");
        assertEquals(642, sim.compartmentCount(), "segments (§5.1)");
    }

    @Test
    void bacFiringNeedsBothInputs() throws Exception {
        Simulation bac = run(true, true), bap = run(true, false), epsp = run(false, true);
        int nBac = bac.spikeSources().get("soma_spikes").spikeTimes().length;
        int nBap = bap.spikeSources().get("soma_spikes").spikeTimes().length;
        int nEpsp = epsp.spikeSources().get("soma_spikes").spikeTimes().length;
        double caBac = plateau(bac.traces()), caBap = plateau(bap.traces());
        System.out.printf("Hay BAC: soma spikes BAC %d, BAP %d, EPSP %d; trunk time above -30 mV: BAC %.1f ms, BAP %.1f ms%n",
                nBac, nBap, nEpsp, caBac, caBap);
        assertEquals(1, nBap, "the pulse alone gives one spike");
        assertEquals(0, nEpsp, "the EPSP alone is subthreshold at the soma");
        assertTrue(nBac >= 2, "BAC: a burst");
        assertTrue(caBac > 10 && caBac > 3 * caBap, "BAC: a dendritic Ca plateau at 620 um");
    }

    /** Time (ms) the trunk spends above -30 mV. */
    static double plateau(Traces tr) {
        double[] v = tr.column("trunk620");
        int n = 0;
        for (double x : v) if (x > -30) n++;
        return n * 0.025;
    }
}
