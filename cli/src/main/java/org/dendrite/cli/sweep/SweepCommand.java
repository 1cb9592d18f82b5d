package org.dendrite.cli.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.dendrite.cli.Backend;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.fit.Workers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite sweep}: run a model over a parameter grid or sample, on every core, resumably. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = SweepMergeCommand.class,
        description = {"Run MODEL once per parameter combination, in parallel on all cores, resumably.",
                "One row per run (parameters, eFEL features of one recording, spike counts) is appended as soon",
                "as the run finishes:",
                "  DIR/results.jsonl  run index, params, every feature value, spike times, error",
                "  DIR/results.csv    the same flattened (several values: their mean)",
                "  DIR/summary.png    features vs the parameter, or a heat map (2+ params)",
                "  DIR/sweep.json     the definition (a restarted sweep checks it)",
                "",
                "Parameter names:",
                "  celsius, v_init, tstop, dt             run settings",
                "  GROUP.PARAM_MECH  (GROUP.MECH.PARAM)   somatic.gnabar_hh, apical.g_pas",
                "  GROUP.Ra, GROUP.cm, GROUP.ena ...      passive and ion properties",
                "  POINT.PARAM                            stim.amp, stim.del, syn.tau",
                "  GROUP: all, somatic, basal, apical, axonal, soma/dend/apic/axon",
                "  (every NAME[i]) or one section's name.",
                "",
                "Resumable: stopped at any moment (Ctrl-C, kill -9, a time limit), the",
                "same command continues; no finished run is lost or repeated, a torn",
                "last line is cut off. --shard i/N runs every N-th run for job arrays;",
                "'dendrite sweep merge' joins the shards.",
                "",
                "Examples:",
                "  dendrite sweep --param somatic.gnabar_hh=0.06:0.18:7 \\",
                "      --param stim.amp=0.05:0.4:8 --out sw",
                "  dendrite sweep model.json --param all.cm=0.5:2 \\",
                "      --param apical.g_pas=1e-5:1e-3 --sampler sobol --samples 256 \\",
                "      --feature Spikecount,AP_amplitude --out sw2",
                "  dendrite sweep model.json --config sweep.json --shard 3/8 --out sw/3"})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "dendrite model file (.json) or folder; default: the bundled model (or the sweep file's \"model\")")
    Path model;

    @picocli.CommandLine.Mixin
    org.dendrite.cli.ModOptions mods = new org.dendrite.cli.ModOptions();

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=FROM:TO:N",
            description = "a swept parameter: NAME=FROM:TO:N (N grid points, ends included), NAME=FROM:TO:N:log, "
                    + "NAME=V1,V2,V3, or NAME=FROM:TO for random/lhs/sobol (repeatable)")
    List<String> params = new ArrayList<>();

    @Option(names = "--sampler", paramLabel = "grid|random|lhs|sobol",
            description = "grid = every combination (default); random, lhs (Latin hypercube), sobol need --samples")
    String sampler;

    @Option(names = "--samples", paramLabel = "K", description = "number of runs for random, lhs and sobol")
    Integer samples;

    @Option(names = "--seed", paramLabel = "S", description = "random seed for random and lhs (default 1)")
    Long seed;

    @Option(names = {"-f", "--feature"}, paramLabel = "NAME", split = ",",
            description = "eFEL feature per run (repeatable or comma separated; default Spikecount, mean_frequency, "
                    + "voltage_base, steady_state_voltage_stimend); the stimulus window is the model's first IClamp")
    List<String> features = new ArrayList<>();

    @Option(names = "--probe", paramLabel = "RECORDING",
            description = "the model recording the features are computed on (default: the first voltage recording)")
    String probe;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "a fixed setting applied to every run, e.g. tstop=200 or stim.dur=100 (repeatable)")
    List<String> set = new ArrayList<>();

    @Option(names = "--setting", paramLabel = "NAME=VALUE", description = "eFEL setting, e.g. Threshold=-20 (repeatable)")
    List<String> efel = new ArrayList<>();

    @Option(names = "--override", paramLabel = "PARAMS.json",
            description = "fixed parameter values {name: value} applied to every run, e.g. a fit's best_parameters.json")
    Path override;

    @Option(names = "--config", paramLabel = "SWEEP.json",
            description = "read the sweep from a JSON file (keys: model, params, sampler, samples, seed, features, probe, "
                    + "set, efel, traces); options given here are added to / override it")
    Path config;

    @Option(names = "--traces", description = "also write each run's recording to DIR/traces/run_NNNNNN.csv")
    boolean traces;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "sweep-out",
            description = "results folder (default: ${DEFAULT-VALUE}); the same DIR resumes")
    Path out;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--shard", paramLabel = "i/N",
            description = "run only runs with index %% N == i (0 <= i < N), for cluster job arrays; join with 'sweep merge'")
    String shard;

    @Option(names = "--stop-after", hidden = true, paramLabel = "K", description = "stop after K new runs (tests)")
    int stopAfter;

    @Option(names = {"-q", "--quiet"}, description = "print nothing but errors")
    boolean quiet;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    /** Where the runs are evaluated (the thread pool unless the spark module plugs in its backend). */
    Backend backend = Backend.THREADS;

    /** This command evaluating on {@code b}. */
    public SweepCommand withBackend(Backend b) {
        this.backend = b;
        return this;
    }

    /** The sweep as the options (and the sweep file) define it, and the resolved MODEL path (null: bundled). */
    public record Setup(SweepDefinition def, Path model) {}

    /** Reads the options into a sweep definition (checks them; runs nothing). */
    public Setup setup() throws IOException {
        SweepDefinition def = config != null ? SweepDefinition.read(config) : new SweepDefinition();
        Path modelPath = model;
        if (modelPath == null && def.model != null) {
            modelPath = config.toAbsolutePath().getParent().resolve(def.model).normalize();
        }
        def.model = modelPath == null ? null : modelPath.toString();
        def.params.addAll(params);
        if (sampler != null) def.sampler = sampler;
        if (samples != null) def.samples = samples;
        if (seed != null) def.seed = seed;
        if (!features.isEmpty()) def.features = features;
        if (probe != null) def.probe = probe;
        for (String s : set) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new DendriteException("--set '" + s + "': expected NAME=VALUE");
            try {
                def.set.put(s.substring(0, eq).trim(), Double.parseDouble(s.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new DendriteException("--set '" + s + "': value is not a number");
            }
        }
        if (override != null) def.set.putAll(org.dendrite.cli.fit.ParamsFile.values(override));
        for (String s : efel) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new DendriteException("--setting '" + s + "': expected NAME=VALUE");
            def.efel.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        def.traces |= traces;
        if (!mods.mod.isEmpty()) def.mod = mods.mod.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
        if (def.params.isEmpty()) throw new DendriteException("no --param given (e.g. --param somatic.gnabar_hh=0.06:0.18:7)");
        return new Setup(def, modelPath);
    }

    @Override
    public Integer call() throws Exception {
        Setup setup = setup();
        SweepDefinition def = setup.def();
        Path modelPath = setup.model();
        int nThreads = threads == null ? Workers.defaultThreads() : threads;
        PrintWriter w = spec.commandLine().getOut();
        var err = System.err;
        SweepRunner.Outcome o = SweepRunner.run(def, modelPath, out, () -> backend.open(spec, modelPath, nThreads), shard,
                stopAfter, quiet, err);
        if (!quiet) {
            w.printf(Locale.ROOT, "%s: %d of %d runs done (%d now, %d failed) in %.1f s on %s (%.2f runs/s)%n",
                    out, o.done(), o.total(), o.ranNow(), o.failed(), o.seconds(), o.where(),
                    o.ranNow() / Math.max(1e-9, o.seconds()));
            if (o.complete()) w.printf("results: %s, %s, summary.png%n", out.resolve(ResultsLog.CSV), out.resolve(ResultsLog.JSONL));
            else w.println("stopped early; run the same command again to continue");
            w.flush();
        }
        return 0;
    }
}
