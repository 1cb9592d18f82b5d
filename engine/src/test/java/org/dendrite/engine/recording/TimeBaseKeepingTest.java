package org.dendrite.engine.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** A uniform time base that keeps the stored times (text files with float32-printed times). */
@Tag("unit")
class TimeBaseKeepingTest {
    @Test
    void sampleRateFromTheStepTimesAsStored() {
        // float32 renderings of 0, 0.25, 0.5, 0.75 ms: mean step (0.75000006 - 0) / 3 = 0.25000002 ms, which every
        // time base rounds to the whole 250000 ns (within 1e-6 relative)
        double[] t = {0.0, 0.25000001, 0.5, 0.75000006};
        TimeBase k = TimeBase.uniformKeeping(t, (t[3] - t[0]) / 3);
        assertTrue(k.isUniform());
        assertEquals(0.25, k.dtMs(), 0.0);
        assertEquals(0.25000001, k.timeMs(1), 0.0, "stored, not t0 + dt");
        assertEquals(0.75000006, k.timesMs()[3], 0.0);
        assertEquals(1.0, k.durationMs(), 1e-15, "uniform duration: n * dt");
        TimeBase u = TimeBase.uniform(0, (t[3] - t[0]) / 3, 4);
        assertEquals(0.25, u.timeMs(1), 0.0);
        assertNotEquals(u, k);
        assertEquals(k, TimeBase.uniformKeeping(t.clone(), (t[3] - t[0]) / 3));
        assertThrows(IllegalArgumentException.class, () -> TimeBase.uniformKeeping(new double[] {0, 1, 0.5}, 0.25));
        assertThrows(IllegalArgumentException.class, () -> TimeBase.uniformKeeping(t, 0));
    }
}
