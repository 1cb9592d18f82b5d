package org.dendrite.engine.sim;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Results that are wrong say so: a voltage beyond {@link Simulation#V_LIMIT_MV} and a Crank–Nicolson
 * step-to-step oscillation end the run with a {@link SimulationException} (exit 1) naming section, x and time,
 * while the same models with sane parameters run to the end.
 */
@Tag("unit")
class RunawayTest {
    static Simulation cable(String name, double length, double diam, int nseg, double ampNa, double x, double dt, int secondorder) {
        Morphology.Builder b = Morphology.builder("c");
        b.add(Section.stylized(name, SectionType.BASAL, -1, 0, length, diam));
        ModelSpec spec = new ModelSpec(b.build());
        spec.setNseg(0, nseg);
        spec.setRa(0, 100);
        spec.setCm(0, 1);
        spec.insertions.add(new ModelSpec.Insertion("pas", 0,
                Map.of("g", SegmentValue.constant(1e-4), "e", SegmentValue.constant(-65))));
        spec.points.add(new ModelSpec.PointSpec("stim", "IClamp", new Location(0, x),
                Map.of("del", 1.0, "dur", 1e9, "amp", ampNa)));
        spec.run.dt = dt;
        spec.run.secondorder = secondorder;
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(-65);
        return sim;
    }

    @Test
    void voltageBeyondTenVoltsIsReportedWithPlaceAndTime() {
        // 1e5 nA into a 20 x 20 um compartment: 8e4 V at steady state, far past the bound in the first step
        Simulation sim = cable("soma", 20, 20, 1, 1e5, 0.5, 0.025, 0);
        SimulationException e = assertThrows(SimulationException.class, () -> sim.advanceTo(10, null));
        assertTrue(e.getMessage().contains("ran away") && e.getMessage().contains("soma(0.5)")
                && e.getMessage().contains("t = 1.0"), e.getMessage());
        assertTrue(sim.state().t < 1.1, "stopped at the first bad step, t = " + sim.state().t);
    }

    @Test
    void crankNicolsonOscillationIsReported() {
        // a thin fine cable, 1 ms steps and a 2 nA step: the stiff modes' CN factor is close to -1
        Simulation sim = cable("dend", 200, 0.5, 201, 2, 0.5, 1, 2);
        SimulationException e = assertThrows(SimulationException.class, () -> sim.advanceTo(100, null));
        assertTrue(e.getMessage().contains("oscillates") && e.getMessage().contains("dend(0.5"), e.getMessage());
    }

    @Test
    void theSameCellsWithSaneSettingsRunToTheEnd() {
        Simulation be = cable("dend", 200, 0.5, 201, 2, 0.5, 1, 0); // backward Euler does not oscillate
        be.advanceTo(100, null);
        Simulation cn = cable("dend", 200, 0.5, 201, 0.02, 0.5, 0.025, 2); // CN at a small step
        cn.advanceTo(20, null);
        Simulation soma = cable("soma", 20, 20, 1, 0.1, 0.5, 0.025, 0);
        soma.advanceTo(201, null);
        double v = soma.state().v[soma.topology().node(0, 0.5)];
        // steady state -65 + I R = -65 + 0.1 nA * 795.8 MOhm = 14.6 mV; 200 ms after the step = 20 tau (tau = cm/g
        // = 10 ms): within 79.6 mV * e^-20 = 2e-7 mV of it, plus the O(dt) error of backward Euler (< 1e-3 mV)
        assertTrue(Math.abs(v - (-65 + 0.1e-9 / (1e-4 * Math.PI * 20 * 20 * 1e-8) * 1e3)) < 1e-3, "v = " + v);
    }
}
