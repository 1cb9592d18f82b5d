package org.dendrite.spark;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.spark.api.java.JavaSparkContext;

import org.dendrite.cli.Backend;
import org.dendrite.engine.fit.Evaluator;
import picocli.CommandLine.Model.CommandSpec;

/** The {@link Backend} of {@code dendrite-spark.jar}: the command's evaluations as tasks of one Spark context. */
final class SparkBackend implements Backend {
    private final JavaSparkContext jsc;
    private final String verb;
    private final String[] args;

    /** {@code args}: the command's arguments after the verb, as the executors will parse them. */
    SparkBackend(JavaSparkContext jsc, String verb, String[] args) {
        this.jsc = jsc;
        this.verb = verb;
        this.args = args.clone();
    }

    @Override
    public Evaluator open(CommandSpec command, Path model, int threads) throws IOException {
        // -j does not apply: the cluster's cores are the workers
        return new SparkEvaluator(jsc, Recipe.of(verb, args, command, model));
    }
}
