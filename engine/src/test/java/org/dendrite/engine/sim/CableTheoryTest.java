package org.dendrite.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The solver against analytic cable theory. */
@Tag("unit")
class CableTheoryTest {
    static final double L = 1000, DIAM = 2, RA = 100, G = 1e-4, CM = 1;

    /** Sealed cable, current into the x = 0 end, pas with e = 0 so v is the deflection. */
    static Simulation sealedCable(int nseg, double ampNa, double dt) {
        Morphology.Builder b = Morphology.builder("cable");
        b.add(Section.stylized("cable", SectionType.BASAL, -1, 0, L, DIAM));
        ModelSpec spec = new ModelSpec(b.build());
        spec.setNseg(0, nseg);
        spec.setRa(0, RA);
        spec.setCm(0, CM);
        spec.insertions.add(new ModelSpec.Insertion("pas", 0,
                Map.of("g", SegmentValue.constant(G), "e", SegmentValue.constant(0))));
        spec.points.add(new ModelSpec.PointSpec("stim", "IClamp", new Location(0, 0),
                Map.of("del", 0.0, "dur", 1e9, "amp", ampNa)));
        spec.run.dt = dt;
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(0);
        return sim;
    }

    /** lambda in um: sqrt(Rm d / (4 Ra)) with Rm = 1/g ohm*cm2, d in cm. */
    static double lambdaUm() {
        double rm = 1 / G;
        return Math.sqrt(rm * (DIAM * 1e-4) / (4 * RA)) * 1e4;
    }

    /** Input resistance (MOhm) of a sealed finite cable: r_a lambda coth(L/lambda). */
    static double analyticRin() {
        double lam = lambdaUm();
        double raPerUm = 0.01 * RA / (Math.PI * DIAM * DIAM / 4); // MOhm per um
        return raPerUm * lam / Math.tanh(L / lam);
    }

    static double steadyRin(int nseg) {
        Simulation sim = sealedCable(nseg, 0.1, 0.5);
        sim.advanceTo(400, null); // 40 membrane time constants: steady to ~1e-17
        return sim.state().v[sim.topology().node(0, 0)] / 0.1;
    }

    @Test
    void inputResistanceOfSealedCableConvergesAtSecondOrder() {
        double exact = analyticRin();
        double e1 = Math.abs(steadyRin(11) - exact);
        double e2 = Math.abs(steadyRin(21) - exact);
        double e3 = Math.abs(steadyRin(41) - exact);
        // 41 segments of 24 um with lambda = 707 um: relative error well below 0.1 %
        assertEquals(exact, steadyRin(41), exact * 1e-3);
        // halving dx divides the error by ~4 (second order in space); dx ratio is 21/11 and 41/21
        double order1 = Math.log(e1 / e2) / Math.log(21.0 / 11.0);
        double order2 = Math.log(e2 / e3) / Math.log(41.0 / 21.0);
        assertEquals(2.0, order1, 0.15, "observed order " + order1);
        assertEquals(2.0, order2, 0.15, "observed order " + order2);
    }

    @Test
    void steadyStateProfileIsCoshShaped() {
        Simulation sim = sealedCable(81, 0.1, 0.5);
        sim.advanceTo(400, null);
        double lam = lambdaUm();
        double v0Model = sim.state().v[sim.topology().node(0, 0)];
        for (double x : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
            int node = sim.topology().node(0, x);
            double xc = sim.topology().x(node) * L;
            double expected = v0Model * Math.cosh((L - xc) / lam) / Math.cosh(L / lam);
            // dx = 12 um, (dx/lambda)^2 ~ 3e-4: the profile agrees to better than 1e-3 relative
            assertEquals(expected, sim.state().v[node], Math.abs(expected) * 1e-3, "v at x=" + x);
        }
    }

    /** One isopotential compartment relaxing from 10 mV to e = 0. */
    static double[] relax(double dt, int secondorder, double tEnd) {
        Morphology.Builder b = Morphology.builder("soma");
        b.add(Section.stylized("soma", SectionType.SOMA, -1, 0, 20, 20));
        ModelSpec spec = new ModelSpec(b.build());
        spec.setCm(0, CM);
        spec.insertions.add(new ModelSpec.Insertion("pas", 0,
                Map.of("g", SegmentValue.constant(G), "e", SegmentValue.constant(0))));
        spec.run.dt = dt;
        spec.run.secondorder = secondorder;
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(10);
        sim.advanceTo(tEnd, null);
        return new double[] {sim.state().v[sim.topology().node(0, 0.5)], sim.steps()};
    }

    @Test
    void isopotentialTimeConstantIsRmCm() {
        double tau = CM / G * 1e-3; // ms: 10 ms
        double[] be = relax(0.025, 0, 10);
        // backward Euler's discrete solution is exactly v0 / (1 + dt/tau)^n
        assertEquals(10 / Math.pow(1 + 0.025 / tau, be[1]), be[0], 1e-12);
        assertEquals(10 * Math.exp(-1), be[0], 10 * 0.025 / tau); // O(dt) from the exact exponential
        // Crank-Nicolson is second order in time: halving dt quarters the error
        double eA = Math.abs(relax(0.2, 2, 10)[0] - 10 * Math.exp(-1));
        double eB = Math.abs(relax(0.1, 2, 10)[0] - 10 * Math.exp(-1));
        assertEquals(4.0, eA / eB, 0.2);
        assertTrue(eB < 1e-4);
    }
}
