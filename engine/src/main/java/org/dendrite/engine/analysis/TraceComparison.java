package org.dendrite.engine.analysis;

/** Numbers that say how close a model trace is to a recorded one. */
public final class TraceComparison {
    private TraceComparison() {}

    /**
     * Linear interpolation of (t, y) at the times {@code at} (all in ms; t increasing). Outside t's range the
     * end values are held.
     */
    public static double[] resample(double[] t, double[] y, double[] at) {
        double[] out = new double[at.length];
        int j = 0;
        for (int i = 0; i < at.length; i++) {
            double x = at[i];
            if (x <= t[0]) {
                out[i] = y[0];
                continue;
            }
            if (x >= t[t.length - 1]) {
                out[i] = y[y.length - 1];
                continue;
            }
            if (j > 0 && t[j] > x) j = 0;
            while (t[j + 1] < x) j++;
            double f = (x - t[j]) / (t[j + 1] - t[j]);
            out[i] = y[j] + f * (y[j + 1] - y[j]);
        }
        return out;
    }

    /** Root-mean-square difference of two equally long arrays. */
    public static double rmse(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("arrays differ in length");
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s / Math.max(1, a.length));
    }

    /** Mean of y over samples with t in [from, to). NaN when there are none. */
    public static double mean(double[] t, double[] y, double from, double to) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] < to) {
                s += y[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * Kistler et al. (1997) coincidence factor between a recorded and a model spike train:
     * {@code Γ = (N_coinc − 2 ν Δ N_data) / (½ (N_data + N_model)) · 1/(1 − 2 ν Δ)}, ν the model rate, a
     * coincidence being a model spike within ±Δ of a recorded spike (each recorded spike matched at most once).
     * 1 for identical trains, about 0 for unrelated ones; NaN when neither train has spikes.
     */
    public static double coincidenceFactor(double[] data, double[] model, double windowMs, double durationMs) {
        int nd = data.length, nm = model.length;
        if (nd + nm == 0) return Double.NaN;
        boolean[] used = new boolean[nm];
        int coinc = 0;
        for (double s : data) {
            for (int j = 0; j < nm; j++) {
                if (!used[j] && Math.abs(model[j] - s) <= windowMs) {
                    used[j] = true;
                    coinc++;
                    break;
                }
            }
        }
        double rate = nm / durationMs;
        double expected = 2 * rate * windowMs * nd;
        double norm = 1 - 2 * rate * windowMs;
        return (coinc - expected) / (0.5 * (nd + nm)) / norm;
    }
}
