package org.dendrite.engine.analysis;


/**
 * eFEL's ion-channel time constants (for voltage-clamp data the current is passed as the "voltage"): a least-squares
 * fit of {@code A0 + A1 * exp(-t / tau)} with tau >= 0 and a sign bound on A1, over
 * <ul>
 *   <li>activation: from the minimum before the maximum of the stimulus interval up to that maximum (A1 <= 0); a tau
 *       longer than 10 times that stretch is replaced by its duration (noisy data);</li>
 *   <li>deactivation: the whole stimulus interval (A1 >= 0);</li>
 *   <li>inactivation: from the maximum to stim_end, less inactivation_tc_end_skip samples (A1 >= 0).</li>
 * </ul>
 * eFEL uses SciPy's bounded curve_fit (a local search from its p0); here the linear amplitudes are eliminated and tau
 * is searched globally, which reaches the same least-squares optimum whenever that optimum is unique.
 */
final class ChannelTimeConstants {
    private ChannelTimeConstants() {}

    static double[] activation(TraceFeatures f) {
        int a = f.indexAtOrAfter(f.stimStart), b = f.indexAtOrAfter(f.stimEnd);
        if (b - a < 3) return null;
        int max = Numerics.argmax(f.v, a, b);
        int min = Numerics.argmin(f.v, a, max + 1);
        if (max - min < 2) return null;
        double duration = f.t[max] - f.t[min];
        double[] t = new double[max - min + 1], y = new double[max - min + 1];
        fill(f, min, max + 1, t, y);
        double lowest = Double.POSITIVE_INFINITY;
        for (double x : y) lowest = Math.min(lowest, x);
        double tau = Math.abs(fit(t, y, new double[] {1.0, y[y.length - 1], lowest - y[y.length - 1]}, -1));
        if (!Double.isFinite(tau)) return null;
        return new double[] {tau > 10 * duration ? duration : tau};
    }

    static double[] deactivation(TraceFeatures f) {
        int a = f.indexAtOrAfter(f.stimStart), b = f.indexAtOrAfter(f.stimEnd);
        if (b - a < 3) return null;
        double[] t = new double[b - a], y = new double[b - a];
        fill(f, a, b, t, y);
        double tau = fit(t, y, new double[] {1.0, y[y.length - 1], Math.max(0, y[0] - y[y.length - 1])}, +1);
        return Double.isFinite(tau) ? new double[] {Math.abs(tau)} : null;
    }

    static double[] inactivation(TraceFeatures f) {
        int a = f.indexAtOrAfter(f.stimStart), b = f.indexAtOrAfter(f.stimEnd) - f.s.inactivationTcEndSkip;
        if (b - a < 3) return null;
        int max = Numerics.argmax(f.v, a, b);
        if (b - max < 3) return null;
        double[] t = new double[b - max], y = new double[b - max];
        fill(f, max, b, t, y);
        double tau = fit(t, y, new double[] {1.0, y[y.length - 1], y[0] - y[y.length - 1]}, +1);
        return Double.isFinite(tau) ? new double[] {Math.abs(tau)} : null;
    }

    /** Samples [from, to) with time shifted to start at 0. */
    private static void fill(TraceFeatures f, int from, int to, double[] t, double[] y) {
        for (int k = from; k < to; k++) {
            t[k - from] = f.t[k] - f.t[from];
            y[k - from] = f.v[k];
        }
    }

    /**
     * Least-squares fit of A0 + A1 exp(-t / tau) with tau >= 0 and A1's sign bounded (a1Sign -1: A1 <= 0, +1:
     * A1 >= 0). For a given tau the best (A0, A1) is linear least squares (A1 clipped to its bound, A0 then the mean
     * residual), so only tau is searched: on a logarithmic grid (factor e^0.75) from 0.01 sampling intervals to 1000
     * times the fitted stretch, then
     * refined by golden-section search around the best grid point. Returns tau, or NaN for a degenerate interval.
     * (p0 is eFEL's starting point; this search does not need one.)
     */
    static double fit(double[] t, double[] y, double[] p0, int a1Sign) {
        int n = t.length;
        if (n < 3) return Double.NaN;
        double my = Numerics.mean(y), syy = 0;
        double[] yc = new double[n];
        for (int k = 0; k < n; k++) {
            yc[k] = y[k] - my;
            syy += yc[k] * yc[k];
        }
        double span = t[n - 1] - t[0];
        double step = span / (n - 1);
        if (!(span > 0)) return Double.NaN;
        double lo = Math.log(step * 1e-2), hi = Math.log(span * 1e3);
        int grid = (int) Math.ceil((hi - lo) / 0.75); // e^0.75 apart
        double best = Double.NaN, bestCost = Double.POSITIVE_INFINITY;
        int bestK = -1;
        for (int k = 0; k <= grid; k++) {
            double lt = lo + (hi - lo) * k / grid;
            double c = cost(t, yc, syy, Math.exp(lt), a1Sign);
            if (c < bestCost) {
                bestCost = c;
                best = lt;
                bestK = k;
            }
        }
        if (bestK < 0) return Double.NaN;
        double a = lo + (hi - lo) * Math.max(bestK - 1, 0) / grid, b = lo + (hi - lo) * Math.min(bestK + 1, grid) / grid;
        final double g = (Math.sqrt(5) - 1) / 2;
        double x1 = b - g * (b - a), x2 = a + g * (b - a);
        double f1 = cost(t, yc, syy, Math.exp(x1), a1Sign), f2 = cost(t, yc, syy, Math.exp(x2), a1Sign);
        while (b - a > 1e-7) { // tau to 1e-7 relative
            if (f1 <= f2) {
                b = x2; x2 = x1; f2 = f1;
                x1 = b - g * (b - a);
                f1 = cost(t, yc, syy, Math.exp(x1), a1Sign);
            } else {
                a = x1; x1 = x2; f1 = f2;
                x2 = a + g * (b - a);
                f2 = cost(t, yc, syy, Math.exp(x2), a1Sign);
            }
        }
        double lt = f1 <= f2 ? x1 : x2;
        double c = Math.min(f1, f2);
        return Math.exp(c <= bestCost ? lt : best);
    }

    /**
     * Residual sum of squares of the best (A0, A1) for this tau, within A1's sign bound, in one pass: with y centred
     * (yc) and e = exp(-t / tau), RSS = S(yc yc) - 2 A1 S(e yc) + A1^2 (S(e e) - S(e)^2 / n). exp(-t / tau) is stepped
     * by a running product between exact values every 256 samples (the interpolated time grid is uniform).
     */
    private static double cost(double[] t, double[] yc, double syy, double tau, int a1Sign) {
        int n = t.length;
        double se = 0, see = 0, sey = 0;
        double ratio = n > 1 ? Math.exp(-(t[1] - t[0]) / tau) : 1, ek = 1;
        for (int k = 0; k < n; k++) {
            ek = (k & 255) == 0 ? Math.exp(-t[k] / tau) : ek * ratio;
            se += ek;
            see += ek * ek;
            sey += ek * yc[k];
        }
        double var = see - se * se / n;
        double a1 = var > 1e-12 * see ? sey / var : 0;
        if (a1Sign < 0 && a1 > 0 || a1Sign > 0 && a1 < 0) a1 = 0;
        return syy - 2 * a1 * sey + a1 * a1 * var;
    }
}
