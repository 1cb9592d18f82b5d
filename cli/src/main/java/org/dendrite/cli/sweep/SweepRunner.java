package org.dendrite.cli.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dendrite.cli.fit.Models;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.analysis.FeatureSettings;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.fit.Evaluator;
import org.dendrite.engine.fit.ModelParameters;
import org.dendrite.engine.fit.ParameterRange;
import org.dendrite.engine.fit.Protocol;
import org.dendrite.engine.fit.Sampler;
import org.dendrite.engine.fit.Sweep;
import org.dendrite.engine.fit.Workers;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.output.AtomicFiles;

/** Runs (or resumes) a sweep into a results directory; the engine of {@code dendrite sweep}. */
public final class SweepRunner {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String DEFINITION = "sweep.json";

    /** What happened. */
    public record Outcome(long total, int done, int ranNow, int failed, double seconds, int repairedBytes,
                          boolean complete, String where) {}

    /** Opens the evaluator once the results folder is checked (so a refused sweep starts no cluster job). */
    public interface EvaluatorSource {
        Evaluator open() throws IOException;
    }

    private SweepRunner() {}

    /** Shard "i/N" (0 <= i < N) or null for the whole sweep. */
    public static int[] parseShard(String shard) {
        if (shard == null) return new int[] {0, 1};
        String[] f = shard.split("/");
        try {
            int i = Integer.parseInt(f[0].trim()), n = Integer.parseInt(f[1].trim());
            if (f.length == 2 && n >= 1 && i >= 0 && i < n) return new int[] {i, n};
        } catch (RuntimeException e) {
            // fall through
        }
        throw new DendriteException("--shard '" + shard + "': expected i/N with 0 <= i < N (e.g. 0/4 … 3/4)");
    }

    public static Sweep build(SweepDefinition def, ModelSpec spec) {
        List<ParameterRange> ranges = new ArrayList<>();
        for (String p : def.params) ranges.add(ParameterRange.parse(p));
        FeatureSettings settings = new FeatureSettings();
        def.efel.forEach(settings::set);
        Protocol protocol = new Protocol("sweep", def.set, Double.NaN, Double.NaN);
        return new Sweep(new ModelParameters(spec), ranges, Sampler.parse(def.sampler), def.samples, def.seed,
                def.features, def.probe, protocol, settings);
    }

    /**
     * Runs every run of the shard not yet in {@code dir}. {@code stopAfter} > 0 stops after that many new runs
     * (tests use it to simulate a kill).
     */
    public static Outcome run(SweepDefinition def, Path modelPath, Path dir, int threads, String shardText,
                              int stopAfter, boolean quiet, PrintStream err) throws IOException {
        return run(def, modelPath, dir, () -> new Workers(threads), shardText, stopAfter, quiet, err);
    }

