package org.dendrite.engine;

/**
 * Base of every error dendrite reports to a user. The message is complete on its own (it names the file,
 * line, JSON path, section or time involved); the CLI prints it without a stack trace.
 */
public class DendriteException extends RuntimeException {
    private final int exitCode;

    /** A bad-input error (exit code 2). */
    public DendriteException(String message) {
        this(message, 2, null);
    }

    public DendriteException(String message, Throwable cause) {
        this(message, 2, cause);
    }

    protected DendriteException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Process exit code the CLI uses for this error: 2 bad input, 1 failed simulation. */
    public int exitCode() {
        return exitCode;
    }
}
