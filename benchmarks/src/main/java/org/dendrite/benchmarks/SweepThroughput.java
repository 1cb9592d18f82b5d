package org.dendrite.benchmarks;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.fit.ModelParameters;
import org.dendrite.engine.fit.ParameterRange;
import org.dendrite.engine.fit.Protocol;
import org.dendrite.engine.fit.Sampler;
import org.dendrite.engine.fit.Sweep;
import org.dendrite.engine.fit.Workers;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.model.ModelFiles;
import org.dendrite.io.model.ModelReader;

/**
 * Evaluations per second of a sweep (simulate + eFEL features per run) on 1 and on N worker threads, measured
 * alternately (1, N, 1, N, …) after a warm-up, with the median ratio; and the split of one evaluation into model
 * compilation (ModelSpec → Simulation, done per evaluation) and simulation.
 *
 * <p>usage: SweepThroughput [MODEL.json|default (= the bundled ball_and_stick)] [RUNS per measurement, 400] [ROUNDS, 7] [THREADS, 2]
 */
public final class SweepThroughput {
    private SweepThroughput() {}

    public static void main(String[] args) throws Exception {
        String model = args.length > 0 ? args[0] : "default";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        ModelSpec spec;
        if (model.equals("default")) {
            try (InputStream in = SweepThroughput.class.getClassLoader().getResourceAsStream("models/ball_and_stick/model.json")) {
                spec = ModelReader.read(in, "bundled", null, p -> null);
            }
        } else {
            spec = ModelFiles.read(Path.of(model));
        }
        ModelParameters mp = new ModelParameters(spec);
        String p0 = spec.insertions.isEmpty() ? "celsius" : firstParameter(spec);
        List<ParameterRange> ranges = List.of(ParameterRange.parse(p0), ParameterRange.parse("celsius=5:10"));
        Sweep sweep = new Sweep(mp, ranges, Sampler.RANDOM, runs, 1, null, null, Protocol.asModel(), null);

        // control: how many cores can this process get at all right now? (a busy loop on 1 and on N threads)
        double c1 = burn(1), cn = burn(threads);
        System.out.printf(Locale.ROOT, "control: a busy loop gets %.2f cores on 1 thread and %.2f cores on %d threads"
                + " (a quiet machine gives ~1 and ~%d; if both are about equal, no thread count can scale here)%n",
                c1, cn, threads, threads);

        double[] one = new double[rounds], many = new double[rounds], ratio = new double[rounds];
        double[] cpuOne = new double[rounds], cpuMany = new double[rounds], effOne = new double[rounds], effMany = new double[rounds];
        try (Workers w1 = new Workers(1); Workers wn = new Workers(threads)) {
            rate(sweep, wn, runs); // warm-up on all threads
            rate(sweep, w1, runs);
            for (int r = 0; r < rounds; r++) {
                one[r] = rate(sweep, w1, runs);
                cpuOne[r] = lastCpu / lastWall;
                effOne[r] = runs / lastCpu;
                many[r] = rate(sweep, wn, runs);
                cpuMany[r] = lastCpu / lastWall;
                effMany[r] = runs / lastCpu;
                ratio[r] = many[r] / one[r];
                System.out.printf(Locale.ROOT, "round %d: 1 thread %.2f evals/s (%.2f cores obtained, %.1f evals/cpu-s), "
                        + "%d threads %.2f evals/s (%.2f cores obtained, %.1f evals/cpu-s), ratio %.3f%n",
                        r, one[r], cpuOne[r], effOne[r], threads, many[r], cpuMany[r], effMany[r], ratio[r]);
            }
        }
        Arrays.sort(one);
        Arrays.sort(many);
        Arrays.sort(ratio);
        Arrays.sort(effOne);
        Arrays.sort(effMany);
        Arrays.sort(cpuOne);
        Arrays.sort(cpuMany);
        System.out.printf(Locale.ROOT, "median CPU: 1 thread got %.2f cores, %d threads got %.2f cores; work per CPU-second "
                        + "%.1f vs %.1f evals (parallel efficiency %.3f, ideal scaling on an idle machine ~%.2fx)%n",
                cpuOne[rounds / 2], threads, cpuMany[rounds / 2], effOne[rounds / 2], effMany[rounds / 2],
                effMany[rounds / 2] / effOne[rounds / 2], threads * effMany[rounds / 2] / effOne[rounds / 2]);
        System.out.printf(Locale.ROOT, "median: 1 thread %.2f evals/s, %d threads %.2f evals/s, ratio %.3f (min %.3f, max %.3f)%n",
                one[rounds / 2], threads, many[rounds / 2], ratio[rounds / 2], ratio[0], ratio[rounds - 1]);

        // after the rounds the JIT is warm: split an evaluation, and compare rebuilding with re-applying (per CPU-second)
        // split: compile vs simulate, single thread
        var targets = mp.resolveAll(List.of(ranges.get(0).name(), ranges.get(1).name()));
        int n = 200;
        long tc = 0, ts = 0;
        var threadMx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < n; i++) {
            long a = threadMx.getCurrentThreadCpuTime();
            ModelSpec s = mp.apply(targets, sweep.point(i % runs));
            Simulation sim = Simulation.compile(s);
            long b = threadMx.getCurrentThreadCpuTime();
            sim.finitialize(s.run.vInit);
            sim.advanceTo(s.run.tstop, null);
            long c = threadMx.getCurrentThreadCpuTime();
            tc += b - a;
            ts += c - b;
        }
        System.out.printf(Locale.ROOT, "model %s: %d compartments, tstop %.1f ms, dt %.4g ms%n", model,
                Simulation.compile(spec).compartmentCount(), spec.run.tstop, spec.run.dt);
        System.out.printf(Locale.ROOT, "per evaluation (thread CPU time): apply+compile %.3f ms, simulate %.3f ms (compile = %.2f%% of the run)%n",
                tc / 1e6 / n, ts / 1e6 / n, 100.0 * tc / (tc + ts));

