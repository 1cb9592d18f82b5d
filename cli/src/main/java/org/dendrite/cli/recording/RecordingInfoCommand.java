package org.dendrite.cli.recording;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dendrite.engine.recording.Channel;
import org.dendrite.engine.recording.DacProtocol;
import org.dendrite.engine.recording.Epoch;
import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.dendrite.engine.recording.Tag;
import org.dendrite.io.recording.RecordingReaders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dendrite recording info FILE [--json]}. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Describe a recording: format, sweeps, channels, units, sample rate, protocol, tags.",
                "",
                "Prints format and version, sweeps, channels with units, sample rate, duration, the protocol "
                        + "(epoch table of each command output), tags and header facts.",
                "",
                "Units: times and durations in ms, sample rate in Hz, epoch levels in the command output's unit "
                        + "(mV in voltage clamp, pA or nA in current clamp), epoch durations in samples.",
                "",
                "Example:  dendrite recording info cell.abf --json"})
public final class RecordingInfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Recording file (ABF, MAT, NWB, CSV/TSV/text).")
    Path file;

    @Option(names = "--json", description = "Print JSON (keys: format, version, sweeps, channels, sample_rate_hz, units, "
            + "channel_names, samples_per_sweep, duration_ms, sweep_start_ms, protocol, epochs, tags, metadata).")
    boolean json;

    @Option(names = "--dt", paramLabel = "MS", description = "Sample interval in ms for text files without a time column.")
    Double dtMs;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Recording r = RecordingReaders.read(file, dtMs == null ? Double.NaN : dtMs);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(m.writeValueAsString(toMap(r)));
        } else {
            printText(r, out);
        }
        out.flush();
        return 0;
    }

    /** Everything {@code info --json} prints, as ordered maps and lists (NaN becomes null). */
    public static Map<String, Object> toMap(Recording r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("file", r.source());
        j.put("format", r.format());
        j.put("version", r.version());
        j.put("sweeps", r.sweepCount());
        j.put("channels", r.channelCount());
        j.put("sample_rate_hz", num(r.sampleRateHz()));
        j.put("units", r.channels().stream().map(Channel::units).toList());
        j.put("channel_names", r.channels().stream().map(Channel::name).toList());
        List<Integer> sizes = new ArrayList<>();
        List<Object> starts = new ArrayList<>();
        for (Sweep s : r.sweeps()) {
            sizes.add(s.size());
            starts.add(num(s.startMs()));
        }
        j.put("samples_per_sweep", sizes);
        j.put("duration_ms", r.durationMs());
        j.put("sweep_start_ms", starts);
        j.put("uniform_sampling", r.sweeps().stream().allMatch(s -> s.time().isUniform()));
        Map<String, Object> protocol = new LinkedHashMap<>();
        protocol.put("name", r.protocol().name());
        List<Object> dacs = new ArrayList<>();
        for (DacProtocol d : r.protocol().dacs()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("dac", d.dac());
            dm.put("name", d.name());
            dm.put("units", d.units());
            dm.put("holding_level", d.holdingLevel());
            dm.put("waveform_enabled", d.waveformEnabled());
            dm.put("hold_last_level", d.holdLastLevel());
            List<Object> epochs = new ArrayList<>();
            for (Epoch e : d.epochs()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("epoch", e.letter());
                em.put("type", e.type().label());
                em.put("first_level", e.firstLevel());
                em.put("delta_level", e.deltaLevel());
                em.put("first_duration_samples", e.firstDuration());
                em.put("delta_duration_samples", e.deltaDuration());
                em.put("pulse_period_samples", e.pulsePeriod());
                em.put("pulse_width_samples", e.pulseWidth());
                em.put("digital_pattern", e.digitalPattern());
                epochs.add(em);
            }
            dm.put("epochs", epochs);
            dacs.add(dm);
        }
        protocol.put("dacs", dacs);
        j.put("protocol", protocol);
        // sweep 0 of every output that plays its epochs: where each stretch starts and ends, ms
        List<Object> segments = new ArrayList<>();
        if (r.sweepCount() > 0) {
            Sweep s0 = r.sweep(0);
            for (DacProtocol d : r.protocol().dacs()) {
                if (!d.waveformEnabled() || s0.command(d.dac()) == null) continue;
                for (DacProtocol.Segment g : d.segments(0, s0.size())) {
                    if (g.length() == 0) continue;
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("dac", d.dac());
                    sm.put("epoch", g.epoch() < 0 ? "holding" : d.epochs().stream().filter(e -> e.index() == g.epoch()).findFirst().orElseThrow().letter());
                    sm.put("type", g.type().label());
                    sm.put("level", g.level());
                    sm.put("units", d.units());
                    sm.put("start_ms", s0.time().timeMs(g.start()));
                    sm.put("end_ms", g.end() < s0.size() ? s0.time().timeMs(g.end()) : s0.time().timeMs(s0.size() - 1) + s0.time().dtMs());
                    segments.add(sm);
                }
            }
        }
        j.put("epochs", segments);
        List<Object> tags = new ArrayList<>();
        for (Tag t : r.tags()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("time_ms", t.timeMs());
            tm.put("sweep", t.sweep());
            tm.put("comment", t.comment());
            tm.put("type", t.type());
            tags.add(tm);
        }
        j.put("tags", tags);
        j.put("metadata", r.metadata());
        return j;
    }

    private static Object num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) return "n/a";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e");
    }

    private static void printText(Recording r, PrintWriter out) {
        out.printf("file:         %s%n", r.source());
        out.printf("format:       %s%s%n", r.format(), r.version().isEmpty() ? "" : " " + r.version());
        int minN = Integer.MAX_VALUE, maxN = 0;
        for (Sweep s : r.sweeps()) {
            minN = Math.min(minN, s.size());
            maxN = Math.max(maxN, s.size());
        }
        String per = r.sweepCount() == 0 ? "" : minN == maxN ? " (" + maxN + " samples each)" : " (" + minN + " to " + maxN + " samples)";
        out.printf("sweeps:       %d%s%n", r.sweepCount(), per);
        out.printf("channels:     %d%n", r.channelCount());
        for (int c = 0; c < r.channelCount(); c++) out.printf("  %d  %s%n", c, r.channels().get(c).header());
        double rate = r.sampleRateHz();
        out.printf("sample rate:  %s%n", Double.isFinite(rate) ? fmt(rate) + " Hz (dt " + fmt(1000 / rate) + " ms)" : "variable time step");
        out.printf("duration:     %s ms (all sweeps)%n", fmt(r.durationMs()));
        out.printf("protocol:     %s%n", r.protocol().name().isEmpty() ? "(none)" : r.protocol().name());
        for (DacProtocol d : r.protocol().dacs()) {
            if (d.epochs().isEmpty()) continue;
            out.printf("  output %d %s [%s]: holding %s, epochs %s%n", d.dac(), d.name(), d.units(), fmt(d.holdingLevel()),
                    d.waveformEnabled() ? "played" : "defined but not played");
            out.printf("    %-5s %-8s %12s %12s %10s %10s %8s %8s%n", "epoch", "type", "level", "level/sweep", "samples", "samp/sweep", "period", "width");
            for (Epoch e : d.epochs()) {
                out.printf("    %-5s %-8s %12s %12s %10d %10d %8d %8d%n", e.letter(), e.type().label(), fmt(e.firstLevel()), fmt(e.deltaLevel()),
                        e.firstDuration(), e.deltaDuration(), e.pulsePeriod(), e.pulseWidth());
            }
        }
        if (r.tags().isEmpty()) {
            out.println("tags:         none");
        } else {
            out.printf("tags:         %d%n", r.tags().size());
            for (Tag t : r.tags()) out.printf("  %s ms (sweep %d, %s): %s%n", fmt(t.timeMs()), t.sweep(), t.type(), t.comment());
        }
        if (!r.metadata().isEmpty()) {
            out.println("header:");
            r.metadata().forEach((k, v) -> {
                if (!v.isEmpty()) out.printf("  %-20s %s%n", k + ":", v.replace('\n', ' '));
            });
        }
    }
}
