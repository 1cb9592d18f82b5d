package org.dendrite.io.recording;

import org.dendrite.engine.recording.TimeBase;

/** Time bases from stored sample times, shared by the readers. */
public final class TimeBases {
    private TimeBases() {}

    /**
     * Uniform ({@code t0 + i * dt}, dt the mean step) when every step is within 0.1 % of the mean step, else the
     * explicit times (variable-step simulator output).
     */
    public static TimeBase fromTimes(double[] timesMs) {
        return fromTimes(timesMs, false);
    }

    /**
     * As {@link #fromTimes(double[])}, but an evenly spaced time base keeps the stored times
     * ({@link TimeBase#uniformKeeping}): text traces, whose times are as exact as they were printed.
     */
    public static TimeBase fromStoredTimes(double[] timesMs) {
        return fromTimes(timesMs, true);
    }

    private static TimeBase fromTimes(double[] timesMs, boolean keep) {
        int n = timesMs.length;
        if (n >= 2) {
            double dt = (timesMs[n - 1] - timesMs[0]) / (n - 1);
            if (dt > 0) {
                boolean uniform = true;
                for (int i = 1; i < n && uniform; i++) {
                    if (Math.abs(timesMs[i] - timesMs[i - 1] - dt) > 1e-3 * dt) uniform = false;
                }
                if (uniform) return keep ? TimeBase.uniformKeeping(timesMs, dt) : TimeBase.uniform(timesMs[0], dt, n);
            }
        }
        return TimeBase.explicit(timesMs);
    }
}
