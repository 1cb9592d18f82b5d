package org.dendrite.cli.features;

import java.util.Locale;
import java.util.Map;

import org.dendrite.engine.analysis.FeatureRegistry;

/** Formats feature values as JSON or as a readable table. */
public final class FeatureOutput {
    private FeatureOutput() {}

    /** {"name": value | [values] | null, ...}: scalar features as a number, per-spike features as a list. */
    public static String json(Map<String, double[]> values) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            sb.append(first ? "\n  " : ",\n  ");
            first = false;
            sb.append('"').append(e.getKey()).append("\": ");
            double[] x = e.getValue();
            boolean integer = FeatureRegistry.isInteger(e.getKey());
            if (x == null) {
                sb.append("null");
            } else if (FeatureRegistry.isScalar(e.getKey()) && x.length == 1) {
                sb.append(number(x[0], integer));
            } else {
                sb.append('[');
                for (int k = 0; k < x.length; k++) sb.append(k == 0 ? "" : ", ").append(number(x[k], integer));
                sb.append(']');
            }
        }
        return sb.append(first ? "}" : "\n}").toString();
    }

    public static String number(double x, boolean integer) {
        if (!Double.isFinite(x)) return "null";
        if (integer && x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        return Double.toString(x);
    }

    /** One line per feature: name, then the value or the first values of the list and their count. */
    public static String table(Map<String, double[]> values) {
        int width = 10;
        for (String n : values.keySet()) width = Math.max(width, n.length());
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] x = e.getValue();
            boolean integer = FeatureRegistry.isInteger(e.getKey());
            String shown;
            if (x == null) {
                shown = "-";
            } else if (FeatureRegistry.isScalar(e.getKey()) && x.length == 1) {
                shown = brief(x[0], integer);
            } else {
                StringBuilder l = new StringBuilder("[");
                int n = Math.min(x.length, 6);
                for (int k = 0; k < n; k++) l.append(k == 0 ? "" : ", ").append(brief(x[k], integer));
                if (x.length > n) l.append(", ...");
                l.append("]  (").append(x.length).append(x.length == 1 ? " value)" : " values)");
                shown = l.toString();
            }
            sb.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", e.getKey(), shown));
        }
        return sb.toString();
    }

    private static String brief(double x, boolean integer) {
        if (integer && x == Math.rint(x)) return Long.toString((long) x);
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
