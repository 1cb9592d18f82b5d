package org.dendrite.io.recording.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Reads traces stored as text (the one text reader: {@code dendrite recording} and {@code dendrite features} both
 * read text through it, via {@link org.dendrite.io.recording.RecordingReaders}): CSV (comma or semicolon), TSV
 * (tab) or whitespace-separated columns, with or without a header line.
 * <ul>
 *   <li>Header names may carry units as {@code name [unit]}, {@code name (unit)} or {@code name_unit}
 *       ({@code t [ms]}, {@code voltage (mV)}, {@code v_mV}); in a whitespace-separated header a unit token
 *       ({@code t [ms] v [mV]}) belongs to the name before it. Quotes around names are removed.</li>
 *   <li>The time column is the one named {@code t}, {@code time} or {@code times} (any case), else the first column
 *       when there is no header; its unit is ms unless the header says s or us (converted to ms).</li>
 *   <li>A pandas index column (the first column, named {@code ""}, {@code index} or {@code Unnamed: 0}) is
 *       dropped.</li>
 *   <li>Without a header: two columns are eFEL's convention, time (ms) and voltage (mV); one column is a voltage
 *       trace (mV) that needs the sample interval from {@link Options#dtMs}; more columns are time (ms) then
 *       unnamed channels without units.</li>
 *   <li>Voltage columns named {@code v}, {@code vm}, {@code voltage}, {@code membrane_potential} or
 *       {@code v_soma}... without a unit are mV (the field's convention, as in the Dendritic Consortium ephys CSV);
 *       other columns without a unit have none.</li>
 *   <li>Lines starting with {@code #} or {@code %} are comments; an empty field is NaN, as are {@code nan}, and
 *       {@code inf}/{@code -inf} are infinities (numpy's spelling). Evenly spaced times (within 0.1 % of the mean
 *       step) give a uniform time base and a sample rate, still with the times as written
 *       ({@link TimeBase#uniformKeeping}: eFEL's files print float32 times, and features use them); otherwise the
 *       times are explicit (variable-step output).</li>
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
        return parse(file, options);
    }

    /** The growing columns of numbers. */
    private static final class Columns {
        double[][] data;
        int rows;

        Columns(int columns) {
            data = new double[columns][1024];
        }

        void add(double[] row) {
            if (rows == data[0].length) {
                for (int c = 0; c < data.length; c++) data[c] = Arrays.copyOf(data[c], rows * 2);
            }
            for (int c = 0; c < data.length; c++) data[c][rows] = row[c];
            rows++;
        }

        double[] column(int c) {
            return Arrays.copyOf(data[c], rows);
        }
    }

    private static Recording parse(Path file, Options options) {
        String format = null;
        char delimiter = 0;
        boolean header = false;
        String[] firstFields = null;
        int firstLine = 0;
        int columns = 0;
        String[] names = null, units = null;
        Columns cols = null;
        List<Integer> rowLines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String l;
            int n = 0;
            double[] row = null;
            while ((l = r.readLine()) != null) {
                n++;
                if (n == 1 && l.startsWith("\uFEFF")) l = l.substring(1); // byte-order mark of spreadsheet programs
                String s = l.strip();
                if (s.isEmpty() || s.charAt(0) == '#' || s.charAt(0) == '%') continue;
                if (format == null) {
                    if (s.indexOf(',') >= 0) {
                        format = "CSV";
                        delimiter = ',';
                    } else if (s.indexOf('\t') >= 0) {
                        format = "TSV";
                        delimiter = '\t';
                    } else if (s.indexOf(';') >= 0) {
                        format = "CSV";
                        delimiter = ';';
                    } else {
                        format = "text";
                        delimiter = ' ';
                    }
                    firstLine = n;
                    firstFields = split(s, delimiter);
                    for (String f : firstFields) {
                        if (!f.isEmpty() && !isNumber(f)) header = true;
                    }
                    if (header && delimiter == ' ') firstFields = mergeUnits(firstFields);
                    columns = firstFields.length;
                    names = new String[columns];
                    units = new String[columns];
                    headerNames(firstFields, header, names, units);
                    cols = new Columns(columns);
                    row = new double[columns];
                    if (header) continue;
                }
                String[] f = split(s, delimiter);
                if (f.length != columns) {
                    throw new RecordingFormatException(file, "line " + n + ": expected " + columns + " columns (as in"
                            + " line " + firstLine + ") but found " + f.length);
                }
                for (int c = 0; c < columns; c++) {
                    try {
                        row[c] = parse(f[c]);
                    } catch (NumberFormatException e) {
                        throw new RecordingFormatException(file, "line " + n + ", column " + (c + 1) + ": expected a"
                                + " number but found \"" + f[c] + "\"");
                    }
                }
                cols.add(row);
                rowLines.add(n);
            }
        } catch (IOException e) {
            throw new RecordingFormatException(file, "cannot read: " + e.getMessage(), e);
        }
        if (format == null) {
            throw new RecordingFormatException(file, "line 1: expected columns of numbers but the file has no data"
                    + " lines");
        }
        int rows = cols.rows;
        if (rows < 1) {
            throw new RecordingFormatException(file, "line " + (firstLine + 1) + ": expected data after the header"
                    + " line but the file ends");
        }

        // a pandas index column: the first column, named "", "index" or "Unnamed: 0"
        boolean[] drop = new boolean[columns];
        if (header && columns >= 2) {
            String n0 = names[0].toLowerCase(Locale.ROOT);
            if (n0.isEmpty() || n0.equals("index") || n0.equals("unnamed: 0")) drop[0] = true;
        }

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
                default -> throw new RecordingFormatException(file, "line " + firstLine + ": expected the time unit"
                        + " ms, s or us but found \"" + units[timeCol] + "\"");
            };
            double[] times = cols.column(timeCol);
            if (factor != 1.0) for (int i = 0; i < rows; i++) times[i] *= factor;
            for (int i = 1; i < rows; i++) {
                if (!(times[i] >= times[i - 1])) {
                    throw new RecordingFormatException(file, "line " + rowLines.get(i) + ": expected time to"
                            + " increase but " + times[i] + " ms follows " + times[i - 1] + " ms");
                }
            }
            time = TimeBases.fromStoredTimes(times);
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
                }
            } else if (unit.isEmpty() && isVoltageName(name)) {
                unit = "mV";
            }
            b.channel(name, unit);
            data.add(cols.column(c));
        }
        if (data.isEmpty()) {
            throw new RecordingFormatException(file, "expected at least one data column besides time but found none");
        }
        b.sampleRateHz(time.isUniform() ? 1000.0 / time.dtMs() : Double.NaN);
        b.sweep(new Sweep(0, 0, time, data.toArray(new double[0][]), List.of()));
        b.meta("delimiter", delimiter == ' ' ? "whitespace" : delimiter == '\t' ? "tab" : String.valueOf(delimiter))
                .meta("header", header)
                .meta("rows", rows)
                .meta("time_column", timeCol >= 0 ? (header ? firstFields[timeCol].strip() : "column " + (timeCol + 1))
                        : "none (dt given)");
        return b.build();
    }

    private static void headerNames(String[] fields, boolean header, String[] names, String[] units) {
        for (int c = 0; c < fields.length; c++) {
            names[c] = header ? fields[c].strip() : "";
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
    }

    /**
     * Splits a line at {@code delim}, or at runs of whitespace when it is a space; fields are stripped and unquoted.
     * Written out by hand: this is the loop that reads every line of large traces.
     */
    private static String[] split(String s, char delim) {
        List<String> parts = new ArrayList<>(4);
        int n = s.length();
        if (delim == ' ') {
            int k = 0;
            while (k < n) {
                while (k < n && Character.isWhitespace(s.charAt(k))) k++;
                if (k >= n) break;
                int start = k;
                while (k < n && !Character.isWhitespace(s.charAt(k))) k++;
                parts.add(unquote(s.substring(start, k)));
            }
        } else {
            int start = 0;
            for (int k = 0; k <= n; k++) {
                if (k == n || s.charAt(k) == delim) {
                    parts.add(unquote(s.substring(start, k).strip()));
                    start = k + 1;
                }
            }
        }
        return parts.toArray(new String[0]);
    }

    /** Joins the unit tokens of a whitespace-separated header ({@code t [ms] v [mV]}) to the name before them. */
    private static String[] mergeUnits(String[] parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (!out.isEmpty() && (p.startsWith("[") || p.startsWith("("))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + p);
            } else {
                out.add(p);
            }
        }
        return out.toArray(new String[0]);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** A number as Java, numpy or spreadsheets write it: also nan, inf, -inf in any case; an empty field is NaN. */
    private static double parse(String s) {
        if (s.isEmpty()) return Double.NaN;
        char c = s.charAt(0);
        if ((c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && s.length() > 1 && s.charAt(1) != 'i'
                && s.charAt(1) != 'I' && s.charAt(1) != 'n' && s.charAt(1) != 'N')) {
            return Double.parseDouble(s);
        }
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

    private static boolean isVoltageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("v") || n.equals("vm") || n.equals("voltage") || n.startsWith("v_")
                || n.equals("membrane_potential");
    }
}
