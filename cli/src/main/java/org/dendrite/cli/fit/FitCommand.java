package org.dendrite.cli.fit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dendrite.cli.Backend;
import org.dendrite.cli.sweep.RunProgress;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.analysis.FeatureSettings;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.fit.CmaEs;
import org.dendrite.engine.fit.Evaluator;
import org.dendrite.engine.fit.Fit;
import org.dendrite.engine.fit.FitProblem;
import org.dendrite.engine.fit.ModelParameters;
import org.dendrite.engine.fit.Nsga2;
import org.dendrite.engine.fit.Optimizer;
import org.dendrite.engine.fit.Workers;
import org.dendrite.io.output.AtomicFiles;
import org.dendrite.io.recording.RecordingReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite fit}: fit model parameters to a recording or to BluePyOpt feature targets. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit the free parameters of MODEL (bounds in PARAMS.json) to a target, on all cores.",
                "",
                "Targets:",
                "  a recording (ABF, MAT, NWB, CSV): each sweep's current command is",
                "    replayed through the model's first IClamp; the targets are features",
                "    of the recorded voltage (std from repeated sweeps, at least",
                "    --std-fraction x |mean| and --std-floor), or with --objective trace",
                "    the recorded voltage itself (RMS difference, mV);",
                "  a BluePyOpt features.json {protocol: {recording: {feature: [mean, std]}}}",
                "    with --protocols protocols.json for the stimuli.",
                "Feature objectives are eFEL's get_distance as BluePyOpt uses it:",
                "mean |value - mean| / std, or 250 when the feature is missing.",
                "CMA-ES minimises their sum; NSGA-II keeps them as separate objectives.",
                "",
                "DIR/checkpoint.json is written after every generation; --resume continues",
                "a stopped fit and ends exactly as an uninterrupted run with the same seed",
                "(on any number of threads). --generations may be raised on resume.",
                "",
                "Report in DIR: best_parameters.json ({name: value}; give it to",
                "sweep/fit --override), features.csv (model vs target, z-scores),",
                "hall_of_fame.csv, convergence.png, overlay.png, report.json.",
                "",
                "PARAMS.json: {\"somatic.gnabar_hh\": [0.05, 0.3], \"all.cm\": [0.5, 2],",
                "              \"celsius\": 34}   (a pair = bounds, a number = fixed),",
                "or BluePyOpt's parameters.json. Names as in 'dendrite sweep --help'.",
                "",
                "Examples:",
                "  dendrite fit model.json --target cell.abf --sweeps 0,4,6,8 \\",
                "      --params params.json --out fit1",
                "  dendrite fit model.json --target cell.abf --params params.json \\",
                "      --out fit1 --resume --generations 60",
                "  dendrite fit model.json --target features.json --protocols protocols.json \\",
                "      --params parameters.json --optimizer nsga2 -P 40 -G 50 --out fit2"})
