package org.dendrite.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * impedance and the voltage-clamp time constants have no eFEL oracle in our data (eFEL's test file rCell9430.nwb is
 * not available), so they are checked on synthetic traces whose answer is known analytically: noise-free exponentials
 * (the fit must return their tau to 1e-6 relative) and a damped oscillator driven by a chirp (the impedance peak must
 * sit at the resonance within the smoothing width).
 */
@Tag("unit")
class ChannelFeaturesTest {
    private static final double SS = 100, SE = 600;

    private static TraceFeatures trace(java.util.function.DoubleUnaryOperator v) {
        int n = 8001;
        double[] t = new double[n], y = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = k * 0.1;
            y[k] = v.applyAsDouble(t[k]);
        }
        return TraceFeatures.of(t, y, SS, SE, new FeatureSettings());
    }

    @Test
    void deactivationTauOfAnExponentialDecay() {
        TraceFeatures f = trace(t -> t >= SS && t < SE ? 5 + 20 * Math.exp(-(t - SS) / 12.0) : 0);
        assertEquals(12.0, f.get("deactivation_time_constant")[0], 12.0 * 1e-6);
    }

    @Test
    void activationTauOfAnExponentialRise() {
        TraceFeatures f = trace(t -> t >= SS && t < SE ? 10 - 30 * Math.exp(-(t - SS) / 8.0) : -20);
        assertEquals(8.0, f.get("activation_time_constant")[0], 8.0 * 1e-6);
    }

    @Test
    void inactivationTauAfterThePeak() {
        TraceFeatures f = trace(t -> {
            if (t < SS || t >= SE) return 0;
            if (t < SS + 1) return 40 * (t - SS);
            return 10 + 30 * Math.exp(-(t - SS - 1) / 25.0);
        });
        assertEquals(25.0, f.get("inactivation_time_constant")[0], 25.0 * 1e-6);
    }

    @Test
    void impedancePeaksAtTheResonance() {
        // x'' + 2 zeta w0 x' + w0^2 x = w0^2 * R * i(t): resonance of |H| at f0 * sqrt(1 - 2 zeta^2) = 5.863 Hz
        double f0 = 6.0, zeta = 0.15, w0 = 2 * Math.PI * f0, r = 20.0; // R in mV/nA
        double dtMs = 0.1, dt = dtMs / 1000.0, tEndS = 20.0, chirpStartS = 0.01;
        int n = (int) Math.round(tEndS / dt) + 1;
        double[] t = new double[n], v = new double[n], i = new double[n];
        double x = 0, xd = 0;
        for (int k = 0; k < n; k++) {
            double ts = k * dt;
            double tc = ts - chirpStartS;
            double cur = tc < 0 ? 0 : 0.05 * Math.sin(2 * Math.PI * (0.5 * 15.0 / (tEndS - chirpStartS)) * tc * tc);
            t[k] = k * dtMs;
            i[k] = cur;
            v[k] = -70 + x;
            double acc = w0 * w0 * r * cur - 2 * zeta * w0 * xd - w0 * w0 * x;
            xd += acc * dt;            // semi-implicit Euler (stable at w0 * dt = 0.004)
            x += xd * dt;
        }
        TraceFeatures f = TraceFeatures.of(t, v, i, chirpStartS * 1000, tEndS * 1000, new FeatureSettings());
        double[] z = f.get("impedance");
        assertNotNull(z);
        // smoothing is 10 bins of 0.05 Hz; eFEL reports one bin below the selected one
        assertEquals(f0 * Math.sqrt(1 - 2 * zeta * zeta), z[0], 0.3);
        // eFEL's impedance formula evaluated with numpy.fft / scipy gaussian_filter1d on this same trace (generated
        // by the same recurrence in Python) gives 5.74997125014375 Hz: bin 115 of 1/(200001 * 0.1 ms)
        assertEquals(200001, f.time().length);
        assertEquals(5.74997125014375, z[0], 1e-9);
        // no current: no impedance
        assertNull(trace(tt -> -70).get("impedance"));
    }

    @Test
    void gaussianFilterMatchesScipyReflectMode() {
        // reference values printed by scipy.ndimage.gaussian_filter1d (SciPy 1.17) for these inputs
        assertArrayEquals(new double[] {0.05842299, 0.24210528, 0.39894347, 0.24210528, 0.05842299},
                Impedance.gaussianFilter(new double[] {0, 0, 1, 0, 0}, 1.0), 1e-8);
        assertArrayEquals(new double[] {2.5446495, 2.7126634, 3.08339086, 3.64011324, 4.24998107, 4.7273292,
                4.98021328, 5.06165944}, Impedance.gaussianFilter(new double[] {3, 1, 4, 1, 5, 9, 2, 6}, 2.0), 1e-7);
    }
}
