package org.dendrite.engine.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/**
 * The build runs tests with {@code --add-modules jdk.incubator.vector}, so the SIMD kernels are the code under
 * test in the NEURON comparisons (io's MechanismReferenceTest, the whole-cell tests). This checks that they are
 * really active, and that one kernel step equals the closed-form cnexp update.
 */
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
}
