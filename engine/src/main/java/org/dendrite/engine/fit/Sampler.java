package org.dendrite.engine.fit;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.dendrite.engine.DendriteException;

/**
 * Parameter samples for sweeps, each a pure function of (ranges, sample count, seed, index) so that any run can be
 * recomputed by index: a shard or a resumed sweep computes exactly the points of the full sweep.
 */
public enum Sampler {
    /** Full factorial grid; the last parameter varies fastest. */
    GRID,
    /** Independent uniform draws (log-uniform for log ranges). */
    RANDOM,
    /** Latin hypercube: each parameter's range cut into K strata, one sample per stratum, strata permuted. */
    LHS,
    /** Sobol low-discrepancy sequence (Joe–Kuo directions, Commons Math), point 0 skipped; seed ignored. */
    SOBOL;

    public static Sampler parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DendriteException("unknown sampler '" + s + "' (grid, random, lhs or sobol)");
        }
    }

    /** Number of runs: the grid size for GRID, else {@code samples}. */
    public long count(List<ParameterRange> ranges, int samples) {
        if (this == GRID) {
            long n = 1;
            StringBuilder sizes = new StringBuilder();
            for (ParameterRange r : ranges) {
                sizes.append(sizes.length() == 0 ? "" : " x ").append(r.gridSize());
                n = n > MAX_RUNS ? n : n * r.gridSize(); // both <= 2^31: no overflow before the check
            }
            if (n > MAX_RUNS) {
                throw new DendriteException("a grid of " + sizes + " runs is more than the " + MAX_RUNS
                        + " runs one sweep holds; use fewer points per parameter, or --sampler random|lhs|sobol --samples K");
            }
            return n;
        }
        if (samples < 1) throw new DendriteException("sampler " + name().toLowerCase(Locale.ROOT) + " needs --samples K >= 1");
        if (samples > MAX_RUNS) throw new DendriteException("--samples " + samples + " is more than the " + MAX_RUNS + " runs one sweep holds");
        return samples;
    }

    /**
     * Most runs in one sweep: the sample points are held in memory (8 bytes per parameter per run) and run indices
     * are ints; 10 million runs of 5 parameters are 400 MB. Larger studies: several sweeps, or shards.
     */
    public static final long MAX_RUNS = 10_000_000;

    /** All sample points, row i = run i (values in parameter units). */
    public double[][] points(List<ParameterRange> ranges, int samples, long seed) {
        int n = Math.toIntExact(count(ranges, samples));
        int d = ranges.size();
        double[][] out = new double[n][d];
        switch (this) {
            case GRID -> {
                for (int i = 0; i < n; i++) {
                    long rem = i;
                    for (int j = d - 1; j >= 0; j--) {
                        int g = ranges.get(j).gridSize();
                        out[i][j] = ranges.get(j).gridValue((int) (rem % g));
                        rem /= g;
                    }
                }
            }
            case RANDOM -> {
                SplittableRandom rng = new SplittableRandom(seed);
                for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) out[i][j] = ranges.get(j).fromUnit(rng.nextDouble());
            }
            case LHS -> {
                SplittableRandom rng = new SplittableRandom(seed);
                for (int j = 0; j < d; j++) {
                    int[] perm = new int[n];
                    for (int i = 0; i < n; i++) perm[i] = i;
                    for (int i = n - 1; i > 0; i--) {
                        int k = rng.nextInt(i + 1);
                        int t = perm[i];
                        perm[i] = perm[k];
                        perm[k] = t;
                    }
                    for (int i = 0; i < n; i++) out[i][j] = ranges.get(j).fromUnit((perm[i] + rng.nextDouble()) / n);
                }
            }
            case SOBOL -> {
                if (d > 1000) throw new DendriteException("Sobol sampling supports at most 1000 parameters");
                SobolSequenceGenerator g = new SobolSequenceGenerator(Math.max(1, d));
                g.nextVector(); // the first point is all zeros
                for (int i = 0; i < n; i++) {
                    double[] u = g.nextVector();
                    for (int j = 0; j < d; j++) out[i][j] = ranges.get(j).fromUnit(u[j]);
                }
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }
}
