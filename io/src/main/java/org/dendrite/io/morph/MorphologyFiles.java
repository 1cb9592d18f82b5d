package org.dendrite.io.morph;

import java.nio.file.Path;
import java.util.Locale;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.MorphologyFormatException;
import org.dendrite.io.asc.AscReader;
import org.dendrite.io.swc.SwcReader;

/** Reads a morphology file by its extension: {@code .swc} or {@code .asc} (case-insensitive). */
public final class MorphologyFiles {
    private MorphologyFiles() {}

    public enum Format { SWC, ASC }

    /** The format of {@code file} by its extension, or an error naming the accepted ones. */
    public static Format format(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".swc")) return Format.SWC;
        if (n.endsWith(".asc")) return Format.ASC;
        throw new MorphologyFormatException(file, 0, 0, "unknown morphology format: the file name must end in"
                + " .swc (SWC) or .asc (Neurolucida ASC)");
    }

    /** Reads {@code file} with warnings and the soma reading used. */
    public static ReadResult readChecked(Path file) {
        return switch (format(file)) {
            case SWC -> SwcReader.readChecked(file);
            case ASC -> AscReader.readChecked(file);
        };
    }

    /** Reads {@code file} into NEURON Import3d's sections. */
    public static Morphology read(Path file) {
        return switch (format(file)) {
            case SWC -> SwcReader.read(file);
            case ASC -> AscReader.read(file);
        };
    }
}
