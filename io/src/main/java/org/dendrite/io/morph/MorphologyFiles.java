package org.dendrite.io.morph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.swc.SwcReader;

/** Reads a morphology file by its extension. */
public final class MorphologyFiles {
    private MorphologyFiles() {}

    public static Morphology read(Path p) throws IOException {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".swc")) return SwcReader.read(p);
        throw new DendriteException(p + ": unknown morphology file type (expected .swc)");
    }
}
