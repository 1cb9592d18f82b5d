package org.dendrite.cli;

import org.dendrite.engine.DendriteException;
import picocli.CommandLine;

/**
 * Turns errors into one clear line on stderr instead of a stack trace:
 * bad input (files, options) exits 2, a simulation that went wrong exits 1.
 */
public final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof DendriteException de) {
            cmd.getErr().println("dendrite: error: " + de.getMessage());
            return de.exitCode();
        }
        if (ex instanceof java.io.IOException io) {
            cmd.getErr().println("dendrite: error: " + io.getMessage());
            return 2;
        }
        cmd.getErr().println("dendrite: internal error: " + ex);
        if (System.getenv("DENDRITE_DEBUG") != null) ex.printStackTrace(cmd.getErr());
        return 3;
    }
}
