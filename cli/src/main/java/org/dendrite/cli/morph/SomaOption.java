package org.dendrite.cli.morph;

import org.dendrite.engine.DendriteException;
import org.dendrite.io.morph.SomaReading;
import picocli.CommandLine.Option;

/** The {@code --soma} option shared by the morph commands (a picocli mixin). */
public final class SomaOption {
    @Option(names = "--soma", defaultValue = "neuron", paramLabel = "READING",
            description = "neuron (default: as NEURON's Import3d builds it), sphere (one cylinder, L = diam,"
                    + " with NEURON's soma area; for comparison with MorphIO-style spherical somata) or arbor"
                    + " (SWC only: Arbor's interpretation, a frustum from every sample's parent to it, no soma"
                    + " rules; see docs/morphology.md)")
    String soma;

    /** The reading asked for; an unknown name is a user error naming the option. */
    SomaReading reading() {
        try {
            return SomaReading.parse(soma);
        } catch (IllegalArgumentException e) {
            throw new DendriteException("--soma: " + e.getMessage());
        }
    }
}
