package org.dendrite.io.nmodl;

import org.dendrite.engine.DendriteException;

/** A .mod file that cannot be loaded: the message starts with {@code FILE:LINE[:COL]: }. Exit code 2 in the CLI. */
public final class NmodlException extends DendriteException {
    private final String file;
    private final int line;

    public NmodlException(String file, int line, int col, String message) {
        super(file + ":" + line + (col > 0 ? ":" + col : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }
    public int line() { return line; }
}
