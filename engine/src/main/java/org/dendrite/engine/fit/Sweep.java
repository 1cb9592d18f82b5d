package org.dendrite.engine.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.analysis.FeatureRegistry;
import org.dendrite.engine.analysis.FeatureSettings;
import org.dendrite.engine.analysis.TraceFeatures;

/**
 * A parameter sweep: the sample points ({@link Sampler}) over {@link ParameterRange}s, and the evaluation of one
 * run by index (simulate under the protocol, then eFEL features of one recorded trace and the spike times). Runs
 * are pure functions of their index: shards, resumed sweeps and any thread count give the same rows.
 */
public final class Sweep {
    /** Features computed when none are asked for. */
    public static final List<String> DEFAULT_FEATURES = List.of("Spikecount", "mean_frequency", "voltage_base",
            "steady_state_voltage_stimend");

    private final ModelParameters model;
    private final List<ParameterRange> ranges;
    private final List<ModelParameters.Target> targets;
    private final double[][] points;
    private final List<String> features;
    private final String probe;
    private final Protocol protocol;
    private final FeatureSettings settings;
    private final CompiledRuns runs;

    public Sweep(ModelParameters model, List<ParameterRange> ranges, Sampler sampler, int samples, long seed,
                 List<String> features, String probe, Protocol protocol, FeatureSettings settings) {
        this.model = model;
        this.ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) throw new DendriteException("a sweep needs at least one --param");
        List<String> names = new ArrayList<>();
        for (ParameterRange r : ranges) {
            if (names.contains(r.name())) throw new DendriteException("parameter " + r.name() + " given twice");
            names.add(r.name());
        }
        this.targets = model.resolveAll(names);
        this.points = sampler.points(ranges, samples, seed);
        this.features = List.copyOf(features == null || features.isEmpty() ? DEFAULT_FEATURES : features);
        for (String f : this.features) {
            if (!FeatureRegistry.names().contains(f)) {
                throw new DendriteException("unknown feature '" + f + "' (see dendrite features --list)");
            }
        }
        FitProblem.needProbe(model, probe, "--probe");
        this.probe = probe;
        this.protocol = protocol == null ? Protocol.asModel() : protocol;
        this.settings = settings == null ? new FeatureSettings() : settings;
        this.runs = new CompiledRuns(model, targets);
    }

    /** Whether runs re-use one compiled simulation per thread (see {@link CompiledRuns}). */
    public boolean reusesCompiledModels() {
        return runs.reusesCompiledModels();
    }

    public List<ParameterRange> ranges() { return ranges; }
    public List<String> features() { return features; }
    public int size() { return points.length; }

    /** Values of run {@code index}, in parameter order. */
    public double[] point(int index) {
        return points[index].clone();
    }

    /** One finished run (serializable: a cluster backend sends rows back to the driver). */
    public record Row(int index, double[] values, Map<String, double[]> features, Map<String, double[]> spikes,
                      String error, double[] time, double[] trace) implements java.io.Serializable {}

    /** Simulates run {@code index}; {@code keepTrace} keeps the probe's trace for per-run trace files. */
    public Row run(int index, boolean keepTrace) {
        double[] values = points[index];
        ModelRun r;
        try {
            r = runs.simulate(values, protocol);
        } catch (DendriteException e) {
            return new Row(index, values.clone(), Map.of(), Map.of(), e.getMessage(), null, null);
        }
        if (r.failed()) return new Row(index, values.clone(), Map.of(), Map.of(), r.error(), null, null);
        double[] v = r.trace(probe);
        Map<String, double[]> out = new LinkedHashMap<>();
        TraceFeatures tf = TraceFeatures.of(r.time(), v, r.stimStart(), r.stimEnd(), settings);
        for (String f : features) {
            double[] x;
            try {
                x = tf.get(f);
            } catch (RuntimeException e) {
                x = null;
            }
            out.put(f, x);
        }
        return new Row(index, values.clone(), out, r.spikes(), null, keepTrace ? r.time() : null,
                keepTrace ? v : null);
    }
}
