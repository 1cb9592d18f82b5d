package org.dendrite.io.recording.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.dendrite.engine.recording.TimeBase;
import org.dendrite.io.recording.RecordingFormatException;
import org.dendrite.io.recording.TimeBases;

/**
 * Reads traces stored as text: CSV (comma), TSV (tab) or whitespace-separated columns, with or without a header line.
 * <ul>
 *   <li>Header names may carry units as {@code name [unit]}, {@code name (unit)} or {@code name_unit}
 *       ({@code t [ms]}, {@code voltage (mV)}, {@code v_mV}).</li>
 *   <li>The time column is the one named {@code t}, {@code time} or {@code times} (any case), else the first column
 *       when there is no header; its unit is ms unless the header says s or us (converted to ms).</li>
 *   <li>A pandas index column (empty header name, integer values 0, 1, 2...) is dropped.</li>
 *   <li>Without a header: two columns are eFEL's convention, time (ms) and voltage (mV); one column is a voltage
 *       trace (mV) that needs the sample interval from {@link Options#dtMs}; more columns are time (ms) then
 *       unnamed channels without units.</li>
 *   <li>Voltage columns named {@code v}, {@code vm}, {@code voltage} or {@code v_soma}... without a unit are mV (the
 *       field's convention, as in the Dendritic Consortium ephys CSV); other columns without a unit have none.</li>
 *   <li>Lines starting with {@code #} are comments. Evenly spaced times (within 0.1 % of the mean step) give a
 *       uniform time base and a sample rate; otherwise the times are kept as they are (variable-step output).</li>
 * </ul>
 * One file is one sweep.
 */
public final class TextRecordingReader {
    /** Reading options: {@code dtMs} is the sample interval for files without a time column (NaN: none given). */
    public record Options(double dtMs) {
        public static final Options DEFAULT = new Options(Double.NaN);
    }

    private static final Pattern BRACKET_UNIT = Pattern.compile("^(.*?)\\s*[\\[(]\\s*([^\\])]*)\\s*[\\])]\\s*$");
    private static final Pattern UNDERSCORE_UNIT = Pattern.compile("^(.*?)_(ms|s|us|mV|V|uV|nA|pA|uA|A|Hz|uS|nS)$");

    private TextRecordingReader() {}

    public static Recording read(Path file) {
        return read(file, Options.DEFAULT);
    }

