package org.dendrite.cli.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.dendrite.engine.build.ModelSpec;

/** Loads the MODEL argument of sweep and fit the way {@code dendrite run} does, and fingerprints it. */
public final class Models {

    private Models() {}

    /** As {@code dendrite run} loads its MODEL argument (null: the bundled default model). */
    public static ModelSpec load(Path model) throws IOException {
        return org.dendrite.cli.ModelInputs.load(model);
    }

    /** SHA-256 of the model file's bytes ("bundled" for the default model): a resumed run checks it. */
    public static String fingerprint(Path model) throws IOException {
        if (model == null) return "bundled:" + org.dendrite.cli.ModelInputs.DEFAULT_MODEL;
        if (org.dendrite.cli.ModelInputs.isBundledName(model)) return "bundled:" + model;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(org.dendrite.cli.ModelInputs.jsonFile(model)));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
