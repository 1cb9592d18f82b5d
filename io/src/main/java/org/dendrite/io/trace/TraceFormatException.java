package org.dendrite.io.trace;

import java.nio.file.Path;

import org.dendrite.engine.DendriteException;

/** A text trace that cannot be read; the message names the file and, where there is one, the line. */
public final class TraceFormatException extends DendriteException {
    public TraceFormatException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
