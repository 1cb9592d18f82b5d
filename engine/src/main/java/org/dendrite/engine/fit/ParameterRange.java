package org.dendrite.engine.fit;

import java.util.Arrays;
import java.util.Locale;

import org.dendrite.engine.DendriteException;

/**
 * A swept or fitted parameter: a name (see {@link ModelParameters}) with bounds [lower, upper], a number of grid
 * points, an optional log scale, or an explicit list of values. Written on the command line as
 * {@code NAME=FROM:TO:N}, {@code NAME=FROM:TO:N:log}, {@code NAME=FROM:TO} (for random, LHS and Sobol samplers) or
 * {@code NAME=V1,V2,V3}.
 */
public record ParameterRange(String name, double lower, double upper, int points, boolean log, double[] values) {
    public ParameterRange {
        if (values != null) {
            if (values.length == 0) throw new DendriteException(name + ": empty list of values");
            values = values.clone();
        } else {
            if (!(Double.isFinite(lower) && Double.isFinite(upper))) {
                throw new DendriteException(name + ": bounds must be finite numbers");
            }
            if (upper < lower) throw new DendriteException(name + ": upper bound " + upper + " below lower " + lower);
            if (log && !(lower > 0)) throw new DendriteException(name + ": a log scale needs bounds > 0");
            if (points < 1) throw new DendriteException(name + ": number of points must be >= 1");
        }
    }

    public static ParameterRange bounded(String name, double lower, double upper) {
        return new ParameterRange(name, lower, upper, 1, false, null);
    }

    /** Parses {@code NAME=FROM:TO[:N[:log]]} or {@code NAME=V1,V2,…}. */
    public static ParameterRange parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new DendriteException("'" + text + "': expected NAME=FROM:TO:N (e.g. somatic.gnabar_hh=0.08:0.16:5) "
                    + "or NAME=V1,V2,V3");
        }
        String name = text.substring(0, eq).trim(), spec = text.substring(eq + 1).trim();
        try {
            if (spec.contains(",") || !spec.contains(":")) {
                double[] v = Arrays.stream(spec.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
                return new ParameterRange(name, min(v), max(v), v.length, false, v);
            }
            String[] f = spec.split(":");
            if (f.length < 2 || f.length > 4) throw new NumberFormatException();
            double lo = Double.parseDouble(f[0]), hi = Double.parseDouble(f[1]);
            int n = f.length >= 3 ? Integer.parseInt(f[2]) : 1;
            boolean log = false;
            if (f.length == 4) {
                if (!f[3].equalsIgnoreCase("log") && !f[3].equalsIgnoreCase("lin")) throw new NumberFormatException();
                log = f[3].equalsIgnoreCase("log");
            }
            return new ParameterRange(name, lo, hi, n, log, null);
        } catch (NumberFormatException e) {
            throw new DendriteException("'" + text + "': expected NAME=FROM:TO:N[:log] or NAME=V1,V2,V3 with numbers");
        }
    }

    private static double min(double[] v) { return Arrays.stream(v).min().orElse(0); }
    private static double max(double[] v) { return Arrays.stream(v).max().orElse(0); }

    /** Number of grid values. */
    public int gridSize() {
        return values != null ? values.length : points;
    }

    /** The k-th grid value (endpoints included; one point means the middle). */
    public double gridValue(int k) {
        if (values != null) return values[k];
        if (points == 1) return fromUnit(0.5);
        return fromUnit((double) k / (points - 1));
    }

    /** Maps u in [0, 1] to the range (linearly, or log-uniformly); for a value list, picks a value. */
    public double fromUnit(double u) {
        if (values != null) return values[Math.min(values.length - 1, (int) Math.floor(u * values.length))];
        if (log) return Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower)));
        return lower + u * (upper - lower);
    }

    /** Inverse of {@link #fromUnit} for bounded ranges. */
    public double toUnit(double x) {
        if (upper == lower) return 0.5;
        if (log) return (Math.log(x) - Math.log(lower)) / (Math.log(upper) - Math.log(lower));
        return (x - lower) / (upper - lower);
    }

    @Override
    public String toString() {
        if (values != null) return name + "=" + String.join(",", Arrays.stream(values).mapToObj(Double::toString).toList());
        return String.format(Locale.ROOT, "%s=%s:%s:%d%s", name, lower, upper, points, log ? ":log" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterRange r && r.name.equals(name) && Double.compare(r.lower, lower) == 0
                && Double.compare(r.upper, upper) == 0 && r.points == points && r.log == log
                && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values) + Double.hashCode(lower) + Double.hashCode(upper);
    }
}
