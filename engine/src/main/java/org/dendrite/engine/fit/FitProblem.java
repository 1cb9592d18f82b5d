package org.dendrite.engine.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.analysis.FeatureDistance;
import org.dendrite.engine.analysis.FeatureRegistry;
import org.dendrite.engine.analysis.FeatureSettings;
import org.dendrite.engine.analysis.TraceFeatures;

/**
 * What a fit minimises: bounded parameters, the protocols to simulate, and objectives on their results.
 *
 * <ul>
 *   <li>Feature objectives as BluePyOpt defines them: for each (protocol, recording, feature) with a target mean
 *       and std, eFEL's {@code get_distance}: the mean over the feature's values of |value - mean| / std, or 250
 *       when the feature cannot be computed or a spike falls outside the stimulus (eFEL's trace check).</li>
 *   <li>Trace objectives: the RMS difference (mV) between the model trace, linearly interpolated at the target's
 *       sample times, and the target trace, divided by {@code scale} (mV) — 250 when the simulation fails.</li>
 * </ul>
 * Evaluation is a pure function of the parameter vector (thread-safe: nothing is shared but immutable data).
 */
public final class FitProblem {
    /** A feature target: mean and std of {@code feature} on recording {@code probe} under {@code protocol}. */
    public record FeatureTarget(String protocol, String probe, String feature, double mean, double std) {
        public FeatureTarget {
            if (!FeatureRegistry.names().contains(feature)) {
                throw new DendriteException("unknown feature '" + feature + "' (see dendrite features --list)");
            }
            if (!(std > 0)) throw new DendriteException(feature + ": std must be > 0, is " + std);
        }

        public String label() {
            return protocol + "." + probe + "." + feature;
        }
    }

    /** A trace target: the recorded trace (t [ms], v [mV]) of {@code probe} under {@code protocol}. */
    public record TraceTarget(String protocol, String probe, double[] time, double[] values, double scale) {
        public String label() {
            return protocol + "." + probe + ".rms";
        }
    }

    private final ModelParameters model;
    private final List<ParameterRange> parameters;
    private final List<ModelParameters.Target> targets;
    private final Map<String, Protocol> protocols;
    private final List<FeatureTarget> features;
    private final List<TraceTarget> traces;
    private final FeatureSettings settings;
    private final CompiledRuns runs;

    public FitProblem(ModelParameters model, List<ParameterRange> parameters, List<Protocol> protocols,
                      List<FeatureTarget> features, List<TraceTarget> traces, FeatureSettings settings) {
        this.model = model;
        this.parameters = List.copyOf(parameters);
        if (parameters.isEmpty()) throw new DendriteException("a fit needs at least one free parameter");
        List<String> names = new ArrayList<>();
        for (ParameterRange r : parameters) {
            if (r.values() != null) throw new DendriteException(r.name() + ": a fitted parameter needs bounds, not a list");
            if (names.contains(r.name())) throw new DendriteException("parameter " + r.name() + " given twice");
            names.add(r.name());
        }
        this.targets = model.resolveAll(names);
        this.protocols = new LinkedHashMap<>();
        for (Protocol p : protocols) this.protocols.put(p.name(), p);
        this.features = List.copyOf(features);
        this.traces = List.copyOf(traces);
        if (features.isEmpty() && traces.isEmpty()) throw new DendriteException("a fit needs at least one objective");
        for (FeatureTarget f : features) {
            needProtocol(f.protocol());
            needProbe(model, f.probe(), f.label());
        }
        for (TraceTarget t : traces) {
            needProtocol(t.protocol());
            needProbe(model, t.probe(), t.label());
        }
        this.settings = settings == null ? new FeatureSettings() : settings;
        this.runs = new CompiledRuns(model, targets);
    }

    /** A recording name must be one of the model's recordings ("soma": the first voltage recording). */
    static void needProbe(ModelParameters model, String probe, String what) {
        if (probe == null || probe.equals("soma")) return;
        List<String> names = new ArrayList<>();
        for (var p : model.base().probes) {
            if (p.name().equals(probe)) return;
            names.add(p.name());
        }
        throw new DendriteException(what + ": the model records no '" + probe + "' (its recordings: " + names
                + "; add a recording of that name to the model file)");
    }

    private void needProtocol(String name) {
        if (!protocols.containsKey(name)) {
            throw new DendriteException("objective refers to protocol '" + name + "' which is not defined (protocols: "
                    + protocols.keySet() + ")");
        }
    }

    public List<ParameterRange> parameters() { return parameters; }
    public List<FeatureTarget> featureTargets() { return features; }
    public List<TraceTarget> traceTargets() { return traces; }
    public Map<String, Protocol> protocols() { return protocols; }
    public ModelParameters model() { return model; }

