package org.dendrite.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class TraceComparisonTest {
    @Test
    void resampleIsExactForLinearSignalsAndHoldsTheEnds() {
        double[] t = {0, 1, 2, 4};
        double[] y = {1, 3, 5, 9}; // y = 2t + 1
        assertArrayEquals(new double[] {1, 2, 4, 8, 9, 9}, TraceComparison.resample(t, y, new double[] {-1, 0.5, 1.5, 3.5, 4, 7}), 1e-15);
    }

    @Test
    void rmseOfAConstantOffsetIsTheOffset() {
        assertEquals(0.5, TraceComparison.rmse(new double[] {1, 2, 3}, new double[] {1.5, 2.5, 3.5}), 1e-15);
    }

    @Test
    void coincidenceFactor() {
        double[] a = {10, 50, 90};
        assertEquals(1.0, TraceComparison.coincidenceFactor(a, a, 2, 100), 1e-12);
        // one of three spikes matched, within 2 ms: (1 - 2*0.03*2*3) / (0.5*6) / (1 - 2*0.03*2)
        double expected = (1 - 2 * 0.03 * 2 * 3) / 3.0 / (1 - 2 * 0.03 * 2);
        assertEquals(expected, TraceComparison.coincidenceFactor(a, new double[] {11.5, 70, 30}, 2, 100), 1e-12);
        assertEquals(Double.NaN, TraceComparison.coincidenceFactor(new double[0], new double[0], 2, 100));
    }
}
