package org.dendrite.io.morph;

import java.util.List;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.MorphologyFormatException;

/**
 * A morphology as read, with the warnings about suspicious-but-usable input and a sentence saying how the soma
 * was read.
 */
public record ReadResult(Morphology morphology, List<MorphologyWarning> warnings, String somaReading) {
    public ReadResult {
        warnings = List.copyOf(warnings);
    }

    /** Throws the first warning as an error (the {@code --strict} behaviour); returns this when there is none. */
    public ReadResult strict() {
        if (!warnings.isEmpty()) {
            MorphologyWarning w = warnings.get(0);
            throw new MorphologyFormatException(morphology.source(), w.line(), 0, w.message()
                    + (warnings.size() > 1 ? " (and " + (warnings.size() - 1) + " more warning"
                    + (warnings.size() > 2 ? "s" : "") + ")" : "") + "; strict mode turns warnings into errors");
        }
        return this;
    }
}
