package org.dendrite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.io.model.ModelFiles;
import org.dendrite.io.model.ModelReader;

/** Turns the MODEL argument of a command into a model description. */
public final class ModelInputs {
    /** The bundled model `dendrite run` uses when none is given. */
    public static final String DEFAULT_MODEL = "pyramidal";
    /** Bundled models by name (classpath models/NAME/model.json). */
    public static final java.util.List<String> BUNDLED = java.util.List.of("pyramidal", "ball_and_stick");

    private ModelInputs() {}

    /**
     * As {@link #load(Path)}, with .mod files or folders ({@code --mod}) compiled and loaded into the model's
     * mechanism library after the model's own; loader notes go to stderr.
     */
    public static ModelSpec load(Path model, List<Path> mod) throws IOException {
        if (mod.isEmpty()) return load(model);
        if (model == null) return bundled(DEFAULT_MODEL, mod);
        if (isBundledName(model)) return bundled(model.toString(), mod);
        return ModelFiles.read(jsonFile(model), mod, ModelInputs::note);
    }

    /** A loader note (a replaced mechanism, a NEURON quirk reproduced) as a user sees it. */
    public static void note(String message) {
        System.err.println("note: " + message);
    }

    /** As {@link #load(Path)}, with the word {@code default} naming the bundled model. */
    public static ModelSpec load(String model) throws IOException {
        if (model == null || model.equals("default")) return load((Path) null);
        return load(Path.of(model));
    }

    /**
     * A model file (.json), a folder holding model.json, the name of a bundled model ({@code pyramidal},
     * {@code ball_and_stick}), or (null) the bundled default model.
     */
    public static ModelSpec load(Path model) throws IOException {
        if (model == null) return bundled(DEFAULT_MODEL);
        if (isBundledName(model)) return bundled(model.toString());
        return ModelFiles.read(jsonFile(model));
    }

    /** Whether {@code model} names a bundled model (and no file of that name exists). */
    public static boolean isBundledName(Path model) {
        return !Files.exists(model) && BUNDLED.contains(model.toString());
    }

    /** The JSON file behind a MODEL argument: the file itself, or a folder's model.json; else a user error. */
    public static Path jsonFile(Path model) {
        if (Files.isDirectory(model)) {
            Path json = model.resolve("model.json");
            if (!Files.isRegularFile(json)) {
                throw new DendriteException(model + ": folder has no model.json (give a model file instead)");
            }
            return json;
        }
        if (!Files.exists(model)) throw new DendriteException(model + ": file not found");
        String name = model.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".json")) {
            throw new DendriteException(model + ": unknown model file type (expected a dendrite .json model file)");
        }
        return model;
    }

    static ModelSpec bundled(String name) throws IOException {
        return bundled(name, List.of());
    }

    static ModelSpec bundled(String name, List<Path> mod) throws IOException {
        String resource = "models/" + name + "/model.json";
        try (InputStream in = ModelInputs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new DendriteException("bundled model " + resource + " is missing from the build");
            return ModelReader.read(in, "bundled:" + resource, null, p -> {
                throw new DendriteException("bundled model " + resource + " names a morphology file; not supported");
            }, mod, ModelInputs::note);
        }
    }
}
