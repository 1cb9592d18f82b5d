package org.dendrite.engine.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.SharedData;

/** Test-only helpers: eFEL's whitespace-separated trace files and a minimal JSON reader for the oracles. */
final class EfelData {
    private EfelData() {}

    static Path file(String relative) {
        return SharedData.path("data/efel-testdata/" + relative);
    }

    /** Columns of a whitespace-separated numeric text file. */
    static double[][] columns(String relative) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file(relative))) {
            String s = line.trim();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] parts = s.split("[\\s,]+");
            double[] r = new double[parts.length];
            for (int k = 0; k < parts.length; k++) r[k] = Double.parseDouble(parts[k]);
            rows.add(r);
        }
        int nc = rows.get(0).length;
        double[][] cols = new double[nc][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int c = 0; c < nc; c++) cols[c][i] = rows.get(i)[c];
        return cols;
    }

    /** Parses JSON into Map / List / Double / String / Boolean / null. */
    static Object json(String relative) throws IOException {
        return new Parser(Files.readString(file(relative))).value();
    }

    private static final class Parser {
        private final String s;
        private int p;

        Parser(String s) { this.s = s; }

        Object value() {
            ws();
            char c = s.charAt(p);
            switch (c) {
                case '{': {
                    p++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(p) == '}') { p++; return m; }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(p) == ',') { p++; continue; }
                        expect('}');
                        return m;
                    }
                }
                case '[': {
                    p++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(p) == ']') { p++; return l; }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(p) == ',') { p++; continue; }
                        expect(']');
                        return l;
                    }
                }
                case '"': return string();
                default:
                    if (s.startsWith("null", p)) { p += 4; return null; }
                    if (s.startsWith("true", p)) { p += 4; return Boolean.TRUE; }
                    if (s.startsWith("false", p)) { p += 5; return Boolean.FALSE; }
                    if (s.startsWith("NaN", p)) { p += 3; return Double.NaN; }
                    int a = p;
                    while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) p++;
                    return Double.parseDouble(s.substring(a, p));
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (s.charAt(p) != '"') {
                char c = s.charAt(p++);
                if (c == '\\') {
                    char e = s.charAt(p++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'u' -> { sb.append((char) Integer.parseInt(s.substring(p, p + 4), 16)); p += 4; }
                        default -> sb.append(e);
                    }
                } else sb.append(c);
            }
            p++;
            return sb.toString();
        }

        private void expect(char c) {
            if (s.charAt(p) != c) throw new IllegalStateException("JSON: expected '" + c + "' at " + p);
            p++;
        }

        private void ws() {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) p++;
        }
    }

    /** numpy.allclose(actual, expected) with eFEL's test tolerance, same length, nulls matching. */
    static String compare(double[] actual, List<?> expected, double rtol, double atol) {
        if (expected == null) return actual == null ? null : "expected none, got " + java.util.Arrays.toString(head(actual));
        if (actual == null) return "expected " + expected.size() + " values, got none";
        if (actual.length != expected.size()) {
            return "length " + actual.length + " != expected " + expected.size() + "; got " + java.util.Arrays.toString(head(actual))
                    + " expected " + expected.subList(0, Math.min(6, expected.size()));
        }
        for (int k = 0; k < actual.length; k++) {
            double e = ((Number) expected.get(k)).doubleValue();
            if (!(Math.abs(actual[k] - e) <= atol + rtol * Math.abs(e))) {
                return "value [" + k + "] " + actual[k] + " != expected " + e;
            }
        }
        return null;
    }

    private static double[] head(double[] x) {
        return java.util.Arrays.copyOf(x, Math.min(6, x.length));
    }
}
