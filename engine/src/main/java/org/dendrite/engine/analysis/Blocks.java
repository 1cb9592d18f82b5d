package org.dendrite.engine.analysis;

import java.util.Arrays;

/**
 * eFEL's depolarisation-block check. A trace is blocked when the voltage stays above the mean spike-start voltage
 * (or -50 mV when no spike start was found) for more than 50 ms, when it never rises above that level, or when,
 * inside the stimulus, it stays below -75 mV for more than 50 ms. A subthreshold trace (no spike starts at all) is
 * not blocked.
 */
final class Blocks {
    private Blocks() {}

    static final double BLOCK_MIN_DURATION = 50.0;       // ms
    static final double LONG_HYPERPOL_THRESHOLD = -75.0; // mV
    static final double DEFAULT_DEPOL_THRESHOLD = -50.0; // mV

    /** True when eFEL's depol_block gives none (a block was found). */
    static boolean blocked(TraceFeatures f) {
        double[] t = f.t, v = f.v;
        int stimStartIdx = f.indexAtOrAfter(f.stimStart);
        int stimEndIdx = f.indexAtOrAfter(f.stimEnd);
        if (stimStartIdx >= t.length || stimEndIdx >= t.length) return true;
        int[] begins = f.apBegin();
        if (begins == null) return false; // subthreshold: no block
        double level = DEFAULT_DEPOL_THRESHOLD;
        if (begins.length > 0) {
            double sum = 0;
            for (int b : begins) sum += v[b];
            level = sum / begins.length;
        }
        int[][] ud = crossings(v, level);
        int[] up = ud[0], down = ud[1];
        if (up.length > down.length) down = append(down, stimEndIdx);
        if (up.length == 0) return true; // never high enough
        double maxDepol = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < up.length; k++) maxDepol = Math.max(maxDepol, t[down[k]] - t[up[k]]);
        if (maxDepol > BLOCK_MIN_DURATION) return true;

        ud = crossings(v, LONG_HYPERPOL_THRESHOLD);
        int[] down2 = Arrays.stream(ud[1]).filter(x -> x > stimStartIdx && x < stimEndIdx).toArray();
        if (down2.length != 0) {
            int firstDown = down2[0];
            int[] up2 = Arrays.stream(ud[0]).filter(x -> x > stimStartIdx && x < stimEndIdx && x > firstDown).toArray();
            if (up2.length < down2.length) up2 = append(up2, stimEndIdx);
            if (up2.length < down2.length) return true; // eFEL fails here: no value
            double maxHyper = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < down2.length; k++) maxHyper = Math.max(maxHyper, t[up2[k]] - t[down2[k]]);
            if (maxHyper > BLOCK_MIN_DURATION) return true;
        }
        return false;
    }

    /** {indices k where v goes from <= level at k to > level at k+1, the reverse}. */
    private static int[][] crossings(double[] v, double level) {
        int[] up = new int[8], down = new int[8];
        int nu = 0, nd = 0;
        for (int k = 0; k + 1 < v.length; k++) {
            boolean a = v[k] > level, b = v[k + 1] > level;
            if (!a && b) {
                if (nu == up.length) up = Arrays.copyOf(up, nu * 2);
                up[nu++] = k;
            } else if (a && !b) {
                if (nd == down.length) down = Arrays.copyOf(down, nd * 2);
                down[nd++] = k;
            }
        }
        return new int[][] {Arrays.copyOf(up, nu), Arrays.copyOf(down, nd)};
    }

    private static int[] append(int[] x, int value) {
        int[] y = Arrays.copyOf(x, x.length + 1);
        y[x.length] = value;
        return y;
    }
}