    public static Recording read(Path file, Options options) {
        List<String> lines = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String l;
            int n = 0;
            while ((l = r.readLine()) != null) {
                n++;
                if (n == 1 && l.startsWith("\uFEFF")) l = l.substring(1); // byte-order mark written by some spreadsheet programs
                String s = l.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                lines.add(s);
                lineNumbers.add(n);
            }
        } catch (IOException e) {
            throw new RecordingFormatException(file, "cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new RecordingFormatException(file, "line 1: expected columns of numbers but the file has no data lines");

        String first = lines.get(0);
        String format;
        String delimiter;
        if (first.contains(",")) {
            format = "CSV";
            delimiter = ",";
        } else if (first.contains("\t")) {
            format = "TSV";
            delimiter = "\t";
        } else if (first.contains(";")) {
            format = "CSV";
            delimiter = ";";
        } else {
            format = "text";
            delimiter = "\\s+";
        }
        String[] firstFields = split(first, delimiter);
        boolean header = false;
        for (String f : firstFields) {
            if (!f.isEmpty() && !isNumber(f)) header = true;
        }
        int columns = firstFields.length;
        String[] names = new String[columns];
        String[] units = new String[columns];
        for (int c = 0; c < columns; c++) {
            names[c] = header ? firstFields[c].strip() : "";
            units[c] = "";
            if (header) {
                Matcher m = BRACKET_UNIT.matcher(names[c]);
                Matcher u = UNDERSCORE_UNIT.matcher(names[c]);
                if (m.matches()) {
                    names[c] = m.group(1).strip();
                    units[c] = m.group(2).strip();
                } else if (u.matches()) {
                    names[c] = u.group(1);
                    units[c] = u.group(2);
                }
            }
        }

        int start = header ? 1 : 0;
        int rows = lines.size() - start;
        if (rows < 1) throw new RecordingFormatException(file, "line " + (lineNumbers.get(0) + 1) + ": expected data after the header line but the file ends");
        double[][] cols = new double[columns][rows];
        for (int i = 0; i < rows; i++) {
            String[] f = split(lines.get(start + i), delimiter);
            int lineNo = lineNumbers.get(start + i);
            if (f.length != columns) {
                throw new RecordingFormatException(file, "line " + lineNo + ": expected " + columns + " columns (as in line "
                        + lineNumbers.get(0) + ") but found " + f.length);
            }
            for (int c = 0; c < columns; c++) {
                try {
                    cols[c][i] = parse(f[c]);
                } catch (NumberFormatException e) {
                    throw new RecordingFormatException(file, "line " + lineNo + ", column " + (c + 1) + ": expected a number but found \"" + f[c] + "\"");
                }
            }
        }

        // a pandas index column: empty name and 0, 1, 2...
        boolean[] drop = new boolean[columns];
        if (header && names[0].isEmpty() && isIndex(cols[0])) drop[0] = true;

        int timeCol = -1;
        for (int c = 0; c < columns; c++) {
            if (drop[c]) continue;
            String n = names[c].toLowerCase(Locale.ROOT);
            if (n.equals("t") || n.equals("time") || n.equals("times")) {
                timeCol = c;
                break;
            }
        }
        int kept = 0;
        for (int c = 0; c < columns; c++) if (!drop[c]) kept++;
        if (timeCol < 0 && !header && kept >= 2) timeCol = 0;

        TimeBase time;
        if (timeCol >= 0) {
            double factor = switch (units[timeCol].toLowerCase(Locale.ROOT)) {
                case "", "ms", "msec" -> 1.0;
                case "s", "sec" -> 1000.0;
                case "us" -> 0.001;
                default -> throw new RecordingFormatException(file, "line " + lineNumbers.get(0) + ": expected the time unit ms, s or us but found \""
                        + units[timeCol] + "\"");
            };
            double[] t = cols[timeCol];
            for (int i = 0; i < t.length; i++) t[i] *= factor;
            for (int i = 1; i < t.length; i++) {
                if (!(t[i] >= t[i - 1])) {
                    throw new RecordingFormatException(file, "line " + lineNumbers.get(start + i) + ": expected time to increase but " + t[i]
                            + " ms follows " + t[i - 1] + " ms");
                }
            }
            time = TimeBases.fromTimes(t);
            drop[timeCol] = true;
        } else {
            if (!(options.dtMs() > 0)) {
                throw new RecordingFormatException(file, "the file has no time column (" + kept + " column(s), "
                        + (header ? "header without t/time" : "no header") + "): give the sample interval (--dt MS)");
            }
            time = TimeBase.uniform(0, options.dtMs(), rows);
        }

        Recording.Builder b = Recording.builder(file.getFileName().toString(), format);
        List<double[]> data = new ArrayList<>();
        int unnamed = 0;
        int remaining = 0;
        for (int c = 0; c < columns; c++) if (!drop[c]) remaining++;
        for (int c = 0; c < columns; c++) {
            if (drop[c]) continue;
            String name = names[c];
            String unit = units[c];
            if (name.isEmpty()) {
                if (!header && remaining == 1) {
                    name = "V";
                    unit = "mV";
                } else {
                    name = "col" + (c + 1);
                    unnamed++;
                }
            } else if (unit.isEmpty() && isVoltageName(name)) {
                unit = "mV";
            }
            b.channel(name, unit);
            data.add(cols[c]);
        }
        if (data.isEmpty()) throw new RecordingFormatException(file, "expected at least one data column besides time but found none");
        b.sampleRateHz(time.isUniform() ? 1000.0 / time.dtMs() : Double.NaN);
        b.sweep(new Sweep(0, 0, time, data.toArray(new double[0][]), List.of()));
        b.meta("delimiter", delimiter.equals("\\s+") ? "whitespace" : delimiter.equals("\t") ? "tab" : delimiter)
                .meta("header", header)
                .meta("rows", rows)
                .meta("time_column", timeCol >= 0 ? (header ? firstFields[timeCol].strip() : "column " + (timeCol + 1)) : "none (dt given)");
        return b.build();
    }

    private static String[] split(String line, String delimiter) {
        String[] f = line.strip().split(delimiter, -1);
        for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
        return f;
    }

    /** A number as Java, numpy or spreadsheets write it: also nan, inf, -inf in any case. */
    private static double parse(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                return Double.parseDouble(s);
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            parse(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isIndex(double[] x) {
        for (int i = 0; i < x.length; i++) if (x[i] != i) return false;
        return true;
    }

    private static boolean isVoltageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("v") || n.equals("vm") || n.equals("voltage") || n.startsWith("v_") || n.equals("membrane_potential");
    }
}
