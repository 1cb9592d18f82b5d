package org.dendrite.engine.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * NSGA-II (Deb et al. 2002): binary tournaments on (front rank, crowding distance), simulated binary crossover
 * and polynomial mutation (distribution indices 20, crossover probability 0.9, mutation probability 1/n per
 * gene), elitist selection of the next parents from parents + offspring by non-dominated fronts and crowding.
 * Written for exact checkpointing: the state is the parent population and its objectives, and generation g's
 * random numbers depend only on (seed, g). Works on [0, 1]^n.
 */
public final class Nsga2 implements Optimizer {
    private static final double ETA_C = 20, ETA_M = 20, P_CROSS = 0.9;
    private final int n, size;
    private final long seed;
    private double[][] parents; // null before the first tell
    private double[][] parentObjectives;
    private int generation;
    private double[][] pending;

    public Nsga2(int dimension, int populationSize, long seed) {
        if (dimension < 1) throw new IllegalArgumentException("NSGA-II needs at least one parameter");
        if (populationSize < 4) throw new IllegalArgumentException("NSGA-II needs a population of at least 4");
        this.n = dimension;
        this.size = populationSize + (populationSize % 2);
        this.seed = seed;
    }

    public static Nsga2 restore(Map<String, Object> s) {
        Nsga2 o = new Nsga2((int) Optimizer.integer(s.get("dimension")), (int) Optimizer.integer(s.get("population")),
                Optimizer.integer(s.get("seed")));
        o.generation = (int) Optimizer.integer(s.get("generation"));
        if (s.get("parents") != null) {
            o.parents = Optimizer.matrix(s.get("parents"));
            o.parentObjectives = Optimizer.matrix(s.get("parent_objectives"));
        }
        return o;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("optimizer", name());
        s.put("generation", generation);
        s.put("seed", seed);
        s.put("dimension", n);
        s.put("population", size);
        s.put("parents", parents == null ? null : copy(parents));
        s.put("parent_objectives", parentObjectives == null ? null : copy(parentObjectives));
        return s;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }

    @Override
    public String name() {
        return "nsga2";
    }

    @Override
    public int generation() {
        return generation;
    }

    @Override
    public double[][] ask() {
        if (pending != null) return copy(pending);
        RandomGenerator rng = Optimizer.rng(seed, generation, 2);
        pending = new double[size][n];
        if (parents == null) {
            for (int k = 0; k < size; k++) for (int i = 0; i < n; i++) pending[k][i] = rng.nextDouble();
            return copy(pending);
        }
        int[] rank = new int[size];
        double[] crowd = new double[size];
        rankAndCrowd(parentObjectives, rank, crowd);
        for (int k = 0; k < size; k += 2) {
            double[] a = parents[tournament(rng, rank, crowd)].clone();
            double[] b = parents[tournament(rng, rank, crowd)].clone();
            if (rng.nextDouble() <= P_CROSS) sbx(rng, a, b);
            mutate(rng, a);
            mutate(rng, b);
            pending[k] = a;
            pending[k + 1] = b;
        }
        return copy(pending);
    }

    private int tournament(RandomGenerator rng, int[] rank, double[] crowd) {
        int a = rng.nextInt(size), b = rng.nextInt(size);
        if (rank[a] != rank[b]) return rank[a] < rank[b] ? a : b;
        if (crowd[a] != crowd[b]) return crowd[a] > crowd[b] ? a : b;
        return Math.min(a, b);
    }

