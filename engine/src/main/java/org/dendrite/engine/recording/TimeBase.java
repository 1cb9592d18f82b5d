package org.dendrite.engine.recording;

import java.util.Arrays;

/**
 * The sample times of one sweep, in ms from the start of that sweep (or absolute, for files that store absolute
 * times). Either uniform ({@code t[i] = t0 + i * dt}) or explicit (variable-step simulator output, text files).
 */
public final class TimeBase {
    private final double t0Ms;
    private final double dtMs;
    /** dt in ns when it is a whole number of ns (times are then i x ns / 1e6: 0.15, not 0.15000000000000002). */
    private final double dtNs;
    private final int size;
    private final double[] explicitMs;

    private TimeBase(double t0Ms, double dtMs, int size, double[] explicitMs) {
        this.t0Ms = t0Ms;
        double ns = Math.rint(dtMs * 1e6);
        boolean whole = Double.isFinite(dtMs) && ns > 0 && Math.abs(ns - dtMs * 1e6) <= 1e-6 * ns;
        this.dtNs = whole ? ns : Double.NaN;
        this.dtMs = whole ? ns / 1e6 : dtMs;
        this.size = size;
        this.explicitMs = explicitMs;
    }

    private double uniformTime(int i) {
        return Double.isNaN(dtNs) ? t0Ms + i * dtMs : t0Ms + i * dtNs / 1e6;
    }

    /** Uniform sampling: {@code size} samples starting at {@code t0Ms}, {@code dtMs} apart. */
    public static TimeBase uniform(double t0Ms, double dtMs, int size) {
        if (!(dtMs > 0) || !Double.isFinite(dtMs)) throw new IllegalArgumentException("dt must be positive and finite, got " + dtMs + " ms");
        if (size < 0) throw new IllegalArgumentException("negative sample count " + size);
        return new TimeBase(t0Ms, dtMs, size, null);
    }

    /** Explicit sample times in ms (copied); they must not decrease. */
    public static TimeBase explicit(double[] timesMs) {
        double[] t = timesMs.clone();
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] >= t[i - 1])) throw new IllegalArgumentException("time decreases at sample " + i + ": " + t[i - 1] + " ms then " + t[i] + " ms");
        }
        return new TimeBase(t.length > 0 ? t[0] : 0, Double.NaN, t.length, t);
    }

    public int size() {
        return size;
    }

    public boolean isUniform() {
        return explicitMs == null;
    }

    /** Sample interval in ms; NaN for explicit (possibly irregular) time bases. */
    public double dtMs() {
        return dtMs;
    }

    /** Time of sample {@code i} in ms. */
    public double timeMs(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("sample " + i + " of " + size);
        return explicitMs != null ? explicitMs[i] : uniformTime(i);
    }

    /** A fresh array of all sample times in ms. */
    public double[] timesMs() {
        if (explicitMs != null) return explicitMs.clone();
        double[] t = new double[size];
        for (int i = 0; i < size; i++) t[i] = uniformTime(i);
        return t;
    }

    /** Duration from the first to one step past the last sample (uniform) or first to last sample (explicit), ms. */
    public double durationMs() {
        if (size == 0) return 0;
        return explicitMs != null ? explicitMs[size - 1] - explicitMs[0] : size * dtMs;
    }

    @Override
    public String toString() {
        return isUniform() ? "uniform(t0=" + t0Ms + " ms, dt=" + dtMs + " ms, n=" + size + ")"
                : "explicit(n=" + size + ", " + (size > 0 ? explicitMs[0] + ".." + explicitMs[size - 1] + " ms" : "empty") + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeBase t && t.size == size && Double.compare(t.t0Ms, t0Ms) == 0
                && Double.compare(t.dtMs, dtMs) == 0 && Arrays.equals(t.explicitMs, explicitMs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {t0Ms, dtMs, size}) * 31 + Arrays.hashCode(explicitMs);
    }
}
