package org.dendrite.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Behaviour on small hand-made traces, where every expected number follows from the definitions by hand. */
@Tag("unit")
class TraceFeaturesTest {
    @Test
    void gridFollowsEfel() {
        // ceil((0.95 - 0) / 0.1) = 10 points 0 .. 0.9 (by repeated addition), plus 1.0 because 0.9 < 0.95
        double[] g = TraceFeatures.gridOf(new double[] {0, 0.5, 0.95}, 0.1);
        assertEquals(11, g.length);
        assertEquals(0.1 + 0.1 + 0.1, g[3]); // accumulated, not 3 * 0.1
        assertEquals(g[9] + 0.1, g[10]);
        // interpolation: linear inside, last value beyond the last sample
        double[] y = TraceFeatures.interpolate(new double[] {0, 1, 1, 2}, new double[] {0, 10, 20, 30},
                new double[] {0.5, 1.0, 1.5, 2.5});
        assertArrayEquals(new double[] {5, 10, 25, 30}, y, 1e-12);
    }

    @Test
    void firstMinimumStopsAtTheFirstDipThatHolds() {
        double[] v = {5, 3, 1, 2, 3, 0, 4};
        assertEquals(2, TraceFeatures.firstMinimum(v, 0, v.length)); // 1 is followed by two samples not below it
        double[] w = {5, 3, 1, 2, 0, 4};
        assertEquals(4, TraceFeatures.firstMinimum(w, 0, w.length)); // only one sample above 1, then lower
        assertEquals(-1, TraceFeatures.firstMinimum(w, 3, 3));
    }

    /** One triangular 'spike' from -70 to +35 mV: peak, threshold crossings and counts by hand. */
    @Test
    void singleSpikeByHand() {
        int n = 3001;
        double[] t = new double[n], v = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = k * 0.1;
            double d = Math.abs(t[k] - 150.0);
            v[k] = d < 1.0 ? 35 - 105 * d : -70; // 1 ms half width at the base; -20 mV at d = 0.524 ms
        }
        TraceFeatures f = TraceFeatures.of(t, v, 100, 200, new FeatureSettings());
        assertArrayEquals(new double[] {1500}, f.get("peak_indices"));
        assertEquals(35.0, f.get("peak_voltage")[0], 1e-9);
        assertEquals(50.0, f.get("time_to_first_spike")[0], 1e-9);
        assertArrayEquals(new double[] {1}, f.get("spike_count"));
        assertEquals(-70.0, f.get("voltage_base")[0], 1e-12);
        // V >= -20 mV from 149.476 to 150.524 ms: first grid sample at or above is 149.5 ms, first at or below after
        // the peak is 150.6 ms (150.5 ms is still at -17.5 mV)
        assertEquals(1.1, f.get("AP_width")[0], 1e-9);
        assertNull(f.get("ISI_values"));
        assertEquals(1000.0 / 50.0, f.get("mean_frequency")[0], 1e-9); // 1 spike, 50 ms after stim start
        double[] copy = f.get("peak_voltage");
        copy[0] = 0;
        assertEquals(35.0, f.get("peak_voltage")[0], 1e-9); // callers get copies
    }

    @Test
    void rejectsBadTraces() {
        assertThrows(IllegalArgumentException.class, () -> TraceFeatures.of(new double[] {0, 1}, new double[] {0}, 0, 1, null));
        assertThrows(IllegalArgumentException.class, () -> TraceFeatures.of(new double[] {0, 2, 1}, new double[] {0, 0, 0}, 0, 1, null));
        assertThrows(IllegalArgumentException.class, () -> TraceFeatures.of(new double[] {0, 1, 2}, new double[] {0, 0, 0}, 2, 1, null));
        assertThrows(IllegalArgumentException.class, () -> TraceFeatures.of(new double[] {0, 1, 2}, new double[] {0, 0, 0}, 0, 1, null)
                .get("no_such_feature"));
    }
}
