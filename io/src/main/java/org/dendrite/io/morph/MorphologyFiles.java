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

    /** Reads {@code file} with its soma read as {@code reading} (see {@link SomaReading}). */
    public static Morphology read(Path file, SomaReading reading) {
        return switch (reading) {
            case NEURON -> read(file);
            case SPHERE -> SomaReading.SPHERE.apply(read(file));
            case ARBOR -> SwcReader.readArbor(swcOnly(file));
        };
    }

    /**
     * Reads {@code file} with warnings, its soma read as {@code reading}; the result's sentence on the soma says
     * which reading was used (and, for the sphere, NEURON's reading it replaced).
     */
    public static ReadResult readChecked(Path file, SomaReading reading) {
        switch (reading) {
            case NEURON:
                return readChecked(file);
            case SPHERE: {
                ReadResult r = readChecked(file);
                Morphology m = SomaReading.SPHERE.apply(r.morphology());
                String text = m == r.morphology() ? "sphere requested, but there is no soma to replace"
                        : "sphere: " + m.notes().get(m.notes().size() - 1) + "; NEURON's reading: "
                        + r.somaReading();
                return new ReadResult(m, r.warnings(), text);
            }
            default:
                return SwcReader.readCheckedArbor(swcOnly(file));
        }
    }

    private static Path swcOnly(Path file) {
        if (format(file) != Format.SWC) {
            throw new MorphologyFormatException(file, 0, 0, "the arbor soma reading is defined for SWC samples"
                    + " only; read Neurolucida files with the neuron or sphere reading");
        }
        return file;
    }
}
