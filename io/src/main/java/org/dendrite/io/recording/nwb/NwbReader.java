package org.dendrite.io.recording.nwb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.dendrite.engine.recording.Command;
import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.dendrite.engine.recording.TimeBase;
import org.dendrite.io.recording.RecordingFormatException;
import org.dendrite.io.recording.TimeBases;

/**
 * Reads intracellular recordings from NWB 2.x files (HDF5): every PatchClampSeries in {@code /acquisition}
 * (CurrentClampSeries, VoltageClampSeries, IZeroClampSeries) is one sweep of one channel, ordered by
 * {@code sweep_number} where present, else by start time. Raw data times {@code conversion} (plus {@code offset}) is
 * in SI units, stored here as mV (volts) or nA (amperes). The matching stimulus series of
 * {@code /stimulus/presentation} (same sweep number, else same name after the type prefix, else same start time and
 * length) becomes the sweep's command waveform. Time comes from {@code starting_time} and its {@code rate}, or from
 * {@code timestamps} (seconds).
 */
public final class NwbReader {
    private static final Set<String> RESPONSE_TYPES = Set.of("CurrentClampSeries", "VoltageClampSeries", "IZeroClampSeries", "PatchClampSeries");
    private static final Set<String> STIMULUS_TYPES = Set.of("CurrentClampStimulusSeries", "VoltageClampStimulusSeries", "PatchClampStimulusSeries");
    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    private NwbReader() {}

    /** One time series read from the file. */
    private record Series(String name, String type, String description, long sweepNumber, double startS, double rateHz,
                          double[] timestampsS, double[] values, String unit) {
        String key() {
            int i = name.indexOf("__");
            return i >= 0 ? name.substring(i + 2) : name;
        }
    }

    public static Recording read(Path file) {
        org.dendrite.io.recording.Hdf5Logging.quiet();
        try (HdfFile h = new HdfFile(file)) {
            String version = attr(h, "nwb_version");
            if (version == null) throw new RecordingFormatException(file, "expected an NWB file (root attribute nwb_version) but the HDF5 file has none");
            List<Series> responses = collect(file, h.getChild("acquisition"), RESPONSE_TYPES);
            Node stimulusGroup = h.getByPath("/stimulus/presentation");
            List<Series> stimuli = stimulusGroup == null ? List.of() : collect(file, stimulusGroup, STIMULUS_TYPES);
            if (responses.isEmpty()) {
                throw new RecordingFormatException(file, "expected intracellular series (CurrentClampSeries, VoltageClampSeries...) in /acquisition but found none");
            }
            responses.sort(Comparator.comparingLong(Series::sweepNumber).thenComparingDouble(Series::startS).thenComparing(s -> natural(s.name())));
            String unit = responses.get(0).unit();
            String type = responses.get(0).type();
            for (Series s : responses) {
                if (!s.unit().equals(unit)) {
                    throw new RecordingFormatException(file, "/acquisition/" + s.name() + ": expected unit " + unit + " like the other series but found "
                            + s.unit() + " (one electrode and one clamp mode per file are supported)");
                }
            }
            Recording.Builder b = Recording.builder(file.getFileName().toString(), "NWB").version(version);
            b.channel(type.startsWith("VoltageClamp") ? "I" : "V", unit);
            double rate = responses.get(0).rateHz();
            Set<String> descriptions = new LinkedHashSet<>();
            List<Series> unused = new ArrayList<>(stimuli);
            for (int i = 0; i < responses.size(); i++) {
                Series s = responses.get(i);
                if (Double.compare(s.rateHz(), rate) != 0) rate = Double.NaN;
                TimeBase time;
                if (s.timestampsS() != null) {
                    double[] t = new double[s.timestampsS().length];
                    for (int k = 0; k < t.length; k++) t[k] = (s.timestampsS()[k] - s.timestampsS()[0]) * 1000;
                    time = TimeBases.fromTimes(t);
                } else {
                    time = TimeBase.uniform(0, 1000 / s.rateHz(), s.values().length);
                }
                List<Command> commands = new ArrayList<>();
                Series stim = match(s, unused);
                if (stim != null) {
                    unused.remove(stim);
                    commands.add(new Command(0, stim.name(), stim.unit(), stim.values()));
                }
                if (s.description() != null) descriptions.add(s.description());
                b.sweep(new Sweep(i, s.startS() * 1000, time, new double[][] {s.values()}, commands));
            }
            b.sampleRateHz(rate);
            b.meta("identifier", text(h, "identifier"))
                    .meta("session_start_time", text(h, "session_start_time"))
                    .meta("session_description", text(h, "session_description"))
                    .meta("series_type", type)
                    .meta("stimulus_description", String.join(", ", descriptions))
                    .meta("sweep_series", String.join(", ", responses.stream().map(Series::name).toList()));
            return b.build();
        } catch (RecordingFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RecordingFormatException(file, "not a readable NWB (HDF5) file: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new RecordingFormatException(file, "not a readable NWB (HDF5) file: a dataset asks for more memory than is available "
                    + "(corrupt file, or a recording too large for -Xmx)");
        }
    }

