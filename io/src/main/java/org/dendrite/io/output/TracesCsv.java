package org.dendrite.io.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.dendrite.engine.record.Probe;
import org.dendrite.engine.record.Traces;

/**
 * Writes recorded traces as CSV: first column {@code t [ms]}, then one column per recording named
 * {@code NAME [unit]}; numbers in Java's shortest round-trip form, so they parse back to the exact doubles.
 */
public final class TracesCsv {
    private TracesCsv() {}

    public static void write(Traces traces, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder(256);
            sb.append("t [ms]");
            for (Probe p : traces.probes()) sb.append(',').append(quote(p.header()));
            w.write(sb.append('\n').toString());
            int cols = traces.probes().size();
            for (int r = 0; r < traces.rows(); r++) {
                sb.setLength(0);
                sb.append(traces.timeAt(r));
                for (int c = 0; c < cols; c++) sb.append(',').append(traces.value(r, c));
                w.write(sb.append('\n').toString());
            }
            w.flush();
        });
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
