package org.dendrite.io.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a voltage trace from a delimited text file: eFEL's two-column (time ms, voltage mV) files, CSV/TSV with or
 * without a header, space- or comma-separated, with '#' or '%' comment lines.
 *
 * <p>Columns: with a header, the time column is the one named {@code time}/{@code t} (any unit suffix) and the
 * voltage column the one named {@code voltage}/{@code v}/{@code vm}; a leading pandas index column (empty name or
 * {@code index}) is skipped. Without a header, column 0 is time and column 1 voltage; a single column is voltage
 * sampled at {@link Options#dtMs}. Units from a header ({@code t [s]}, {@code time (s)}, {@code v [V]}) are
 * converted to ms and mV.
 */
public final class TextTraceReader {
    /** Reading options; all optional. */
    public record Options(int timeColumn, int voltageColumn, double dtMs) {
        /** Columns found from the header (or 0 and 1), no fixed step. */
        public static Options defaults() {
            return new Options(-1, -1, Double.NaN);
        }

        public Options withVoltageColumn(int column) {
            return new Options(timeColumn, column, dtMs);
        }

        public Options withTimeColumn(int column) {
            return new Options(column, voltageColumn, dtMs);
        }

        /** The sample interval [ms] of a file that holds voltage only. */
        public Options withDtMs(double dt) {
            return new Options(timeColumn, voltageColumn, dt);
        }
    }

    private TextTraceReader() {}

    public static TextTrace read(Path file) throws IOException {
        return read(file, Options.defaults());
    }

    public static TextTrace read(Path file, Options options) throws IOException {
        String[] header = null;
        int headerLine = 0;
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (lineNo == 1 && s.startsWith("\uFEFF")) s = s.substring(1);
                if (s.isEmpty() || s.startsWith("#") || s.startsWith("%")) continue;
                String[] parts = split(s);
                double[] row = new double[parts.length];
                boolean numeric = true;
                for (int k = 0; k < parts.length; k++) {
                    try {
                        row[k] = parts[k].isEmpty() ? Double.NaN : Double.parseDouble(parts[k]);
                    } catch (NumberFormatException e) {
                        numeric = false;
                        break;
                    }
                }
                if (!numeric) {
                    if (rows.isEmpty() && header == null) {
                        header = parts;
                        headerLine = lineNo;
                        continue;
                    }
                    throw new TraceFormatException(file, lineNo, "not a number in '" + abbreviate(s) + "'");
                }
                if (width < 0) width = row.length;
                else if (row.length != width) {
                    throw new TraceFormatException(file, lineNo, "expected " + width + " columns, found " + row.length);
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) throw new TraceFormatException(file, 0, "no numeric samples");
        if (header != null && header.length != width) header = mergeUnits(header);
        if (header != null && header.length != width) {
            throw new TraceFormatException(file, headerLine, "header names " + header.length + " columns, data has " + width);
        }
        int tc = options.timeColumn(), vc = options.voltageColumn();
        int first = 0;
        if (header != null) {
            String h0 = header[0].strip().toLowerCase(Locale.ROOT);
            if (width > 1 && (h0.isEmpty() || h0.equals("index") || h0.equals("unnamed: 0"))) first = 1;
            if (tc < 0) tc = find(header, "time", "t");
            if (vc < 0) vc = find(header, "voltage", "v", "vm", "v_m");
        }
        boolean generatedTime = false;
        if (width - first == 1 && tc < 0) {
            if (Double.isNaN(options.dtMs())) {
                throw new TraceFormatException(file, 0, "one column only: give the sample interval (dt) to read it as voltage");
            }
            generatedTime = true;
            if (vc < 0) vc = first;
        } else {
            if (tc < 0) tc = first;
            if (vc < 0) vc = tc + 1 < width ? tc + 1 : first;
        }
        if (vc >= width || (!generatedTime && tc >= width)) {
            throw new TraceFormatException(file, 0, "column out of range: the file has " + width + " columns");
        }
        double tScale = 1, vScale = 1;
        if (header != null) {
            if (!generatedTime) tScale = timeScale(header[tc]);
            vScale = voltageScale(header[vc]);
        }
        int n = rows.size();
        double[] t = new double[n], v = new double[n];
        for (int k = 0; k < n; k++) {
            double[] r = rows.get(k);
            t[k] = generatedTime ? k * options.dtMs() : r[tc] * tScale;
            v[k] = r[vc] * vScale;
        }
        for (int k = 1; k < n; k++) {
            if (!(t[k] >= t[k - 1])) {
                throw new TraceFormatException(file, 0, "time decreases at sample " + k + " (" + t[k - 1] + " then " + t[k] + " ms)");
            }
        }
        return new TextTrace(t, v, generatedTime ? -1 : tc, vc);
    }

    /** Splits a line at commas, else semicolons, else runs of whitespace (no regular expressions: hot loop). */
    private static String[] split(String s) {
        char delim = s.indexOf(',') >= 0 ? ',' : s.indexOf(';') >= 0 ? ';' : ' ';
        List<String> parts = new ArrayList<>(4);
        int n = s.length(), start = 0;
        if (delim == ' ') {
            int k = 0;
            while (k < n) {
                while (k < n && Character.isWhitespace(s.charAt(k))) k++;
                if (k >= n) break;
                start = k;
                while (k < n && !Character.isWhitespace(s.charAt(k))) k++;
                parts.add(unquote(s.substring(start, k)));
            }
        } else {
            for (int k = 0; k <= n; k++) {
                if (k == n || s.charAt(k) == delim) {
                    parts.add(unquote(s.substring(start, k).strip()));
                    start = k + 1;
                }
            }
        }
        return parts.toArray(new String[0]);
    }

    /** Joins unit tokens of a whitespace-separated header ("t [ms] v [mV]") to the name before them. */
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

    /** The column whose name (without a unit suffix) is one of the given names, or -1. */
    private static int find(String[] header, String... names) {
        for (int k = 0; k < header.length; k++) {
            String base = baseName(header[k]);
            for (String n : names) if (base.equals(n)) return k;
        }
        return -1;
    }

    private static String baseName(String h) {
        String s = h.toLowerCase(Locale.ROOT).strip();
        int cut = s.length();
        for (char c : new char[] {'[', '(', ' '}) {
            int i = s.indexOf(c);
            if (i >= 0) cut = Math.min(cut, i);
        }
        s = s.substring(0, cut);
        for (String suffix : new String[] {"_ms", "_s", "_mv", "_v"}) {
            if (s.endsWith(suffix) && s.length() > suffix.length()) return s.substring(0, s.length() - suffix.length());
        }
        return s;
    }

    static String unit(String h) {
        String s = h.toLowerCase(Locale.ROOT).strip();
        int a = s.indexOf('['), b = s.indexOf(']');
        if (a >= 0 && b > a) return s.substring(a + 1, b).strip();
        a = s.indexOf('(');
        b = s.indexOf(')');
        if (a >= 0 && b > a) return s.substring(a + 1, b).strip();
        for (String suffix : new String[] {"_ms", "_s", "_mv", "_v"}) if (s.endsWith(suffix)) return suffix.substring(1);
        return "";
    }

    private static double timeScale(String header) {
        return switch (unit(header)) {
            case "s", "sec" -> 1000.0;
            case "us" -> 1e-3;
            default -> 1.0; // ms (or unstated)
        };
    }

    private static double voltageScale(String header) {
        return switch (unit(header)) {
            case "v" -> 1000.0;
            case "uv" -> 1e-3;
            default -> 1.0; // mV (or unstated)
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

}
