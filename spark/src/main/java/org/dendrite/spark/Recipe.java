package org.dendrite.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.dendrite.cli.ModelInputs;
import org.dendrite.cli.fit.FitCommand;
import org.dendrite.cli.fit.Models;
import org.dendrite.cli.sweep.SweepCommand;
import org.dendrite.cli.sweep.SweepRunner;
import org.dendrite.engine.DendriteException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What an executor needs to rebuild the driver's sweep or fit problem, broadcast once per job: the command's
 * arguments and the bytes of every input file it names (the MODEL file with the other files of its folder — a
 * morphology beside it —, or the whole MODEL folder; PARAMS, target, protocols, override and sweep files). Each
 * executor JVM writes the files to a temporary folder, parses the same arguments with the same picocli command
 * class, points the file options at its copies, and calls the command's own {@code setup()} — the same code the
 * driver ran, on the same bytes — so the problem it evaluates is the driver's, without serialising engine objects.
 * Built at most once per executor JVM (cached by id).
 */
final class Recipe implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The most input bytes shipped (a model folder that holds more is a user error). */
    static final long MAX_BYTES = 512L << 20;
    private static final String MODEL = "MODEL";

    final String id = UUID.randomUUID().toString();
    final String verb;
    final String[] args;
    /** key (option name, or MODEL) -> relative path -> bytes; the first entry of a file input is the file */
    final LinkedHashMap<String, LinkedHashMap<String, byte[]>> files = new LinkedHashMap<>();
    /** relative path of the MODEL file or folder inside its bundle (null: MODEL is a bundled name or absent) */
    String modelEntry;
    /** the resolved MODEL when it is a bundled name (null: the default model) */
    String bundledModel;

    private static final ConcurrentHashMap<String, Object> PREPARED = new ConcurrentHashMap<>();

    private Recipe(String verb, String[] args) {
        this.verb = verb;
        this.args = args.clone();
    }

    /** Collects the input files of a parsed sweep or fit command ({@code model}: MODEL as the command resolved it). */
    static Recipe of(String verb, String[] args, CommandSpec command, Path model) throws IOException {
        Recipe r = new Recipe(verb, args);
        long[] total = {0};
        for (ArgSpec a : command.args()) {
            if (isModList(a)) {
                // --mod PATH...: each .mod file or folder shipped under its own key, in order
                List<Path> mods = a.getValue();
                for (int i = 0; mods != null && i < mods.size(); i++) {
                    LinkedHashMap<String, byte[]> b = new LinkedHashMap<>();
                    add(b, mods.get(i), mods.get(i).toAbsolutePath().normalize().getFileName().toString(), total);
                    r.files.put(MOD + i, b);
                }
                continue;
            }
            if (a.type() != Path.class || isOut(a) || a instanceof PositionalParamSpec) continue;
            Path p = a.getValue();
            if (p == null) continue;
            LinkedHashMap<String, byte[]> b = new LinkedHashMap<>();
            add(b, p, p.getFileName().toString(), total);
            r.files.put(key(a), b);
        }
        if (model == null || ModelInputs.isBundledName(model)) {
            r.bundledModel = model == null ? null : model.toString();
        } else {
            LinkedHashMap<String, byte[]> b = new LinkedHashMap<>();
            if (Files.isDirectory(model)) {
                r.modelEntry = model.toAbsolutePath().normalize().getFileName().toString();
                add(b, model, r.modelEntry, total);
            } else {
                Path file = ModelInputs.jsonFile(model);
                r.modelEntry = file.getFileName().toString();
                b.put(r.modelEntry, Files.readAllBytes(file));
                total[0] += b.get(r.modelEntry).length;
                // the files beside it (a morphology named relative to the model file)
                Path dir = file.toAbsolutePath().getParent();
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path f : s.sorted().toList()) {
                        if (Files.isRegularFile(f) && !f.getFileName().toString().equals(r.modelEntry)) {
                            add(b, f, f.getFileName().toString(), total);
                        }
                    }
                }
            }
            r.files.put(MODEL, b);
        }
        return r;
    }

    private static void add(Map<String, byte[]> bundle, Path p, String name, long[] total) throws IOException {
        if (Files.isDirectory(p)) {
            List<Path> all;
            try (Stream<Path> s = Files.walk(p)) {
                all = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
            }
            for (Path f : all) add(bundle, f, name + "/" + p.relativize(f).toString().replace('\\', '/'), total);
            return;
        }
        if (!Files.isRegularFile(p)) return; // a missing file: the command's own check reports it on the driver
        total[0] += Files.size(p);
        if (total[0] > MAX_BYTES) {
            throw new DendriteException(p + ": the inputs shipped to the executors exceed " + (MAX_BYTES >> 20)
                    + " MB (the MODEL file's whole folder is shipped: put the model and its morphology in a folder of their own)");
        }
        bundle.put(name, Files.readAllBytes(p));
    }

    private static final String MOD = "--mod#";

    static boolean isModList(ArgSpec a) {
        return a instanceof OptionSpec o && o.longestName().equals("--mod");
    }

    static boolean isOut(ArgSpec a) {
        return a instanceof OptionSpec o && o.longestName().equals("--out");
    }

    private static String key(ArgSpec a) {
        return a instanceof OptionSpec o ? o.longestName() : MODEL;
    }

    /** The driver's problem, rebuilt on this JVM: a {@code Sweep} or a {@code FitProblem}. */
    Object prepared() {
        return PREPARED.computeIfAbsent(id, k -> {
            try {
                return build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Object build() throws IOException {
        Path root = Files.createTempDirectory("dendrite-spark-inputs-");
        try {
            Map<String, Path> where = new LinkedHashMap<>();
            int n = 0;
            for (var e : files.entrySet()) {
                Path dir = root.resolve("in" + n++);
                for (var f : e.getValue().entrySet()) {
                    Path p = dir.resolve(f.getKey());
                    Files.createDirectories(p.getParent());
                    Files.write(p, f.getValue());
                }
                String top = e.getKey().equals(MODEL) ? modelEntry : e.getValue().keySet().iterator().next().split("/")[0];
                where.put(e.getKey(), dir.resolve(top));
            }
            Object command = verb.equals("sweep") ? new SweepCommand() : new FitCommand();
            CommandLine cl = new CommandLine(command);
            cl.parseArgs(args);
            for (ArgSpec a : cl.getCommandSpec().args()) {
                if (isModList(a)) {
                    List<Path> local = new ArrayList<>();
                    for (int i = 0; where.containsKey(MOD + i); i++) local.add(where.get(MOD + i));
                    a.setValue(local);
                    continue;
                }
                if (a.type() != Path.class || isOut(a)) continue;
                if (a instanceof PositionalParamSpec) {
                    a.setValue(where.containsKey(MODEL) ? where.get(MODEL) : bundledModel == null ? null : Path.of(bundledModel));
                } else if (where.containsKey(key(a))) {
                    a.setValue(where.get(key(a)));
                }
            }
            if (command instanceof SweepCommand s) {
                SweepCommand.Setup setup = s.setup();
                List<Path> mod = setup.def().mod.stream().map(Path::of).toList();
                return SweepRunner.build(setup.def(), Models.load(setup.model(), mod));
            }
            return ((FitCommand) command).setup().problem();
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
