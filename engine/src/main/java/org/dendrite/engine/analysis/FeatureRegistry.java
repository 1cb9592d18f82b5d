package org.dendrite.engine.analysis;


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
            "decay_time_constant_after_stim", "time_constant", "activation_time_constant",
            "deactivation_time_constant", "inactivation_time_constant", "impedance", "burst_number", "strict_burst_number",
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

    static void def(String name, Computation c) {
        if (FEATURES.put(name, c) != null) throw new IllegalStateException("feature defined twice: " + name);
    }

    // ------------------------------------------------------------------ small helpers

    static double[] one(double x) {
        return Double.isFinite(x) ? new double[] {x} : null;
    }

    /** Element k of a feature (negative k counts from the end), or none. */
    static Computation pick(String feature, int k) {
        return f -> {
            double[] x = f.dep(feature);
            if (x == null) return null;
            int idx = k < 0 ? x.length + k : k;
            return (idx >= 0 && idx < x.length) ? new double[] {x[idx]} : null;
        };
    }

    /** (x[1:] - x[0]) / x[0]. */
    static Computation change(String feature) {
        return f -> {
            double[] x = f.dep(feature);
            if (x == null || x.length < 2) return null;
            double[] out = new double[x.length - 1];
            for (int k = 1; k < x.length; k++) out[k - 1] = (x[k] - x[0]) / x[0];
            return out;
        };
    }

    /** x[1:] - x[:-1]. */
    static Computation diff(String feature) {
        return f -> {
            double[] x = f.dep(feature);
            if (x == null || x.length < 2) return null;
            double[] out = new double[x.length - 1];
            for (int k = 1; k < x.length; k++) out[k - 1] = x[k] - x[k - 1];
            return out;
        };
    }

    /** Values of v at the indices of an index feature. */
    static double[] at(double[] arr, int[] idx) {
        if (idx == null) return null;
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) out[k] = arr[idx[k]];
        return out;
    }

    static double[] peakTimes(TraceFeatures f) {
        return at(f.t, f.peaks());
    }

    static double[] allIsi(TraceFeatures f) {
        double[] pt = peakTimes(f);
        if (pt == null || pt.length < 2) return null;
        double[] isi = new double[pt.length - 1];
        for (int k = 1; k < pt.length; k++) isi[k - 1] = pt[k] - pt[k - 1];
        return isi;
    }

    static double[] isiValues(TraceFeatures f) {
        double[] all = f.dep("all_ISI_values");
        if (all == null) return null;
        int skip = f.s.ignoreFirstISI ? 1 : 0;
        return all.length > skip ? Arrays.copyOfRange(all, skip, all.length) : null;
    }


    static int[] idx(double[] x) {
        if (x == null) return null;
        int[] out = new int[x.length];
        for (int k = 0; k < x.length; k++) out[k] = (int) x[k];
        return out;
    }

    /** Linear slope of log(y) against x. */
    static double logSlope(double[] x, double[] y) {
        double[] ly = new double[y.length];
        for (int k = 0; k < y.length; k++) ly[k] = Math.log(y[k]);
        return Numerics.slope(x, ly);
    }

    static {
        SpikeFeatures.define();
        SubthresholdFeatures.define();
        BurstFeatures.define();
    }



}
