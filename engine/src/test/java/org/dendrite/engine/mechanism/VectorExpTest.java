package org.dendrite.engine.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The Vector API exponential of the channel kernels: accurate, and the same bits however it is run. */
@Tag("unit")
class VectorExpTest {
    @Test
    void withinTwoUlpOfMathExp() {
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        SplittableRandom rnd = new SplittableRandom(42);
        double worst = 0;
        for (int n = 0; n < 200_000; n++) {
            double[] x = new double[lanes];
            for (int i = 0; i < lanes; i++) x[i] = rnd.nextDouble(-700, 700);
            double[] y = new double[lanes];
            VectorRateKernels.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);
            for (int i = 0; i < lanes; i++) worst = Math.max(worst, Math.abs(y[i] - Math.exp(x[i])) / Math.ulp(Math.exp(x[i])));
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
    }

    @Test
    void exactAtZeroAndClampedAtTheEnds() {
        double[] x = new double[DoubleVector.SPECIES_PREFERRED.length()];
        x[0] = 0;
        if (x.length > 1) x[1] = -1e6;
        double[] y = new double[x.length];
        VectorRateKernels.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);
        assertEquals(1.0, y[0], 0.0);
        if (x.length > 1) assertTrue(y[1] >= 0 && y[1] < 1e-300);
    }
}
