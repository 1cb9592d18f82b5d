package org.dendrite.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.StimulusEdges;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Discontinuities under the variable step: stimulus edges, events inside a step, artificial-cell events. */
@Tag("unit")
class VariableStepEventsTest {
    /** Input resistance (MOhm) and time constant (ms) of {@link VariableStepTest#soma}'s passive soma. */
    static final double R = 1 / (1e-4 * Math.PI * 20 * 20 * 1e-8) * 1e-6, TAU = 10;

    /** v of the passive soma for current steps dI_k (nA) at t_k (ms), from rest at -65 mV. */
    static double passive(double t, double[] tk, double[] dI) {
        double v = -65;
        for (int k = 0; k < tk.length; k++) if (t > tk[k]) v += R * dI[k] * (1 - Math.exp(-(t - tk[k]) / TAU));
        return v;
    }

    @Test
    void playedWaveformStepsAreEdgesAndSameValuedSamplesAreNot() {
        ModelSpec spec = VariableStepTest.soma(0, false);
        spec.waveforms.add(new ModelSpec.CurrentWaveform("w", new Location(0, 0.5), new double[] {1, 2, 3, 4},
                new double[] {0.1, 0.1, 0.2, 0}));
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(-65);
        StimulusEdges play = null;
        for (MechanismBlock m : sim.mechanisms()) if (m.type().name().equals("IPlay")) play = (StimulusEdges) m;
        assertEquals(1, play.nextEdge(0), 0);
        assertEquals(3, play.nextEdge(1), 0, "the sample at 2 ms repeats 0.1 nA: no edge");
        assertEquals(4, play.nextEdge(3.5), 0);
        assertEquals(Double.POSITIVE_INFINITY, play.nextEdge(4), 0);
        VariableStep vs = sim.runVariableStep(6, 1e-5, 0);
        // +0.1 nA at 1 ms, +0.1 at 3, -0.2 at 4: superposed exponential charging; BDF at atol 1e-5 mV is within
        // a few 1e-4 mV over these ~100 steps
        double exact = passive(6, new double[] {1, 3, 4}, new double[] {0.1, 0.1, -0.2});
        assertEquals(exact, sim.state().v[sim.topology().node(0, 0.5)], 2e-3);
        assertEquals(4, vs.restarts(), "start and the edges at 1, 3, 4 ms");
    }

    @Test
    void voltageClampLevelsAreEdges() {
        ModelSpec spec = VariableStepTest.soma(0, false);
        spec.points.add(new ModelSpec.PointSpec("vc", "SEClamp", new Location(0, 0.5),
                Map.of("dur1", 2.0, "amp1", -65.0, "dur2", 3.0, "amp2", -40.0, "dur3", 1.0, "amp3", -65.0)));
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(-65);
        StimulusEdges vc = null;
        for (MechanismBlock m : sim.mechanisms()) if (m.type().name().equals("SEClamp")) vc = (StimulusEdges) m;
        assertEquals(2, vc.nextEdge(0), 0);
        assertEquals(5, vc.nextEdge(2), 0);
        assertEquals(6, vc.nextEdge(5), 0);
        sim.runVariableStep(4.9, 1e-4, 0);
        // rs = 1 MOhm against 796 MOhm of membrane: v sits at the command within 0.2 % of the 25 mV step
        assertEquals(-40, sim.state().v[sim.topology().node(0, 0.5)], 0.1);
    }

    @Test
    void crossingWithZeroDelayIsDeliveredAtTheCrossingTime() {
        // IClamp 0.1 nA from 1 ms charges the soma past -60 mV at t_c = 1 + tau ln(1/(1 - 5/(I R))) ms; a NetCon
        // with delay 0 from there to an ExpSyn (tau 2 ms) must deliver at t_c, inside the step that found the
        // crossing: the integrator goes back to t_c along its history
        ModelSpec spec = VariableStepTest.soma(0.1, false);
        spec.points.add(new ModelSpec.PointSpec("syn", "ExpSyn", new Location(0, 0.5), Map.of("tau", 2.0, "e", -65.0)));
        spec.netcons.add(new ModelSpec.NetConSpec("ap", null, new Location(0, 0.5), -60, "syn", 0, new double[] {1e-3}));
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(-65);
        VariableStep vs = sim.runVariableStep(4, 1e-7, 0);
        double tc = 1 + TAU * Math.log(1 / (1 - 5 / (0.1 * R)));
        double[] spikes = sim.spikeSources().get("ap").spikeTimes();
        assertEquals(1, spikes.length);
        // the crossing from the interpolated history at atol 1e-7 mV: within 1e-4 ms of the analytic time (the
        // synapse, reversal -65 mV, pulls v back only after t_c)
        assertEquals(tc, spikes[0], 1e-4);
        double g = readG(sim);
        // g = w exp(-(4 - t_c)/tau): delivered at t_c (a delivery one step late would show as a lower g)
        assertEquals(1e-3 * Math.exp(-(4 - tc) / 2), g, 1e-3 * 1e-4);
        assertEquals(1, vs.eventsDelivered());
        assertEquals(3, vs.restarts(), "start, IClamp onset, the delivery at t_c");
    }

    private static double readG(Simulation sim) {
        for (MechanismBlock m : sim.mechanisms()) if (m.type().name().equals("ExpSyn")) return m.variable("g")[0];
        return Double.NaN;
    }

    @Test
    void eventsToArtificialCellsOnlyDoNotRestart() {
        // a NetStim with no target: its self-events stop the steps at 2, 4, 6, 8 ms but leave the cell's history
        ModelSpec spec = VariableStepTest.soma(0.1, false);
        spec.artificialCells.add(new ModelSpec.ArtificialSpec("ns", "NetStim",
                Map.of("start", 2.0, "interval", 2.0, "number", 4.0, "noise", 0.0)));
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(-65);
        VariableStep vs = sim.runVariableStep(9, 1e-5, 0);
        assertTrue(vs.eventsDelivered() >= 4, "events " + vs.eventsDelivered());
        assertEquals(2, vs.restarts(), "start and the IClamp onset only");
        assertEquals(passive(9, new double[] {1}, new double[] {0.1}), sim.state().v[sim.topology().node(0, 0.5)], 2e-3);
        assertEquals(4, sim.spikeSources().get("ns").spikeTimes().length);
    }
}
