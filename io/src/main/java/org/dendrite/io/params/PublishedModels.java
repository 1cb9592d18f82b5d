package org.dendrite.io.params;

import java.io.IOException;
import java.nio.file.Path;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;

/**
 * Entry point for model files that build their cell from a published parameter set
 * ({@code "published_model": {"format": "allen" | "bluepyopt", ...}} in the JSON model format): returns the
 * cell (morphology, passive properties, channels, run settings) without stimuli or recordings.
 */
public final class PublishedModels {
    private PublishedModels() {}

    /**
     * @param format     {@code allen} (fit json + SWC), {@code bluepyopt} (folder with mechanisms.json,
     *                   parameters.json, morphology, release parameters) or {@code hay} (Hay et al. 2011 L5PC on
     *                   the given morphology)
     * @param fit        Allen fit file (allen) — else null
     * @param morphology morphology file (allen, hay) — else null
     * @param folder     BluePyOpt example folder (bluepyopt) — else null
     */
    /**
     * A folder holding a published model, recognised by its files: BluePyOpt ({@code mechanisms.json} +
     * {@code parameters.json}; with {@code protocol} non-null, that protocol of {@code protocols.json} is added)
     * or Allen (one {@code *_fit.json} and one {@code .swc}; with {@code protocol} non-null the AllenSDK
     * regression step, 0.35 nA 1000–2000 ms, tstop 3000 ms, is added). For {@code dendrite run FOLDER}.
     */
    public static ModelSpec loadFolder(Path folder, String protocol) throws IOException {
        if (java.nio.file.Files.isRegularFile(folder.resolve("mechanisms.json"))
                && java.nio.file.Files.isRegularFile(folder.resolve("parameters.json"))) {
            ModelSpec spec = BluePyOptModel.load(folder);
            if (protocol != null) BluePyOptModel.applyProtocol(spec, folder.resolve("protocols.json"), protocol);
            return spec;
        }
        ModelSpec spec = AllenModel.load(folder);
        if (protocol != null) AllenModel.stepProtocol(spec, 0.35, 1000, 1000, 3000);
        return spec;
    }

    /** Whether a folder looks like a published model this class can load. */
    public static boolean isPublishedModelFolder(Path folder) throws IOException {
        if (java.nio.file.Files.isRegularFile(folder.resolve("mechanisms.json"))) return true;
        try (var s = java.nio.file.Files.list(folder)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith("_fit.json"));
        }
    }

    public static ModelSpec load(String format, Path fit, Path morphology, Path folder) throws IOException {
        return switch (format) {
            case "allen" -> {
                if (fit == null || morphology == null) throw new DendriteException("allen needs \"fit\" and \"morphology\"");
                yield AllenModel.build(fit, morphology);
            }
            case "bluepyopt" -> {
                if (folder == null) throw new DendriteException("bluepyopt needs \"folder\"");
                yield BluePyOptModel.load(folder);
            }
            case "hay" -> {
                if (morphology == null) throw new DendriteException("hay needs \"morphology\" (e.g. cell1.asc)");
                yield HayModel.build(morphology);
            }
            default -> throw new DendriteException("unknown published model format '" + format + "' (allen, bluepyopt, hay)");
        };
    }
}
