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
     * @param format     {@code allen} (fit json + SWC) or {@code bluepyopt} (folder with mechanisms.json,
     *                   parameters.json, morphology, release parameters)
     * @param fit        Allen fit file (allen) — else null
     * @param morphology morphology file (allen) — else null
     * @param folder     BluePyOpt example folder (bluepyopt) — else null
     */
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
            default -> throw new DendriteException("unknown published model format '" + format + "' (allen, bluepyopt)");
        };
    }
}
