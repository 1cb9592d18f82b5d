package org.dendrite.engine.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The build runs tests with {@code --add-modules jdk.incubator.vector}, so the SIMD kernels are the code under
 * test in the NEURON comparisons (io's MechanismReferenceTest, the whole-cell tests). This checks that they are
 * really active, and that one kernel step equals the closed-form cnexp update.
 */
@Tag("unit")
class RateKernelsTest {
    @Test
    void vectorKernelsAreActiveInTests() {
        assertNotNull(RateKernels.INSTANCE, "tests must exercise the SIMD path (surefire argLine adds the module)");
    }

    @Test
    void imKernelEqualsTheScalarFormula() {
        double[] v = {-90, -65, -35, -20, 0, 15, 40};
        int[] node = {0, 1, 2, 3, 4, 5, 6};
        double[] m = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7};
        double[] expected = new double[v.length];
        double qt = Channels.HAY_QT, dt = 0.025;
        for (int k = 0; k < v.length; k++) {
            double ma = 3.3e-3 * Math.exp(2.5 * 0.04 * (v[k] - -35));
            double mb = 3.3e-3 * Math.exp(-2.5 * 0.04 * (v[k] - -35));
            expected[k] = Channels.cnexp(m[k], ma / (ma + mb), (1 / (ma + mb)) / qt, dt);
        }
        RateKernels.INSTANCE.im(v, node, v.length, qt, dt, m);
        for (int k = 0; k < v.length; k++) assertEquals(expected[k], m[k], 2 * Math.ulp(expected[k]), "v = " + v[k]);
    }

    /** NaTa_t kernel against the scalar formulas, with lanes exactly at the singular voltages (nudge path) and a tail. */
    @Test
    void naTransientKernelEqualsTheScalarFormulaIncludingNudges() {
        double[] v = {-38, -66, -70, 12, -37.5, -66, -38, -10, 30};
        int[] node = new int[v.length];
        double[] m = new double[v.length], h = new double[v.length], em = new double[v.length], eh = new double[v.length];
        double qt = Channels.HAY_QT, dt = 0.025;
        for (int k = 0; k < v.length; k++) {
            node[k] = v.length - 1 - k; // a permutation: the gather must follow node[]
            m[k] = 0.05 * k;
            h[k] = 1 - 0.07 * k;
        }
        for (int k = 0; k < v.length; k++) {
            double x = v[node[k]];
            if (x == -38) x += 1e-4;
            double a = x + 38;
            double ma = 0.182 * a / (1 - Math.exp(-a / 6)), mb = 0.124 * (-a) / (1 - Math.exp(a / 6));
            em[k] = Channels.cnexp(m[k], ma / (ma + mb), (1 / (ma + mb)) / qt, dt);
            if (x == -66) x += 1e-4;
            double b = x + 66;
            double ha = -0.015 * b / (1 - Math.exp(b / 6)), hb = 0.015 * b / (1 - Math.exp(-b / 6));
            eh[k] = Channels.cnexp(h[k], ha / (ha + hb), (1 / (ha + hb)) / qt, dt);
        }
        RateKernels.INSTANCE.naTransient(v, node, v.length, -38, -66, qt, dt, m, h);
        for (int k = 0; k < v.length; k++) {
            assertEquals(em[k], m[k], 2 * Math.ulp(em[k]), "m, v = " + v[node[k]]);
            assertEquals(eh[k], h[k], 2 * Math.ulp(eh[k]), "h, v = " + v[node[k]]);
        }
    }
}
