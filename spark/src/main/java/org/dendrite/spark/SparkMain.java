package org.dendrite.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import org.dendrite.cli.Backend;
import org.dendrite.cli.UserErrorHandler;
import org.dendrite.cli.fit.FitCommand;
import org.dendrite.cli.sweep.SweepCommand;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.mechanism.RateKernels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code spark-submit dendrite-spark.jar sweep|fit ...}: the {@code dendrite sweep} and {@code dendrite fit}
 * commands, option for option (the same picocli classes), with their evaluations run as Spark tasks. Results,
 * checkpoints and resume behave exactly as the local commands; files may be named by Hadoop URIs.
 */
@Command(name = "dendrite-spark", mixinStandardHelpOptions = true, version = "dendrite 0.1.0",
        description = {"dendrite's sweep and fit on a Spark cluster:",
                "  spark-submit [spark options] dendrite-spark.jar sweep MODEL --param NAME=FROM:TO:N ... --out DIR",
                "  spark-submit [spark options] dendrite-spark.jar fit MODEL --target T --params P.json --out DIR",
                "Every option of 'dendrite sweep' / 'dendrite fit' works here (see their --help); -j is ignored",
                "(the executors' cores do the work). Files and folders may be local paths or Hadoop URIs",
                "(s3a://bucket/key, hdfs://nn/path, file:///path). The results files are byte-identical to a",
                "local run's; a run stopped at any point resumes with the same command.",
                "Spark settings read here: spark.dendrite.runsPerTask (sweep runs per task; default about 4",
                "tasks per core, at most 64 runs), spark.dendrite.syncSeconds (copy of a URI --out, default 10),",
                "spark.dendrite.logLevel (default WARN)."},
        subcommands = CommandLine.HelpCommand.class)
public final class SparkMain implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true), err = new PrintWriter(System.err, true);
        JavaSparkContext[] made = new JavaSparkContext[1];
        int code;
        try {
            code = run(() -> {
                SparkConf conf = new SparkConf().setAppName("dendrite " + String.join(" ", Arrays.asList(args).subList(0, Math.min(2, args.length))));
                conf.setIfMissing("spark.master", "local[*]");
                executorOptions(conf);
                made[0] = new JavaSparkContext(conf);
                made[0].setLogLevel(conf.get("spark.dendrite.logLevel", "WARN"));
                return made[0];
            }, out, err, args);
        } finally {
            if (made[0] != null) made[0].stop();
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Executors compute as the driver does: the driver's {@code -Ddendrite.*} settings are passed on, and a driver
     * without the Vector API kernels makes the executors go without them too (Spark 4 starts its JVMs with
     * {@code --add-modules jdk.incubator.vector}; the task check in {@link SparkEvaluator} catches any mismatch).
     */
    static void executorOptions(SparkConf conf) {
        List<String> extra = new ArrayList<>();
        String given = conf.get("spark.executor.extraJavaOptions", "").trim();
        if (!given.isEmpty()) extra.add(given);
        for (String k : System.getProperties().stringPropertyNames()) {
            String v = System.getProperty(k);
            if (k.startsWith("dendrite.") && !v.contains(" ") && !given.contains("-D" + k + "=")) extra.add("-D" + k + "=" + v);
        }
        if (RateKernels.INSTANCE == null && System.getProperty("dendrite.vector") == null) extra.add("-Ddendrite.vector=false");
        if (!extra.isEmpty()) conf.set("spark.executor.extraJavaOptions", String.join(" ", extra));
    }

    static CommandLine commandLine(Backend backend) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.addSubcommand("sweep", new SweepCommand().withBackend(backend));
        cl.addSubcommand("fit", new FitCommand().withBackend(backend));
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        cl.setUsageHelpWidth(110);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    /**
     * Runs a command line; the Spark context is asked for only when a sweep or fit is to be evaluated (not for
     * --help or a bad option). Returns the exit code (0 ok, 1 simulation failure, 2 bad input, 3 internal error).
     */
    public static int run(Supplier<JavaSparkContext> context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine probe = commandLine(Backend.THREADS);
        probe.setOut(out);
        probe.setErr(err);
        ParseResult pr;
        try {
            pr = probe.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("dendrite: error: " + e.getMessage());
            e.getCommandLine().usage(err);
            err.flush();
            return 2;
        } catch (RuntimeException e) {
            err.println("dendrite: error: " + e.getMessage());
            return 2;
        }
        Integer help = CommandLine.executeHelpRequest(pr);
        if (help != null) return help;
        ParseResult sub = pr.subcommand();
        if (sub == null || sub.subcommand() != null) {
            // no verb (usage), or 'sweep merge', which reads and writes files only: run here, without Spark
            return probe.execute(args);
        }
        String verb = sub.commandSpec().name();
        Path staging = null;
        RemoteFiles.Output output = null;
        try {
            JavaSparkContext jsc;
            try {
                jsc = context.get();
            } catch (RuntimeException e) {
                err.println("dendrite: error: cannot start Spark: " + e.getMessage());
                err.flush();
                return 3;
            }
            long syncMillis = (long) (1000 * jsc.getConf().getDouble("spark.dendrite.syncSeconds", 10));
            staging = Files.createTempDirectory("dendrite-spark-");
            RemoteFiles files = new RemoteFiles(new org.apache.hadoop.conf.Configuration(), staging);
            Map<String, String> replace = new LinkedHashMap<>();
            int n = 0;
            for (ArgSpec a : sub.matchedArgs()) {
                if (a.type() != Path.class) continue;
                for (String raw : a.originalStringValues()) {
                    if (!RemoteFiles.isUri(raw) || replace.containsKey(raw)) continue;
                    if (Recipe.isOut(a)) {
                        output = files.new Output(raw, syncMillis);
                        replace.put(raw, output.local.toString());
                    } else {
                        replace.put(raw, files.download(raw, n++).toString());
                    }
                }
            }
            String[] rewritten = new String[args.length];
            int verbAt = -1;
            for (int i = 0; i < args.length; i++) {
                String t = args[i];
                if (replace.containsKey(t)) {
                    t = replace.get(t);
                } else {
                    int eq = t.indexOf('=');
                    if (t.startsWith("-") && eq > 0 && replace.containsKey(t.substring(eq + 1))) {
                        t = t.substring(0, eq + 1) + replace.get(t.substring(eq + 1));
                    }
                }
                rewritten[i] = t;
                if (verbAt < 0 && args[i].equals(verb)) verbAt = i;
            }
            String[] verbArgs = Arrays.copyOfRange(rewritten, verbAt + 1, rewritten.length);
            CommandLine cl = commandLine(new SparkBackend(jsc, verb, verbArgs));
            cl.setOut(out);
            cl.setErr(err);
            int code = cl.execute(rewritten);
            if (output != null) {
                output.close();
                out.println("copied " + output.local + " to " + output.remote);
                out.flush();
                output = null;
            }
            return code;
        } catch (DendriteException e) {
            err.println("dendrite: error: " + e.getMessage());
            err.flush();
            return e.exitCode();
        } catch (IOException e) {
            err.println("dendrite: error: " + e.getMessage());
            err.flush();
            return 2;
        } finally {
            if (output != null) {
                try {
                    output.close();
                } catch (IOException e) {
                    err.println("dendrite: error: cannot copy the results to " + output.remote + ": " + e.getMessage());
                }
            }
            if (staging != null) deleteTree(staging);
        }
    }

    private static void deleteTree(Path root) {
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
