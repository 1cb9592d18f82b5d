package org.dendrite.cli.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dendrite.io.output.AtomicFiles;

/**
 * The append-only results of a sweep: {@code results.jsonl} (one JSON object per finished run, the record of
 * truth) and {@code results.csv} (the same rows flattened, derived from the JSON lines).
 *
 * <p>Crash safety. Each run is appended as one complete line with one {@code write} call, first to the JSON lines,
 * then to the CSV; the data reach the operating system at once (so {@code kill -9} loses nothing that was
 * reported done) and are forced to disk at most once a second and at the end (a power cut loses at most the
 * last second). On opening, the JSON lines are validated: a torn last line (no newline, or not a complete JSON
 * object with a run index) is cut off, a repeated run index is dropped, and the CSV is rewritten from the valid
 * JSON lines, so the two files always agree and a resumed sweep neither loses nor duplicates a run.
 */
public final class ResultsLog implements AutoCloseable {
    public static final String JSONL = "results.jsonl", CSV = "results.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final CsvLayout layout;
    private final TreeMap<Integer, ObjectNode> rows = new TreeMap<>();
    private FileChannel jsonl, csv;
    private long lastForce = System.nanoTime();
    private int repairedBytes;

    /** Column layout of the CSV, fixed for a sweep. */
    public record CsvLayout(List<String> params, List<String> features, List<String> spikeSources) {
        String header() {
            List<String> cols = new ArrayList<>();
            cols.add("run");
            cols.addAll(params);
            cols.addAll(features);
            for (String s : spikeSources) cols.add("spikes:" + s);
            cols.add("error");
            return String.join(",", cols.stream().map(CsvLayout::quote).toList()) + "\n";
        }

        String line(JsonNode row) {
            List<String> cols = new ArrayList<>();
            cols.add(row.get("run").asText());
            JsonNode p = row.path("params");
            for (String n : params) cols.add(number(p.get(n)));
            JsonNode f = row.path("features");
            for (String n : features) {
                JsonNode v = f.get(n);
                if (v == null || v.isNull() || v.size() == 0) {
                    cols.add("");
                } else {
                    cols.add(mean(v));
                }
            }
            JsonNode sp = row.path("spikes");
            for (String n : spikeSources) cols.add(sp.has(n) ? Integer.toString(sp.get(n).size()) : "");
            JsonNode err = row.get("error");
            cols.add(err == null || err.isNull() ? "" : quote(err.asText()));
            return String.join(",", cols) + "\n";
        }

        /** Mean of a feature's values (the value itself for one-value features); empty when none is finite. */
        static String mean(JsonNode v) {
            double s = 0;
            int n = 0;
            for (JsonNode x : v) {
                if (x.isNumber()) {
                    s += x.asDouble();
                    n++;
                }
            }
            return n == 0 ? "" : Double.toString(s / n);
        }

        private static String number(JsonNode n) {
            return n == null || n.isNull() ? "" : Double.toString(n.asDouble());
        }

        static String quote(String s) {
            if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
            return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
        }
    }

    private ResultsLog(Path dir, CsvLayout layout) {
        this.dir = dir;
        this.layout = layout;
    }

