package org.dendrite.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The variable-step BDF integrator ({@link VariableStep}) on cells with known answers. */
@Tag("unit")
class VariableStepTest {
    /** A one-compartment passive soma, 20 x 20 um, g 1e-4 S/cm2, cm 1 uF/cm2 (tau 10 ms), IClamp amp nA at 1 ms. */
    static ModelSpec soma(double amp, boolean hh) {
        Morphology.Builder b = Morphology.builder("c");
        b.add(Section.stylized("soma", SectionType.SOMA, -1, 0, 20, 20));
        ModelSpec spec = new ModelSpec(b.build());
        spec.setNseg(0, 1);
        spec.setRa(0, 100);
        spec.setCm(0, 1);
        if (hh) spec.insertions.add(new ModelSpec.Insertion("hh", 0, Map.of()));
        else spec.insertions.add(new ModelSpec.Insertion("pas", 0,
                Map.of("g", SegmentValue.constant(1e-4), "e", SegmentValue.constant(-65))));
        spec.points.add(new ModelSpec.PointSpec("stim", "IClamp", new Location(0, 0.5),
                Map.of("del", 1.0, "dur", 20.0, "amp", amp)));
        spec.run.dt = 0.025;
        return spec;
    }

    static double vAfterDecay(double atol) {
        Simulation sim = Simulation.compile(soma(0.1, false));
        sim.finitialize(-65);
        sim.runVariableStep(11, atol, 0);
        return sim.state().v[sim.topology().node(0, 0.5)];
    }

    @Test
    void exponentialApproachErrorShrinksWithTolerance() {
        // v(t) = -65 + I R (1 - exp(-(t - 1)/tau)), R = 1/(g area) = 795.8 MOhm, tau = cm/g = 10 ms, at t = 11 ms
        double r = 1 / (1e-4 * Math.PI * 20 * 20 * 1e-8) * 1e-6; // MOhm
        double exact = -65 + 0.1 * r * (1 - Math.exp(-1));
        double e1 = Math.abs(vAfterDecay(1e-1) - exact);
        double e3 = Math.abs(vAfterDecay(1e-3) - exact);
        double e5 = Math.abs(vAfterDecay(1e-5) - exact);
        // a global error of a few times the local tolerance is what BDF delivers over ~100 steps
        assertTrue(e3 < 0.05, "atol 1e-3: error " + e3 + " mV");
        assertTrue(e5 < 1e-3, "atol 1e-5: error " + e5 + " mV");
        assertTrue(e5 < e3 && e3 < e1 + 1e-12, "errors " + e1 + ", " + e3 + ", " + e5);
    }

    @Test
    void stopsAtTheStimulusOnsetAndHoldsRestBefore() {
        Simulation sim = Simulation.compile(soma(0.1, false));
        sim.finitialize(-65);
        sim.runVariableStep(1.0, 1e-3, 0);
        // at rest with no current up to the onset: exactly -65 (to rounding)
        assertEquals(-65, sim.state().v[sim.topology().node(0, 0.5)], 1e-9);
    }

    @Test
    void hhSpikeTimesAgreeWithFineFixedStep() {
        ModelSpec spec = soma(0.2, true);
        spec.netcons.add(new ModelSpec.NetConSpec("ap", null, new Location(0, 0.5), 0, null, 0, new double[] {0}));
        spec.run.dt = 0.001;
        Simulation fine = Simulation.compile(spec);
        fine.finitialize(-65);
        fine.advanceTo(25, null);
        double[] ref = fine.spikeSources().get("ap").spikeTimes();
        spec.run.dt = 0.025;
        Simulation cv = Simulation.compile(spec);
        cv.finitialize(-65);
        VariableStep vs = cv.runVariableStep(25, 1e-3, 0);
        double[] got = cv.spikeSources().get("ap").spikeTimes();
        assertTrue(ref.length >= 2, "reference spikes " + ref.length);
        assertEquals(ref.length, got.length, "spike count");
        // fixed step at 1 us is within ~0.01 ms of the converged answer; atol 1e-3 (NEURON's default) within 0.1 ms
        for (int i = 0; i < ref.length; i++) assertEquals(ref[i], got[i], 0.1, "spike " + i);
        // far fewer steps than 0.025 ms fixed step (1000), and some work counted
        assertTrue(vs.steps() > 20 && vs.steps() < 1000, "steps " + vs.steps());
        assertTrue(vs.fEvaluations() >= vs.steps() && vs.newtonIterations() >= vs.steps());
    }

    /** A density mechanism with a state x and only the fixed-step update: no derivative form. */
    static final class Drift extends org.dendrite.engine.mechanism.MechanismBlock {
        static final org.dendrite.engine.mechanism.MechanismType TYPE = new org.dendrite.engine.mechanism.MechanismType(
                "drift", org.dendrite.engine.mechanism.MechanismKind.DENSITY,
                java.util.List.of(org.dendrite.engine.mechanism.Variable.state("x", "1")), java.util.List.of(), Drift::new);

        Drift(org.dendrite.engine.mechanism.MechanismType t, int[] node, org.dendrite.engine.mechanism.CellState s) {
            super(t, node);
        }

        @Override public void initialize(org.dendrite.engine.mechanism.CellState s) {}
        @Override public void current(org.dendrite.engine.mechanism.CellState s) {}
    }

    @Test
    void mechanismWithoutDerivativeFormIsRefusedByName() {
        ModelSpec spec = soma(0.1, false);
        spec.insertions.add(new ModelSpec.Insertion("drift", 0, Map.of()));
        Simulation sim = Simulation.compile(spec, org.dendrite.engine.mechanism.MechanismLibrary.standard()
                .with("test", java.util.List.of(Drift.TYPE), n -> {}));
        sim.finitialize(-65);
        DendriteException e = assertThrows(DendriteException.class, () -> sim.runVariableStep(5, 1e-3, 0));
        assertTrue(e.getMessage().contains("drift") && e.getMessage().contains("x"), e.getMessage());
    }

    @Test
    void atolscaleByNeuronNameReachesTheNamedStatesOnly() {
        Simulation sim = Simulation.compile(soma(0.1, true));
        sim.finitialize(-65);
        VariableStep vs = new VariableStep(sim, 1e-3, 0);
        vs.setToleranceScales(Map.of("h_hh", 0.01));
        vs.reset();
        // unknowns: v of the soma's nodes (zero-area ends and the centre), then m, h, n of its one hh instance
        int nv = sim.state().v.length;
        assertEquals(nv + 3, vs.size());
        assertEquals(1e-3, vs.absoluteTolerance(nv), 0, "m_hh keeps atol");
        assertEquals(1e-5, vs.absoluteTolerance(nv + 1), 1e-20, "h_hh gets atol x 0.01");
        assertEquals(1e-3, vs.absoluteTolerance(nv + 2), 0, "n_hh keeps atol");
    }

    @Test
    void bdfCoefficientsAreTheProductPolynomial() {
        // order 2: (1 + x)(1 + x/2) = 1 + 1.5 x + 0.5 x^2
        double[] l = VariableStep.lcoef(2);
        assertEquals(1, l[0], 1e-15);
        assertEquals(1.5, l[1], 1e-15);
        assertEquals(0.5, l[2], 1e-15);
        assertEquals(1 + 0.5 + 1.0 / 3, VariableStep.l1(3), 1e-15);
    }
}