    public int dimension() {
        return parameters.size();
    }

    public int objectiveCount() {
        return features.size() + traces.size();
    }

    /** Objective names, in order. */
    public List<String> objectiveNames() {
        List<String> out = new ArrayList<>();
        for (FeatureTarget f : features) out.add(f.label());
        for (TraceTarget t : traces) out.add(t.label());
        return out;
    }

    /** Parameter values (model units) of a point of the unit cube. */
    public double[] toValues(double[] unit) {
        double[] v = new double[unit.length];
        for (int i = 0; i < v.length; i++) v[i] = parameters.get(i).fromUnit(Math.min(1, Math.max(0, unit[i])));
        return v;
    }

    /** The unit-cube point of parameter values. */
    public double[] toUnit(double[] values) {
        double[] u = new double[values.length];
        for (int i = 0; i < u.length; i++) u[i] = parameters.get(i).toUnit(values[i]);
        return u;
    }

    /** Runs every protocol at the given parameter values (model units). */
    public Map<String, ModelRun> simulate(double[] values) {
        Map<String, ModelRun> runs = new LinkedHashMap<>();
        for (Protocol p : protocols.values()) runs.put(p.name(), this.runs.simulate(values, p));
        return runs;
    }

    /** Objective vector at parameter values (model units). */
    public double[] objectives(double[] values) {
        return objectives(simulate(values));
    }

    /** Objective vector from finished runs. */
    public double[] objectives(Map<String, ModelRun> runs) {
        double[] out = new double[objectiveCount()];
        Map<String, TraceFeatures> cache = new LinkedHashMap<>();
        int k = 0;
        for (FeatureTarget f : features) {
            TraceFeatures tf = features(runs, f.protocol(), f.probe(), cache);
            double d;
            if (tf == null) {
                d = FeatureDistance.DEFAULT_ERROR_DIST;
            } else {
                try {
                    d = FeatureDistance.of(tf, f.feature(), f.mean(), f.std());
                } catch (RuntimeException e) {
                    d = FeatureDistance.DEFAULT_ERROR_DIST;
                }
            }
            out[k++] = Double.isFinite(d) ? d : FeatureDistance.DEFAULT_ERROR_DIST;
        }
        for (TraceTarget t : traces) {
            ModelRun r = runs.get(t.protocol());
            out[k++] = r.failed() ? FeatureDistance.DEFAULT_ERROR_DIST : rms(r.time(), r.trace(t.probe()), t) / t.scale();
        }
        return out;
    }

    /** Model feature values (mean of the feature's values; NaN when none) for each feature target. */
    public double[] featureValues(Map<String, ModelRun> runs) {
        double[] out = new double[features.size()];
        Map<String, TraceFeatures> cache = new LinkedHashMap<>();
        for (int k = 0; k < out.length; k++) {
            FeatureTarget f = features.get(k);
            TraceFeatures tf = features(runs, f.protocol(), f.probe(), cache);
            double[] v = null;
            try {
                v = tf == null ? null : tf.get(f.feature());
            } catch (RuntimeException e) {
                v = null;
            }
            out[k] = mean(v);
        }
        return out;
    }

    private TraceFeatures features(Map<String, ModelRun> runs, String protocol, String probe,
                                   Map<String, TraceFeatures> cache) {
        String key = protocol + "\u0000" + probe;
        if (cache.containsKey(key)) return cache.get(key);
        ModelRun r = runs.get(protocol);
        TraceFeatures tf = null;
        if (!r.failed()) tf = TraceFeatures.of(r.time(), r.trace(probe), r.stimStart(), r.stimEnd(), settings);
        cache.put(key, tf);
        return tf;
    }

    static double mean(double[] v) {
        if (v == null || v.length == 0) return Double.NaN;
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** RMS of (model - target) at the target's sample times inside the simulated interval. */
    static double rms(double[] t, double[] v, TraceTarget target) {
        double sum = 0;
        int n = 0, j = 0;
        double tEnd = t[t.length - 1];
        for (int k = 0; k < target.time().length; k++) {
            double x = target.time()[k];
            if (x < t[0] || x > tEnd) continue;
            while (j + 1 < t.length - 1 && t[j + 1] <= x) j++;
            double y;
            if (j + 1 >= t.length) {
                y = v[t.length - 1];
            } else {
                double span = t[j + 1] - t[j];
                y = span > 0 ? v[j] + (v[j + 1] - v[j]) * (x - t[j]) / span : v[j];
            }
            double dlt = y - target.values()[k];
            sum += dlt * dlt;
            n++;
        }
        if (n == 0) throw new DendriteException(target.label() + ": target trace does not overlap the simulated time");
        return Math.sqrt(sum / n);
    }
}