    /** As above, evaluating on the given backend; rows are written here, in the same way for every backend. */
    public static Outcome run(SweepDefinition def, Path modelPath, Path dir, EvaluatorSource evaluators, String shardText,
                              int stopAfter, boolean quiet, PrintStream err) throws IOException {
        List<Path> mod = def.mod.stream().map(Path::of).toList();
        ModelSpec spec = Models.load(modelPath, mod);
        Sweep sweep = build(def, spec);
        int[] shard = parseShard(shardText);
        List<String> spikeSources = new ArrayList<>(Simulation.compile(spec).spikeSources().keySet());
        ObjectNode identity0 = def.toJson(Models.fingerprint(modelPath, mod), shard[1] == 1 ? null : shard[0] + "/" + shard[1],
                sweep.size());
        // normalised through text, as it is compared with what is read back from the file
        ObjectNode identity = (ObjectNode) JSON.readTree(JSON.writeValueAsBytes(identity0));
        Files.createDirectories(dir);
        Path defFile = dir.resolve(DEFINITION);
        if (Files.exists(defFile)) {
            ObjectNode old = (ObjectNode) JSON.readTree(defFile.toFile());
            // the model is identified by its contents (model_sha256), not by how its path was written
            ObjectNode a = old.deepCopy(), b = identity.deepCopy();
            a.remove("model");
            b.remove("model");
            if (!a.equals(b)) {
                throw new DendriteException(dir + " holds results of a different sweep (" + defFile + " differs: "
                        + difference(old, identity) + "); give another --out, or delete " + dir + " to start over");
            }
        } else {
            byte[] bytes = JSON.writeValueAsBytes(identity);
            AtomicFiles.write(defFile, out -> out.write(bytes));
        }
        ResultsLog.CsvLayout layout = new ResultsLog.CsvLayout(def.params.stream().map(p -> p.substring(0, p.indexOf('=')).trim()).toList(),
                sweep.features(), spikeSources);
        List<Integer> todo = new ArrayList<>();
        int mine = 0;
        long start = System.nanoTime();
        int[] ran = {0}, failed = {0};
        try (ResultsLog log = ResultsLog.open(dir, layout)) {
            for (int i = shard[0]; i < sweep.size(); i += shard[1]) {
                mine++;
                if (!log.isDone(i)) todo.add(i);
            }
            if (log.repairedBytes() > 0 && !quiet) {
                err.printf(Locale.ROOT, "recovered %s: cut %d bytes of a torn last line%n", dir.resolve(ResultsLog.JSONL),
                        log.repairedBytes());
            }
            if (!quiet && log.doneCount() > 0 && !todo.isEmpty()) {
                err.printf(Locale.ROOT, "resuming: %d of %d runs already done%n", mine - todo.size(), mine);
            }
            Path traceDir = dir.resolve("traces");
            int[] indices = todo.stream().mapToInt(Integer::intValue).toArray();
            String where;
            try (Evaluator workers = evaluators.open();
                 RunProgress progress = new RunProgress("sweep", mine, mine - indices.length, quiet, err)) {
                where = workers.describe();
                IOException[] ioError = new IOException[1];
                workers.runs(sweep, indices, def.traces, (index, row) -> {
                    try {
                        if (def.traces && row.time() != null) writeTrace(traceDir, row);
                        log.append(toJson(row, layout.params()));
                    } catch (IOException e) {
                        ioError[0] = e;
                        return false;
                    }
                    ran[0]++;
                    if (row.error() != null) failed[0]++;
                    progress.step(null);
                    return stopAfter <= 0 || ran[0] < stopAfter;
                });
                if (ioError[0] != null) throw ioError[0];
            }
            boolean complete = log.doneCount() == mine;
            if (complete) {
                log.sortFiles();
                SweepPlot.write(dir.resolve("summary.png"), layout, log.rows().values());
            }
            return new Outcome(mine, log.doneCount(), ran[0], failed[0], (System.nanoTime() - start) / 1e9,
                    log.repairedBytes(), complete, where);
        }
    }

    private static String difference(JsonNode a, JsonNode b) {
        List<String> d = new ArrayList<>();
        b.fieldNames().forEachRemaining(k -> {
            if (!b.get(k).equals(a.get(k))) d.add(k);
        });
        return d.isEmpty() ? "fields" : String.join(", ", d);
    }

    static ObjectNode toJson(Sweep.Row row, List<String> params) {
        ObjectNode o = JSON.createObjectNode();
        o.put("run", row.index());
        ObjectNode p = o.putObject("params");
        for (int i = 0; i < params.size(); i++) p.put(params.get(i), row.values()[i]);
        ObjectNode f = o.putObject("features");
        for (Map.Entry<String, double[]> e : row.features().entrySet()) array(f, e.getKey(), e.getValue());
        ObjectNode s = o.putObject("spikes");
        for (Map.Entry<String, double[]> e : row.spikes().entrySet()) array(s, e.getKey(), e.getValue());
        if (row.error() == null) o.putNull("error");
        else o.put("error", row.error());
        return o;
    }

    private static void array(ObjectNode parent, String key, double[] v) {
        if (v == null) {
            parent.putNull(key);
            return;
        }
        ArrayNode a = parent.putArray(key);
        for (double x : v) {
            if (Double.isFinite(x)) a.add(x);
            else a.addNull();
        }
    }

    private static void writeTrace(Path traceDir, Sweep.Row row) throws IOException {
        Path f = traceDir.resolve(String.format(Locale.ROOT, "run_%06d.csv", row.index()));
        AtomicFiles.write(f, out -> {
            StringBuilder sb = new StringBuilder("t [ms],v [mV]\n");
            for (int i = 0; i < row.time().length; i++) sb.append(row.time()[i]).append(',').append(row.trace()[i]).append('\n');
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        });
    }
}
