package org.dendrite.cli.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;

/** Loads the MODEL argument of sweep and fit the way {@code dendrite run} does, and fingerprints it. */
public final class Models {

    private Models() {}

    /** As {@code dendrite run} loads its MODEL argument (null: the bundled default model). */
    public static ModelSpec load(Path model) throws IOException {
        return org.dendrite.cli.ModelInputs.load(model);
    }

    private static Path file(Path model) {
        if (Files.isDirectory(model)) {
            Path json = model.resolve("model.json");
            if (!Files.isRegularFile(json)) throw new DendriteException(model + ": folder has no model.json");
            return json;
        }
        if (!Files.exists(model)) throw new DendriteException(model + ": file not found");
        if (!model.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            throw new DendriteException(model + ": unknown model file type (expected a dendrite .json model file)");
        }
        return model;
    }

    /** SHA-256 of the model file's bytes ("bundled" for the default model): a resumed run checks it. */
    public static String fingerprint(Path model) throws IOException {
        if (model == null) return "bundled:" + org.dendrite.cli.ModelInputs.DEFAULT_MODEL;
        if (!Files.exists(model) && org.dendrite.cli.ModelInputs.BUNDLED.contains(model.toString())) return "bundled:" + model;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file(model)));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
