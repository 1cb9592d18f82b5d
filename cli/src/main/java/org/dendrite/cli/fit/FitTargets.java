package org.dendrite.cli.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.analysis.FeatureSettings;
import org.dendrite.engine.analysis.TraceFeatures;
import org.dendrite.engine.fit.FitProblem;
import org.dendrite.engine.fit.Protocol;
import org.dendrite.engine.recording.Command;
import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;

/**
 * The target of a fit, from a recording (protocols = the recorded command waveforms, feature means and stds from
 * the recorded traces, or the traces themselves) or from BluePyOpt's features.json (with its protocols.json).
 */
public final class FitTargets {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Features fitted when a recording is the target and none are named. */
    public static final List<String> DEFAULT_FEATURES = List.of("Spikecount", "mean_frequency", "time_to_first_spike",
            "AP_amplitude", "AP_width", "AHP_depth_abs", "voltage_base", "steady_state_voltage_stimend",
            "voltage_deflection");

    public final List<Protocol> protocols = new ArrayList<>();
    public final List<FitProblem.FeatureTarget> features = new ArrayList<>();
    public final List<FitProblem.TraceTarget> traces = new ArrayList<>();
    /** Recorded traces per protocol (for the overlay plot); empty for features.json targets. */
    public final Map<String, double[][]> recorded = new LinkedHashMap<>();
    /** Notes for the user (skipped features, ignored protocol parts). */
    public final List<String> notes = new ArrayList<>();

    /** Options that shape targets. */
    public record Options(List<Integer> sweeps, Integer channel, List<String> features, String probe,
                          boolean traceObjective, double stdFraction, double stdFloor, FeatureSettings settings) {}

    // ------------------------------------------------------------------ recordings

