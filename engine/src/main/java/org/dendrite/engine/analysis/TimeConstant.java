package org.dendrite.engine.analysis;

/**
 * eFEL's {@code time_constant}: membrane time constant of the exponential decay after the onset of a hyperpolarising
 * step. From 10 samples after stim_start to the middle of the stimulus: the decay starts at the first window of 5
 * samples whose dV/dt (five-point stencil) all lie at or below -0.005 mV/ms; it ends at the first sample whose dV/dt
 * is above that and whose following 70 ms average above it too. log(V - V_end + x) is fitted by a line, with the
 * offset x in [0, 5] mV chosen by a golden-section search (to 0.01 mV) that minimises the normalised residual;
 * tau = -1 / slope.
 */
final class TimeConstant {
    private TimeConstant() {}

    private static final double MIN_DERIVATIVE = 5e-3; // mV/ms
    private static final int MIN_LENGTH = 10;          // samples
    private static final double T_LENGTH = 70;         // ms
    private static final double PHI = 1.618033988;

    static double[] compute(TraceFeatures f) {
        double[] t = f.t, v = f.v;
        int start = f.indexAtOrAfter(f.stimStart) + 10; // skip a possible transient
        double midStim = (f.stimStart + f.stimEnd) / 2.0;
        int middle = start;
        while (middle < t.length && t[middle] < midStim) middle++;
        if (start >= v.length || middle >= v.length || middle - start < 5) return null;
        int n = middle - start;
        double[] pv = java.util.Arrays.copyOfRange(v, start, middle);
        double[] pt = java.util.Arrays.copyOfRange(t, start, middle);
        double[] dv = stencil(pv), dt = stencil(pt);
        double[] dvdt = new double[n];
        for (int k = 0; k < n; k++) dvdt[k] = dv[k] / dt[k];

        int iStart = 0;
        while (true) {
            if (iStart + 5 > n) return null;
            boolean allBelow = true;
            for (int q = iStart; q < iStart + 5; q++) if (dvdt[q] > -MIN_DERIVATIVE) { allBelow = false; break; }
            if (allBelow) break;
            if (iStart + 5 == n) return null; // no decay found
            iStart++;
        }
        int iFlat = iStart;
        for (; start + iFlat < t.length && t[iFlat + start] < t[middle] - T_LENGTH; iFlat++) {
            if (dvdt[iFlat] + MIN_DERIVATIVE > 0) {
                double sum = 0;
                int len = 0;
                for (int q = 0; iFlat + q < n && t[iFlat + q + start] - t[iFlat + start] < T_LENGTH; q++) {
                    sum += dvdt[iFlat + q];
                    len++;
                }
                if (sum / len + MIN_DERIVATIVE > 0) break;
            }
        }
        int len = iFlat - iStart;
        if (len < MIN_LENGTH) return null;
        double[] td = java.util.Arrays.copyOfRange(pt, iStart, iFlat);
        double[] vd = java.util.Arrays.copyOfRange(pv, iStart, iFlat);
        double vLast = vd[len - 1];
        double[] logv = new double[len];

        // golden-section search of the offset x in [0, 5]
        double lo = 0, hi = MIN_DERIVATIVE * 1000.0;
        double mid = (lo * PHI + hi) / (1.0 + PHI);
        double[] fit = fit(td, vd, vLast, mid, logv);
        double residual = fit[1];
        boolean right = true;
        while (hi - lo > 0.01) {
            double x = right ? (mid * PHI + hi) / (1.0 + PHI) : (lo + PHI * mid) / (1.0 + PHI);
            fit = fit(td, vd, vLast, x, logv);
            if (fit[1] < residual) {
                if (right) lo = mid; else hi = mid;
                mid = x;
                residual = fit[1];
            } else {
                if (right) hi = x; else lo = x;
                right = !right;
            }
        }
        double tau = -1.0 / fit[0];
        return Double.isFinite(tau) ? new double[] {tau} : null;
    }

    /** {slope, residual / range^2} of the line through (t, log(v - vLast + x)). */
    private static double[] fit(double[] t, double[] v, double vLast, double x, double[] logv) {
        double lmin = Double.POSITIVE_INFINITY, lmax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v.length; k++) {
            logv[k] = Math.log(v[k] - vLast + x);
            lmin = Math.min(lmin, logv[k]);
            lmax = Math.max(lmax, logv[k]);
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = t.length;
        for (int k = 0; k < n; k++) {
            sx += t[k];
            sy += logv[k];
            sxx += t[k] * t[k];
            sxy += t[k] * logv[k];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        double res = 0;
        for (int k = 0; k < n; k++) {
            double e = logv[k] - intercept - slope * t[k];
            res += e * e;
        }
        double range = lmax - lmin;
        return new double[] {slope, res / (range * range)};
    }

    /** eFEL's five-point stencil derivative (same length; lower-order differences at the two ends). */
    static double[] stencil(double[] x) {
        int n = x.length;
        double[] d = new double[n];
        d[0] = x[1] - x[0];
        d[1] = (x[2] - x[0]) / 2.0;
        for (int k = 2; k < n - 2; k++) d[k] = (-x[k + 2] + 8 * x[k + 1] - 8 * x[k - 1] + x[k - 2]) / 12.0;
        d[n - 2] = (x[n - 1] - x[n - 3]) / 2.0;
        d[n - 1] = x[n - 1] - x[n - 2];
        return d;
    }
}
