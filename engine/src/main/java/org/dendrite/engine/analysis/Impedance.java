package org.dendrite.engine.analysis;

/**
 * eFEL's {@code impedance}: for a subthreshold (no spike) response to a ZAP current, the frequency in
 * (0, impedance_max_freq] Hz where |V(f) / I(f)| (Fourier transforms of voltage and current less their bases),
 * smoothed by a Gaussian of 10 frequency bins, is largest. As eFEL 5 (since its 2024 fix) does, the returned
 * frequency is that of the selected bin itself (eFEL before the fix read the full frequency axis at the band's index,
 * one bin, 1 / duration, lower). Bases: voltage_base and current_base, or, when the stimulus starts at t = 0 and
 * they do not exist, steady_state_voltage_stimend and steady_state_current_stimend, as eFEL.
 */
final class Impedance {
    private Impedance() {}

    static double[] compute(TraceFeatures f) {
        if (f.i == null || f.v == null) return null;
        double[] sc = f.dep("spike_count");
        if (sc != null && sc[0] >= 1) return null;
        double[] vbs = f.dep("voltage_base");
        if (vbs == null) vbs = f.dep("steady_state_voltage_stimend");
        double[] cb = f.dep("current_base");
        if (cb == null) cb = f.dep("steady_state_current_stimend");
        if (vbs == null || cb == null) return null;
        double vb = vbs[0];
        int n = f.v.length;
        double dtS = f.s.interpStep / 1000.0;
        double df = 1.0 / (n * dtS);
        // positive frequencies k * df <= impedance_max_freq (numpy.fft.fftfreq: k < n/2 are the positive ones)
        int kMax = (int) Math.floor(f.s.impedanceMaxFreq / df + 1e-9);
        kMax = Math.min(kMax, (n - 1) / 2);
        if (kMax < 1) return null;
        double[] z = new double[kMax];
        boolean anyCurrent = false;
        for (int k = 1; k <= kMax; k++) {
            double[] vk = dft(f.v, vb, k, n), ik = dft(f.i, cb[0], k, n);
            double i2 = ik[0] * ik[0] + ik[1] * ik[1];
            if (i2 > 0) anyCurrent = true;
            z[k - 1] = Math.sqrt((vk[0] * vk[0] + vk[1] * vk[1]) / i2);
        }
        if (!anyCurrent) return null;
        double[] smooth = gaussianFilter(z, 10.0);
        int best = Numerics.argmax(smooth, 0, smooth.length);
        return new double[] {(best + 1) * df}; // z[j] is bin j + 1
    }

    /** Bin k of the discrete Fourier transform of (x - offset), by a rotating phasor; {re, im}. */
    private static double[] dft(double[] x, double offset, int k, int n) {
        double w = -2 * Math.PI * k / n;
        double cw = Math.cos(w), sw = Math.sin(w);
        double c = 1, s = 0, re = 0, im = 0;
        for (int j = 0; j < n; j++) {
            double xj = x[j] - offset;
            re += xj * c;
            im += xj * s;
            double c2 = c * cw - s * sw;
            s = c * sw + s * cw;
            c = c2;
            if ((j & 1023) == 1023) { // re-anchor the phasor against rounding drift
                double a = w * (j + 1);
                c = Math.cos(a);
                s = Math.sin(a);
            }
        }
        return new double[] {re, im};
    }

    /** SciPy's gaussian_filter1d (truncate 4, mode 'reflect': the edge sample is repeated in the mirror). */
    static double[] gaussianFilter(double[] x, double sigma) {
        int radius = (int) (4.0 * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            w[k + radius] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += w[k + radius];
        }
        for (int k = 0; k < w.length; k++) w[k] /= sum;
        int n = x.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int k = -radius; k <= radius; k++) acc += w[k + radius] * x[reflect(i + k, n)];
            out[i] = acc;
        }
        return out;
    }

    private static int reflect(int i, int n) {
        int period = 2 * n;
        int m = ((i % period) + period) % period;
        return m < n ? m : period - 1 - m;
    }
}
