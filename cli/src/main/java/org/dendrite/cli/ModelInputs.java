package org.dendrite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.io.model.ModelFiles;
import org.dendrite.io.model.ModelReader;

/** Turns the MODEL argument of a command into a model description. */
public final class ModelInputs {
    /** Classpath location of the model `dendrite run` uses when none is given. */
    static final String DEFAULT_MODEL = "models/default/model.json";

    private ModelInputs() {}

    /** A model file (.json), a folder holding model.json, or (null) the bundled default model. */
    /** As {@link #load(Path)}, with the word {@code default} naming the bundled model. */
    public static ModelSpec load(String model) throws IOException {
        return model == null || model.equals("default") ? load((Path) null) : load(Path.of(model));
    }

    public static ModelSpec load(Path model) throws IOException {
        if (model == null) return bundled(DEFAULT_MODEL);
        if (Files.isDirectory(model)) {
            Path json = model.resolve("model.json");
            if (!Files.isRegularFile(json)) {
                throw new DendriteException(model + ": folder has no model.json (give a model file instead)");
            }
            return ModelFiles.read(json);
        }
        if (!Files.exists(model)) throw new DendriteException(model + ": file not found");
        String name = model.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) return ModelFiles.read(model);
        throw new DendriteException(model + ": unknown model file type (expected a dendrite .json model file)");
    }

    static ModelSpec bundled(String resource) throws IOException {
        try (InputStream in = ModelInputs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new DendriteException("bundled model " + resource + " is missing from the build");
            return ModelReader.read(in, "bundled:" + resource, null, p -> {
                throw new DendriteException("bundled model " + resource + " names a morphology file; not supported");
            });
        }
    }
}
