package org.dendrite.io.hoc;

import org.dendrite.engine.DendriteException;

/**
 * An error in a HOC program: a syntax error, an unsupported construct, or a run-time error. The message
 * names the file, line and column ({@code file:line:col: message}) so that a user can find the statement.
 */
public class HocException extends DendriteException {
    private final String file;
    private final int line;
    private final int column;
    private final String detail;

    public HocException(String file, int line, int column, String detail) {
        super(format(file, line, column, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** An error whose location is filled in later (by the statement that was executing). */
    HocException(String detail) {
        super(detail);
        this.file = null;
        this.line = 0;
        this.column = 0;
        this.detail = detail;
    }

    private static String format(String file, int line, int column, String detail) {
        return (file == null ? "<hoc>" : file) + ":" + line + ":" + column + ": " + detail;
    }

    /** The file (as given to the interpreter), or null when unknown. */
    public String file() { return file; }
    /** 1-based line, 0 when unknown. */
    public int line() { return line; }
    /** 1-based column, 0 when unknown. */
    public int column() { return column; }
    /** The message without the location. */
    public String detail() { return detail; }
    /** The same error with one more line of context, e.g. "in p() called from file:line:col". */
    HocException withContext(String context) {
        HocException e = new HocException(file, line, column, detail + "\n    " + context);
        e.setStackTrace(getStackTrace());
        return e;
    }

    static String where(String file, int line, int column) {
        return (file == null ? "<hoc>" : file) + ":" + line + ":" + column;
    }

    /** Whether this error already carries a location. */
    public boolean located() { return line > 0; }
}
