package org.dendrite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.dendrite.cli.features.FeatureOutput;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.analysis.FeatureRegistry;
import org.dendrite.engine.analysis.FeatureSettings;
import org.dendrite.engine.analysis.TraceFeatures;
import org.dendrite.engine.recording.Recording;
import org.dendrite.io.recording.RecordingReaders;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite features}: eFEL-compatible electrophysiology features of a voltage trace. */
@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Computes eFEL-compatible electrophysiology features (same names, definitions and default settings as eFEL)"
                + " of a voltage trace.",
            "TRACE: a text/CSV/TSV file with time [ms] and voltage [mV] columns (a header may name them and their units:"
                + " 'time [s]', 'v [V]'; a one-column file is voltage sampled every --dt ms), or a recording (ABF, NWB,"
                + " MAT) with --sweep; every format is read by the recording readers (docs/recordings.md).",
            "The trace is linearly interpolated to interp_step (0.1 ms) first; *_indices refer to that grid.",
            "Output: a table, or with --json an object mapping each feature name to its value, its list of values, or"
                + " null where eFEL gives none."},
        footer = {"", "Examples:",
            "  dendrite features trace.txt --stim-start 700 --stim-end 2700",
            "  dendrite features trace.csv --stim-start 700 --stim-end 2700 --feature spike_count,mean_frequency --json",
            "  dendrite features trace.txt --stim-start 700 --stim-end 2700 --setting Threshold=-30",
            "  dendrite features --list"})
