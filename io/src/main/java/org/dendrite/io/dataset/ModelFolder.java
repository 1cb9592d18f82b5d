package org.dendrite.io.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.dendrite.engine.DendriteException;

/**
 * What a fetched model folder holds: dendrite JSON model files, HOC files (and which one to run first), NMODL
 * {@code .mod} files, pickled parameter sets and morphologies.
 */
public final class ModelFolder {
    /** HOC file names that are the entry point when a folder has several (in this order). */
    public static final List<String> HOC_ENTRIES = List.of("init.hoc", "main.hoc", "run.hoc", "model.hoc", "cell.hoc");

    public final Path root;
    public final List<Path> json = new ArrayList<>();
    public final List<Path> hoc = new ArrayList<>();
    public final List<Path> mod = new ArrayList<>();
    public final List<Path> pkl = new ArrayList<>();
    public final List<Path> py = new ArrayList<>();

    private ModelFolder(Path root) {
        this.root = root;
    }

    public static ModelFolder scan(Path root) throws IOException {
        ModelFolder f = new ModelFolder(root);
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (!Files.isRegularFile(p)) continue;
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.endsWith(".json")) f.json.add(p);
                else if (n.endsWith(".hoc")) f.hoc.add(p);
                else if (n.endsWith(".mod")) f.mod.add(p);
                else if (n.endsWith(".pkl") || n.endsWith(".pickle")) f.pkl.add(p);
                else if (n.endsWith(".py")) f.py.add(p);
            }
        }
        return f;
    }

    /** The dendrite model file: model.json, else the only .json file that is a dendrite model; null if none. */
    public Path modelJson() throws IOException {
        Path named = null;
        List<Path> models = new ArrayList<>();
        for (Path p : json) {
            String head = Files.readString(p, StandardCharsets.UTF_8);
            if (head.contains("\"dendrite_model\"")) {
                models.add(p);
                if (p.getFileName().toString().equals("model.json")) named = p;
            }
        }
        if (named != null) return named;
        if (models.size() == 1) return models.get(0);
        if (models.size() > 1) throw new DendriteException(root + ": several dendrite model files " + models + "; none is model.json");
        return null;
    }

    /** The HOC file to run: a conventional entry name, else the only .hoc file; null if none. */
    public Path hocEntry() {
        for (String e : HOC_ENTRIES) for (Path p : hoc) if (p.getFileName().toString().equalsIgnoreCase(e)) return p;
        if (hoc.size() == 1) return hoc.get(0);
        if (hoc.isEmpty()) return null;
        throw new DendriteException(root + ": several HOC files and none named " + String.join(", ", HOC_ENTRIES)
                + " (" + hoc.stream().map(p -> root.relativize(p).toString()).toList() + "); give the entry with --entry FILE");
    }

}