    private static Series match(Series response, List<Series> stimuli) {
        if (response.sweepNumber() != Long.MAX_VALUE) {
            for (Series s : stimuli) if (s.sweepNumber() == response.sweepNumber()) return s;
        }
        for (Series s : stimuli) if (s.key().equals(response.key()) && s.values().length == response.values().length) return s;
        for (Series s : stimuli) {
            if (Math.abs(s.startS() - response.startS()) < 1e-9 && s.values().length == response.values().length) return s;
        }
        return null;
    }

    private static List<Series> collect(Path file, Node group, Set<String> types) {
        List<Series> out = new ArrayList<>();
        if (!(group instanceof Group g)) return out;
        for (Node n : g) {
            String type = attr(n, "neurodata_type");
            if (!(n instanceof Group series) || type == null || !types.contains(type)) continue;
            String where = n.getPath();
            if (!(series.getChild("data") instanceof Dataset data)) {
                throw new RecordingFormatException(file, where + ": expected a 'data' dataset in the " + type);
            }
            double conversion = number(data, "conversion", 1.0);
            double offset = number(data, "offset", 0.0);
            String siUnit = attr(data, "unit");
            double[] raw = doubles(data.getDataFlat());
            double toUnit;
            String unit;
            switch (siUnit == null ? "" : siUnit.toLowerCase(Locale.ROOT)) {
                case "volts", "volt", "v" -> {
                    toUnit = 1e3;
                    unit = "mV";
                }
                case "amperes", "ampere", "amps", "a" -> {
                    toUnit = 1e9;
                    unit = "nA";
                }
                default -> {
                    toUnit = 1;
                    unit = siUnit == null ? "" : siUnit;
                }
            }
            double[] values = new double[raw.length];
            for (int i = 0; i < raw.length; i++) values[i] = (raw[i] * conversion + offset) * toUnit;
            double start = 0;
            double rate = Double.NaN;
            double[] timestamps = null;
            if (series.getChild("starting_time") instanceof Dataset st) {
                start = doubles(st.getDataFlat())[0];
                rate = number(st, "rate", Double.NaN);
            } else if (series.getChild("timestamps") instanceof Dataset ts) {
                timestamps = doubles(ts.getDataFlat());
                start = timestamps.length > 0 ? timestamps[0] : 0;
            }
            if (timestamps == null && !(rate > 0)) {
                throw new RecordingFormatException(file, where + ": expected starting_time with a positive 'rate' attribute, or timestamps");
            }
            long sweep = Long.MAX_VALUE;
            String sn = attr(n, "sweep_number");
            if (sn != null) sweep = Long.parseLong(sn.replaceAll("\\.0$", ""));
            else if (series.getChild("sweep_number") instanceof Dataset sd) sweep = (long) doubles(sd.getDataFlat())[0];
            out.add(new Series(n.getName(), type, attr(n, "stimulus_description"), sweep, start, rate, timestamps, values, unit));
        }
        return out;
    }

    private static String natural(String name) {
        Matcher m = NUMBER.matcher(name);
        StringBuilder s = new StringBuilder();
        while (m.find()) m.appendReplacement(s, String.format("%012d", Long.parseLong(m.group(1))));
        m.appendTail(s);
        return s.toString();
    }

    private static String attr(Node n, String name) {
        Attribute a = n.getAttribute(name);
        if (a == null) return null;
        Object d = a.getData();
        if (d != null && d.getClass().isArray()) d = java.lang.reflect.Array.getLength(d) > 0 ? java.lang.reflect.Array.get(d, 0) : null;
        return d == null ? null : String.valueOf(d);
    }

    private static double number(Node n, String name, double fallback) {
        String s = attr(n, name);
        if (s == null) return fallback;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String text(HdfFile h, String path) {
        if (!(h.getByPath("/" + path) instanceof Dataset d)) return null;
        Object o = d.getDataFlat();
        if (o != null && o.getClass().isArray()) o = java.lang.reflect.Array.getLength(o) > 0 ? java.lang.reflect.Array.get(o, 0) : null;
        return o == null ? null : String.valueOf(o);
    }

    private static double[] doubles(Object flat) {
        if (flat instanceof double[] d) return d;
        if (flat instanceof Number num) return new double[] {num.doubleValue()};
        int n = java.lang.reflect.Array.getLength(flat);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = ((Number) java.lang.reflect.Array.get(flat, i)).doubleValue();
        return out;
    }
}
