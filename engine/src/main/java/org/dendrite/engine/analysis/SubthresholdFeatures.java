package org.dendrite.engine.analysis;

import static org.dendrite.engine.analysis.FeatureRegistry.*;
import static org.dendrite.engine.analysis.Numerics.argmax;
import static org.dendrite.engine.analysis.Numerics.argmin;
import static org.dendrite.engine.analysis.Numerics.mean;


/** Subthreshold features (eFEL's Subthreshold group) and the trace itself. Definitions from eFEL's documentation; the code is ours. */
final class SubthresholdFeatures {
    private SubthresholdFeatures() {}

    static void define() {
        def("time", f -> f.t.clone());
        def("voltage", f -> f.v == null ? null : f.v.clone());
        def("current", f -> f.i == null ? null : f.i.clone());
        def("voltage_base", f -> {
            double lo = f.s.voltageBaseStartPerc * f.stimStart, hi = f.s.voltageBaseEndPerc * f.stimStart;
            if (lo >= hi) return null;
            return one(windowStat(f, f.v, lo, hi, f.s.voltageBaseMode));
        });
        def("current_base", f -> {
            if (f.i == null) return null;
            double lo = f.s.currentBaseStartPerc * f.stimStart, hi = f.s.currentBaseEndPerc * f.stimStart;
            if (lo >= hi) return null;
            return one(windowStat(f, f.i, lo, hi, f.s.currentBaseMode));
        });
        def("steady_state_voltage", f -> {
            int from = Numerics.firstAfter(f.t, f.stimEnd);
            return one(mean(f.v, from, f.v.length));
        });
        def("steady_state_voltage_stimend", f -> one(lastTenthMean(f, f.v)));
        def("steady_state_current_stimend", f -> f.i == null ? null : one(lastTenthMean(f, f.i)));
        def("steady_state_hyper", f -> {
            int end = f.indexAtOrAfter(f.stimEnd) - 5;
            if (end < 30) return null;
            return one(mean(f.v, end - 30, end));
        });
        def("minimum_voltage", f -> {
            int[] r = stimRange(f);
            return r == null ? null : new double[] {f.v[argmin(f.v, r[0], r[1])]};
        });
        def("maximum_voltage", f -> {
            int[] r = stimRange(f);
            return r == null ? null : new double[] {f.v[argmax(f.v, r[0], r[1])]};
        });
        def("maximum_voltage_from_voltagebase", f -> {
            double[] mx = f.dep("maximum_voltage");
            return mx == null ? null : one(mx[0] - f.voltageBase());
        });
        def("voltage_deflection", f -> {
            int s0 = f.indexAtOrAfter(f.stimStart);
            int e = Numerics.firstAfter(f.t, f.stimEnd);
            if (s0 == 0 || e == f.t.length || e < 10) return null;
            return one(mean(f.v, e - 10, e - 5) - mean(f.v, 0, s0));
        });
        def("voltage_deflection_begin", f -> {
            int s0 = f.indexAtOrAfter(f.stimStart);
            if (s0 == 0) return null;
            double dur = f.stimEnd - f.stimStart;
            double a = f.stimStart + dur * 0.05, b = a + dur * 0.1;
            double sum = 0;
            int c = 0;
            for (int k = 0; k < f.t.length && !(f.t[k] > b); k++) if (f.t[k] > a) { sum += f.v[k]; c++; }
            return c == 0 ? null : one(sum / c - mean(f.v, 0, s0));
        });
        def("voltage_deflection_vb_ssse", f -> {
            double[] ss = f.dep("steady_state_voltage_stimend");
            return ss == null ? null : one(ss[0] - f.voltageBase());
        });
        def("voltage_after_stim", f -> {
            double last = f.t[f.t.length - 1];
            double a = f.stimEnd + (last - f.stimEnd) * 0.25, b = f.stimEnd + (last - f.stimEnd) * 0.75;
            double sum = 0;
            int c = 0;
            for (int k = 0; k < f.t.length; k++) {
                if (f.t[k] >= a) { sum += f.v[k]; c++; }
                if (f.t[k] > b) break;
            }
            return c == 0 ? null : one(sum / c);
        });
        def("ohmic_input_resistance", f -> {
            double[] d = f.dep("voltage_deflection");
            double ic = f.s.stimulusCurrent;
            return d == null || Double.isNaN(ic) || ic == 0 ? null : one(d[0] / ic);
        });
        def("ohmic_input_resistance_vb_ssse", f -> {
            double[] d = f.dep("voltage_deflection_vb_ssse");
            double ic = f.s.stimulusCurrent;
            return d == null || Double.isNaN(ic) || ic == 0 ? null : one(d[0] / ic);
        });
        def("sag_amplitude", f -> {
            double[] defl = f.dep("voltage_deflection_vb_ssse");
            double[] ss = f.dep("steady_state_voltage_stimend"), mn = f.dep("minimum_voltage");
            if (defl == null || ss == null || mn == null || defl[0] > 0) return null;
            return one(ss[0] - mn[0]);
        });
        def("sag_ratio1", f -> {
            double[] sag = f.dep("sag_amplitude"), mn = f.dep("minimum_voltage");
            if (sag == null || mn == null) return null;
            double vb = f.voltageBase();
            return vb == mn[0] ? null : one(sag[0] / (vb - mn[0]));
        });
        def("sag_ratio2", f -> {
            double[] ss = f.dep("steady_state_voltage_stimend"), mn = f.dep("minimum_voltage");
            if (ss == null || mn == null) return null;
            double vb = f.voltageBase();
            return vb == mn[0] ? null : one((vb - ss[0]) / (vb - mn[0]));
        });
        def("sag_time_constant", SubthresholdFeatures::sagTimeConstant);
        def("decay_time_constant_after_stim", f -> one(decayTau(f, f.stimStart, f.stimEnd)));
        def("multiple_decay_time_constant_after_stim", f -> {
            double[] a = f.s.multiStimStart, b = f.s.multiStimEnd;
            if (a == null || b == null || a.length != b.length) return null;
            double[] out = new double[a.length];
            for (int k = 0; k < a.length; k++) out[k] = decayTau(f, a[k], b[k]);
            return out;
        });
        def("time_constant", TimeConstant::compute);
        def("activation_time_constant", ChannelTimeConstants::activation);
        def("deactivation_time_constant", ChannelTimeConstants::deactivation);
        def("inactivation_time_constant", ChannelTimeConstants::inactivation);
        def("impedance", Impedance::compute);
    }