    /** Opens (creating or recovering) the results in {@code dir}. */
    public static ResultsLog open(Path dir, CsvLayout layout) throws IOException {
        Files.createDirectories(dir);
        ResultsLog log = new ResultsLog(dir, layout);
        Path j = dir.resolve(JSONL);
        if (Files.exists(j)) log.recover(j);
        log.rewriteCsv();
        log.jsonl = FileChannel.open(j, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        log.csv = FileChannel.open(dir.resolve(CSV), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return log;
    }

    /** Reads valid rows of a results.jsonl without changing it (for merge). */
    public static TreeMap<Integer, ObjectNode> read(Path jsonl) throws IOException {
        ResultsLog log = new ResultsLog(jsonl.getParent(), null);
        log.parse(Files.readAllBytes(jsonl));
        return log.rows;
    }

    /** Parses valid lines into rows; returns the byte length of the valid prefix. */
    private long parse(byte[] bytes) {
        int start = 0;
        long valid = 0;
        while (start < bytes.length) {
            int nl = -1;
            for (int k = start; k < bytes.length; k++) {
                if (bytes[k] == '\n') {
                    nl = k;
                    break;
                }
            }
            if (nl < 0) break; // torn last line
            String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
            ObjectNode row = parseRow(line);
            if (row == null) break; // corrupt: everything from here is redone
            rows.putIfAbsent(row.get("run").asInt(), row);
            start = nl + 1;
            valid = start;
        }
        return valid;
    }

    private static ObjectNode parseRow(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n instanceof ObjectNode o && o.has("run") && o.get("run").canConvertToInt() && o.has("params")) return o;
        } catch (IOException | RuntimeException e) {
            // not a complete row
        }
        return null;
    }

    private void recover(Path j) throws IOException {
        byte[] bytes = Files.readAllBytes(j);
        long valid = parse(bytes);
        if (valid < bytes.length) {
            repairedBytes = (int) (bytes.length - valid);
            try (FileChannel ch = FileChannel.open(j, StandardOpenOption.WRITE)) {
                ch.truncate(valid);
                ch.force(true);
            }
        }
        // a repeated run index (possible only if a file was edited) is dropped by rewriting without it
        long lines = 0;
        for (int k = 0; k < valid; k++) if (bytes[k] == '\n') lines++;
        if (lines != rows.size()) writeJsonl(j, rows);
    }

    private static void writeJsonl(Path j, Map<Integer, ObjectNode> rows) throws IOException {
        AtomicFiles.write(j, out -> {
            for (ObjectNode r : rows.values()) out.write((JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8));
        });
    }

    private void rewriteCsv() throws IOException {
        AtomicFiles.write(dir.resolve(CSV), out -> {
            out.write(layout.header().getBytes(StandardCharsets.UTF_8));
            for (ObjectNode r : rows.values()) out.write(layout.line(r).getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Bytes of a torn or corrupt tail removed on opening (0 when the files were intact). */
    public int repairedBytes() {
        return repairedBytes;
    }

    public boolean isDone(int run) {
        return rows.containsKey(run);
    }

    public int doneCount() {
        return rows.size();
    }

    public Map<Integer, ObjectNode> rows() {
        return rows;
    }

    /** Appends one finished run (ignored if that run is already recorded). */
    public void append(ObjectNode row) throws IOException {
        int run = row.get("run").asInt();
        if (rows.containsKey(run)) return;
        writeFully(jsonl, (JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8));
        writeFully(csv, layout.line(row).getBytes(StandardCharsets.UTF_8));
        rows.put(run, row);
        if (System.nanoTime() - lastForce > 1_000_000_000L) force();
    }

    private static void writeFully(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) ch.write(b);
    }

    private void force() throws IOException {
        jsonl.force(false);
        csv.force(false);
        lastForce = System.nanoTime();
    }

    /** Rewrites both files in run order (once a sweep is complete; atomic, so a kill leaves old or new). */
    public void sortFiles() throws IOException {
        force();
        writeJsonl(dir.resolve(JSONL), rows);
        rewriteCsv();
        jsonl.close();
        csv.close();
        jsonl = FileChannel.open(dir.resolve(JSONL), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        csv = FileChannel.open(dir.resolve(CSV), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public void close() throws IOException {
        if (jsonl != null && jsonl.isOpen()) {
            force();
            jsonl.close();
            csv.close();
        }
    }

    /** Rows sorted by run, as a list. */
    public static List<ObjectNode> sorted(Map<Integer, ObjectNode> rows) {
        List<ObjectNode> l = new ArrayList<>(rows.values());
        l.sort(Comparator.comparingInt(r -> r.get("run").asInt()));
        return l;
    }

}
