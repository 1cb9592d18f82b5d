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

    /** As {@link #load(Path)}, with the --mod mechanisms. */
    public static ModelSpec load(Path model, java.util.List<Path> mod) throws IOException {
        return org.dendrite.cli.ModelInputs.load(model, mod);
    }

    /**
     * As {@link #fingerprint(Path)}, extended by the bytes of every .mod file loaded (a folder: its .mod files in
     * name order), so that a resumed sweep or fit refuses changed mechanisms.
     */
    public static String fingerprint(Path model, java.util.List<Path> mod) throws IOException {
        String base = fingerprint(model);
        if (mod.isEmpty()) return base;
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(base.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Path p : mod) {
                java.util.List<Path> files = new java.util.ArrayList<>();
                if (Files.isDirectory(p)) {
                    try (var s = Files.list(p)) {
                        s.filter(f -> f.toString().endsWith(".mod")).sorted().forEach(files::add);
                    }
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                }
                for (Path f : files) md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
