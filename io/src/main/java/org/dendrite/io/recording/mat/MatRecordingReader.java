package org.dendrite.io.recording.mat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.dendrite.engine.recording.Tag;
import org.dendrite.engine.recording.TimeBase;
import org.dendrite.io.recording.RecordingFormatException;
import org.dendrite.io.recording.TimeBases;

/**
 * Finds traces in a MAT file (v6, v7 or v7.3) and returns them as a {@link Recording}. Recognised layouts, tried in
 * this order:
 * <ol>
 *   <li><b>Neo</b> (NeoMatlabIO): a struct with {@code segments}, each with {@code analogsignals} (signal,
 *       signal_units, sampling_rate (+_units), t_start (+_units)); each segment is a sweep, each signal column a
 *       channel; events and epochs become tags (time converted to ms).</li>
 *   <li><b>Struct of traces</b>: a struct (or struct array, one element per sweep) whose fields hold a time vector
 *       named {@code t}, {@code time} or {@code times} and data vectors of the same length (one channel each).</li>
 *   <li><b>Top-level arrays</b>: a variable {@code t}/{@code time}/{@code times} and data variables whose row count
 *       equals its length; a matrix's columns are sweeps, as are the vectors of a cell array.</li>
 * </ol>
 * Without a time vector, a scalar {@code dt} (ms) or {@code sampling_rate}/{@code fs} (Hz) in the same scope gives
 * the time base. Time vectors are in ms unless a {@code time_units}/{@code t_units} string says s. A char variable
 * {@code NAME_units} (or {@code units}) gives a channel's unit; voltage-like names without one are mV.
 */
public final class MatRecordingReader {
    private MatRecordingReader() {}

    public static Recording read(Path file) {
        MatFiles.Contents c = MatFiles.read(file);
        return toRecording(file, c);
    }

    public static Recording toRecording(Path file, MatFiles.Contents c) {
        Recording.Builder b = Recording.builder(file.getFileName().toString(), "MAT").version(c.version());
        b.meta("header", c.headerText());
        Map<String, MatValue> vars = c.variables();
        for (Map.Entry<String, MatValue> e : vars.entrySet()) {
            if (e.getValue() instanceof MatValue.Struct s && s.fields().contains("segments")) {
                readNeo(file, b, s);
                return b.meta("layout", "neo block '" + e.getKey() + "'").build();
            }
        }
        for (Map.Entry<String, MatValue> e : vars.entrySet()) {
            if (e.getValue() instanceof MatValue.Struct s && s.size() > 0 && timeName(s.elements().get(0)) != null) {
                for (int i = 0; i < s.size(); i++) addScope(file, b, s.elements().get(i), i, e.getKey() + (s.size() > 1 ? "(" + (i + 1) + ")" : ""));
                return b.meta("layout", "struct of traces '" + e.getKey() + "'").build();
            }
        }
        if (timeName(vars) != null || vars.containsKey("dt") || vars.containsKey("sampling_rate") || vars.containsKey("fs")) {
            addScope(file, b, vars, 0, "top level");
            return b.meta("layout", "top-level arrays").build();
        }
        StringBuilder list = new StringBuilder();
        for (Map.Entry<String, MatValue> e : vars.entrySet()) {
            if (list.length() > 0) list.append(", ");
            list.append(e.getKey()).append(" (").append(describe(e.getValue())).append(')');
        }
        throw new RecordingFormatException(file, "no traces found: expected a Neo block, a struct with a t/time field, or top-level t/time "
                + "and data arrays; the file holds " + (list.length() == 0 ? "no variables" : list));
    }

    static String describe(MatValue v) {
        String dims = String.join("x", java.util.Arrays.stream(v.dims()).mapToObj(String::valueOf).toList());
        if (v instanceof MatValue.Numeric n) return n.matlabClass() + " " + dims;
        if (v instanceof MatValue.Text) return "char " + dims;
        if (v instanceof MatValue.Struct) return "struct " + dims;
        if (v instanceof MatValue.CellArray) return "cell " + dims;
        return ((MatValue.Unsupported) v).kind() + " " + dims;
    }

    private static String timeName(Map<String, MatValue> scope) {
        for (String n : new String[] {"t", "time", "times", "T", "Time"}) {
            if (scope.get(n) instanceof MatValue.Numeric num && num.isVector() && num.size() > 1) return n;
        }
        return null;
    }

    private static String text(Map<String, MatValue> scope, String name) {
        return scope.get(name) instanceof MatValue.Text t ? t.text().strip() : null;
    }

