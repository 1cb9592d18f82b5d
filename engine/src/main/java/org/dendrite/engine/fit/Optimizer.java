package org.dendrite.engine.fit;

import java.util.List;
import java.util.Map;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * An ask–tell optimizer over the unit cube [0, 1]^n (parameters are scaled to their bounds outside). The whole
 * state is exported by {@link #state()} as plain numbers and restored by {@code restore}, and the random numbers
 * of generation g come from a generator seeded by (seed, g) alone, so a run resumed from the checkpoint of any
 * generation continues exactly as the uninterrupted run.
 */
public interface Optimizer {
    /** The points to evaluate in this generation (in [0, 1]^n). Calling it again returns the same points. */
    double[][] ask();

    /** The objective vectors of the points of {@link #ask()} (lower is better); advances one generation. */
    void tell(double[][] objectives);

    /** Number of completed generations. */
    int generation();

    /** Name written into checkpoints ("cmaes", "nsga2"). */
    String name();

    /** Everything needed to continue: numbers, arrays of numbers, matrices. */
    Map<String, Object> state();

    /** The random generator for generation g of run {@code seed}. */
    static RandomGenerator rng(long seed, int generation, int stream) {
        return new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), generation, stream, 0x5eed});
    }

    // --------------------------------------------------------------- helpers to read a restored state

    static double[] vector(Object o) {
        if (o instanceof double[] d) return d.clone();
        List<?> l = (List<?>) o;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).doubleValue();
        return out;
    }

    static double[][] matrix(Object o) {
        if (o instanceof double[][] d) {
            double[][] c = new double[d.length][];
            for (int i = 0; i < d.length; i++) c[i] = d[i].clone();
            return c;
        }
        List<?> l = (List<?>) o;
        double[][] out = new double[l.size()][];
        for (int i = 0; i < out.length; i++) out[i] = vector(l.get(i));
        return out;
    }

    static long integer(Object o) {
        return ((Number) o).longValue();
    }
}
