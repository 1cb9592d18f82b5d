package org.dendrite.io.model;

import org.dendrite.engine.DendriteException;

/** An error in a model file, naming the file and the JSON path of the offending value. */
public final class ModelFormatException extends DendriteException {
    public ModelFormatException(String file, String jsonPath, String message) {
        super(file + ": " + jsonPath + ": " + message);
    }
}
