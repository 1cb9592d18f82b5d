package org.dendrite.engine.analysis;

import java.util.Arrays;

/** Small numerical helpers on primitive arrays (ranges are half-open [from, to)). */
final class Numerics {
    private Numerics() {}

    static double mean(double[] x, int from, int to) {
        if (to <= from) return Double.NaN;
        double s = 0;
        for (int k = from; k < to; k++) s += x[k];
        return s / (to - from);
    }

    static double mean(double[] x) { return mean(x, 0, x.length); }

    /** numpy.median: the middle value, or the mean of the two middle values. */
    static double median(double[] x, int from, int to) {
        int n = to - from;
        if (n <= 0) return Double.NaN;
        double[] c = Arrays.copyOfRange(x, from, to);
        Arrays.sort(c);
        return (n % 2 == 1) ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    /** Sample standard deviation (ddof = 1). */
    static double stdDdof1(double[] x) {
        int n = x.length;
        double m = mean(x), s = 0;
        for (double xi : x) s += (xi - m) * (xi - m);
        return Math.sqrt(s / (n - 1));
    }

    /** Index of the first minimum in [from, to) (numpy.argmin); -1 when empty. */
    static int argmin(double[] x, int from, int to) {
        if (to <= from) return -1;
        int best = from;
        for (int k = from + 1; k < to; k++) if (x[k] < x[best]) best = k;
        return best;
    }

    /** Index of the first maximum in [from, to) (numpy.argmax); -1 when empty. */
    static int argmax(double[] x, int from, int to) {
        if (to <= from) return -1;
        int best = from;
        for (int k = from + 1; k < to; k++) if (x[k] > x[best]) best = k;
        return best;
    }

    /** First index k with t[k] >= x (t ascending); t.length when none. */
    static int firstAtOrAfter(double[] t, double x) {
        int lo = 0, hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] >= x) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /** First index k with t[k] > x (t ascending); t.length when none. */
    static int firstAfter(double[] t, double x) {
        int lo = 0, hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] > x) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /** Slope of the least-squares line through (x, y) (numpy.polyfit degree 1, slope). */
    static double slope(double[] x, double[] y) {
        int n = x.length;
        double mx = mean(x), my = mean(y), sxy = 0, sxx = 0;
        for (int k = 0; k < n; k++) {
            double dx = x[k] - mx;
            sxy += dx * (y[k] - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /** Residual sum of squares of the least-squares line through (x, y). */
    static double lineResidual(double[] x, double[] y) {
        int n = x.length;
        double mx = mean(x), my = mean(y), sxy = 0, sxx = 0;
        for (int k = 0; k < n; k++) {
            double dx = x[k] - mx;
            sxy += dx * (y[k] - my);
            sxx += dx * dx;
        }
        double b = sxy / sxx, a = my - b * mx, r = 0;
        for (int k = 0; k < n; k++) {
            double e = y[k] - (a + b * x[k]);
            r += e * e;
        }
        return r;
    }

    /** eFEL's central difference: one-sided at both ends, (x[k+1]-x[k-1])/2 inside. */
    static double[] centralDifference(double[] x) {
        int n = x.length;
        double[] d = new double[n];
        if (n < 2) return d;
        d[0] = x[1] - x[0];
        for (int k = 1; k < n - 1; k++) d[k] = (x[k + 1] - x[k - 1]) / 2.0;
        d[n - 1] = x[n - 1] - x[n - 2];
        return d;
    }

    /** dv/dt by eFEL's central difference of v and of t. */
    static double[] derivative(double[] t, double[] v) {
        double[] dv = centralDifference(v), dt = centralDifference(t);
        for (int k = 0; k < dv.length; k++) dv[k] /= dt[k];
        return dv;
    }

    static double[] toDouble(int[] x) {
        double[] d = new double[x.length];
        for (int k = 0; k < x.length; k++) d[k] = x[k];
        return d;
    }
}
