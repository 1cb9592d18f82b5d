package org.dendrite.engine.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.sim.Simulation;

/**
 * The outcome of one simulation of a parameter set under a protocol: the recorded traces by probe name, spike
 * times by source name, and the stimulus window; or the error that stopped it (a blow-up).
 */
public record ModelRun(double[] time, Map<String, double[]> traces, Map<String, double[]> spikes, double stimStart,
                       double stimEnd, String error) {

    public boolean failed() {
        return error != null;
    }

    /** The trace of a probe by name; "soma" or null picks the first voltage probe when no probe has that name. */
    public double[] trace(String probe) {
        if (probe != null && traces.containsKey(probe)) return traces.get(probe);
        if (probe == null || probe.equals("soma")) {
            for (var e : traces.entrySet()) if (e.getKey().endsWith(".v") || e.getKey().equals("v")) return e.getValue();
            if (!traces.isEmpty()) return traces.values().iterator().next();
        }
        throw new DendriteException("the model records no '" + probe + "' (recordings: " + traces.keySet() + ")");
    }

    /**
     * Applies parameters then protocol settings to the base model, compiles, runs from v_init to tstop. A
     * simulation that blows up gives a run with {@link #error()} set, not an exception; bad names do throw.
     */
    public static ModelRun simulate(ModelParameters model, List<ModelParameters.Target> targets, double[] values,
                                    Protocol protocol) {
        ModelSpec spec = specFor(model, targets, values, protocol);
        double start = protocol.stimStart(), end = protocol.stimEnd();
        if (Double.isNaN(start) || Double.isNaN(end)) {
            double[] w = stimulusWindow(spec);
            start = w[0];
            end = w[1];
        }
        Simulation sim = Simulation.compile(spec);
        try {
            sim.finitialize(spec.run.vInit);
            sim.advanceTo(spec.run.tstop, null);
        } catch (DendriteException e) {
            return new ModelRun(new double[0], Map.of(), Map.of(), start, end, e.getMessage());
        }
        Traces tr = sim.traces();
        Map<String, double[]> traces = new LinkedHashMap<>();
        for (int c = 0; c < tr.probes().size(); c++) traces.put(tr.probes().get(c).name(), tr.column(c));
        Map<String, double[]> spikes = new LinkedHashMap<>();
        for (Map.Entry<String, SpikeSource> e : sim.spikeSources().entrySet()) spikes.put(e.getKey(), e.getValue().spikeTimes());
        return new ModelRun(tr.time(), traces, spikes, start, end, null);
    }

    /**
     * The spec with its IClamps silenced and one IClamp per step added where the first IClamp is (or at the middle
     * of the first section when the model has none).
     */
    static ModelSpec withSteps(ModelSpec spec, List<Protocol.Step> steps, Protocol.Waveform waveform) {
        ModelSpec s = ModelParameters.copy(spec);
        org.dendrite.engine.build.Location at = new org.dendrite.engine.build.Location(0, 0.5);
        boolean found = false;
        for (int k = 0; k < s.points.size(); k++) {
            ModelSpec.PointSpec p = s.points.get(k);
            if (!p.type().equals("IClamp")) continue;
            if (!found) at = p.location();
            found = true;
            Map<String, Double> params = new LinkedHashMap<>(p.params());
            params.put("amp", 0.0);
            s.points.set(k, new ModelSpec.PointSpec(p.name(), p.type(), p.location(), params));
        }
        int i = 0;
        for (Protocol.Step st : steps) {
            Map<String, Double> params = new LinkedHashMap<>();
            params.put("del", st.delay());
            params.put("dur", st.duration());
            params.put("amp", st.amp());
            s.points.add(new ModelSpec.PointSpec("protocol_step_" + i++, "IClamp", at, params));
        }
        if (waveform != null) {
            s.waveforms.add(new ModelSpec.CurrentWaveform("protocol_waveform", at, waveform.timeMs(), waveform.currentNa()));
        }
        return s;
    }

    /** The base spec with parameter values, then the protocol's settings and steps, applied. */
    static ModelSpec specFor(ModelParameters model, List<ModelParameters.Target> targets, double[] values,
                             Protocol protocol) {
        ModelSpec spec = model.apply(targets, values);
        if (!protocol.settings().isEmpty()) {
            ModelParameters on = new ModelParameters(spec);
            List<String> names = List.copyOf(protocol.settings().keySet());
            double[] v = new double[names.size()];
            for (int i = 0; i < v.length; i++) v[i] = protocol.settings().get(names.get(i));
            spec = on.apply(on.resolveAll(names), v);
        }
        if (!protocol.steps().isEmpty() || protocol.waveform() != null) {
            spec = withSteps(spec, protocol.steps(), protocol.waveform());
        }
        return spec;
    }

    /** [del, del + dur] of the model's first IClamp, or [0, tstop] without one. */
    public static double[] stimulusWindow(ModelSpec spec) {
        for (ModelSpec.PointSpec p : spec.points) {
            if (p.type().equals("IClamp")) {
                double del = p.params().getOrDefault("del", 0.0), dur = p.params().getOrDefault("dur", 0.0);
                return new double[] {del, del + dur};
            }
        }
        return new double[] {0, spec.run.tstop};
    }
}
