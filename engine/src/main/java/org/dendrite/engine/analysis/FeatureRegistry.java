package org.dendrite.engine.analysis;

import static org.dendrite.engine.analysis.Numerics.argmax;
import static org.dendrite.engine.analysis.Numerics.argmin;
import static org.dendrite.engine.analysis.Numerics.mean;
import static org.dendrite.engine.analysis.Numerics.toDouble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps each eFEL feature name to its computation. Definitions follow eFEL's documentation; the code is ours.
 * Each computation returns the feature's values, or null / an empty array where eFEL gives none.
 */
public final class FeatureRegistry {
    /** One feature's computation on a trace. */
    @FunctionalInterface
    public interface Computation {
        double[] compute(TraceFeatures f);
    }

    private static final Map<String, Computation> FEATURES = new LinkedHashMap<>();

    private FeatureRegistry() {}

    /** All feature names, in registration order (internal helpers, named with a leading '_', left out). */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (String n : FEATURES.keySet()) if (!n.startsWith("_")) out.add(n);
        return Collections.unmodifiableList(out);
    }

    public static boolean has(String name) {
        return FEATURES.containsKey(name) && !name.startsWith("_");
    }

    /** Features that eFEL defines as one number (the others are one value per spike, burst, ...). */
    private static final java.util.Set<String> SCALAR = java.util.Set.of(
            "spike_count", "spike_count_stimint", "Spikecount", "Spikecount_stimint", "number_initial_spikes",
            "time_to_first_spike", "time_to_second_spike", "time_to_last_spike", "inv_time_to_first_spike",
            "inv_first_ISI", "inv_second_ISI", "inv_third_ISI", "inv_fourth_ISI", "inv_fifth_ISI", "inv_last_ISI",
            "doublet_ISI", "ISI_semilog_slope", "ISI_log_slope", "ISI_log_slope_skip", "ISI_CV", "irregularity_index",
            "adaptation_index", "adaptation_index2", "mean_frequency", "trace_check", "AP1_begin_voltage",
            "AP2_begin_voltage", "AP1_amp", "AP2_amp", "APlast_amp", "mean_AP_amplitude", "AP2_AP1_diff", "AP1_peak",
            "AP2_peak", "AP2_AP1_peak_diff", "amp_drop_first_second", "amp_drop_first_last", "amp_drop_second_last",
            "max_amp_difference", "AHP1_depth_from_peak", "AHP2_depth_from_peak", "AP1_width", "AP2_width",
            "APlast_width", "AP1_begin_width", "AP2_begin_width", "AP2_AP1_begin_width_diff", "phaseslope_max",
            "voltage_base", "current_base", "steady_state_voltage", "steady_state_voltage_stimend",
            "steady_state_current_stimend", "steady_state_hyper", "minimum_voltage", "maximum_voltage",
            "maximum_voltage_from_voltagebase", "voltage_deflection", "voltage_deflection_begin",
            "voltage_deflection_vb_ssse", "voltage_after_stim", "ohmic_input_resistance",
            "ohmic_input_resistance_vb_ssse", "sag_amplitude", "sag_ratio1", "sag_ratio2", "sag_time_constant",
            "decay_time_constant_after_stim", "time_constant", "burst_number", "strict_burst_number",
            "initburst_sahp", "initburst_sahp_vb", "initburst_sahp_ssse", "single_burst_ratio", "is_not_stuck",
            "depol_block", "depol_block_bool", "spikes_in_burst1_burst2_diff", "spikes_in_burst1_burstlast_diff");

    /** Features whose values are whole numbers (indices into the interpolated trace, counts, flags). */
    private static final java.util.Set<String> INTEGER = java.util.Set.of(
            "spike_count", "spike_count_stimint", "Spikecount", "Spikecount_stimint", "number_initial_spikes",
            "burst_number", "strict_burst_number", "spikes_per_burst", "spikes_per_burst_diff",
            "spikes_in_burst1_burst2_diff", "spikes_in_burst1_burstlast_diff", "trace_check", "is_not_stuck",
            "depol_block", "depol_block_bool");

    /** True for features that eFEL defines as a single number. */
    public static boolean isScalar(String name) {
        return SCALAR.contains(name);
    }

    /** True for features whose values are whole numbers (indices, counts, flags). */
    public static boolean isInteger(String name) {
        return INTEGER.contains(name) || name.endsWith("_indices");
    }

    /** The trace itself ("time", "voltage", "current"): features in eFEL, but not worth printing by default. */
    public static boolean isTrace(String name) {
        return name.equals("time") || name.equals("voltage") || name.equals("current");
    }

    static Computation computation(String name) {
        Computation c = FEATURES.get(name);
        if (c == null) throw new IllegalArgumentException("unknown eFEL feature '" + name + "'");
        return c;
    }

    private static void def(String name, Computation c) {
        if (FEATURES.put(name, c) != null) throw new IllegalStateException("feature defined twice: " + name);
    }

    // ------------------------------------------------------------------ small helpers

    private static double[] one(double x) {
        return Double.isFinite(x) ? new double[] {x} : null;
    }

    /** Element k of a feature (negative k counts from the end), or none. */
    private static Computation pick(String feature, int k) {
        return f -> {
            double[] x = f.dep(feature);
            if (x == null) return null;
            int idx = k < 0 ? x.length + k : k;
            return (idx >= 0 && idx < x.length) ? new double[] {x[idx]} : null;
        };
    }

    /** (x[1:] - x[0]) / x[0]. */
    private static Computation change(String feature) {
        return f -> {
            double[] x = f.dep(feature);
            if (x == null || x.length < 2) return null;
            double[] out = new double[x.length - 1];
            for (int k = 1; k < x.length; k++) out[k - 1] = (x[k] - x[0]) / x[0];
            return out;
        };
    }

    /** x[1:] - x[:-1]. */
    private static Computation diff(String feature) {
        return f -> {
            double[] x = f.dep(feature);
            if (x == null || x.length < 2) return null;
            double[] out = new double[x.length - 1];
            for (int k = 1; k < x.length; k++) out[k - 1] = x[k] - x[k - 1];
            return out;
        };
    }

    /** Values of v at the indices of an index feature. */
    private static double[] at(double[] arr, int[] idx) {
        if (idx == null) return null;
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) out[k] = arr[idx[k]];
        return out;
    }

    private static double[] peakTimes(TraceFeatures f) {
        return at(f.t, f.peaks());
    }

    private static double[] allIsi(TraceFeatures f) {
        double[] pt = peakTimes(f);
        if (pt == null || pt.length < 2) return null;
        double[] isi = new double[pt.length - 1];
        for (int k = 1; k < pt.length; k++) isi[k - 1] = pt[k] - pt[k - 1];
        return isi;
    }

    private static double[] isiValues(TraceFeatures f) {
        double[] all = f.dep("all_ISI_values");
        if (all == null) return null;
        int skip = f.s.ignoreFirstISI ? 1 : 0;
        return all.length > skip ? Arrays.copyOfRange(all, skip, all.length) : null;
    }

    private static double[] ints(List<Integer> xs) {
        double[] out = new double[xs.size()];
        for (int k = 0; k < out.length; k++) out[k] = xs.get(k);
        return out;
    }

    private static int[] idx(double[] x) {
        if (x == null) return null;
        int[] out = new int[x.length];
        for (int k = 0; k < x.length; k++) out[k] = (int) x[k];
        return out;
    }

    /** Linear slope of log(y) against x. */
    private static double logSlope(double[] x, double[] y) {
        double[] ly = new double[y.length];
        for (int k = 0; k < y.length; k++) ly[k] = Math.log(y[k]);
        return Numerics.slope(x, ly);
    }

    static {
        SpikeFeatureDefs.define();
        SubthresholdFeatureDefs.define();
        BurstFeatureDefs.define();
    }

    // ================================================================== spike events

    static final class SpikeFeatureDefs {
        static void define() {
            def("peak_indices", f -> f.peaks() == null ? null : toDouble(f.peaks()));
            def("peak_time", FeatureRegistry::peakTimes);
            def("peak_voltage", f -> at(f.v, f.peaks()));
            def("AP_height", f -> f.dep("peak_voltage"));
            def("spike_count", f -> new double[] {f.peaks() == null ? 0 : f.peaks().length});
            def("Spikecount", f -> f.dep("spike_count"));
            def("spike_count_stimint", f -> {
                double[] pt = peakTimes(f);
                int c = 0;
                if (pt != null) for (double x : pt) if (x >= f.stimStart && x <= f.stimEnd) c++;
                return new double[] {c};
            });
            def("Spikecount_stimint", f -> f.dep("spike_count_stimint"));
            def("number_initial_spikes", f -> {
                double[] pt = peakTimes(f);
                if (pt == null || f.s.initialPerc < 0 || f.s.initialPerc >= 1) return null;
                double end = f.stimStart + (f.stimEnd - f.stimStart) * f.s.initialPerc;
                int a = Numerics.firstAtOrAfter(pt, f.stimStart), b = Numerics.firstAtOrAfter(pt, end);
                return new double[] {b - a};
            });
            def("time_to_first_spike", f -> {
                double[] pt = peakTimes(f);
                return pt == null ? null : new double[] {pt[0] - f.stimStart};
            });
            def("time_to_second_spike", f -> {
                double[] pt = peakTimes(f);
                return pt == null || pt.length < 2 ? null : new double[] {pt[1] - f.stimStart};
            });
            def("time_to_last_spike", f -> {
                double[] pt = peakTimes(f);
                return pt == null ? null : new double[] {pt[pt.length - 1] - f.stimStart};
            });
            def("inv_time_to_first_spike", f -> {
                double[] x = f.dep("time_to_first_spike");
                return x == null ? null : new double[] {1000.0 / x[0]};
            });
            def("all_ISI_values", FeatureRegistry::allIsi);
            def("ISIs", FeatureRegistry::allIsi);
            def("ISI_values", FeatureRegistry::isiValues);
            def("inv_ISI_values", f -> {
                double[] isi = f.dep("all_ISI_values");
                if (isi == null) return null;
                double[] out = new double[isi.length];
                for (int k = 0; k < isi.length; k++) out[k] = 1000.0 / isi[k];
                return out;
            });
            String[] ordinals = {"first", "second", "third", "fourth", "fifth"};
            for (int k = 0; k < ordinals.length; k++) {
                final int kk = k;
                def("inv_" + ordinals[k] + "_ISI", f -> {
                    double[] isi = f.dep("all_ISI_values");
                    return (isi != null && isi.length > kk) ? new double[] {1000.0 / isi[kk]} : null;
                });
            }
            def("inv_last_ISI", f -> {
                double[] isi = f.dep("all_ISI_values");
                return isi != null ? new double[] {1000.0 / isi[isi.length - 1]} : null;
            });
            def("doublet_ISI", f -> {
                double[] pt = peakTimes(f);
                return pt != null && pt.length > 1 ? new double[] {pt[1] - pt[0]} : null;
            });
            def("ISI_semilog_slope", f -> {
                double[] isi = f.dep("ISI_values");
                if (isi == null || isi.length < 2) return null;
                double[] x = new double[isi.length];
                for (int k = 0; k < x.length; k++) x[k] = k + 1;
                return one(logSlope(x, isi));
            });
            def("ISI_log_slope", f -> isiLogSlope(f.dep("ISI_values"), 0));
            def("ISI_log_slope_skip", f -> {
                double[] isi = f.dep("ISI_values");
                if (isi == null) return null;
                int skip = (int) Math.min(f.s.maxSpikeSkip, Math.floor((isi.length + 1) * f.s.spikeSkipf + 0.5));
                return isiLogSlope(isi, skip);
            });
            def("ISI_CV", f -> {
                double[] isi = f.dep("ISI_values");
                if (isi == null || isi.length < 2) return null;
                return one(Numerics.stdDdof1(isi) / mean(isi));
            });
            def("irregularity_index", f -> {
                double[] isi = f.dep("ISI_values");
                if (isi == null || isi.length < 2) return null;
                double sum = 0;
                for (int k = 1; k < isi.length; k++) sum += Math.abs(isi[k] - isi[k - 1]);
                return one(sum / (isi.length - 1));
            });
            def("adaptation_index", f -> adaptationIndex(f, true));
            def("adaptation_index2", f -> adaptationIndex(f, false));
            def("mean_frequency", f -> {
                double[] pt = peakTimes(f);
                if (pt == null) return null;
                int c = 0;
                double last = 0;
                for (double x : pt) {
                    if (x >= f.stimStart && x <= f.stimEnd) {
                        last = x;
                        c++;
                    }
                }
                if (last == f.stimStart) return null; // eFEL refuses to divide by zero
                return new double[] {c * 1000.0 / (last - f.stimStart)};
            });
            def("trace_check", f -> {
                double[] pt = peakTimes(f);
                if (pt != null) {
                    for (double x : pt) if (x < f.stimStart || x > f.stimEnd * 1.05) return null;
                }
                return new double[] {0};
            });

            // ---------------------------------------------------------------- spike shape
            def("AP_begin_indices", f -> f.apBegin() == null ? null : toDouble(f.apBegin()));
            def("AP_end_indices", f -> f.apEnd() == null ? null : toDouble(f.apEnd()));
            def("AP_begin_voltage", f -> at(f.v, f.apBegin()));
            def("AP1_begin_voltage", pick("AP_begin_voltage", 0));
            def("AP2_begin_voltage", pick("AP_begin_voltage", 1));
            def("AP_begin_time", f -> at(f.t, f.apBegin()));
            def("AP_amplitude", f -> {
                int[] p = f.peaks(), b = f.apBegin();
                if (p == null || b == null) return null;
                double[] pv = new double[p.length];
                int c = 0;
                for (int pk : p) if (f.t[pk] >= f.stimStart && f.t[pk] <= f.stimEnd) pv[c++] = f.v[pk];
                if (c > b.length) return null; // eFEL: more peaks in the stimulus than spike starts
                double[] out = new double[c];
                for (int k = 0; k < c; k++) out[k] = pv[k] - f.v[b[k]];
                return out;
            });
            def("AP1_amp", pick("AP_amplitude", 0));
            def("AP2_amp", pick("AP_amplitude", 1));
            def("APlast_amp", pick("AP_amplitude", -1));
            def("mean_AP_amplitude", f -> {
                double[] a = f.dep("AP_amplitude");
                return a == null ? null : one(mean(a));
            });
            def("AP_amplitude_change", change("AP_amplitude"));
            def("AP_amplitude_diff", diff("AP_amplitude"));
            def("AP2_AP1_diff", f -> {
                double[] a = f.dep("AP_amplitude");
                return a != null && a.length > 1 ? new double[] {a[1] - a[0]} : null;
            });
            def("AP_amplitude_from_voltagebase", f -> {
                double[] pv = f.dep("peak_voltage");
                if (pv == null) return null;
                double vb = f.voltageBase();
                double[] out = new double[pv.length];
                for (int k = 0; k < pv.length; k++) out[k] = pv[k] - vb;
                return out;
            });
            def("AP1_peak", pick("peak_voltage", 0));
            def("AP2_peak", pick("peak_voltage", 1));
            def("AP2_AP1_peak_diff", f -> {
                double[] pv = f.dep("peak_voltage");
                return pv != null && pv.length > 1 ? new double[] {pv[1] - pv[0]} : null;
            });
            def("amp_drop_first_second", f -> {
                double[] pv = f.dep("peak_voltage");
                return pv != null && pv.length > 1 ? new double[] {pv[0] - pv[1]} : null;
            });
            def("amp_drop_first_last", f -> {
                double[] pv = f.dep("peak_voltage");
                return pv != null && pv.length > 1 ? new double[] {pv[0] - pv[pv.length - 1]} : null;
            });
            def("amp_drop_second_last", f -> {
                double[] pv = f.dep("peak_voltage");
                return pv != null && pv.length > 2 ? new double[] {pv[1] - pv[pv.length - 1]} : null;
            });
            def("max_amp_difference", f -> {
                double[] pv = f.dep("peak_voltage");
                if (pv == null || pv.length < 2) return null;
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 1; k < pv.length; k++) m = Math.max(m, pv[k - 1] - pv[k]);
                return one(m);
            });

            def("min_AHP_indices", f -> f.minAhp() == null ? null : toDouble(f.minAhp()));
            def("min_AHP_values", f -> at(f.v, f.minAhp()));
            def("AHP_depth_abs", f -> f.dep("min_AHP_values"));
            def("AHP_depth", f -> {
                double[] m = f.dep("min_AHP_values");
                if (m == null) return null;
                double vb = f.voltageBase();
                double[] out = new double[m.length];
                for (int k = 0; k < m.length; k++) out[k] = m[k] - vb;
                return out;
            });
            def("AHP_depth_diff", diff("AHP_depth"));
            def("AHP_depth_from_peak", f -> {
                int[] p = f.peaks(), m = f.minAhp();
                if (p == null || m == null || p.length < m.length) return null;
                double[] out = new double[m.length];
                for (int k = 0; k < m.length; k++) out[k] = f.v[p[k]] - f.v[m[k]];
                return out;
            });
            def("AHP1_depth_from_peak", pick("AHP_depth_from_peak", 0));
            def("AHP2_depth_from_peak", pick("AHP_depth_from_peak", 1));
            def("AHP_time_from_peak", f -> {
                int[] p = f.peaks(), m = f.minAhp();
                if (p == null || m == null) return null;
                int n = Math.min(p.length, m.length);
                double[] out = new double[n];
                for (int k = 0; k < n; k++) out[k] = f.t[m[k]] - f.t[p[k]];
                return out;
            });
            def("fast_AHP", f -> {
                int[] b = f.apBegin(), m = f.minAhp();
                if (b == null || m == null || b.length < 1) return null;
                int n = b.length - 1;
                if (n > m.length) return null;
                double[] out = new double[n];
                for (int k = 0; k < n; k++) out[k] = f.v[b[k]] - f.v[m[k]];
                return out;
            });
            def("fast_AHP_change", change("fast_AHP"));
            def("_AHP_depth_abs_slow_indices", f -> {
                int[] p = f.peaks();
                if (p == null || p.length < 3) return null;
                double[] out = new double[p.length - 2];
                for (int k = 1; k < p.length - 1; k++) {
                    double tStart = f.t[p[k]] + f.s.sahpStart;
                    int start = p[k];
                    while (start < p[k + 1] && f.t[start] < tStart) start++;
                    int m = argmin(f.v, start, p[k + 1]);
                    out[k - 1] = m < 0 ? p[k + 1] : m;
                }
                return out;
            });
            def("AHP_depth_abs_slow", f -> at(f.v, idx(f.dep("_AHP_depth_abs_slow_indices"))));
            def("AHP_depth_slow", f -> {
                double[] m = f.dep("AHP_depth_abs_slow");
                if (m == null) return null;
                double vb = f.voltageBase();
                double[] out = new double[m.length];
                for (int k = 0; k < m.length; k++) out[k] = m[k] - vb;
                return out;
            });
            def("AHP_slow_time", f -> {
                int[] si = idx(f.dep("_AHP_depth_abs_slow_indices"));
                int[] p = f.peaks();
                if (si == null) return null;
                double[] out = new double[si.length];
                for (int k = 0; k < si.length; k++) {
                    int pk = p[k + 1], next = p[k + 2];
                    out[k] = (f.t[si[k]] - f.t[pk]) / (f.t[next] - f.t[pk]);
                }
                return out;
            });
            def("min_between_peaks_indices", f -> f.minBetweenPeaks() == null ? null : toDouble(f.minBetweenPeaks()));
            def("min_between_peaks_values", f -> at(f.v, f.minBetweenPeaks()));
            def("ADP_peak_indices", f -> {
                int[] a = f.minAhp(), m = f.minBetweenPeaks();
                if (a == null || m == null || a.length > m.length) return null;
                double[] out = new double[a.length];
                for (int k = 0; k < a.length; k++) {
                    int x = argmax(f.v, a[k], m[k]);
                    out[k] = x < 0 ? m[k] : x;
                }
                return out;
            });
            def("ADP_peak_values", f -> at(f.v, idx(f.dep("ADP_peak_indices"))));
            def("ADP_peak_amplitude", f -> {
                double[] adp = f.dep("ADP_peak_values"), ahp = f.dep("min_AHP_values");
                if (adp == null || ahp == null || adp.length != ahp.length) return null;
                int n = adp.length;
                double[] out = new double[n];
                for (int k = 0; k < n; k++) out[k] = adp[k] - ahp[k];
                return out;
            });
            def("depolarized_base", f -> {
                int[] e = f.apEnd(), b = f.apBegin();
                if (e == null || b == null) return null;
                int n = Math.min(e.length, b.length) - 1;
                if (n + 1 <= 2) return null; // eFEL needs more than two spikes
                double[] out = new double[n];
                for (int k = 0; k < n; k++) out[k] = mean(f.v, e[k], b[k + 1]);
                return out;
            });
            def("min_voltage_between_spikes", f -> {
                int[] p = f.peaks();
                if (p == null || p.length < 2) return null;
                double[] out = new double[p.length - 1];
                for (int k = 0; k + 1 < p.length; k++) out[k] = f.v[argmin(f.v, p[k], p[k + 1])];
                return out;
            });
            def("AP_rise_indices", f -> {
                int[] p = f.peaks(), b = f.apBegin();
                if (p == null || b == null) return null;
                int n = Math.min(p.length, b.length);
                double[] out = new double[n];
                for (int k = 0; k < n; k++) {
                    if (p[k] < b[k]) return null;
                    double half = (f.v[b[k]] + f.v[p[k]]) / 2.0;
                    out[k] = closest(f.v, b[k], p[k], half);
                }
                return out;
            });
            def("AP_fall_indices", f -> {
                int[] p = f.peaks(), b = f.apBegin(), e = f.apEnd();
                if (p == null || b == null || e == null) return null;
                int n = Math.min(p.length, b.length);
                if (n > e.length) return null;
                double[] out = new double[n];
                for (int k = 0; k < n; k++) {
                    if (p[k] > e[k]) continue;
                    double half = (f.v[b[k]] + f.v[p[k]]) / 2.0;
                    out[k] = closest(f.v, p[k], e[k], half);
                }
                return out;
            });
            def("AP_duration_half_width", f -> {
                int[] r = idx(f.dep("AP_rise_indices")), fa = idx(f.dep("AP_fall_indices"));
                if (r == null || fa == null) return null;
                int n = Math.min(r.length, fa.length);
                double[] out = new double[n];
                for (int k = 0; k < n; k++) out[k] = f.t[fa[k]] - f.t[r[k]];
                return out;
            });
            def("AP_duration_half_width_change", change("AP_duration_half_width"));
            def("AP_width", SpikeFeatureDefs::apWidth);
            def("AP_width_between_threshold", SpikeFeatureDefs::apWidthBetweenThreshold);
            def("spike_half_width", SpikeFeatureDefs::spikeHalfWidth);
            def("AP1_width", pick("spike_half_width", 0));
            def("AP2_width", pick("spike_half_width", 1));
            def("APlast_width", pick("spike_half_width", -1));
            def("spike_width2", SpikeFeatureDefs::spikeWidth2);
            def("AP_begin_width", f -> {
                int[] b = f.apBegin(), m = f.minAhp();
                if (b == null || m == null) return null;
                int stimBegin = f.indexAtOrAfter(f.stimStart);
                int[] sm = Arrays.stream(m).filter(x -> x > stimBegin).toArray();
                if (b.length < sm.length) return null;
                double[] out = new double[sm.length];
                for (int k = 0; k < sm.length; k++) {
                    int r = b[k];
                    double v0 = f.v[r];
                    int fall = r + 1;
                    while (fall < sm[k] && !(f.v[fall] <= v0)) fall++;
                    out[k] = f.t[fall] - f.t[r];
                }
                return out;
            });
            def("AP1_begin_width", pick("AP_begin_width", 0));
            def("AP2_begin_width", pick("AP_begin_width", 1));
            def("AP2_AP1_begin_width_diff", f -> {
                double[] w = f.dep("AP_begin_width");
                return w != null && w.length > 1 ? new double[] {w[1] - w[0]} : null;
            });
            def("AP_rise_time", f -> {
                int[] b = f.apBegin();
                if (b == null || f.peaks() == null || b.length == 0) return null;
                int[] p = f.peaksAfterIndex(b[0]);
                int n = Math.min(b.length, f.peaks().length);
                if (n > p.length) return null;
                double[] out = new double[n];
                for (int k = 0; k < n; k++) {
                    double amp = f.v[p[k]] - f.v[b[k]];
                    double lo = f.v[b[k]] + f.s.riseStartPerc * amp;
                    double hi = f.v[b[k]] + f.s.riseEndPerc * amp;
                    int first = b[k];
                    while (first < p[k] && f.v[first] < lo - 1e-13) first++;
                    int last = p[k];
                    while (last > b[k] && f.v[last] > hi + 1e-13) last--;
                    out[k] = f.t[last] - f.t[first];
                }
                return out;
            });
            def("AP_fall_time", f -> pairDiff(f.t, f.apEnd(), f.peaksAfterTime(f.stimStart)));
            def("AP_duration", f -> pairDiff(f.t, f.apEnd(), f.apBegin()));
            def("AP_duration_change", change("AP_duration"));
            def("AP_rise_rate", f -> f.apBegin() == null || f.apBegin().length == 0 ? null
                    : rate(f, f.peaksAfterIndex(f.apBegin()[0]), f.apBegin()));
            def("AP_fall_rate", f -> rate(f, f.apEnd(), f.peaksAfterTime(f.stimStart)));
            def("AP_rise_rate_change", change("AP_rise_rate"));
            def("AP_fall_rate_change", change("AP_fall_rate"));
            def("AP_peak_upstroke", f -> {
                int[] p = f.peaks(), b = f.apBegin();
                if (p == null || b == null) return null;
                double[] d = f.dvdt();
                List<Double> out = new ArrayList<>();
                int j = 0;
                for (int bk : b) {
                    while (j < p.length && p[j] < bk) j++;
                    if (j < p.length) {
                        out.add(d[argmax(d, bk, Math.max(p[j], bk + 1))]);
                        j++;
                    }
                }
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            });
            def("AP_peak_downstroke", f -> {
                int[] p = f.peaks(), m = f.minAhp();
                if (p == null || m == null) return null;
                double[] d = f.dvdt();
                int n = Math.min(p.length, m.length);
                double[] out = new double[n];
                for (int k = 0; k < n; k++) out[k] = d[argmin(d, p[k], m[k])];
                return out;
            });
            def("AP_phaseslope", f -> {
                int[] b = f.apBegin();
                if (b == null) return null;
                double[] d = f.dvdt();
                int r = f.s.apPhaseslopeRange;
                double[] out = new double[b.length];
                for (int k = 0; k < b.length; k++) {
                    int hi = b[k] + r, lo = b[k] - r;
                    if (lo < 0 || hi >= f.v.length || f.v[hi] == f.v[lo]) return null;
                    out[k] = (d[hi] - d[lo]) / (f.v[hi] - f.v[lo]);
                }
                return out;
            });
            def("phaseslope_max", f -> {
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 1; k < f.v.length; k++) {
                    m = Math.max(m, (f.v[k] - f.v[k - 1]) / (f.t[k] - f.t[k - 1]));
                }
                return one(m);
            });
        }

        private static double[] isiLogSlope(double[] isi, int skip) {
            if (isi == null || isi.length - skip < 2) return null;
            int n = isi.length - skip;
            double[] x = new double[n], y = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = Math.log(k + 1);
                y[k] = isi[k + skip];
            }
            return one(logSlope(x, y));
        }

        private static double[] adaptationIndex(TraceFeatures f, boolean skipByFraction) {
            double[] pt = peakTimes(f);
            if (pt == null) return null;
            double[] sel = Arrays.stream(pt).filter(x -> x >= f.stimStart && x <= f.stimEnd).toArray();
            int start = skipByFraction
                    ? (int) Math.min(f.s.maxSpikeSkip, Math.floor(sel.length * f.s.spikeSkipf + 0.5)) : 1;
            if (sel.length - start < 4) return null;
            int n = sel.length - start - 1;
            double[] isi = new double[n];
            for (int k = 0; k < n; k++) isi[k] = sel[start + k + 1] - sel[start + k];
            double sum = 0;
            for (int k = 1; k < n; k++) sum += (isi[k] - isi[k - 1]) / (isi[k] + isi[k - 1]);
            return one(sum / (n - 1));
        }

        private static int closest(double[] v, int from, int to, double level) {
            int best = -1;
            double bd = Double.POSITIVE_INFINITY;
            for (int q = from; q < to; q++) {
                double d = Math.abs(v[q] - level);
                if (d < bd) { bd = d; best = q; }
            }
            return best;
        }

        private static double[] pairDiff(double[] x, int[] a, int[] b) {
            if (a == null || b == null) return null;
            int n = Math.min(a.length, b.length);
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = x[a[k]] - x[b[k]];
            return out;
        }

        private static double[] rate(TraceFeatures f, int[] a, int[] b) {
            if (a == null || b == null) return null;
            int n = Math.min(a.length, b.length);
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = (f.v[a[k]] - f.v[b[k]]) / (f.t[a[k]] - f.t[b[k]]);
            return out;
        }

        /** Width at Threshold of each spike, between consecutive AHP minima (eFEL's AP_width). */
        private static double[] apWidth(TraceFeatures f) {
            int[] m = f.minAhp();
            if (m == null || f.peaks() == null) return null;
            List<Integer> idx = new ArrayList<>();
            if (f.s.strictStiminterval) {
                int a = f.indexAtOrAfter(f.stimStart), b = f.indexAtOrAfter(f.stimEnd);
                idx.add(a);
                for (int x : m) if (a < x && x < b) idx.add(x);
            } else {
                idx.add(0);
                for (int x : m) idx.add(x);
            }
            double th = f.s.threshold;
            double[] out = new double[idx.size() - 1];
            for (int k = 0; k + 1 < idx.size(); k++) {
                int lo = idx.get(k), hi = idx.get(k + 1);
                int on = lo;
                while (on < hi && !(f.v[on] >= th)) on++;
                int off = on;
                while (off < hi && !(f.v[off] <= th)) off++;
                out[k] = f.t[off] - f.t[on];
            }
            return out;
        }

        /** Width at Threshold between the minima between peaks; spikes without a threshold crossing are left out. */
        private static double[] apWidthBetweenThreshold(TraceFeatures f) {
            int[] m = f.minBetweenPeaks();
            if (m == null) return null;
            int[] idx = new int[m.length + 1];
            idx[0] = f.indexAtOrAfter(f.stimStart);
            System.arraycopy(m, 0, idx, 1, m.length);
            double th = f.s.threshold;
            List<Double> out = new ArrayList<>();
            for (int k = 0; k + 1 < idx.length; k++) {
                int lo = idx[k], hi = idx[k + 1];
                int on = lo;
                while (on < hi && !(f.v[on] >= th)) on++;
                int off = on;
                while (off < hi && !(f.v[off] <= th)) off++;
                if (off != hi) out.add(f.t[off] - f.t[on]);
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** Time where the voltage crosses `level` between samples k-1 and k (linear). */
        private static double crossTime(TraceFeatures f, int k, double level) {
            double dv = f.v[k] - f.v[k - 1], dt = f.t[k] - f.t[k - 1];
            return f.t[k] + dt * (level - f.v[k]) / dv;
        }

        /** Width at half the height between each peak and its following AHP minimum (eFEL's spike_half_width). */
        private static double[] spikeHalfWidth(TraceFeatures f) {
            int[] p = f.peaks(), m = f.minAhp();
            if (p == null || m == null || p.length < m.length) return null;
            int prev = f.indexAtOrAfter(f.stimStart);
            double[] out = new double[m.length];
            for (int k = 0; k < m.length; k++) {
                double half = (f.v[p[k]] + f.v[m[k]]) / 2.0;
                int rise = prev;
                while (rise < p[k] && !(f.v[rise] >= half)) rise++;
                int fall = p[k];
                while (fall < m[k] && !(f.v[fall] <= half)) fall++;
                if (rise < 1 || fall < 1) return null;
                out[k] = crossTime(f, fall, half) - crossTime(f, rise, half);
                prev = m[k];
            }
            return out;
        }

        /**
         * Width at half height where the spike onset is the maximum of the second derivative between the AHP minimum
         * and the next peak (eFEL's spike_width2).
         */
        private static double[] spikeWidth2(TraceFeatures f) {
            int[] p = f.peaks(), m = f.minAhp();
            if (p == null || m == null || p.length <= 1) return null;
            double dx = f.t[1] - f.t[0];
            List<Double> out = new ArrayList<>();
            for (int k = 0; k < m.length && k < p.length - 1; k++) {
                int a = m[k], pk = p[k + 1];
                double[] seg = Arrays.copyOfRange(f.v, a, pk + 1);
                if (seg.length < 2) return null;
                double[] d1 = Numerics.centralDifference(seg);
                for (int q = 0; q < d1.length; q++) d1[q] /= dx;
                double[] d2 = Numerics.centralDifference(d1);
                int onset = 0;
                double best = d2[0];
                for (int q = 1; q < d2.length; q++) if (best <= d2[q]) { best = d2[q]; onset = q; }
                onset += a;
                double half = (f.v[pk] + f.v[onset]) / 2.0;
                int rise = onset;
                for (int q = 0; q < seg.length; q++) if (seg[q] > half) { rise = a + q; break; }
                double tStart = f.t[rise - 1] + (half - f.v[rise - 1]) / (f.v[rise] - f.v[rise - 1]) * dx;
                int fall = -1;
                for (int q = pk; q < f.v.length; q++) if (f.v[q] < half) { fall = q; break; }
                if (fall < 0) return null; // falling phase of the last spike missing
                double tEnd = f.t[fall - 1] + (half - f.v[fall - 1]) / (f.v[fall] - f.v[fall - 1]) * dx;
                out.add(tEnd - tStart);
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    // ================================================================== subthreshold

    static final class SubthresholdFeatureDefs {
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
            def("sag_time_constant", SubthresholdFeatureDefs::sagTimeConstant);
            def("decay_time_constant_after_stim", f -> one(decayTau(f, f.stimStart, f.stimEnd)));
            def("multiple_decay_time_constant_after_stim", f -> {
                double[] a = f.s.multiStimStart, b = f.s.multiStimEnd;
                if (a == null || b == null || a.length != b.length) return null;
                double[] out = new double[a.length];
                for (int k = 0; k < a.length; k++) out[k] = decayTau(f, a[k], b[k]);
                return out;
            });
            def("time_constant", TimeConstant::compute);
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

    // ================================================================== bursts, blocks, checks

    static final class BurstFeatureDefs {
        static void define() {
            def("burst_ISI_indices", f -> {
                double[] isi = f.dep("ISI_values");
                if (isi == null || isi.length < 4) return null; // eFEL needs 4 or more ISIs
                List<Integer> out = new ArrayList<>();
                int count = -1;
                double bf = f.s.burstFactor;
                for (int k = 1; k < isi.length - 1; k++) {
                    if (k - (count + 1) <= 0) continue;
                    double med = Numerics.median(isi, count + 1, k);
                    if (isi[k] > bf * med && isi[k + 1] < isi[k] / bf) {
                        out.add(k + 1);
                        count = k - 1;
                    }
                }
                return ints(out);
            });
            def("burst_mean_freq", f -> {
                double[] bi = f.dep("burst_ISI_indices");
                double[] pt = peakTimes(f);
                if (bi == null || pt == null) return null;
                int[] idx = new int[bi.length + 1];
                for (int k = 0; k < bi.length; k++) idx[k] = (int) bi[k];
                idx[bi.length] = pt.length - 1;
                List<Double> out = new ArrayList<>();
                out.add((idx[0] + 1) * 1000.0 / (pt[idx[0]] - pt[0]));
                for (int k = 0; k + 1 < idx.length; k++) {
                    if (idx[k + 1] - idx[k] != 1) {
                        out.add((idx[k + 1] - idx[k]) * 1000.0 / (pt[idx[k + 1]] - pt[idx[k] + 1]));
                    }
                }
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            });
            def("burst_number", f -> {
                double[] b = f.dep("burst_mean_freq");
                return new double[] {b == null ? 0 : b.length};
            });
            def("interburst_voltage", f -> {
                double[] bi = f.dep("burst_ISI_indices");
                int[] p = f.peaks();
                if (bi == null || p == null) return null;
                double[] out = new double[bi.length];
                for (int k = 0; k < bi.length; k++) {
                    int idx = (int) bi[k];
                    if (idx + 1 >= p.length) return null;
                    out[k] = meanBetweenPeaks(f, p[idx], p[idx + 1]);
                }
                return out;
            });
            def("burst_begin_indices", f -> strictBursts(f)[0]);
            def("burst_end_indices", f -> strictBursts(f)[1]);
            def("strict_burst_mean_freq", f -> {
                int[] b = idx(f.dep("burst_begin_indices")), e = idx(f.dep("burst_end_indices"));
                double[] pt = peakTimes(f);
                if (b == null || e == null || pt == null) return null;
                List<Double> out = new ArrayList<>();
                for (int k = 0; k < b.length && k < e.length; k++) {
                    if (e[k] - b[k] > 0) out.add((e[k] - b[k] + 1) * 1000.0 / (pt[e[k]] - pt[b[k]]));
                }
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            });
            def("strict_burst_number", f -> {
                double[] b = f.dep("strict_burst_mean_freq");
                return new double[] {b == null ? 0 : b.length};
            });
            def("spikes_per_burst", f -> {
                int[] b = idx(f.dep("burst_begin_indices")), e = idx(f.dep("burst_end_indices"));
                if (b == null || e == null) return null;
                int n = Math.min(b.length, e.length);
                double[] out = new double[n];
                for (int k = 0; k < n; k++) out[k] = e[k] - b[k] + 1;
                return out;
            });
            def("spikes_per_burst_diff", f -> {
                double[] s = f.dep("spikes_per_burst");
                if (s == null || s.length < 2) return null;
                double[] out = new double[s.length - 1];
                for (int k = 0; k + 1 < s.length; k++) out[k] = s[k] - s[k + 1];
                return out;
            });
            def("spikes_in_burst1_burst2_diff", pick("spikes_per_burst_diff", 0));
            def("spikes_in_burst1_burstlast_diff", f -> {
                double[] s = f.dep("spikes_per_burst");
                if (s == null || s.length < 2) return null;
                return new double[] {s[0] - s[s.length - 1]};
            });
            def("strict_interburst_voltage", f -> {
                int[] b = idx(f.dep("burst_begin_indices"));
                int[] p = f.peaks();
                if (b == null || p == null || b.length < 1) return null;
                double[] out = new double[b.length - 1];
                for (int k = 1; k < b.length; k++) {
                    int ts = p[b[k] - 1], te = p[b[k]];
                    double tStart = f.t[ts] + 5, tEnd = f.t[te] - 5; // 5 ms after / before the peaks
                    int j = ts;
                    while (j < te && !(f.t[j] > tStart)) j++;
                    int from = j - 1;
                    j = te;
                    while (j > from && !(f.t[j] < tEnd)) j--;
                    int to = j + 1;
                    out[k - 1] = mean(f.v, from, to + 1);
                }
                return out;
            });
            def("interburst_min_indices", f -> interburstMin(f, true));
            def("interburst_min_values", f -> interburstMin(f, false));
            def("interburst_duration", f -> {
                int[] e = idx(f.dep("burst_end_indices"));
                double[] pt = peakTimes(f);
                if (e == null || pt == null) return null;
                List<Double> out = new ArrayList<>();
                for (int x : e) if (x + 1 < pt.length) out.add(pt[x + 1] - pt[x]);
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            });
            def("time_to_interburst_min", f -> {
                double[] m = f.dep("interburst_min_indices");
                int[] e = idx(f.dep("burst_end_indices"));
                double[] pt = peakTimes(f);
                if (m == null || e == null || pt == null || e.length < m.length) return null;
                double[] out = new double[m.length];
                for (int k = 0; k < m.length; k++) out[k] = f.t[(int) m[k]] - pt[e[k]];
                return out;
            });
            def("postburst_min_indices", f -> toDoubleOrNull(postburstMin(f)));
            def("postburst_min_values", f -> at(f.v, postburstMin(f)));
            def("postburst_slow_ahp_indices", f -> toDoubleOrNull(postburstSlowAhp(f)));
            def("postburst_slow_ahp_values", f -> at(f.v, postburstSlowAhp(f)));
            def("postburst_fast_ahp_indices", f -> toDoubleOrNull(postburstFastAhp(f)));
            def("postburst_fast_ahp_values", f -> at(f.v, postburstFastAhp(f)));
            def("postburst_adp_peak_indices", f -> toDoubleOrNull(postburstAdp(f)));
            def("postburst_adp_peak_values", f -> at(f.v, postburstAdp(f)));
            def("time_to_postburst_fast_ahp", f -> timeFromBurstEnd(f, postburstFastAhp(f)));
            def("time_to_postburst_slow_ahp", f -> timeFromBurstEnd(f, postburstSlowAhp(f)));
            def("time_to_postburst_adp_peak", f -> {
                int[] adp = postburstAdp(f);
                int[] e = idx(f.dep("burst_end_indices"));
                double[] pt = peakTimes(f);
                if (adp == null || e == null || pt == null) return null;
                double[] out = new double[adp.length];
                for (int k = 0; k < adp.length && k < e.length; k++) {
                    int j = 0;
                    while (e[k] + j + 1 < pt.length && pt[e[k] + j + 1] < f.t[adp[k]]) j++;
                    out[k] = f.t[adp[k]] - pt[e[k] + j];
                }
                return out;
            });
            for (int pc : new int[] {15, 20, 25, 30, 40, 60}) {
                def("interburst_" + pc + "percent_indices", f -> toDoubleOrNull(interburstPercent(f, pc)));
                def("interburst_" + pc + "percent_values", f -> at(f.v, interburstPercent(f, pc)));
            }
            def("initburst_sahp", BurstFeatureDefs::initburstSahp);
            def("initburst_sahp_vb", f -> {
                double[] x = f.dep("initburst_sahp");
                return x == null ? null : one(x[0] - f.voltageBase());
            });
            def("initburst_sahp_ssse", f -> {
                double[] x = f.dep("initburst_sahp"), ss = f.dep("steady_state_voltage_stimend");
                return x == null || ss == null ? null : one(x[0] - ss[0]);
            });
            def("single_burst_ratio", f -> {
                double[] isi = f.dep("ISI_values");
                if (isi == null || isi.length < 2) return null;
                return one(isi[0] / mean(isi));
            });
            def("is_not_stuck", f -> {
                double[] pt = peakTimes(f);
                if (pt != null) {
                    for (double x : pt) if (x > f.stimEnd * 0.5 && x < f.stimEnd) {
                        return new double[] {1};
                    }
                }
                return null;
            });
            def("depol_block", f -> Blocks.blocked(f) ? null : new double[] {1});
            def("depol_block_bool", f -> new double[] {Blocks.blocked(f) ? 1 : 0});
        }

        private static double[] toDoubleOrNull(int[] x) {
            return x == null ? null : toDouble(x);
        }

        /** Mean voltage from 5 ms after one peak to 5 ms before the next. */
        private static double meanBetweenPeaks(TraceFeatures f, int p0, int p1) {
            double tStart = f.t[p0] + 5, tEnd = f.t[p1] - 5;
            int a = Numerics.firstAtOrAfter(f.t, tStart) - 1; // last index with t < tStart
            int b = Numerics.firstAfter(f.t, tEnd);          // first index with t > tEnd
            return mean(f.v, Math.max(a, 0), b + 1);
        }

        /** Strict burst detection (strict_burst_factor): {begin peak numbers, end peak numbers}. */
        private static double[][] strictBursts(TraceFeatures f) {
            double[] isi = f.dep("all_ISI_values");
            if (isi == null) return new double[][] {null, null};
            double bf = f.s.strictBurstFactor;
            int first = f.s.ignoreFirstISI ? 1 : 0;
            if (isi.length < 2) return new double[][] {null, null}; // eFEL needs 3 spikes
            List<Integer> begin = new ArrayList<>(), end = new ArrayList<>();
            begin.add(first);
            int count = first;
            for (int k = first + 1; k < isi.length; k++) {
                double med = Numerics.median(isi, count, k);
                boolean inBurst = end.isEmpty() || begin.get(begin.size() - 1) > end.get(end.size() - 1);
                if (inBurst && isi[k] > bf * med) {
                    end.add(k);
                    count = k;
                }
                if (isi[k] < isi[k - 1] / bf) {
                    if (inBurst) begin.set(begin.size() - 1, k); else begin.add(k);
                    count = k;
                }
            }
            if (end.isEmpty() || begin.get(begin.size() - 1) > end.get(end.size() - 1)) end.add(isi.length);
            return new double[][] {ints(begin), ints(end)};
        }

        private static double[] interburstMin(TraceFeatures f, boolean indices) {
            int[] e = idx(f.dep("burst_end_indices"));
            int[] p = f.peaks();
            if (e == null || p == null) return null;
            List<Double> out = new ArrayList<>();
            for (int k = 0; k < e.length && e[k] + 1 < p.length; k++) {
                int m = argmin(f.v, p[e[k]], p[e[k] + 1]);
                out.add(indices ? m : f.v[m]);
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static int[] postburstMin(TraceFeatures f) {
            int[] e = idx(f.dep("burst_end_indices"));
            int[] p = f.peaks();
            if (e == null || p == null) return null;
            int stimEndIdx = f.indexAtOrAfter(f.stimEnd), endIdx = f.v.length;
            List<Integer> out = new ArrayList<>();
            for (int x : e) {
                int from = p[x], to;
                if (x + 1 < p.length) to = p[x + 1];
                else to = from < stimEndIdx ? stimEndIdx : endIdx;
                int m = argmin(f.v, from, to);
                if (m >= 0) out.add(m);
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        private static int[] postburstSlowAhp(TraceFeatures f) {
            int[] e = idx(f.dep("burst_end_indices"));
            int[] p = f.peaks();
            if (e == null || p == null) return null;
            int stimEndIdx = f.indexAtOrAfter(f.stimEnd), endIdx = f.v.length;
            List<Integer> out = new ArrayList<>();
            for (int x : e) {
                double tStart = f.t[p[x]] + f.s.sahpStart;
                int to;
                if (x + 1 < p.length) to = p[x + 1];
                else to = p[x] < stimEndIdx ? stimEndIdx : endIdx;
                int start = p[x];
                while (start < to && !(f.t[start] >= tStart)) start++;
                if (start >= to) {
                    if (x + 1 < p.length) out.add(to); // eFEL: empty search returns its end
                    continue;
                }
                out.add(argmin(f.v, start, to));
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        private static int[] postburstFastAhp(TraceFeatures f) {
            int[] e = idx(f.dep("burst_end_indices"));
            int[] p = f.peaks();
            if (e == null || p == null || e.length == 0) return null;
            int[] starts = new int[e.length], ends = new int[e.length];
            int ne = 0;
            for (int k = 0; k < e.length; k++) {
                starts[k] = p[e[k]];
                if (e[k] + 1 < p.length) ends[ne++] = p[e[k] + 1];
            }
            int endIndex = f.t[starts[e.length - 1]] < f.stimEnd ? f.indexAtOrAfter(f.stimEnd) : f.v.length;
            if (ne < e.length) ends[ne++] = endIndex;
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < e.length && k < ne; k++) {
                int m = TraceFeatures.firstMinimum(f.v, starts[k], ends[k]);
                if (m < 0) m = ends[k];
                if (m != endIndex - 1) out.add(m);
            }
            return out.isEmpty() ? null : out.stream().mapToInt(Integer::intValue).toArray();
        }

        private static int[] postburstAdp(TraceFeatures f) {
            int[] fa = postburstFastAhp(f), sa = postburstSlowAhp(f);
            if (fa == null || sa == null || sa.length > fa.length) return null;
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < sa.length; k++) {
                if (sa[k] < fa[k]) continue;
                int a = argmax(f.v, fa[k], sa[k]);
                if (a < 0) a = sa[k];
                if (a < sa[k] - 1) out.add(a);
            }
            return out.isEmpty() ? null : out.stream().mapToInt(Integer::intValue).toArray();
        }

        private static double[] timeFromBurstEnd(TraceFeatures f, int[] idx) {
            int[] e = idx(f.dep("burst_end_indices"));
            double[] pt = peakTimes(f);
            if (idx == null || e == null || pt == null || e.length < idx.length) return null;
            int n = idx.length;
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = f.t[idx[k]] - pt[e[k]];
            return out;
        }

        private static int[] interburstPercent(TraceFeatures f, int percent) {
            int[] fa = postburstFastAhp(f);
            int[] e = idx(f.dep("burst_end_indices"));
            int[] p = f.peaks();
            if (fa == null || e == null || p == null) return null;
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < fa.length; k++) {
                if (k < e.length && e[k] + 1 < p.length) {
                    double interval = f.t[p[e[k] + 1]] - f.t[fa[k]];
                    double at = f.t[fa[k]] + interval * percent / 100.0;
                    out.add(f.indexAtOrAfter(at));
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        private static double[] initburstSahp(TraceFeatures f) {
            double[] pt = peakTimes(f);
            double[] isi = f.dep("all_ISI_values");
            if (pt == null || isi == null) return null;
            int lastIsi = -1;
            for (int k = 0; k < isi.length; k++) {
                if (1000.0 / isi[k] < f.s.initburstFreqThreshold) break;
                lastIsi = k;
            }
            if (lastIsi < 0) return null;
            int lastPeak = lastIsi + 1;
            double lastSpike = pt[lastPeak];
            double a = Math.min(lastSpike + f.s.initburstSahpStart, f.stimEnd);
            double b = Math.min(lastSpike + f.s.initburstSahpEnd, f.stimEnd);
            if (lastPeak + 1 < pt.length) b = Math.min(b, pt[lastPeak + 1]); // not beyond the next spike
            if (a >= b) return null;
            int from = f.indexAtOrAfter(a), to = Numerics.firstAfter(f.t, b);
            int m = argmin(f.v, from, to);
            return m < 0 ? null : new double[] {f.v[m]};
        }
    }
}
