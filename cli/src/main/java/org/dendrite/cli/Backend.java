package org.dendrite.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.dendrite.engine.fit.Evaluator;
import org.dendrite.engine.fit.Workers;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where {@code sweep} and {@code fit} evaluate: this JVM's thread pool ({@link #THREADS}, the {@code dendrite}
 * command) or a Spark cluster (the spark module's {@code dendrite-spark.jar}, which plugs its own backend into
 * the same command classes). The commands parse, check, resume and write their files the same way whatever the
 * backend; only the evaluations move.
 */
public interface Backend {
    /**
     * Opens the evaluator for a command.
     *
     * @param command the parsed command (its options, for a backend that rebuilds the problem elsewhere)
     * @param model   MODEL as resolved by the command (null: the bundled default model)
     * @param threads the -j value (or all cores)
     */
    Evaluator open(CommandSpec command, Path model, int threads) throws IOException;

    /** The thread pool of this JVM. */
    Backend THREADS = (command, model, threads) -> new Workers(threads);
}