    private static double msFactor(Path file, String unit) {
        if (unit == null) return 1;
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "", "ms" -> 1;
            case "s", "sec" -> 1000;
            case "us" -> 0.001;
            default -> throw new RecordingFormatException(file, "expected a time unit of s, ms or us but found \"" + unit + "\"");
        };
    }

    /** One scope (top level or one struct element) holding a time base and data arrays. */
    private static void addScope(Path file, Recording.Builder b, Map<String, MatValue> scope, int firstSweep, String where) {
        String tName = timeName(scope);
        int n;
        TimeBase time;
        double rateHz;
        if (tName != null) {
            double[] t = ((MatValue.Numeric) scope.get(tName)).real().clone();
            String unit = text(scope, tName + "_units");
            if (unit == null) unit = text(scope, "time_units");
            double f = msFactor(file, unit);
            for (int i = 0; i < t.length; i++) t[i] *= f;
            for (int i = 1; i < t.length; i++) {
                if (!(t[i] >= t[i - 1])) throw new RecordingFormatException(file, where + ": time '" + tName + "' decreases at element " + (i + 1));
            }
            n = t.length;
            time = TimeBases.fromTimes(t);
            rateHz = time.isUniform() ? 1000 / time.dtMs() : Double.NaN;
        } else {
            double dt;
            if (scope.get("dt") instanceof MatValue.Numeric d && d.size() == 1) dt = d.scalar();
            else if (scope.get("sampling_rate") instanceof MatValue.Numeric r && r.size() == 1) dt = 1000 / r.scalar();
            else if (scope.get("fs") instanceof MatValue.Numeric r && r.size() == 1) dt = 1000 / r.scalar();
            else throw new RecordingFormatException(file, where + ": expected a time vector t/time or a scalar dt (ms) or sampling_rate/fs (Hz)");
            n = -1;
            for (Map.Entry<String, MatValue> e : scope.entrySet()) {
                if (isData(e.getKey(), e.getValue())) {
                    n = ((MatValue.Numeric) e.getValue()).dims()[0] == 1 ? e.getValue().size() : ((MatValue.Numeric) e.getValue()).dims()[0];
                    break;
                }
                if (cellOfVectors(e.getValue()) > 0) {
                    n = cellOfVectors(e.getValue());
                    break;
                }
            }
            if (n < 0) throw new RecordingFormatException(file, where + ": expected at least one numeric data array");
            time = TimeBase.uniform(0, dt, n);
            rateHz = 1000 / dt;
        }
        List<String> names = new ArrayList<>();
        List<double[][]> perChannelSweeps = new ArrayList<>();
        for (Map.Entry<String, MatValue> e : scope.entrySet()) {
            if (e.getKey().equals(tName)) continue;
            if (cellOfVectors(e.getValue()) == n) {
                // a cell array of equally long vectors: one sweep per cell
                List<MatValue> cells = ((MatValue.CellArray) e.getValue()).elements();
                double[][] sweeps = new double[cells.size()][];
                for (int k = 0; k < cells.size(); k++) sweeps[k] = ((MatValue.Numeric) cells.get(k)).real().clone();
                names.add(e.getKey());
                perChannelSweeps.add(sweeps);
                continue;
            }
            if (!isData(e.getKey(), e.getValue())) continue;
            MatValue.Numeric v = (MatValue.Numeric) e.getValue();
            double[][] sweeps;
            if (v.isVector() && v.size() == n) {
                sweeps = new double[][] {v.real().clone()};
            } else if (v.dims().length == 2 && v.dims()[0] == n) {
                sweeps = new double[v.dims()[1]][];
                for (int c = 0; c < sweeps.length; c++) sweeps[c] = v.column(c);
            } else {
                continue; // not a trace of this time base (e.g. a parameter)
            }
            names.add(e.getKey());
            perChannelSweeps.add(sweeps);
        }
        if (names.isEmpty()) throw new RecordingFormatException(file, where + ": expected data arrays with " + n + " rows (the length of the time base)");
        int sweeps = perChannelSweeps.get(0).length;
        for (int c = 1; c < names.size(); c++) {
            if (perChannelSweeps.get(c).length != sweeps) {
                throw new RecordingFormatException(file, where + ": '" + names.get(0) + "' has " + sweeps + " column(s) (sweeps) but '" + names.get(c)
                        + "' has " + perChannelSweeps.get(c).length);
            }
        }
        if (b.channelCount() == 0) {
            for (String name : names) {
                String unit = text(scope, name + "_units");
                if (unit == null) unit = text(scope, "units");
                if (unit == null) unit = voltageLike(name) ? "mV" : "";
                b.channel(name, unit);
            }
            b.sampleRateHz(rateHz);
        } else if (b.channelCount() != names.size()) {
            throw new RecordingFormatException(file, where + ": expected " + b.channelCount() + " data fields as in the first element but found " + names.size());
        }
        for (int s = 0; s < sweeps; s++) {
            double[][] data = new double[names.size()][];
            for (int c = 0; c < names.size(); c++) data[c] = perChannelSweeps.get(c)[s];
            b.sweep(new Sweep(firstSweep + s, Double.NaN, time, data, List.of()));
        }
    }

    /** The common length of a non-empty cell array of real numeric vectors, else -1. */
    private static int cellOfVectors(MatValue v) {
        if (!(v instanceof MatValue.CellArray c) || c.elements().isEmpty()) return -1;
        int n = -1;
        for (MatValue e : c.elements()) {
            if (!(e instanceof MatValue.Numeric num) || num.isComplex() || !num.isVector() || num.size() <= 1) return -1;
            if (n >= 0 && num.size() != n) return -1;
            n = num.size();
        }
        return n;
    }

    private static boolean isData(String name, MatValue v) {
        if (!(v instanceof MatValue.Numeric n) || n.isComplex() || n.size() <= 1) return false;
        String l = name.toLowerCase(Locale.ROOT);
        return !(l.equals("dt") || l.equals("fs") || l.equals("sampling_rate"));
    }

    static boolean voltageLike(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("v") || n.equals("vm") || n.equals("voltage") || n.startsWith("v_") || n.startsWith("voltage");
    }

    // ------------------------------------------------------------------ Neo

    private static void readNeo(Path file, Recording.Builder b, MatValue.Struct block) {
        if (!(block.get(0, "segments") instanceof MatValue.CellArray segments)) {
            throw new RecordingFormatException(file, "Neo block: expected 'segments' to be a cell array of structs");
        }
        double rate = Double.NaN;
        int sweepIndex = 0;
        double offsetMs = 0;
        for (MatValue segValue : segments.elements()) {
            if (!(segValue instanceof MatValue.Struct seg)) continue;
            MatValue signals = seg.get(0, "analogsignals");
            if (!(signals instanceof MatValue.CellArray sigCells) || sigCells.elements().isEmpty()) continue;
            List<double[]> columns = new ArrayList<>();
            TimeBase time = null;
            double startMs = 0;
            for (MatValue sv : sigCells.elements()) {
                MatValue.Struct sig = (MatValue.Struct) sv;
                Map<String, MatValue> f = sig.elements().get(0);
                MatValue.Numeric signal = (MatValue.Numeric) f.get("signal");
                double sr = ((MatValue.Numeric) f.get("sampling_rate")).scalar();
                String srUnits = text(f, "sampling_rate_units");
                if ("kHz".equalsIgnoreCase(srUnits)) sr *= 1000;
                double t0 = f.get("t_start") instanceof MatValue.Numeric ts ? ts.scalar() * msFactor(file, text(f, "t_start_units")) : 0;
                int n = signal.dims()[0];
                if (time == null) {
                    time = TimeBase.uniform(0, 1000 / sr, n);
                    startMs = t0;
                    rate = sr;
                } else if (time.size() != n) {
                    throw new RecordingFormatException(file, "Neo segment " + (sweepIndex + 1) + ": analog signals of different lengths (" + time.size() + " and " + n + ")");
                }
                int cols = signal.dims().length > 1 ? signal.dims()[1] : 1;
                String units = text(f, "signal_units");
                String name = text(f, "name");
                for (int c = 0; c < cols; c++) {
                    columns.add(signal.column(c));
                    if (sweepIndex == 0) {
                        String chName = name != null && !name.isEmpty() ? name : "signal" + (columns.size() - 1);
                        b.channel(cols > 1 ? chName + "[" + c + "]" : chName, units);
                    }
                }
            }
            b.sweep(new Sweep(sweepIndex, startMs, time, columns.toArray(new double[0][]), List.of()));
            for (String kind : new String[] {"events", "epochs"}) {
                if (!(seg.get(0, kind) instanceof MatValue.CellArray items)) continue;
                for (MatValue iv : items.elements()) {
                    Map<String, MatValue> f = ((MatValue.Struct) iv).elements().get(0);
                    String name = text(f, "name");
                    double factor = msFactor(file, text(f, "times_units"));
                    if (f.get("times") instanceof MatValue.Numeric times) {
                        for (double t : times.real()) b.tag(new Tag(offsetMs + t * factor, sweepIndex, name, kind.substring(0, kind.length() - 1)));
                    }
                }
            }
            sweepIndex++;
        }
        if (sweepIndex == 0) throw new RecordingFormatException(file, "Neo block: expected at least one segment with analog signals but found none");
        b.sampleRateHz(rate);
    }
}