        System.setProperty("dendrite.fit.rebuild", "true");
        Sweep rebuilding = new Sweep(mp, ranges, Sampler.RANDOM, runs, 1, null, null, Protocol.asModel(), null);
        System.clearProperty("dendrite.fit.rebuild");
        System.out.printf(Locale.ROOT, "sweep re-uses compiled models: %s%n", sweep.reusesCompiledModels());
        try (Workers w1 = new Workers(1)) {
            rate(rebuilding, w1, runs);
            rate(sweep, w1, runs);
            double[] rb = new double[5], ru = new double[5];
            for (int r = 0; r < 5; r++) {
                rate(rebuilding, w1, runs);
                rb[r] = runs / lastCpu;
                rate(sweep, w1, runs);
                ru[r] = runs / lastCpu;
            }
            Arrays.sort(rb);
            Arrays.sort(ru);
            System.out.printf(Locale.ROOT, "1 thread, median of 5, per CPU-second (immune to the share of the machine "
                    + "obtained): rebuild per evaluation %.1f evals, compile once + re-apply %.1f evals (x%.2f)%n",
                    rb[2], ru[2], ru[2] / rb[2]);
        }

    }

    /** Cores obtained by {@code n} threads spinning for 2 s. */
    static double burn(int n) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        Thread[] ts = new Thread[n];
        double[] sink = new double[n];
        for (int i = 0; i < n; i++) {
            final int id = i;
            ts[i] = new Thread(() -> {
                double x = 0;
                long end = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < end) for (int k = 0; k < 1000; k++) x += Math.sqrt(k + x);
                sink[id] = x;
            });
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        return (os.getProcessCpuTime() - c0) / 1e9 / ((System.nanoTime() - t0) / 1e9);
    }

    /** CPU seconds the process used during the last {@link #rate} call. */
    private static double lastCpu, lastWall;

    private static double rate(Sweep sweep, Workers w, int runs) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long a = System.nanoTime();
        List<Sweep.Row> rows = w.map(runs, k -> sweep.run(k, false));
        long b = System.nanoTime();
        lastCpu = (os.getProcessCpuTime() - c0) / 1e9;
        lastWall = (b - a) / 1e9;
        if (rows.size() != runs) throw new IllegalStateException();
        return runs / lastWall;
    }

    private static String firstParameter(ModelSpec spec) {
        ModelSpec.Insertion ins = spec.insertions.get(0);
        String group = spec.morphology().section(ins.section()).name();
        String p = ins.params().keySet().iterator().next();
        double v = ins.params().get(p).at(ins.section(), 0.5);
        return group + "." + ins.mechanism() + "." + p + "=" + (0.8 * v) + ":" + (1.2 * v);
    }


}
