package org.dendrite.io.hoc;

import java.nio.file.Path;

import org.dendrite.engine.morphology.Morphology;

/**
 * Reads a morphology file for HOC's Import3d classes ({@code Import3d_SWC_read}, {@code Import3d_Neurolucida3}).
 * The io module's SWC and ASC readers implement it (they follow NEURON's Import3d rules, neuron-numerics §10);
 * the interpreter then creates the sections as {@code Import3d_GUI.instantiate} does.
 */
@FunctionalInterface
public interface MorphologyLoader {
    /**
     * @param file   the file named in HOC, resolved against the including file's directory
     * @param format {@code "swc"} or {@code "asc"} (Neurolucida)
     */
    Morphology load(Path file, String format);
}
