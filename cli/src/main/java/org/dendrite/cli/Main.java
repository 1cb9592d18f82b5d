package org.dendrite.cli;

import picocli.CommandLine;

/** Entry point of the {@code dendrite} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 simulation failure, 2 bad input). */
    public static int run(String... args) {
        return DendriteCommand.commandLine().execute(args);
    }
}
