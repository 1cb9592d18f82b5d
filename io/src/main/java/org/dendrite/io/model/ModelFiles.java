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

    static Morphology readMorphology(Path p) {
        return MorphologyFiles.read(p);
    }
}