    /**
     * Mean or median over [first t >= lo, last t with t - hi < precision_threshold]: eFEL tolerates the rounding
     * of the accumulated time grid at the window end.
     */
    private static double windowStat(TraceFeatures f, double[] x, double lo, double hi, String mode) {
        double[] t = f.t;
        int a = Numerics.firstAtOrAfter(t, lo);
        if (a == t.length) a = 0;
        int b = t.length;
        for (int k = t.length - 1; k > 0; k--) {
            if (t[k] - hi < f.s.precisionThreshold) { b = k + 1; break; }
        }
        if (b <= a) return Double.NaN;
        return "median".equals(mode) ? Numerics.median(x, a, b) : mean(x, a, b);
    }

    private static double lastTenthMean(TraceFeatures f, double[] x) {
        double begin = f.stimEnd - 0.1 * (f.stimEnd - f.stimStart);
        int a = f.indexAtOrAfter(begin), b = f.indexAtOrAfter(f.stimEnd);
        return mean(x, a, b);
    }

    static double decayTau(TraceFeatures f, double stimStart, double stimEnd) {
        if (f.s.decayStartAfterStim >= f.s.decayEndAfterStim) return Double.NaN;
        int a = f.indexAtOrAfter(stimEnd + f.s.decayStartAfterStim);
        int b = f.indexAtOrAfter(stimEnd + f.s.decayEndAfterStim);
        if (b - a < 1) return Double.NaN;
        double ref = f.v[f.indexAtOrAfter(stimStart)];
        double[] x = new double[b - a], y = new double[b - a];
        for (int k = a; k < b; k++) {
            x[k - a] = f.t[k];
            y[k - a] = Math.abs(f.v[k] - ref);
        }
        return Math.abs(-1.0 / logSlope(x, y));
    }

    /** [first t >= stim_start, first t >= min(stim_end, t_last)), as eFEL's minimum/maximum_voltage. */
    private static int[] stimRange(TraceFeatures f) {
        double last = f.t[f.t.length - 1];
        if (f.stimStart > last) return null;
        double end = Math.min(f.stimEnd, last);
        int a = f.indexAtOrAfter(f.stimStart), b = f.indexAtOrAfter(end);
        if (a >= f.t.length || b >= f.t.length || b <= a) return null;
        return new int[] {a, b};
    }

    private static double[] sagTimeConstant(TraceFeatures f) {
        double[] sag = f.dep("sag_amplitude"), ss = f.dep("steady_state_voltage_stimend");
        double[] mn = f.dep("minimum_voltage");
        if (sag == null || ss == null || mn == null) return null;
        int start = 0;
        while (start < f.v.length && !(f.v[start] <= mn[0])) start++;
        double v90 = ss[0] - 0.1 * sag[0];
        int end = start;
        while (end < f.v.length && !(f.v[end] >= v90)) end++;
        if (end >= f.v.length || end - start < 10) return null;
        double ref = f.v[end];
        double[] x = new double[end - start], y = new double[end - start];
        for (int k = start; k < end; k++) {
            x[k - start] = f.t[k];
            y[k - start] = Math.abs(f.v[k] - ref);
        }
        return one(Math.abs(1.0 / logSlope(x, y)));
    }
}
