package org.dendrite.engine.analysis;

/** Depolarisation-block checks (depol_block, depol_block_bool). */
final class Blocks {
    private Blocks() {}

    static final double BLOCK_MIN_DURATION = 50.0; // ms
    static final double LONG_HYPERPOL_THRESHOLD = -75.0; // mV

    /** True when, inside the stimulus, the voltage stays above the mean spike-start voltage for more than 50 ms. */
    static boolean depolBlock(TraceFeatures f) {
        double[] bv = f.dep("AP_begin_voltage");
        if (bv == null) return false;
        double level = Numerics.mean(bv);
        return longestRun(f, level, true) > BLOCK_MIN_DURATION;
    }

    static boolean depolBlockBool(TraceFeatures f) {
        if (depolBlock(f)) return true;
        return longestRun(f, LONG_HYPERPOL_THRESHOLD, false) > BLOCK_MIN_DURATION;
    }

    private static double longestRun(TraceFeatures f, double level, boolean above) {
        int a = f.indexAtOrAfter(f.stimStart), b = f.indexAtOrAfter(f.stimEnd);
        double best = 0;
        int runStart = -1;
        for (int k = a; k < b; k++) {
            boolean in = above ? f.v[k] > level : f.v[k] < level;
            if (in) {
                if (runStart < 0) runStart = k;
                best = Math.max(best, f.t[k] - f.t[runStart]);
            } else runStart = -1;
        }
        return best;
    }
}
