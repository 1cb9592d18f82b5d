package org.dendrite.cli.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dendrite.cli.ModelInputs;
import org.dendrite.cli.plot.TracePlot;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.analysis.FeatureRegistry;
import org.dendrite.engine.analysis.FeatureSettings;
import org.dendrite.engine.analysis.TraceComparison;
import org.dendrite.engine.analysis.TraceFeatures;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.recording.Channel;
import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.output.AtomicFiles;
import org.dendrite.io.recording.RecordingReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite compare}: replay a recording's stimulus through a model and report how close they are. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay a current-clamp recording's stimulus through a model and compare the voltage traces.",
                "The stimulus is the sweep's command waveform (ABF epoch table, NWB stimulus series), or --stim.",
                "The model's own IClamps are removed unless --keep-model-stimuli. For every sweep it writes",
                "DIR/sweep_N.png (recording and model overlaid, stimulus below) and DIR/report.json with every number:",
                "eFEL features of both traces (and z-scores with --features-json), RMSE after resampling to the",
                "recording's samples (raw and with baselines aligned), spike times and the coincidence factor.",
                "",
                "Examples:",
                "  dendrite compare default ../shared/data/abf-pyabf/17o05028_ic_steps.abf --sweep 12",
                "  dendrite compare model.json cell.abf --sweep all --inject 'soma[0](0.5)' --out cmp"})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "model file (.json), a folder with model.json, or 'default'")
    String model;

    @Parameters(index = "1", paramLabel = "RECORDING", description = "ABF, NWB, MAT or CSV recording")
    Path recording;

    @picocli.CommandLine.Mixin
    org.dendrite.cli.ModOptions mods = new org.dendrite.cli.ModOptions();

    @picocli.CommandLine.Mixin
    ReplayOptions replay = new ReplayOptions();

    @Option(names = "--keep-model-stimuli", description = "keep the model's own IClamps in addition to the replayed stimulus")
    boolean keepModelStimuli;

    @Option(names = "--feature", paramLabel = "NAME", description = "eFEL feature to compare (repeatable; default: a standard set)")
    List<String> features = new ArrayList<>();

    @Option(names = "--features-json", paramLabel = "FILE", description = "BluePyOpt features.json (protocol -> location -> feature -> [mean, std]) for z-scores")
    Path featuresJson;

    @Option(names = "--protocol", paramLabel = "NAME", description = "protocol of --features-json to use (default: the first)")
    String protocol;

    @Option(names = "--window", paramLabel = "MS", defaultValue = "2", description = "coincidence window for spike agreement, ms (default ${DEFAULT-VALUE})")
    double window;

    @Option(names = "--setting", paramLabel = "NAME=VALUE", description = "eFEL setting, e.g. Threshold=-30 (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "dendrite-compare", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    /** Builds the model (afresh for every sweep) when it is not a MODEL file, e.g. a HOC folder of the dataset. */
    @FunctionalInterface
    public interface ModelSource {
        ModelSpec load() throws IOException;
    }

    private ModelSource modelSource;

    /**
     * A compare command whose model comes from {@code source} (MODEL is then only its name in the report); parse
     * its other arguments with {@code new CommandLine(cmd).parseArgs(...)} and {@link #call()} it
     * ({@code dendrite dataset pair}).
     */
    public static CompareCommand withModel(ModelSource source) {
        CompareCommand c = new CompareCommand();
        c.modelSource = source;
        return c;
    }

    /** Use {@code r} (a caller's own parsed --sweep/--stim/... options) for the replay; returns this. */
    public CompareCommand replay(ReplayOptions r) {
        this.replay = r;
        return this;
    }

    static final List<String> DEFAULT_FEATURES = List.of("Spikecount", "mean_frequency", "time_to_first_spike",
            "AP_amplitude", "AP_width", "AHP_depth", "ISI_CV", "voltage_base", "steady_state_voltage_stimend",
            "sag_amplitude");

    @Override
    public Integer call() throws IOException {
        Recording rec = RecordingReaders.read(recording);
        int ch = voltageChannel(rec);
        double vScale = rec.channels().get(ch).units().trim().equalsIgnoreCase("V") ? 1000 : 1;
        FeatureSettings fs = new FeatureSettings();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new DendriteException("--setting '" + s + "': expected NAME=VALUE");
            try {
                fs.set(s.substring(0, eq), s.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new DendriteException("--setting " + e.getMessage());
            }
        }
        List<String> names = features.isEmpty() ? DEFAULT_FEATURES : features;
        for (String f : names) if (!FeatureRegistry.has(f)) throw new DendriteException("--feature " + f + ": unknown eFEL feature");
        Map<String, double[]> targets = readTargets();
        List<Integer> sweeps = selectSweeps(rec);
        List<Map<String, Object>> reports = new ArrayList<>();
        PrintWriter w = spec.commandLine().getOut();
        for (int s : sweeps) {
            Map<String, Object> r = compareSweep(rec, rec.sweep(s), ch, vScale, fs, names, targets);
            reports.add(r);
            w.printf(Locale.ROOT, "sweep %d: stimulus %.4g nA, spikes recording %d / model %d, RMSE %.3f mV (baseline-aligned %.3f mV), coincidence %.3f%n",
                    s, (double) r.get("stimulus_amplitude_nA"), ((double[]) r.get("recording_spike_times_ms")).length,
                    ((double[]) r.get("model_spike_times_ms")).length, (double) r.get("rmse_mV"),
                    (double) r.get("rmse_baseline_aligned_mV"), (double) r.get("coincidence_factor"));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", model);
        report.put("recording", recording.toString());
        report.put("format", rec.format() + " " + rec.version());
        report.put("channel", rec.channels().get(ch).header());
        report.put("coincidence_window_ms", window);
        report.put("features", names);
        report.put("sweeps", reports);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(out.resolve("report.json"), o -> json.writeValue(o, NanToNull.clean(report)));
        w.printf("wrote %s and %d plot(s)%n", out.resolve("report.json"), reports.size());
        w.flush();
        return 0;
    }

    private int voltageChannel(Recording rec) {
        if (replay.channel != null) {
            int idx = rec.channelIndex(replay.channel);
            if (idx < 0) {
                try {
                    idx = Integer.parseInt(replay.channel);
                } catch (NumberFormatException e) {
                    idx = -1;
                }
            }
            if (idx < 0 || idx >= rec.channelCount()) throw new DendriteException("--channel " + replay.channel + ": no such channel in " + recording);
            return idx;
        }
        for (int c = 0; c < rec.channelCount(); c++) {
            String u = rec.channels().get(c).units().trim();
            if (u.equalsIgnoreCase("mV") || u.equals("V")) return c;
        }
        throw new DendriteException(recording + ": no voltage channel (mV); is this a voltage-clamp recording? Use --channel");
    }

    private List<Integer> selectSweeps(Recording rec) {
        List<Integer> out = new ArrayList<>();
        if (replay.sweep.equalsIgnoreCase("all")) {
            for (int i = 0; i < rec.sweepCount(); i++) out.add(i);
            return out;
        }
        try {
            int n = Integer.parseInt(replay.sweep);
            if (n < 0 || n >= rec.sweepCount()) {
                throw new DendriteException("--sweep " + n + ": the recording has sweeps 0.." + (rec.sweepCount() - 1));
            }
            out.add(n);
            return out;
        } catch (NumberFormatException e) {
            throw new DendriteException("--sweep must be a number or 'all', not '" + replay.sweep + "'");
        }
    }

    private Map<String, double[]> readTargets() throws IOException {
        if (featuresJson == null) return Map.of();
        JsonNode root = new ObjectMapper().readTree(featuresJson.toFile());
        if (root == null || !root.isObject() || !root.fields().hasNext()) throw new DendriteException(featuresJson + ": expected a BluePyOpt features.json object");
        String p = protocol != null ? protocol : root.fieldNames().next();
        JsonNode prot = root.get(p);
        if (prot == null) throw new DendriteException(featuresJson + ": no protocol '" + p + "'");
        Map<String, double[]> t = new LinkedHashMap<>();
        JsonNode loc = prot.has("soma") ? prot.get("soma") : prot.elements().next();
        loc.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isArray() && v.size() == 2) t.put(e.getKey(), new double[] {v.get(0).asDouble(), v.get(1).asDouble()});
        });
        return t;
    }

    private Map<String, Object> compareSweep(Recording rec, Sweep sw, int ch, double vScale, FeatureSettings fs,
                                             List<String> names, Map<String, double[]> targets) throws IOException {
        int n = sw.size();
        double[] tRec = new double[n];
        double[] vRec = sw.data(ch);
        for (int k = 0; k < n; k++) {
            tRec[k] = sw.time().timeMs(k) - sw.time().timeMs(0);
            vRec[k] *= vScale;
        }
        double duration = tRec[n - 1];
        SweepStimulus st = replay.stim != null ? SweepStimulus.step(replay.stim, duration, 0) : SweepStimulus.fromCommand(sw, replay.dac);
        if (st == null) {
            throw new DendriteException(recording + " sweep " + sw.index() + " has no current command waveform; give the stimulus with --stim AMP_nA:START_ms:END_ms");
        }
        ModelSpec m = modelSource != null ? modelSource.load()
                : ModelInputs.load(model == null || model.equals("default") ? null : Path.of(model), mods.mod);
        Location at = replay.inject != null ? parseLocation(m, replay.inject) : new Location(0, 0.5);
        if (!keepModelStimuli) m.points.removeIf(p -> p.type().equals("IClamp"));
        double[] tStim = st.timeMs().clone();
        double t0 = sw.time().timeMs(0);
        for (int k = 0; k < tStim.length; k++) tStim[k] -= replay.stim != null ? 0 : t0;
        m.waveforms.add(new ModelSpec.CurrentWaveform("recorded_stimulus", at, tStim, st.currentNa()));
        m.probes.clear();
        m.probes.add(new ModelSpec.ProbeSpec("v", at, null, "v"));
        m.run.tstop = duration;
        m.run.recordEvery = 1;
        Simulation sim = Simulation.compile(m);
        sim.finitialize(m.run.vInit);
        sim.advanceTo(duration, null);
        double[] tMod = sim.traces().time();
        double[] vMod = sim.traces().column(0);
        double[] vModAtRec = TraceComparison.resample(tMod, vMod, tRec);

        double start = st.startMs() - (replay.stim != null ? 0 : t0), end = st.endMs() - (replay.stim != null ? 0 : t0);
        TraceFeatures fRec = TraceFeatures.of(tRec, vRec, start, end, fs);
        TraceFeatures fMod = TraceFeatures.of(tMod, vMod, start, end, fs);
        Map<String, Object> feats = new LinkedHashMap<>();
        for (String f : names) {
            Map<String, Object> e = new LinkedHashMap<>();
            double[] a = fRec.get(f), b = fMod.get(f);
            e.put("recording", a);
            e.put("model", b);
            double ma = meanOf(a), mb = meanOf(b);
            e.put("difference", mb - ma);
            double[] target = targets.get(f);
            if (target != null) {
                e.put("target_mean", target[0]);
                e.put("target_std", target[1]);
                e.put("zscore_model", Math.abs(mb - target[0]) / target[1]);
                e.put("zscore_recording", Math.abs(ma - target[0]) / target[1]);
            }
            feats.put(f, e);
        }
        double[] spikesRec = orEmpty(fRec.get("peak_time"));
        double[] spikesMod = orEmpty(fMod.get("peak_time"));
        double baseRec = TraceComparison.mean(tRec, vRec, 0, start);
        double baseMod = TraceComparison.mean(tRec, vModAtRec, 0, start);
        double offset = Double.isNaN(baseRec) || Double.isNaN(baseMod) ? 0 : baseMod - baseRec;
        double[] aligned = vModAtRec.clone();
        for (int k = 0; k < aligned.length; k++) aligned[k] -= offset;

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sweep", sw.index());
        r.put("stimulus_amplitude_nA", st.amplitudeNa());
        r.put("stimulus_holding_nA", st.holdingNa());
        r.put("stimulus_start_ms", start);
        r.put("stimulus_end_ms", end);
        r.put("duration_ms", duration);
        r.put("rmse_mV", TraceComparison.rmse(vModAtRec, vRec));
        r.put("rmse_baseline_aligned_mV", TraceComparison.rmse(aligned, vRec));
        r.put("baseline_offset_mV", offset);
        r.put("recording_spike_times_ms", spikesRec);
        r.put("model_spike_times_ms", spikesMod);
        r.put("coincidence_factor", TraceComparison.coincidenceFactor(spikesRec, spikesMod, window, duration));
        r.put("features", feats);
        String png = "sweep_" + sw.index() + ".png";
        r.put("plot", png);
        new TracePlot(recording.getFileName() + " sweep " + sw.index() + " vs " + model)
                .add("recording", "mV", tRec, vRec).add("model", "mV", tMod, vMod)
                .add("stimulus", "nA", tStim, st.currentNa()).writePng(out.resolve(png));
        return r;
    }

    private static Location parseLocation(ModelSpec m, String text) {
        try {
            return Location.parse(m.morphology(), text);
        } catch (IllegalArgumentException e) {
            throw new DendriteException("--inject " + e.getMessage());
        }
    }

    private static double[] orEmpty(double[] a) {
        return a == null ? new double[0] : a;
    }

    private static double meanOf(double[] a) {
        if (a == null || a.length == 0) return Double.NaN;
        double s = 0;
        for (double x : a) s += x;
        return s / a.length;
    }
}