public final class FeaturesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TRACE", description = "trace file: text/CSV, or a recording (ABF, NWB, MAT) with --sweep")
    Path trace;

    @Option(names = "--sweep", paramLabel = "N", defaultValue = "0",
            description = "sweep of a multi-sweep recording (0-based; a text trace has sweep 0 only)")
    int sweep;

    @Option(names = "--stim-start", paramLabel = "MS", description = "stimulus start [ms] (default: trace start)")
    Double stimStart;

    @Option(names = "--stim-end", paramLabel = "MS", description = "stimulus end [ms] (default: trace end)")
    Double stimEnd;

    @Option(names = "--feature", paramLabel = "NAME", split = ",",
            description = "feature(s) to compute, repeatable or comma-separated (default: all but time/voltage/current and the deprecated Spikecount aliases)")
    List<String> features = new ArrayList<>();

    @Option(names = "--setting", paramLabel = "NAME=VALUE",
            description = "an eFEL setting, repeatable, e.g. Threshold=-30, interp_step=0.05, strict_stiminterval=true")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--dt", paramLabel = "MS", description = "sample interval [ms] of a one-column (voltage only) file")
    Double dt;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--list", description = "list the feature names and the eFEL settings with their defaults, then exit")
    boolean list;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            printList(out);
            return 0;
        }
        if (trace == null) throw new DendriteException("features: give a TRACE file (or --list)");
        if (!Files.isRegularFile(trace)) throw new DendriteException(trace + ": no such file");
        FeatureSettings fs = new FeatureSettings();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            try {
                fs.set(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new DendriteException("--setting " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage());
            }
        }
        List<String> names = new ArrayList<>();
        if (features.isEmpty()) {
            for (String n : FeatureRegistry.names()) {
                // the trace itself and eFEL's deprecated aliases only on request
                if (!FeatureRegistry.isTrace(n) && !n.startsWith("Spikecount")) names.add(n);
            }
        } else {
            for (String n : features) {
                String name = n.strip();
                if (!FeatureRegistry.has(name)) {
                    throw new DendriteException("unknown feature '" + name + "' (dendrite features --list shows them)");
                }
                names.add(name);
            }
        }
        Loaded tv = load();
        double[] tMs = tv.t(), vMv = tv.v();
        if (tMs.length < 3) throw new DendriteException(trace + ": a trace needs at least 3 samples, found " + tMs.length);
        if ((stimStart == null) != (stimEnd == null)) throw new DendriteException("give both --stim-start and --stim-end");
        double t0 = tMs[0], t1 = tMs[tMs.length - 1];
        boolean fromProtocol = stimStart == null && tv.protocolWindow() != null;
        double ss = stimStart != null ? stimStart : fromProtocol ? tv.protocolWindow()[0] : t0;
        double se = stimEnd != null ? stimEnd : fromProtocol ? tv.protocolWindow()[1] : t1;
        if (se < ss) throw new DendriteException("--stim-end (" + se + ") is before --stim-start (" + ss + ")");
        if (ss < t0 || se > t1) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "dendrite: warning: %s: stimulus window %s-%s ms reaches outside the trace "
                    + "(%s-%s ms); features of the stimulus period use only the part inside it%n", trace, ss, se, t0, t1);
            err.flush();
        }
        TraceFeatures tf;
        try {
            tf = TraceFeatures.of(tMs, vMv, tv.iNa(), ss, se, fs);
        } catch (IllegalArgumentException ex) {
            throw new DendriteException(trace + ": " + ex.getMessage());
        }
        Map<String, double[]> values = tf.get(names);
        if (json) {
            out.println(FeatureOutput.json(values));
        } else {
            out.printf(Locale.ROOT, "%s: %d samples, %.6g-%.6g ms; stimulus %.6g-%.6g ms%s%n", trace, tMs.length, t0, t1,
                    ss, se, fromProtocol ? " (the protocol's first step; --stim-start/--stim-end override it)"
                            : stimStart == null ? " (whole trace: no --stim-start/--stim-end given)" : "");
            if (tv.iNa() != null) out.println("current: " + tv.currentFrom() + " [nA]");
            if (!settings.isEmpty()) out.println("settings: " + settings);
            out.print(FeatureOutput.table(values));
        }
        out.flush();
        return 0;
    }

    /**
     * Time (ms) and voltage (mV) of sweep {@link #sweep}: every format through {@link RecordingReaders} (text with
     * {@code --dt} for a voltage-only column). The voltage channel is the first one in mV, V or uV; a text file whose
     * columns carry no units gives its first channel (the column after time, eFEL's convention).
     */
    /** A sweep's time (ms), voltage (mV), current (nA, or null) and the protocol's step window (ms, or null). */
    private record Loaded(double[] t, double[] v, double[] iNa, String currentFrom, double[] protocolWindow) {}

    private Loaded load() {
        Recording rec = RecordingReaders.read(trace, dt == null ? Double.NaN : dt);
        if (sweep < 0 || sweep >= rec.sweepCount()) {
            throw new DendriteException(trace + ": --sweep " + sweep + " does not exist (" + (rec.sweepCount() == 1
                    ? "the file holds one sweep, 0" : "sweeps 0.." + (rec.sweepCount() - 1)) + ")");
        }
        int ch = -1;
        boolean anyUnit = false;
        for (int c = 0; c < rec.channelCount(); c++) {
            String u = rec.channels().get(c).units().trim();
            if (!u.isEmpty()) anyUnit = true;
            if (ch < 0 && voltageScale(u) > 0) ch = c;
        }
        if (ch < 0 && !anyUnit && rec.channelCount() > 0) ch = 0;
        if (ch < 0) throw new DendriteException(trace + ": no voltage channel (mV) to compute features of");
        String unit = rec.channels().get(ch).units().trim();
        double scale = unit.isEmpty() ? 1 : voltageScale(unit);
        var sw = rec.sweep(sweep);
        double[] t = sw.time().timesMs(), v = sw.data(ch);
        if (scale != 1) for (int k = 0; k < v.length; k++) v[k] *= scale;
        // the current: a recorded current channel (pA/nA/uA), else the command waveform (ABF epochs, NWB stimulus)
        double[] i = null;
        String from = null;
        for (int c = 0; c < rec.channelCount() && i == null; c++) {
            Double na = org.dendrite.cli.compare.SweepStimulus.scaleToNa(rec.channels().get(c).units());
            if (c != ch && na != null) {
                i = sw.data(c);
                for (int k = 0; k < i.length; k++) i[k] *= na;
                from = "channel " + rec.channels().get(c).name();
            }
        }
        org.dendrite.cli.compare.SweepStimulus cmd = org.dendrite.cli.compare.SweepStimulus.fromCommand(sw, null);
        if (i == null && cmd != null && cmd.currentNa().length == t.length) {
            i = cmd.currentNa();
            from = "the protocol's command waveform";
        }
        double[] window = cmd != null && cmd.amplitudeNa() != 0 ? new double[] {cmd.startMs(), cmd.endMs()} : null;
        return new Loaded(t, v, i, from, window);
    }

    /** mV per unit of a voltage unit; 0 for anything else. */
    private static double voltageScale(String unit) {
        return switch (unit) {
            case "mV", "mv" -> 1;
            case "V", "v" -> 1000;
            case "uV", "uv", "µV" -> 1e-3;
            default -> 0;
        };
    }

    private static void printList(PrintWriter out) {
        out.println("Features (" + FeatureRegistry.names().size() + "):");
        for (String n : FeatureRegistry.names()) {
            out.println("  " + n + (FeatureRegistry.isScalar(n) ? "" : "  [list]"));
        }
        out.println();
        out.println("Settings (--setting NAME=VALUE), with eFEL's defaults:");
        for (Map.Entry<String, String[]> e : FeatureSettings.describe().entrySet()) {
            String[] d = e.getValue();
            out.printf(Locale.ROOT, "  %-26s %-8s %-8s %s%n", e.getKey(), d[0], d[1], d[2]);
        }
        out.flush();
    }
}
