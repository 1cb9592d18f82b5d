package org.dendrite.io.model;

import java.io.IOException;
import java.nio.file.Path;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.morph.MorphologyFiles;

/** Reads a dendrite JSON model file, with morphology files read by their own readers. */
public final class ModelFiles {
    private ModelFiles() {}

    public static ModelSpec read(Path modelFile) throws IOException {
        return ModelReader.read(modelFile, ModelFiles::readMorphology);
    }

    /** A model file with .mod files or folders loaded into its library after its own ({@code --mod}). */
    public static ModelSpec read(Path modelFile, java.util.List<Path> mod, java.util.function.Consumer<String> notes)
            throws IOException {
        return ModelReader.read(modelFile, ModelFiles::readMorphology, mod, notes);
    }

    static Morphology readMorphology(Path p) {
        return MorphologyFiles.read(p);
    }
}
