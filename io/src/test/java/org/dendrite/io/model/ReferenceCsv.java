package org.dendrite.io.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A golden-reference CSV: header {@code name [unit]} per column, then rows of %.17g numbers. */
record ReferenceCsv(List<String> names, double[][] columns) {
    static ReferenceCsv read(Path p) throws IOException {
        return parse(Files.readAllLines(p));
    }

    /** A committed NEURON golden trace (models/validation/neuron/nrn822/CASE.csv.gz). */
    static ReferenceCsv golden(String c) {
        return parse(org.dendrite.engine.NeuronGolden.lines(c + ".csv"));
    }

    static ReferenceCsv parse(List<String> lines) {
        String[] header = lines.get(0).split(",");
        List<String> names = new ArrayList<>();
        for (String h : header) names.add(h.replaceAll(" \\[[^\\]]*\\]$", ""));
        double[][] cols = new double[header.length][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] f = lines.get(r).split(",");
            for (int c = 0; c < f.length; c++) cols[c][r - 1] = Double.parseDouble(f[c]);
        }
        return new ReferenceCsv(names, cols);
    }

    double[] column(String name) {
        int i = names.indexOf(name);
        return i < 0 ? null : columns[i];
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    static double range(double[] a) {
        return Arrays.stream(a).max().orElse(0) - Arrays.stream(a).min().orElse(0);
    }
}
