package org.dendrite.engine.mechanism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.mechanism.builtin.DualExpSynapse;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** AMPA/NMDA conductance synapses driven by a VecStim spike list (docs/synapses.md). */
@Tag("unit")
class SynapseTest {

    static ModelSpec compartment(String synapse, double weight, double[] times, double delay) {
        Morphology.Builder mb = Morphology.builder("test");
        mb.add(Section.stylized("soma", SectionType.SOMA, -1, 0, 20, 20));
        Morphology m = mb.build();
        ModelSpec spec = new ModelSpec(m);
        spec.insertions.add(new ModelSpec.Insertion("pas", 0, Map.of("g", SegmentValue.constant(1e-4),
                "e", SegmentValue.constant(-70))));
        spec.points.add(new ModelSpec.PointSpec("syn", synapse, new Location(0, 0.5), Map.of()));
        spec.artificialCells.add(new ModelSpec.ArtificialSpec("train", "VecStim", Map.of()));
        spec.eventTimes.put("train", times);
        spec.netcons.add(new ModelSpec.NetConSpec("nc", "train", null, 0, "syn", delay, new double[] {weight}));
        spec.probes.add(new ModelSpec.ProbeSpec("g", null, "syn", "g"));
        spec.probes.add(new ModelSpec.ProbeSpec("i", null, "syn", "i"));
        spec.probes.add(new ModelSpec.ProbeSpec("v", new Location(0, 0.5), null, "v"));
        spec.run.tstop = 100;
        spec.run.vInit = -70;
        return spec;
    }

    static Simulation run(ModelSpec spec) {
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
        sim.advanceTo(spec.run.tstop, null);
        return sim;
    }

    /**
     * g(t) = w·factor·(e^(-s/τd) - e^(-s/τr)) after each event (delivered at spike time + delay), summed; to
     * 1e-11·w (round-off of the repeated exponential decay over 4000 steps).
     */
    @Test
    void ampaConductanceIsTheAnalyticDualExponential() {
        double w = 0.002, tr = 0.2, td = 1.7;
        double[] times = {5, 30};
        Simulation sim = run(compartment("AMPA", w, times, 1.0));
        assertArrayEquals(times, sim.spikeSources().get("nc").spikeTimes(), 1e-12, "VecStim fires at its list");
        double tp = tr * td / (td - tr) * Math.log(td / tr);
        double factor = 1 / (Math.exp(-tp / td) - Math.exp(-tp / tr));
        Traces t = sim.traces();
        double[] g = t.column("g"), time = t.time();
        double peak = 0, worst = 0;
        for (int r = 1; r < g.length; r++) {
            // g of row r is computed in that step's current evaluation from the states of row r-1
            double expected = 0;
            for (double ts : times) {
                double s = time[r - 1] - (ts + 1.0);
                if (s > -1e-9) expected += w * factor * (Math.exp(-s / td) - Math.exp(-s / tr));
            }
            worst = Math.max(worst, Math.abs(g[r] - expected));
            peak = Math.max(peak, g[r]);
        }
        assertTrue(worst < 1e-11 * w, "g differs from the analytic form by " + worst + " uS");
        assertEquals(w, peak, 0.01 * w, "one event peaks at its weight (sampled every 0.025 ms)");
        assertTrue(java.util.Arrays.stream(t.column("v")).max().getAsDouble() > -69, "the EPSP depolarises");
    }

    /** NMDA current = g·B(v)·(v - e) with the Jahr–Stevens block evaluated at the recorded voltage. */
    @Test
    void nmdaCurrentCarriesTheMagnesiumBlock() {
        Simulation sim = run(compartment("NMDA", 0.003, new double[] {10}, 0));
        Traces t = sim.traces();
        double[] g = t.column("g"), i = t.column("i"), v = t.column("v");
        int checked = 0;
        for (int r = 1; r < g.length; r++) {
            if (g[r - 1] <= 0) continue;
            // currents of row r are evaluated with v of row r-1 (start of the step)
            double expected = g[r] * DualExpSynapse.mgBlock(v[r - 1], 1) * (v[r - 1] - 0);
            assertEquals(expected, i[r], 1e-15 + 1e-12 * Math.abs(expected), "row " + r);
            checked++;
        }
        assertTrue(checked > 1000);
        // block values (Jahr & Stevens 1990, 1 mM Mg): at -70 mV 4.4% of the conductance is available, at 0 mV 78%
        assertEquals(1 / (1 + Math.exp(0.062 * 70) / 3.57), DualExpSynapse.mgBlock(-70, 1), 1e-15);
        assertEquals(0.0445, DualExpSynapse.mgBlock(-70, 1), 1e-4);
        assertEquals(3.57 / 4.57, DualExpSynapse.mgBlock(0, 1), 1e-15);
    }

    /** A NetCon onto a point process without NET_RECEIVE is refused when the model compiles, naming both. */
    @Test
    void netConOntoAPointProcessThatTakesNoEventsIsAModelError() {
        ModelSpec spec = compartment("ExpSyn", 0.001, new double[] {5}, 1);
        spec.points.add(new ModelSpec.PointSpec("stim", "IClamp", new Location(0, 0.5), Map.of()));
        spec.netcons.add(new ModelSpec.NetConSpec("bad", "train", null, 0, "stim", 1, new double[] {1}));
        org.dendrite.engine.DendriteException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.dendrite.engine.DendriteException.class, () -> Simulation.compile(spec));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("'stim' is a IClamp, which takes no events"),
                e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(MechanismLibrary.standard().get("ExpSyn").receivesEvents());
        org.junit.jupiter.api.Assertions.assertFalse(MechanismLibrary.standard().get("IClamp").receivesEvents());
    }
}
