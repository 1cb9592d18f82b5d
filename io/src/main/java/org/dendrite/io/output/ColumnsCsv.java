package org.dendrite.io.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes named columns as CSV ({@code NAME [unit]} headers, shortest round-trip numbers). Columns may differ in
 * length (Vectors recorded at different intervals): shorter ones leave empty cells.
 */
public final class ColumnsCsv {
    private ColumnsCsv() {}

    public record Column(String name, String unit, double[] values) {
        String header() {
            String h = name + " [" + unit + "]";
            return h.contains(",") || h.contains("\"") ? '"' + h.replace("\"", "\"\"") + '"' : h;
        }
    }

    public static void write(List<Column> columns, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder();
            int rows = 0;
            for (int c = 0; c < columns.size(); c++) {
                sb.append(c == 0 ? "" : ",").append(columns.get(c).header());
                rows = Math.max(rows, columns.get(c).values().length);
            }
            w.write(sb.append('\n').toString());
            for (int r = 0; r < rows; r++) {
                sb.setLength(0);
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) sb.append(',');
                    double[] v = columns.get(c).values();
                    if (r < v.length) sb.append(v[r]);
                }
                w.write(sb.append('\n').toString());
            }
            w.flush();
        });
    }
}
