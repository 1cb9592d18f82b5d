package org.dendrite.engine.analysis;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * eFEL-compatible electrophysiology features of one voltage trace.
 *
 * <p>The trace (time [ms], voltage [mV], optionally current [nA]) is first linearly interpolated to a uniform step
 * ({@code interp_step}, 0.1 ms by default) exactly as eFEL does; every index feature refers to that interpolated
 * trace ({@link #time()}, {@link #voltage()}). Features are computed lazily on request and cached, and so are the
 * intermediate results they share (spike peaks, AHP minima, spike starts and ends, dV/dt). A feature value is a
 * {@code double[]} (indices and counts as whole numbers), or {@code null} where eFEL gives none.
 *
 * <p>Not thread-safe; one instance per trace and settings.
 */
public final class TraceFeatures {
    private static final double[] NONE = new double[0];
    /** -Ddendrite.features.debug=true prints why a feature gave none (an exception inside its computation). */
    private static final boolean REPORT_FAILURES = Boolean.getBoolean("dendrite.features.debug");

    final double[] t;
    final double[] v;
    final double[] i; // interpolated current, or null
    final double stimStart;
    final double stimEnd;
    final FeatureSettings s;

    private final Map<String, double[]> cache = new HashMap<>();
    /** Features whose computation threw (they give none); tests assert that this stays empty. */
    final Map<String, RuntimeException> failures = new LinkedHashMap<>();
    private double[] dvdt;
    private int[] peaks;
    private int[] minAhp;
    private int[] apBegin;
    private int[] apEnd;
    private int[] minBetweenPeaks;
    private boolean peaksDone, minAhpDone, apBeginDone, apEndDone, minBetweenDone;

    private TraceFeatures(double[] t, double[] v, double[] i, double stimStart, double stimEnd, FeatureSettings s) {
        this.t = t;
        this.v = v;
        this.i = i;
        this.stimStart = stimStart;
        this.stimEnd = stimEnd;
        this.s = s;
    }

    /**
     * Features of the trace (t [ms], v [mV]) with the stimulus on in [stimStart, stimEnd] ms. Time must not decrease
     * (simulators with variable steps repeat a time at events; eFEL accepts that too).
     */
    public static TraceFeatures of(double[] tMs, double[] vMv, double stimStart, double stimEnd, FeatureSettings settings) {
        return of(tMs, vMv, null, stimStart, stimEnd, settings);
    }

    /**
     * As {@link #of(double[], double[], double, double, FeatureSettings)} with the injected current [nA] too. With no
     * voltage (vMv null) the current is used as recorded, not interpolated, as eFEL does; voltage features are none.
     */
    public static TraceFeatures of(double[] tMs, double[] vMv, double[] iNa, double stimStart, double stimEnd,
                                   FeatureSettings settings) {
        if (vMv != null && tMs.length != vMv.length) {
            throw new IllegalArgumentException("time and voltage differ in length: " + tMs.length + " vs " + vMv.length);
        }
        if (iNa != null && iNa.length != tMs.length) {
            throw new IllegalArgumentException("time and current differ in length: " + tMs.length + " vs " + iNa.length);
        }
        if (tMs.length < 2) throw new IllegalArgumentException("a trace needs at least 2 samples, got " + tMs.length);
        for (int k = 1; k < tMs.length; k++) {
            if (!(tMs[k] >= tMs[k - 1])) {
                throw new IllegalArgumentException("time must not decrease; t[" + k + "] = " + tMs[k]
                        + " after " + tMs[k - 1]);
            }
        }
        if (!(stimEnd >= stimStart)) {
            throw new IllegalArgumentException("stim_end (" + stimEnd + ") before stim_start (" + stimStart + ")");
        }
        FeatureSettings s = settings == null ? new FeatureSettings() : settings.copy();
        if (vMv == null) {
            // a current-only trace: eFEL does not interpolate it (only current_base and friends make sense)
            if (iNa == null) throw new IllegalArgumentException("a trace needs a voltage or a current");
            return new TraceFeatures(tMs.clone(), null, iNa.clone(), stimStart, stimEnd, s);
        }
        double[] ti = gridOf(tMs, s.interpStep);
        return new TraceFeatures(ti, interpolate(tMs, vMv, ti), iNa == null ? null : interpolate(tMs, iNa, ti),
                stimStart, stimEnd, s);
    }

    /**
     * eFEL's grid: ceil((t_last - t0) / step) points t0, t0+step, ... built by repeated addition, plus one more point
     * when the last of them is still before the last sample.
     */
    /** Most samples of the interpolated trace (each feature pass holds a few arrays of this length). */
    static final int MAX_INTERPOLATED = 50_000_000;

    static double[] gridOf(double[] t, double step) {
        double first = t[0], last = t[t.length - 1];
        double count = Math.ceil((last - first) / step);
        if (!(count <= MAX_INTERPOLATED)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "interp_step = %s ms over the trace's %s ms gives %.3g interpolated samples, more than %d; use a "
                            + "larger interp_step", step, last - first, count, MAX_INTERPOLATED));
        }
        int n = (int) count;
        double[] g = new double[n + 1];
        double x = first;
        for (int k = 0; k < n; k++) {
            g[k] = x;
            x += step;
        }
        if (n > 0 && g[n - 1] < last) {
            g[n] = x;
            return g;
        }
        return java.util.Arrays.copyOf(g, n);
    }

    /**
     * Linear interpolation of (t, y) at ascending points g, as eFEL does it (t may repeat a value: the segment that
     * ends at the first of the repeated samples is used); points past the last sample take the last value.
     */
    static double[] interpolate(double[] t, double[] y, double[] g) {
        double[] out = new double[g.length];
        int j = 0, n = t.length;
        for (int k = 0; k < g.length; k++) {
            double x = g[k];
            while (j + 1 < n && t[j + 1] < x) j++;
            if (j + 1 >= n) {
                out[k] = y[n - 1];
            } else {
                double dydx = (y[j + 1] - y[j]) / (t[j + 1] - t[j]);
                out[k] = y[j] + dydx * (x - t[j]);
            }
        }
        return out;
    }

    /** The interpolated time [ms]. */
    public double[] time() { return t.clone(); }

    /** The interpolated voltage [mV]. */
    public double[] voltage() { return v == null ? null : v.clone(); }

    public double stimStart() { return stimStart; }

    public double stimEnd() { return stimEnd; }

    /** The value of one eFEL feature (a fresh copy), or null where eFEL gives none. Unknown names throw. */
    public double[] get(String feature) {
        double[] x = dep(feature);
        return x == null ? null : x.clone();
    }

    /** The cached value of a feature, computed on first use; internal callers must not modify it. */
    double[] dep(String feature) {
        double[] cached = cache.get(feature);
        if (cached == null) {
            FeatureRegistry.Computation c = FeatureRegistry.computation(feature);
            double[] value;
            try {
                value = c.compute(this);
            } catch (RuntimeException e) {
                // a feature that cannot be computed on this trace gives none, as in eFEL
                if (REPORT_FAILURES) System.err.println("feature " + feature + ": " + e);
                failures.put(feature, e);
                value = null;
            }
            cached = (value == null || value.length == 0) ? NONE : value;
            cache.put(feature, cached);
        }
        return cached == NONE ? null : cached;
    }

    /** Several features at once, in the order asked. */
    public Map<String, double[]> get(Collection<String> features) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String f : features) out.put(f, get(f));
        return out;
    }

    /** Every feature of the registry. */
    public Map<String, double[]> all() {
        return get(FeatureRegistry.names());
    }

    // ------------------------------------------------------------------ shared intermediates

    /** dV/dt [mV/ms] by eFEL's central difference over the interpolated trace. */
    double[] dvdt() {
        if (dvdt == null) dvdt = Numerics.derivative(t, v);
        return dvdt;
    }

    int indexAtOrAfter(double time) { return Numerics.firstAtOrAfter(t, time); }

    /** Peak indices: maximum between each upward and the next downward crossing of Threshold; null when none. */
    int[] peaks() {
        if (!peaksDone) {
            peaksDone = true;
            peaks = computePeaks();
        }
        return peaks;
    }

    private int[] computePeaks() {
        double th = s.threshold;
        int n = v.length;
        int[] up = new int[16], dn = new int[16];
        int nu = 0, nd = 0;
        for (int k = 1; k < n; k++) {
            if (v[k] > th && v[k - 1] < th) {
                if (nu == up.length) up = java.util.Arrays.copyOf(up, nu * 2);
                up[nu++] = k;
            } else if (v[k] < th && v[k - 1] > th) {
                if (nd == dn.length) dn = java.util.Arrays.copyOf(dn, nd * 2);
                dn[nd++] = k;
            }
        }
        if (nu == 0 || nd == 0) return null;
        // a trace that starts above threshold: drop down-crossings before the first up-crossing
        int d0 = 0;
        while (d0 < nd && dn[d0] < up[0]) d0++;
        int spikes = Math.min(nu, nd - d0); // a last spike that never comes down is not counted
        int[] result = new int[spikes];
        int count = 0;
        for (int k = 0; k < spikes; k++) {
            int p = Numerics.argmax(v, up[k], dn[d0 + k] + 1);
            if (s.strictStiminterval && (t[p] < stimStart || t[p] > stimEnd)) continue;
            result[count++] = p;
        }
        return count == 0 ? null : java.util.Arrays.copyOf(result, count);
    }

    /** First local minimum after each peak (the fast AHP), before the next peak; null when none. */
    int[] minAhp() {
        if (!minAhpDone) {
            minAhpDone = true;
            minAhp = computeMinAhp();
        }
        return minAhp;
    }

    private int[] computeMinAhp() {
        int[] p = peaks();
        if (p == null) return null;
        int endIndex = s.strictStiminterval ? indexAtOrAfter(stimEnd) : v.length;
        int[] out = new int[p.length];
        int c = 0;
        for (int k = 0; k < p.length; k++) {
            int to = (k + 1 < p.length) ? p[k + 1] : endIndex;
            int m = firstMinimum(v, p[k], to);
            if (m < 0 || m == endIndex - 1) continue; // no minimum before the end: still falling
            out[c++] = m;
        }
        return c == 0 ? null : java.util.Arrays.copyOf(out, c);
    }

    /**
     * The first local minimum in [from, to): the lowest value so far once two later samples are not below it;
     * the overall minimum when that never happens. -1 for an empty range.
     */
    static int firstMinimum(double[] x, int from, int to) {
        if (to <= from) return -1;
        int lowest = from, candidate = from, notBelow = 0;
        for (int k = from + 1; k < to; k++) {
            if (x[k] < x[lowest]) lowest = k;
            if (x[k] >= x[candidate]) notBelow++;
            else {
                notBelow = 0;
                candidate = k;
            }
            if (notBelow == 2) return candidate;
        }
        return lowest;
    }

    /** Minimum between consecutive peaks; the last one up to stim end (strict) or the trace end. */
    int[] minBetweenPeaks() {
        if (!minBetweenDone) {
            minBetweenDone = true;
            int[] p = peaks();
            if (p == null) return null;
            int endIndex = s.strictStiminterval ? indexAtOrAfter(stimEnd) : v.length;
            int[] out = new int[p.length];
            for (int k = 0; k < p.length; k++) {
                int to = (k + 1 < p.length) ? p[k + 1] : endIndex;
                int m = Numerics.argmin(v, p[k], to);
                out[k] = m < 0 ? to : m;
            }
            minBetweenPeaks = out;
        }
        return minBetweenPeaks;
    }

    /** Spike starts: first point where dV/dt crosses DerivativeThreshold and stays above for DerivativeWindow samples. */
    int[] apBegin() {
        if (!apBeginDone) {
            apBeginDone = true;
            apBegin = computeApBegin();
        }
        return apBegin;
    }

    private int[] computeApBegin() {
        int[] p = peaks();
        if (p == null) return null;
        int[] ahp = minAhp();
        double[] d = dvdt();
        double th = s.derivativeThreshold;
        int width = s.derivativeWindow;
        int n = v.length;
        int stimBegin = indexAtOrAfter(stimStart);
        // the search for spike k runs back from its peak down to the k-th minimum (a little before stim start, then
        // the AHP minima after stim start)
        int[] minima = new int[1 + (ahp == null ? 0 : ahp.length)];
        int nm = 0;
        minima[nm++] = stimBegin > 1 ? stimBegin - 2 : stimBegin == 1 ? 0 : stimBegin;
        if (ahp != null) for (int a : ahp) if (a > stimBegin) minima[nm++] = a;
        int[] out = new int[p.length];
        int c = 0, np = 0;
        for (int pk : p) {
            if (pk <= stimBegin) continue;
            if (np >= nm) return null; // more peaks than minima: eFEL gives none
            int floor = minima[np++];
            int top = pk;
            int begin;
            while (true) {
                // one past the last sample below `top` whose dV/dt is at or under the threshold
                int j = top - 1;
                while (j >= floor && d[j] > th) j--;
                begin = j + 1;
                if (begin > n - width) begin = n - width;
                if (begin == floor) { begin = -1; break; }
                boolean ok = true;
                for (int q = begin; q < begin + width; q++) if (d[q] < th) { ok = false; break; }
                if (ok) break;
                top = begin - 1;
            }
            if (begin >= 0) out[c++] = begin;
        }
        return java.util.Arrays.copyOf(out, c);
    }

    /** Spike ends: after the steepest fall, the first point where dV/dt rises above DownDerivativeThreshold. */
    int[] apEnd() {
        if (!apEndDone) {
            apEndDone = true;
            apEnd = computeApEnd();
        }
        return apEnd;
    }

    private int[] computeApEnd() {
        int[] p = peaks();
        if (p == null) return null;
        double[] d = dvdt();
        double th = s.downDerivativeThreshold;
        int stimBegin = indexAtOrAfter(stimStart);
        int[] after = new int[p.length + 1];
        int na = 0;
        for (int pk : p) if (pk > stimBegin) after[na++] = pk;
        after[na++] = v.length - 1;
        int[] out = new int[na];
        int c = 0;
        for (int k = 0; k + 1 < na; k++) {
            int from = after[k] + 1, to = after[k + 1];
            if (from >= to || to >= d.length) continue;
            int steep = Numerics.argmin(d, from, to);
            for (int q = steep; q < to; q++) if (d[q] >= th) { out[c++] = q; break; }
        }
        return java.util.Arrays.copyOf(out, c);
    }

    /** Peak indices strictly after the given index (eFEL aligns peaks with spike starts this way). */
    int[] peaksAfterIndex(int index) {
        int[] p = peaks();
        if (p == null) return null;
        return java.util.Arrays.stream(p).filter(x -> x > index).toArray();
    }

    /** Peak indices whose time is strictly after the given time. */
    int[] peaksAfterTime(double time) {
        int[] p = peaks();
        if (p == null) return null;
        return java.util.Arrays.stream(p).filter(x -> t[x] > time).toArray();
    }

    double voltageBase() {
        double[] vb = dep("voltage_base");
        if (vb == null) throw new IllegalStateException("no voltage_base");
        return vb[0];
    }
}