    private void sbx(RandomGenerator rng, double[] a, double[] b) {
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() > 0.5) continue;
            double x1 = Math.min(a[i], b[i]), x2 = Math.max(a[i], b[i]);
            if (x2 - x1 < 1e-14) continue;
            double u = rng.nextDouble();
            double beta = 1 + 2 * (x1 - 0) / (x2 - x1);
            double alpha = 2 - Math.pow(beta, -(ETA_C + 1));
            double betaq = u <= 1 / alpha ? Math.pow(u * alpha, 1 / (ETA_C + 1)) : Math.pow(1 / (2 - u * alpha), 1 / (ETA_C + 1));
            double c1 = 0.5 * (x1 + x2 - betaq * (x2 - x1));
            beta = 1 + 2 * (1 - x2) / (x2 - x1);
            alpha = 2 - Math.pow(beta, -(ETA_C + 1));
            betaq = u <= 1 / alpha ? Math.pow(u * alpha, 1 / (ETA_C + 1)) : Math.pow(1 / (2 - u * alpha), 1 / (ETA_C + 1));
            double c2 = 0.5 * (x1 + x2 + betaq * (x2 - x1));
            c1 = Math.min(1, Math.max(0, c1));
            c2 = Math.min(1, Math.max(0, c2));
            if (rng.nextDouble() <= 0.5) {
                a[i] = c2;
                b[i] = c1;
            } else {
                a[i] = c1;
                b[i] = c2;
            }
        }
    }

    private void mutate(RandomGenerator rng, double[] x) {
        double pm = 1.0 / n;
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() > pm) continue;
            double y = x[i];
            double d1 = y, d2 = 1 - y;
            double u = rng.nextDouble();
            double pw = 1 / (ETA_M + 1);
            double dq;
            if (u < 0.5) {
                double v = 2 * u + (1 - 2 * u) * Math.pow(1 - d1, ETA_M + 1);
                dq = Math.pow(v, pw) - 1;
            } else {
                double v = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(1 - d2, ETA_M + 1);
                dq = 1 - Math.pow(v, pw);
            }
            x[i] = Math.min(1, Math.max(0, y + dq));
        }
    }

    @Override
    public void tell(double[][] objectives) {
        if (pending == null) throw new IllegalStateException("tell before ask");
        if (objectives.length != size) throw new IllegalArgumentException("expected " + size + " objective vectors");
        double[][] fx = new double[objectives.length][];
        for (int k = 0; k < fx.length; k++) {
            fx[k] = objectives[k].clone();
            for (int j = 0; j < fx[k].length; j++) if (!Double.isFinite(fx[k][j])) fx[k][j] = Double.MAX_VALUE;
        }
        double[][] allX, allF;
        if (parents == null) {
            allX = pending;
            allF = fx;
        } else {
            allX = new double[2 * size][];
            allF = new double[2 * size][];
            for (int k = 0; k < size; k++) {
                allX[k] = parents[k];
                allF[k] = parentObjectives[k];
                allX[size + k] = pending[k];
                allF[size + k] = fx[k];
            }
        }
        int m = allX.length;
        int[] rank = new int[m];
        double[] crowd = new double[m];
        rankAndCrowd(allF, rank, crowd);
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) order[k] = k;
        Arrays.sort(order, Comparator.comparingInt((Integer k) -> rank[k])
                .thenComparing((Integer k) -> -crowd[k]).thenComparingInt(k -> k));
        parents = new double[size][];
        parentObjectives = new double[size][];
        for (int k = 0; k < size; k++) {
            parents[k] = allX[order[k]].clone();
            parentObjectives[k] = allF[order[k]].clone();
        }
        generation++;
        pending = null;
    }

    /** Fast non-dominated sort (rank 0 = first front) and crowding distance within each front. */
    static void rankAndCrowd(double[][] f, int[] rank, double[] crowd) {
        int m = f.length;
        List<List<Integer>> dominates = new ArrayList<>();
        int[] dominatedBy = new int[m];
        for (int p = 0; p < m; p++) dominates.add(new ArrayList<>());
        for (int p = 0; p < m; p++) {
            for (int q = p + 1; q < m; q++) {
                int d = dominance(f[p], f[q]);
                if (d < 0) {
                    dominates.get(p).add(q);
                    dominatedBy[q]++;
                } else if (d > 0) {
                    dominates.get(q).add(p);
                    dominatedBy[p]++;
                }
            }
        }
        List<Integer> front = new ArrayList<>();
        for (int p = 0; p < m; p++) if (dominatedBy[p] == 0) front.add(p);
        int r = 0;
        while (!front.isEmpty()) {
            for (int p : front) rank[p] = r;
            crowding(f, front, crowd);
            List<Integer> next = new ArrayList<>();
            for (int p : front) {
                for (int q : dominates.get(p)) if (--dominatedBy[q] == 0) next.add(q);
            }
            next.sort(Integer::compare);
            front = next;
            r++;
        }
    }

    /** -1 when a dominates b, 1 when b dominates a, 0 otherwise. */
    private static int dominance(double[] a, double[] b) {
        boolean aBetter = false, bBetter = false;
        for (int j = 0; j < a.length; j++) {
            if (a[j] < b[j]) aBetter = true;
            else if (b[j] < a[j]) bBetter = true;
        }
        if (aBetter && !bBetter) return -1;
        if (bBetter && !aBetter) return 1;
        return 0;
    }

    private static void crowding(double[][] f, List<Integer> front, double[] crowd) {
        for (int p : front) crowd[p] = 0;
        int objectives = f[front.get(0)].length;
        Integer[] idx = front.toArray(new Integer[0]);
        for (int j = 0; j < objectives; j++) {
            final int jj = j;
            Arrays.sort(idx, Comparator.comparingDouble((Integer k) -> f[k][jj]).thenComparingInt(k -> k));
            double lo = f[idx[0]][j], hi = f[idx[idx.length - 1]][j];
            crowd[idx[0]] = Double.POSITIVE_INFINITY;
            crowd[idx[idx.length - 1]] = Double.POSITIVE_INFINITY;
            if (hi - lo <= 0) continue;
            for (int k = 1; k < idx.length - 1; k++) crowd[idx[k]] += (f[idx[k + 1]][j] - f[idx[k - 1]][j]) / (hi - lo);
        }
    }
}
