package org.dendrite.engine.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * eFEL's settings, with eFEL's names and default values. Mutable; {@link #copy()} before sharing.
 *
 * <p>Set by name with {@link #set(String, String)} (the CLI's {@code --setting NAME=VALUE}); names are eFEL's,
 * case-sensitive. Booleans accept {@code true/false/1/0}. {@link #describe()} lists every setting with its default
 * and meaning (used for the documentation).
 */
public final class FeatureSettings {
    /** Spike detection threshold [mV]: a spike is an upward crossing of this voltage. */
    double threshold = -20.0;
    /** dV/dt [mV/ms] that marks the start of a spike (AP_begin_indices). */
    double derivativeThreshold = 10.0;
    /** dV/dt [mV/ms] that marks the end of a spike (AP_end_indices). */
    double downDerivativeThreshold = -12.0;
    /** Number of consecutive samples dV/dt must stay above DerivativeThreshold at a spike start. */
    int derivativeWindow = 3;
    double spikeSkipf = 0.1;
    int maxSpikeSkip = 2;
    /** Step [ms] of the uniform grid the trace is interpolated to before any feature is computed. */
    double interpStep = 0.1;
    double burstFactor = 1.5;
    double strictBurstFactor = 2.0;
    double voltageBaseStartPerc = 0.9;
    double voltageBaseEndPerc = 1.0;
    double currentBaseStartPerc = 0.9;
    double currentBaseEndPerc = 1.0;
    double riseStartPerc = 0.0;
    double riseEndPerc = 1.0;
    double initialPerc = 0.1;
    double minSpikeHeight = 20.0;
    boolean strictStiminterval = false;
    double initburstFreqThreshold = 50;
    double initburstSahpStart = 5;
    double initburstSahpEnd = 100;
    String voltageBaseMode = "mean";
    String currentBaseMode = "mean";
    double precisionThreshold = 1e-10;
    double sahpStart = 5.0;
    boolean ignoreFirstISI = true;
    double impedanceMaxFreq = 50.0;
    int apPhaseslopeRange = 2;
    int inactivationTcEndSkip = 10;
    double decayStartAfterStim = 1.0;
    double decayEndAfterStim = 10.0;
    /** Stimulus amplitude [nA] for the input-resistance features; NaN = not given (those features are then none). */
    double stimulusCurrent = Double.NaN;
    double[] multiStimStart = null;
    double[] multiStimEnd = null;

    private static final Map<String, String[]> DOC = new LinkedHashMap<>();

    static {
        doc("Threshold", "-20", "mV", "spike detection: a spike is an upward crossing of this voltage");
        doc("DerivativeThreshold", "10", "mV/ms", "dV/dt above which a spike begins (AP_begin_indices)");
        doc("DownDerivativeThreshold", "-12", "mV/ms", "dV/dt above which a spike ends after its steepest fall (AP_end_indices)");
        doc("DerivativeWindow", "3", "samples", "dV/dt must stay above DerivativeThreshold this many samples at a spike start");
        doc("interp_step", "0.1", "ms", "the trace is linearly interpolated to this fixed step before any feature is computed");
        doc("spike_skipf", "0.1", "1", "fraction of ISIs skipped by ISI_log_slope_skip and adaptation_index");
        doc("max_spike_skip", "2", "1", "at most this many ISIs are skipped");
        doc("burst_factor", "1.5", "1", "ISI ratio that separates bursts (burst_ISI_indices and dependents)");
        doc("strict_burst_factor", "2.0", "1", "ISI ratio for the strict burst detection (burst_begin/end_indices and dependents)");
        doc("voltage_base_start_perc", "0.9", "1", "voltage_base averages from this fraction of stim_start ...");
        doc("voltage_base_end_perc", "1.0", "1", "... to this fraction of stim_start");
        doc("voltage_base_mode", "mean", "", "mean or median for voltage_base");
        doc("current_base_start_perc", "0.9", "1", "as voltage_base_start_perc, for current_base");
        doc("current_base_end_perc", "1.0", "1", "as voltage_base_end_perc, for current_base");
        doc("current_base_mode", "mean", "", "mean or median for current_base");
        doc("rise_start_perc", "0.0", "1", "AP_rise_time starts at this fraction of the AP amplitude");
        doc("rise_end_perc", "1.0", "1", "AP_rise_time ends at this fraction of the AP amplitude");
        doc("initial_perc", "0.1", "1", "fraction of the stimulus counted by number_initial_spikes");
        doc("min_spike_height", "20", "mV", "accepted for compatibility; not used by eFEL's current feature definitions");
        doc("strict_stiminterval", "false", "", "only consider spikes (and minima) inside [stim_start, stim_end]");
        doc("initburst_freq_threshold", "50", "Hz", "initial burst ends where the instantaneous frequency falls below this");
        doc("initburst_sahp_start", "5", "ms", "initburst_sahp search starts this long after the burst's last spike");
        doc("initburst_sahp_end", "100", "ms", "initburst_sahp search ends this long after the burst's last spike");
        doc("precision_threshold", "1e-10", "ms", "tolerance on the end of the voltage_base/current_base window (rounding of the time grid)");
        doc("sahp_start", "5.0", "ms", "slow AHP search starts this long after a peak");
        doc("ignore_first_ISI", "true", "", "drop the first ISI from ISI_values and the burst detection");
        doc("impedance_max_freq", "50", "Hz", "upper frequency for impedance");
        doc("AP_phaseslope_range", "2", "samples", "half width of the window of AP_phaseslope");
        doc("inactivation_tc_end_skip", "10", "samples", "samples dropped before stim_end in inactivation_time_constant");
        doc("decay_start_after_stim", "1.0", "ms", "decay_time_constant_after_stim fits from stim_end + this ...");
        doc("decay_end_after_stim", "10.0", "ms", "... to stim_end + this");
        doc("stimulus_current", "(none)", "nA", "step amplitude for ohmic_input_resistance(_vb_ssse)");
        doc("multi_stim_start", "(none)", "ms", "comma-separated stimulus starts for multiple_decay_time_constant_after_stim");
        doc("multi_stim_end", "(none)", "ms", "comma-separated stimulus ends for multiple_decay_time_constant_after_stim");
    }

    private static void doc(String name, String def, String unit, String text) {
        DOC.put(name, new String[] {def, unit, text});
    }

    /** Every setting name mapped to {default, unit, description}, in eFEL's order. */
    public static Map<String, String[]> describe() {
        return java.util.Collections.unmodifiableMap(DOC);
    }

    public FeatureSettings copy() {
        FeatureSettings c = new FeatureSettings();
        for (String name : DOC.keySet()) {
            String value = get(name);
            if (value != null) c.set(name, value);
        }
        return c;
    }

    /** Sets one eFEL setting by its eFEL name; throws {@link IllegalArgumentException} for an unknown name or bad value. */
    public FeatureSettings set(String name, String value) {
        String val = value.trim();
        try {
            switch (name) {
                case "Threshold" -> threshold = d(val);
                case "DerivativeThreshold" -> derivativeThreshold = d(val);
                case "DownDerivativeThreshold" -> downDerivativeThreshold = d(val);
                case "DerivativeWindow" -> derivativeWindow = i(val);
                case "interp_step" -> {
                    double step = d(val);
                    if (!(step > 0)) throw new IllegalArgumentException("interp_step must be > 0 ms, got " + val);
                    interpStep = step;
                }
                case "spike_skipf" -> spikeSkipf = d(val);
                case "max_spike_skip" -> maxSpikeSkip = i(val);
                case "burst_factor" -> burstFactor = d(val);
                case "strict_burst_factor" -> strictBurstFactor = d(val);
                case "voltage_base_start_perc" -> voltageBaseStartPerc = d(val);
                case "voltage_base_end_perc" -> voltageBaseEndPerc = d(val);
                case "voltage_base_mode" -> voltageBaseMode = mode(val);
                case "current_base_start_perc" -> currentBaseStartPerc = d(val);
                case "current_base_end_perc" -> currentBaseEndPerc = d(val);
                case "current_base_mode" -> currentBaseMode = mode(val);
                case "rise_start_perc" -> riseStartPerc = d(val);
                case "rise_end_perc" -> riseEndPerc = d(val);
                case "initial_perc" -> initialPerc = d(val);
                case "min_spike_height" -> minSpikeHeight = d(val);
                case "strict_stiminterval" -> strictStiminterval = b(val);
                case "initburst_freq_threshold" -> initburstFreqThreshold = d(val);
                case "initburst_sahp_start" -> initburstSahpStart = d(val);
                case "initburst_sahp_end" -> initburstSahpEnd = d(val);
                case "precision_threshold" -> precisionThreshold = d(val);
                case "sahp_start" -> sahpStart = d(val);
                case "ignore_first_ISI" -> ignoreFirstISI = b(val);
                case "impedance_max_freq" -> impedanceMaxFreq = d(val);
                case "AP_phaseslope_range" -> apPhaseslopeRange = i(val);
                case "inactivation_tc_end_skip" -> inactivationTcEndSkip = i(val);
                case "decay_start_after_stim" -> decayStartAfterStim = d(val);
                case "decay_end_after_stim" -> decayEndAfterStim = d(val);
                case "stimulus_current" -> stimulusCurrent = d(val);
                case "multi_stim_start" -> multiStimStart = list(val);
                case "multi_stim_end" -> multiStimEnd = list(val);
                default -> throw new IllegalArgumentException("unknown eFEL setting '" + name + "'; known: " + DOC.keySet());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + ": cannot read '" + value + "' as a number", e);
        }
        return this;
    }

    /** Sets a numeric setting (convenience for code). */
    public FeatureSettings set(String name, double value) {
        return set(name, Double.toString(value));
    }

    /** The current value of a setting as text, or null where unset (stimulus_current, multi_stim_*). */
    public String get(String name) {
        return switch (name) {
            case "Threshold" -> fmt(threshold);
            case "DerivativeThreshold" -> fmt(derivativeThreshold);
            case "DownDerivativeThreshold" -> fmt(downDerivativeThreshold);
            case "DerivativeWindow" -> Integer.toString(derivativeWindow);
            case "interp_step" -> fmt(interpStep);
            case "spike_skipf" -> fmt(spikeSkipf);
            case "max_spike_skip" -> Integer.toString(maxSpikeSkip);
            case "burst_factor" -> fmt(burstFactor);
            case "strict_burst_factor" -> fmt(strictBurstFactor);
            case "voltage_base_start_perc" -> fmt(voltageBaseStartPerc);
            case "voltage_base_end_perc" -> fmt(voltageBaseEndPerc);
            case "voltage_base_mode" -> voltageBaseMode;
            case "current_base_start_perc" -> fmt(currentBaseStartPerc);
            case "current_base_end_perc" -> fmt(currentBaseEndPerc);
            case "current_base_mode" -> currentBaseMode;
            case "rise_start_perc" -> fmt(riseStartPerc);
            case "rise_end_perc" -> fmt(riseEndPerc);
            case "initial_perc" -> fmt(initialPerc);
            case "min_spike_height" -> fmt(minSpikeHeight);
            case "strict_stiminterval" -> Boolean.toString(strictStiminterval);
            case "initburst_freq_threshold" -> fmt(initburstFreqThreshold);
            case "initburst_sahp_start" -> fmt(initburstSahpStart);
            case "initburst_sahp_end" -> fmt(initburstSahpEnd);
            case "precision_threshold" -> fmt(precisionThreshold);
            case "sahp_start" -> fmt(sahpStart);
            case "ignore_first_ISI" -> Boolean.toString(ignoreFirstISI);
            case "impedance_max_freq" -> fmt(impedanceMaxFreq);
            case "AP_phaseslope_range" -> Integer.toString(apPhaseslopeRange);
            case "inactivation_tc_end_skip" -> Integer.toString(inactivationTcEndSkip);
            case "decay_start_after_stim" -> fmt(decayStartAfterStim);
            case "decay_end_after_stim" -> fmt(decayEndAfterStim);
            case "stimulus_current" -> Double.isNaN(stimulusCurrent) ? null : fmt(stimulusCurrent);
            case "multi_stim_start" -> multiStimStart == null ? null : join(multiStimStart);
            case "multi_stim_end" -> multiStimEnd == null ? null : join(multiStimEnd);
            default -> throw new IllegalArgumentException("unknown eFEL setting '" + name + "'");
        };
    }

    public double threshold() { return threshold; }
    public double interpStep() { return interpStep; }
    public boolean strictStiminterval() { return strictStiminterval; }

    private static String fmt(double x) { return Double.toString(x); }

    private static String join(double[] xs) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < xs.length; k++) sb.append(k == 0 ? "" : ",").append(xs[k]);
        return sb.toString();
    }

    private static double d(String s) { return Double.parseDouble(s); }

    private static int i(String s) {
        double x = Double.parseDouble(s);
        if (x != Math.rint(x)) throw new IllegalArgumentException("expected an integer, got " + s);
        return (int) x;
    }

    private static boolean b(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "1", "1.0", "yes" -> true;
            case "false", "0", "0.0", "no" -> false;
            default -> throw new IllegalArgumentException("expected true/false, got " + s);
        };
    }

    private static String mode(String s) {
        if (!s.equals("mean") && !s.equals("median")) throw new IllegalArgumentException("mode must be mean or median, got " + s);
        return s;
    }

    private static double[] list(String s) {
        String body = s.replace("[", "").replace("]", "").trim();
        if (body.isEmpty()) return new double[0];
        return Arrays.stream(body.split("[,\\s]+")).mapToDouble(Double::parseDouble).toArray();
    }
}