public final class FitCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "dendrite model file (.json) or folder (default: the bundled model)")
    Path model;

    @picocli.CommandLine.Mixin
    org.dendrite.cli.ModOptions mods = new org.dendrite.cli.ModOptions();

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "RECORDING|features.json",
            description = "recording file, or BluePyOpt features.json")
    Path target;

    @Option(names = "--params", required = true, paramLabel = "PARAMS.json", description = "free parameters with bounds, fixed values")
    Path params;

    @Option(names = "--protocols", paramLabel = "protocols.json", description = "BluePyOpt protocols.json for a features.json target")
    Path protocols;

    @Option(names = "--sweeps", split = ",", paramLabel = "N", description = "recording sweeps to fit (default: all), e.g. 0,4,6")
    List<Integer> sweeps = new ArrayList<>();

    @Option(names = "--channel", paramLabel = "C", description = "recording channel holding the membrane potential (default: the first in mV)")
    Integer channel;

    @Option(names = "--objective", paramLabel = "features|trace", defaultValue = "features",
            description = "features (eFEL z-scores; default) or trace (RMS difference to the recorded voltage, mV)")
    String objective;

    @Option(names = {"-f", "--feature"}, split = ",", paramLabel = "NAME",
            description = "features to fit for a recording target (default: " + "Spikecount, mean_frequency, time_to_first_spike, "
                    + "AP_amplitude, AP_width, AHP_depth_abs, voltage_base, steady_state_voltage_stimend, voltage_deflection)")
    List<String> features = new ArrayList<>();

    @Option(names = "--probe", paramLabel = "RECORDING", description = "model recording compared with the target (default: the first voltage recording)")
    String probe;

    @Option(names = "--std-fraction", defaultValue = "0.05", paramLabel = "F",
            description = "smallest target std as a fraction of |mean| (default ${DEFAULT-VALUE})")
    double stdFraction;

    @Option(names = "--std-floor", defaultValue = "0.5", paramLabel = "S", description = "smallest target std (default ${DEFAULT-VALUE})")
    double stdFloor;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "fixed model setting, e.g. dt=0.05 (repeatable)")
    List<String> set = new ArrayList<>();

    @Option(names = "--setting", paramLabel = "NAME=VALUE", description = "eFEL setting, e.g. Threshold=-20 (repeatable)")
    List<String> efel = new ArrayList<>();

    @Option(names = "--override", paramLabel = "VALUES.json",
            description = "fixed values {name: value} applied before fitting, e.g. an earlier fit's best_parameters.json or a pickled dict (.pkl)")
    Path override;

    @Option(names = "--optimizer", defaultValue = "cmaes", paramLabel = "cmaes|nsga2", description = "default ${DEFAULT-VALUE}")
    String optimizer;

    @Option(names = {"-P", "--population"}, paramLabel = "P", description = "population per generation (default: CMA-ES 4+3 ln n, at least 8; NSGA-II 20)")
    Integer population;

    @Option(names = {"-G", "--generations"}, defaultValue = "30", paramLabel = "G", description = "generations (default ${DEFAULT-VALUE})")
    int generations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--sigma", defaultValue = "0.3", paramLabel = "F", description = "CMA-ES initial step, as a fraction of each range (default ${DEFAULT-VALUE})")
    double sigma;

    @Option(names = "--hall-of-fame", defaultValue = "10", paramLabel = "K", description = "individuals kept in the hall of fame (default ${DEFAULT-VALUE})")
    int hallOfFame;

    @Option(names = {"-o", "--out"}, defaultValue = "fit-out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--resume", description = "continue the fit checkpointed in DIR")
    boolean resume;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--stop-after", hidden = true, paramLabel = "G", description = "stop after G generations of this invocation (tests)")
    int stopAfter;

    @Option(names = {"-q", "--quiet"}, description = "print nothing but errors")
    boolean quiet;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    static final ObjectMapper JSON = new ObjectMapper();

    /** Where the evaluations run (the thread pool unless the spark module plugs in its backend). */
    Backend backend = Backend.THREADS;

    /** This command evaluating on {@code b}. */
    public FitCommand withBackend(Backend b) {
        this.backend = b;
        return this;
    }

    /** The fit as the options define it: the problem, the parameters file and the targets read. */
    public record Setup(FitProblem problem, ParamsFile params, FitTargets targets) {}

    /** Reads the model, parameters and target files into the problem (checks them; evaluates nothing). */
    public Setup setup() throws IOException {
        ModelSpec spec0 = Models.load(model, mods.mod);
        ParamsFile pf = ParamsFile.read(params);
        Map<String, Double> fixed = new LinkedHashMap<>();
        if (override != null) fixed.putAll(ParamsFile.values(override));
        fixed.putAll(pf.fixed);
        for (String s : set) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new DendriteException("--set '" + s + "': expected NAME=VALUE");
            try {
                fixed.put(s.substring(0, eq).trim(), Double.parseDouble(s.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new DendriteException("--set '" + s + "': value is not a number");
            }
        }
        ModelSpec base = fixed.isEmpty() ? spec0 : new ModelParameters(spec0).apply(fixed);
        FeatureSettings settings = new FeatureSettings();
        for (String s : efel) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new DendriteException("--setting '" + s + "': expected NAME=VALUE");
            settings.set(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        boolean trace = switch (objective) {
            case "features" -> false;
            case "trace" -> true;
            default -> throw new DendriteException("--objective must be features or trace, not '" + objective + "'");
        };
        FitTargets.Options opts = new FitTargets.Options(sweeps, channel, features, probe, trace, stdFraction, stdFloor, settings);
        FitTargets targets;
        if (!Files.exists(target)) throw new DendriteException(target + ": file not found");
        if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            if (trace) throw new DendriteException("--objective trace needs a recording as --target, not a features.json");
            targets = FitTargets.fromFeaturesJson(target, protocols, opts);
        } else {
            targets = FitTargets.fromRecording(RecordingReaders.read(target), opts);
        }
        FitProblem problem = new FitProblem(new ModelParameters(base), pf.free, targets.protocols, targets.features,
                targets.traces, settings);
        return new Setup(problem, pf, targets);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Setup setup = setup();
        FitProblem problem = setup.problem();
        ParamsFile pf = setup.params();
        FitTargets targets = setup.targets();
        int n = problem.dimension();
        int pop = population != null ? population : optimizer.equals("nsga2") ? 20 : Math.max(8, 4 + (int) Math.floor(3 * Math.log(n)));
        int nThreads = threads == null ? Workers.defaultThreads() : threads;

        // what identifies this fit: a resumed fit must be the same problem
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("model", Models.fingerprint(model, mods.mod));
        identity.put("params", sha256(params));
        identity.put("target", sha256(target));
        identity.put("protocols", protocols == null ? null : sha256(protocols));
        identity.put("override", override == null ? null : sha256(override));
        identity.put("options", List.of(String.valueOf(sweeps), String.valueOf(channel), objective, String.valueOf(features),
                String.valueOf(probe), Double.toString(stdFraction), Double.toString(stdFloor), String.valueOf(set),
                String.valueOf(efel), optimizer, Integer.toString(pop), Long.toString(seed), Double.toString(sigma),
                Integer.toString(hallOfFame)));
        JsonNode id = JSON.readTree(JSON.writeValueAsBytes(identity));

        Path checkpoint = out.resolve("checkpoint.json");
        Fit fit;
        if (Files.exists(checkpoint)) {
            if (!resume) {
                throw new DendriteException(out + " holds a fit (checkpoint.json); add --resume to continue it, or give another --out");
            }
            JsonNode cp = JSON.readTree(checkpoint.toFile());
            if (!id.equals(cp.get("fit"))) {
                throw new DendriteException(out + ": the checkpoint is of a different fit (model, params, target or options "
                        + "changed); give another --out");
            }
            @SuppressWarnings("unchecked") Map<String, Object> state = JSON.convertValue(cp.get("state"), Map.class);
            fit = Fit.resume(problem, state, hallOfFame);
            if (!quiet) w.printf(Locale.ROOT, "resuming %s at generation %d of %d%n", out, fit.generation(), generations);
        } else {
            Optimizer opt = switch (optimizer) {
                case "cmaes" -> {
                    double[] start = new double[n];
                    java.util.Arrays.fill(start, 0.5);
                    yield new CmaEs(start, sigma, pop, seed);
                }
                case "nsga2" -> new Nsga2(n, pop, seed);
                default -> throw new DendriteException("--optimizer must be cmaes or nsga2, not '" + optimizer + "'");
            };
            fit = new Fit(problem, opt, hallOfFame);
        }
        Files.createDirectories(out);
        int perGen = fit.optimizer() instanceof Nsga2 ? pop + (pop % 2) : pop;
        int startGen = fit.generation();
        long start;
        int parallelism;
        try (Evaluator workers = backend.open(spec, model, nThreads);
             RunProgress progress = new RunProgress("fit", (long) generations * perGen, (long) startGen * perGen, quiet, System.err)) {
            parallelism = workers.parallelism();
            if (!quiet) {
                w.printf(Locale.ROOT, "fit: %d free parameters, %d objectives over %d protocols; %s, population %d, %d generations, "
                                + "seed %d, %s%n", n, problem.objectiveCount(), problem.protocols().size(), optimizer,
                        perGen, generations, seed, workers.describe());
                for (String note : pf.notes) w.println("  note: " + note);
                for (String note : targets.notes) w.println("  note: " + note);
                w.flush();
            }
            start = System.nanoTime();
            fit.run(generations, workers, f -> {
                try {
                    Map<String, Object> cp = new LinkedHashMap<>();
                    cp.put("fit", id);
                    cp.put("state", f.state());
                    byte[] bytes = JSON.writeValueAsBytes(cp);
                    AtomicFiles.write(checkpoint, o -> o.write(bytes));
                } catch (IOException e) {
                    throw new DendriteException("cannot write " + checkpoint + ": " + e.getMessage());
                }
                progress.advance(perGen, String.format(Locale.ROOT, "gen %d best %.4g", f.generation(), f.best().score()));
                return stopAfter <= 0 || f.generation() - startGen < stopAfter;
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (fit.best() == null) return 0;
        Map<String, Object> report = FitReport.write(out, fit, targets, seconds, parallelism);
        if (!quiet) {
            long evals = fit.evaluations() - (long) startGen * perGen;
            w.printf(Locale.ROOT, "%s generation %d of %d: best score %.5g after %d evaluations (%.1f s, %.2f evaluations/s)%n",
                    fit.generation() < generations ? "stopped at" : "done:", fit.generation(), generations,
                    fit.best().score(), fit.evaluations(), seconds, evals / Math.max(1e-9, seconds));
            @SuppressWarnings("unchecked") Map<String, Double> best = (Map<String, Double>) report.get("best_parameters");
            best.forEach((k, v) -> w.printf(Locale.ROOT, "  %-28s %.6g%n", k, v));
            var table = FitReport.featureTable(problem, problem.simulate(fit.best().values()), fit.best().objectives());
            if (!table.isEmpty()) {
                w.printf(Locale.ROOT, "  %-10s %-28s %12s %10s %12s %8s%n", "protocol", "feature", "target", "std", "model", "z");
                for (var r : table) {
                    w.printf(Locale.ROOT, "  %-10s %-28s %12.5g %10.4g %12.5g %8.3f%n", r.protocol(), r.feature(),
                            r.targetMean(), r.targetStd(), r.model(), r.score());
                }
            }
            w.println("report: " + out.resolve("report.json") + ", features.csv, best_parameters.json, convergence.png, overlay.png");
            if (fit.generation() < generations) w.println("stopped early; add --resume to continue");
            w.flush();
        }
        return 0;
    }

    static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
