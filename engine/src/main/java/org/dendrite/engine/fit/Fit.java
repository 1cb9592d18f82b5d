package org.dendrite.engine.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.DendriteException;

/**
 * The generation loop of a fit: ask the optimizer, evaluate the population in parallel, tell, keep the hall of
 * fame and the convergence history, and hand a complete checkpoint to the listener after every generation.
 * {@link #state()} / {@link #resume} round-trip everything, so a fit stopped after any generation and resumed
 * produces exactly the numbers of an uninterrupted run with the same seed (and any number of threads).
 */
public final class Fit {
    /** One evaluated individual: parameters (model units), objectives, their sum, and when it was found. */
    public record Individual(double[] values, double[] objectives, double score, int generation, int index) {}

    /** Convergence of one generation. */
    public record GenerationStats(int generation, long evaluations, double best, double median, double bestSoFar) {}

    /** Called after every generation with the fit's checkpoint; return false to stop after it. */
    public interface Listener {
        boolean generationDone(Fit fit);
    }

    private final FitProblem problem;
    private final Optimizer optimizer;
    private final int hallOfFameSize;
    private final List<Individual> hallOfFame = new ArrayList<>();
    private final List<GenerationStats> history = new ArrayList<>();
    private long evaluations;

    public Fit(FitProblem problem, Optimizer optimizer, int hallOfFameSize) {
        this.problem = problem;
        this.optimizer = optimizer;
        this.hallOfFameSize = Math.max(1, hallOfFameSize);
    }

    public FitProblem problem() { return problem; }
    public Optimizer optimizer() { return optimizer; }
    public List<Individual> hallOfFame() { return List.copyOf(hallOfFame); }
    public List<GenerationStats> history() { return List.copyOf(history); }
    public long evaluations() { return evaluations; }
    public int generation() { return optimizer.generation(); }

    /** The best individual found so far, or null before the first generation. */
    public Individual best() {
        return hallOfFame.isEmpty() ? null : hallOfFame.get(0);
    }

    /** Runs until {@code generations} generations are complete (or the listener says stop). */
    public void run(int generations, Evaluator evaluator, Listener listener) {
        while (optimizer.generation() < generations) {
            double[][] pop = optimizer.ask();
            int gen = optimizer.generation();
            double[][] values = new double[pop.length][];
            for (int k = 0; k < pop.length; k++) values[k] = problem.toValues(pop[k]);
            List<double[]> objs = evaluator.objectives(problem, values);
            double[][] f = objs.toArray(new double[0][]);
            optimizer.tell(f);
            evaluations += pop.length;
            double[] scores = new double[pop.length];
            for (int k = 0; k < pop.length; k++) {
                double s = 0;
                for (double x : f[k]) s += x;
                scores[k] = s;
                offer(new Individual(problem.toValues(pop[k]), f[k].clone(), s, gen, k));
            }
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : 0.5 * (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]);
            history.add(new GenerationStats(gen, evaluations, sorted[0], median, best().score()));
            if (listener != null && !listener.generationDone(this)) return;
        }
    }

    private static final Comparator<Individual> ORDER = Comparator.comparingDouble(Individual::score)
            .thenComparingInt(Individual::generation).thenComparingInt(Individual::index);

    private void offer(Individual ind) {
        for (Individual h : hallOfFame) if (Arrays.equals(h.values(), ind.values())) return;
        hallOfFame.add(ind);
        hallOfFame.sort(ORDER);
        while (hallOfFame.size() > hallOfFameSize) hallOfFame.remove(hallOfFame.size() - 1);
    }

    /** The complete checkpoint as plain data (maps, lists, numbers, arrays). */
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("generation", optimizer.generation());
        s.put("evaluations", evaluations);
        s.put("optimizer", optimizer.state());
        List<Map<String, Object>> hof = new ArrayList<>();
        for (Individual i : hallOfFame) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("values", i.values().clone());
            m.put("objectives", i.objectives().clone());
            m.put("score", i.score());
            m.put("generation", i.generation());
            m.put("index", i.index());
            hof.add(m);
        }
        s.put("hall_of_fame", hof);
        List<double[]> hist = new ArrayList<>();
        for (GenerationStats g : history) {
            hist.add(new double[] {g.generation(), g.evaluations(), g.best(), g.median(), g.bestSoFar()});
        }
        s.put("history", hist);
        return s;
    }

    /** Rebuilds a fit from {@link #state()} (as read back from JSON: maps, lists and numbers). */
    @SuppressWarnings("unchecked")
    public static Fit resume(FitProblem problem, Map<String, Object> s, int hallOfFameSize) {
        Map<String, Object> os = (Map<String, Object>) s.get("optimizer");
        String name = String.valueOf(os.get("optimizer"));
        Optimizer opt = switch (name) {
            case "cmaes" -> CmaEs.restore(os);
            case "nsga2" -> Nsga2.restore(os);
            default -> throw new DendriteException("checkpoint names an unknown optimizer '" + name + "'");
        };
        Fit fit = new Fit(problem, opt, hallOfFameSize);
        fit.evaluations = Optimizer.integer(s.get("evaluations"));
        for (Object o : (List<Object>) s.get("hall_of_fame")) {
            Map<String, Object> m = (Map<String, Object>) o;
            fit.hallOfFame.add(new Individual(Optimizer.vector(m.get("values")), Optimizer.vector(m.get("objectives")),
                    ((Number) m.get("score")).doubleValue(), (int) Optimizer.integer(m.get("generation")),
                    (int) Optimizer.integer(m.get("index"))));
        }
        for (Object o : (List<Object>) s.get("history")) {
            double[] g = Optimizer.vector(o);
            fit.history.add(new GenerationStats((int) g[0], (long) g[1], g[2], g[3], g[4]));
        }
        return fit;
    }
}
