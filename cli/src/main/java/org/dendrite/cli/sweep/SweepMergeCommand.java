package org.dendrite.cli.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dendrite.engine.DendriteException;
import org.dendrite.io.output.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite sweep merge}: join the results folders of shards into one. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join the results of a sharded sweep (dendrite sweep --shard i/N) into one folder:",
                "checks that every shard ran the same sweep, keeps each run once, sorts by run index, writes",
                "OUT/results.jsonl, OUT/results.csv, OUT/sweep.json and OUT/summary.png, and lists missing runs.",
                "",
                "Example:",
                "  dendrite sweep merge --out sw/all sw/shard0 sw/shard1 sw/shard2 sw/shard3"})
public final class SweepMergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "results folders of the shards")
    List<Path> dirs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", required = true, description = "folder for the merged results")
    Path out;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ObjectNode def = null;
        TreeMap<Integer, ObjectNode> rows = new TreeMap<>();
        for (Path d : dirs) {
            Path f = d.resolve(SweepRunner.DEFINITION);
            if (!Files.exists(f)) throw new DendriteException(d + ": no " + SweepRunner.DEFINITION + " (not a sweep results folder)");
            ObjectNode x = (ObjectNode) SweepRunner.JSON.readTree(f.toFile());
            x.putNull("shard");
            x.remove("model");
            if (def == null) def = x;
            else if (!def.equals(x)) throw new DendriteException(d + " ran a different sweep than " + dirs.get(0));
            Path j = d.resolve(ResultsLog.JSONL);
            if (Files.exists(j)) ResultsLog.read(j).forEach(rows::putIfAbsent);
        }
        long total = def.get("runs").asLong();
        List<String> params = new ArrayList<>();
        for (JsonNode p : def.get("params")) params.add(p.asText().substring(0, p.asText().indexOf('=')).trim());
        List<String> features = new ArrayList<>();
        for (JsonNode f : def.get("features")) features.add(f.asText());
        if (features.isEmpty()) features.addAll(org.dendrite.engine.fit.Sweep.DEFAULT_FEATURES);
        List<String> sources = new ArrayList<>();
        if (!rows.isEmpty()) rows.firstEntry().getValue().path("spikes").fieldNames().forEachRemaining(sources::add);
        ResultsLog.CsvLayout layout = new ResultsLog.CsvLayout(params, features, sources);
        Files.createDirectories(out);
        if (Files.exists(out.resolve(ResultsLog.JSONL))) throw new DendriteException(out + " already holds results; give an empty --out");
        byte[] d = SweepRunner.JSON.writeValueAsBytes(def);
        AtomicFiles.write(out.resolve(SweepRunner.DEFINITION), o -> o.write(d));
        try (ResultsLog log = ResultsLog.open(out, layout)) {
            for (ObjectNode r : rows.values()) log.append(r);
            log.sortFiles();
        }
        SweepPlot.write(out.resolve("summary.png"), layout, rows.values());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < total && missing.size() < 20; i++) if (!rows.containsKey(i)) missing.add(i);
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %d of %d runs from %d folders%s%n", out, rows.size(), total, dirs.size(),
                missing.isEmpty() ? "" : "; missing runs " + missing + (rows.size() + missing.size() < total ? " …" : ""));
        w.flush();
        return missing.isEmpty() ? 0 : 1;
    }
}