    public static FitTargets fromRecording(Recording rec, Options o) {
        FitTargets t = new FitTargets();
        int channel = o.channel() != null ? o.channel() : voltageChannel(rec);
        String unit = rec.channels().get(channel).units();
        if (!unit.equals("mV") && !unit.equals("V")) {
            throw new DendriteException(rec.source() + ": channel " + channel + " is in " + unit
                    + ", not a membrane potential (give --channel with the voltage channel)");
        }
        double vScale = unit.equals("V") ? 1000 : 1;
        List<Integer> sweeps = o.sweeps() == null || o.sweeps().isEmpty() ? allSweeps(rec) : o.sweeps();
        // sweeps with the same command form one protocol (repeats give the feature std)
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        Map<String, List<Protocol.Step>> stepsOf = new LinkedHashMap<>();
        for (int s : sweeps) {
            if (s < 0 || s >= rec.sweepCount()) {
                throw new DendriteException(rec.source() + ": no sweep " + s + " (sweeps 0.." + (rec.sweepCount() - 1) + ")");
            }
            List<Protocol.Step> steps = steps(rec, rec.sweep(s));
            String key = steps == null ? "waveform of sweep " + s : steps.toString();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            stepsOf.put(key, steps);
        }
        List<String> feats = o.features() == null || o.features().isEmpty() ? DEFAULT_FEATURES : o.features();
        String probe = o.probe() == null ? "soma" : o.probe();
        for (var g : groups.entrySet()) {
            List<Protocol.Step> steps = stepsOf.get(g.getKey());
            List<Integer> members = g.getValue();
            Sweep first = rec.sweep(members.get(0));
            double[] time = first.time().timesMs();
            double t0 = time[0];
            for (int i = 0; i < time.length; i++) time[i] -= t0;
            double tstop = time[time.length - 1];
            String name = "sweep" + members.get(0);
            Map<String, Double> settings = new LinkedHashMap<>();
            settings.put("tstop", tstop);
            double[] window;
            if (steps != null) {
                window = window(steps, tstop);
                t.protocols.add(new Protocol(name, settings, steps, window[0], window[1]));
            } else {
                window = new double[2];
                Protocol.Waveform wf = waveform(rec, first, window);
                t.protocols.add(new Protocol(name, settings, List.of(), wf, window[0], window[1]));
                t.notes.add(name + ": the command is not a few steps; replayed sample by sample (IPlay)");
            }
            double[] mean = new double[time.length];
            List<TraceFeatures> tfs = new ArrayList<>();
            for (int s : members) {
                double[] v = rec.sweep(s).data(channel);
                double[] vv = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    vv[i] = v[i] * vScale;
                    mean[i] += vv[i] / members.size();
                }
                tfs.add(TraceFeatures.of(time, vv, window[0], window[1], o.settings()));
            }
            t.recorded.put(name, new double[][] {time, mean});
            if (o.traceObjective()) {
                t.traces.add(new FitProblem.TraceTarget(name, probe, time, mean, 1.0));
                continue;
            }
            for (String f : feats) {
                List<Double> values = new ArrayList<>();
                for (TraceFeatures tf : tfs) {
                    double[] x;
                    try {
                        x = tf.get(f);
                    } catch (RuntimeException e) {
                        x = null;
                    }
                    if (x != null && x.length > 0) values.add(mean(x));
                }
                if (values.size() < members.size()) {
                    t.notes.add(name + ": " + f + " has no value in the recording; not fitted");
                    continue;
                }
                double m = 0;
                for (double x : values) m += x / values.size();
                double var = 0;
                for (double x : values) var += (x - m) * (x - m);
                double sd = values.size() > 1 ? Math.sqrt(var / (values.size() - 1)) : 0;
                double std = Math.max(sd, Math.max(o.stdFraction() * Math.abs(m), o.stdFloor()));
                t.features.add(new FitProblem.FeatureTarget(name, probe, f, m, std));
            }
        }
        return t;
    }

    private static List<Integer> allSweeps(Recording rec) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < rec.sweepCount(); i++) l.add(i);
        return l;
    }

    private static int voltageChannel(Recording rec) {
        for (int c = 0; c < rec.channelCount(); c++) {
            String u = rec.channels().get(c).units();
            if (u.equals("mV")) return c;
        }
        throw new DendriteException(rec.source() + ": no channel in mV (channels: " + rec.channels()
                + "); give --channel");
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /**
     * The command waveform as current steps (nA) relative to sweep start, the holding current as a step from 0; null
     * when it is not a few steps (then {@link #waveform} replays it sample by sample).
     */
    static List<Protocol.Step> steps(Recording rec, Sweep sw) {
        Command cmd = currentCommand(rec, sw);
        double scale = cmd.units().equals("pA") ? 1e-3 : 1;
        double[] t = sw.time().timesMs();
        double t0 = t[0];
        double dt = t.length > 1 ? t[1] - t[0] : 0;
        double[] c = cmd.values();
        double hold = c[0];
        List<Protocol.Step> out = new ArrayList<>();
        if (hold != 0) out.add(new Protocol.Step(0, t[t.length - 1] - t0 + dt, hold * scale));
        int i = 0;
        while (i < c.length) {
            if (c[i] == hold) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < c.length && c[j + 1] == c[i]) j++;
            double start = t[i] - t0, end = (j + 1 < c.length ? t[j + 1] : t[j] + dt) - t0;
            out.add(new Protocol.Step(start, end - start, (c[i] - hold) * scale));
            if (out.size() > 50) return null; // a ramp or noise: replayed sample by sample instead
            i = j + 1;
        }
        return out;
    }

    /** The current command (nA) sample by sample, relative to sweep start, and its stimulus window. */
    static Protocol.Waveform waveform(Recording rec, Sweep sw, double[] window) {
        Command cmd = currentCommand(rec, sw);
        double scale = cmd.units().equals("pA") ? 1e-3 : 1;
        double[] t = sw.time().timesMs();
        double t0 = t[0];
        double[] c = cmd.values();
        double[] tt = new double[c.length], ii = new double[c.length];
        int first = -1, last = -1;
        for (int i = 0; i < c.length; i++) {
            tt[i] = t[i] - t0;
            ii[i] = c[i] * scale;
            if (c[i] != c[0]) {
                if (first < 0) first = i;
                last = i;
            }
        }
        window[0] = first < 0 ? 0 : tt[first];
        window[1] = first < 0 ? tt[tt.length - 1] : (last + 1 < tt.length ? tt[last + 1] : tt[last]);
        return new Protocol.Waveform(tt, ii);
    }

    private static Command currentCommand(Recording rec, Sweep sw) {
        for (Command c : sw.commands()) if (c.units().equals("pA") || c.units().equals("nA")) return c;
        throw new DendriteException(rec.source() + " sweep " + sw.index() + ": no current-clamp command waveform "
                + "(commands: " + sw.commands().stream().map(c -> c.name() + " [" + c.units() + "]").toList()
                + "); a fit replays the recorded current command");
    }

    /** eFEL's stimulus window: the first step that is not the holding current, or the whole sweep. */
    static double[] window(List<Protocol.Step> steps, double tstop) {
        for (Protocol.Step s : steps) {
            if (s.delay() > 0 || s.duration() < tstop) return new double[] {s.delay(), s.delay() + s.duration()};
        }
        return new double[] {0, tstop};
    }

    // ------------------------------------------------------------------ BluePyOpt features.json / protocols.json

    /**
     * BluePyOpt's features.json: {@code {protocol: {recording: {feature: [mean, std]}}}}, or the newer
     * {@code {protocol: {recording: [{"feature": f, "val": [mean, std]}]}}}, or a flat {@code {feature: [mean, std]}}
     * (one protocol: the model as it is). Protocols come from a BluePyOpt protocols.json when given (the first
     * stimulus of each: delay, duration, amp, totduration), else every protocol is the model as it is.
     */
    public static FitTargets fromFeaturesJson(Path features, Path protocolsJson, Options o) throws IOException {
        FitTargets t = new FitTargets();
        JsonNode root = read(features);
        if (!root.isObject()) throw new DendriteException(features + ": expected a JSON object");
        boolean flat = true;
        for (JsonNode v : root) if (!v.isArray()) flat = false;
        Map<String, JsonNode> byProtocol = new LinkedHashMap<>();
        if (flat) {
            var n = JSON.createObjectNode();
            n.set(o.probe() == null ? "soma" : o.probe(), root);
            byProtocol.put("model", n);
        } else {
            root.fields().forEachRemaining(e -> byProtocol.put(e.getKey(), e.getValue()));
        }
        JsonNode protocols = protocolsJson == null ? null : read(protocolsJson);
        for (var pe : byProtocol.entrySet()) {
            String pname = pe.getKey();
            if (protocols != null) {
                JsonNode p = protocols.get(pname);
                if (p == null) throw new DendriteException(protocolsJson + ": no protocol '" + pname + "' (used by " + features + ")");
                t.protocols.add(bluePyOptProtocol(pname, p, t.notes, protocolsJson));
            } else {
                t.protocols.add(new Protocol(pname, Map.of(), Double.NaN, Double.NaN));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = pe.getValue().fields(); it.hasNext(); ) {
                var loc = it.next();
                String probe = loc.getKey().equals("soma") || loc.getKey().equals("soma.v") ? (o.probe() == null ? "soma" : o.probe())
                        : loc.getKey();
                String at = features + ": $." + pname + "." + loc.getKey();
                if (loc.getValue().isObject()) {
                    loc.getValue().fields().forEachRemaining(f -> t.features.add(target(pname, probe, f.getKey(), f.getValue(), at)));
                } else if (loc.getValue().isArray()) {
                    for (JsonNode f : loc.getValue()) {
                        t.features.add(target(pname, probe, f.path("feature").asText(), f.get("val"), at));
                    }
                } else {
                    throw new DendriteException(at + ": expected {feature: [mean, std]} or a list of {feature, val}");
                }
            }
        }
        return t;
    }

    private static FitProblem.FeatureTarget target(String protocol, String probe, String feature, JsonNode val, String at) {
        if (val == null || !val.isArray() || val.size() != 2 || !val.get(0).isNumber() || !val.get(1).isNumber()) {
            throw new DendriteException(at + "." + feature + ": expected [mean, std]");
        }
        try {
            return new FitProblem.FeatureTarget(protocol, probe, feature, val.get(0).asDouble(), val.get(1).asDouble());
        } catch (DendriteException e) {
            throw new DendriteException(at + ": " + e.getMessage());
        }
    }

    private static Protocol bluePyOptProtocol(String name, JsonNode p, List<String> notes, Path file) {
        JsonNode stimuli = p.get("stimuli");
        if (stimuli == null || !stimuli.isArray() || stimuli.isEmpty()) {
            throw new DendriteException(file + ": $." + name + ".stimuli: expected a list of stimuli");
        }
        List<Protocol.Step> steps = new ArrayList<>();
        double tstop = 0;
        for (JsonNode s : stimuli) {
            steps.add(new Protocol.Step(s.path("delay").asDouble(), s.path("duration").asDouble(), s.path("amp").asDouble()));
            tstop = Math.max(tstop, s.path("totduration").asDouble(0));
        }
        if (p.has("extra_recordings")) notes.add(name + ": extra_recordings are not simulated (only the soma)");
        Map<String, Double> settings = new LinkedHashMap<>();
        if (tstop > 0) settings.put("tstop", tstop);
        Protocol.Step main = steps.get(0);
        return new Protocol(name, settings, steps, main.delay(), main.delay() + main.duration());
    }

    private static JsonNode read(Path f) throws IOException {
        return org.dendrite.io.json.JsonFiles.read(f);
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
