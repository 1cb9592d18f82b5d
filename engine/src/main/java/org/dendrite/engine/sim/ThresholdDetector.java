package org.dendrite.engine.sim;

import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.mechanism.EventContext;

/**
 * Watches a variable (usually v at a node) and emits a spike at {@code t + 1e-10} ms the first step the value
 * is above threshold; it must fall back to or below threshold before it can fire again (neuron-numerics §9.6).
 */
public final class ThresholdDetector {
    private final double[] watched;
    private final int index;
    private final double threshold;
    private final SpikeSource source;
    private boolean above;

    public ThresholdDetector(double[] watched, int index, double thresholdMv, SpikeSource source) {
        this.watched = watched;
        this.index = index;
        this.threshold = thresholdMv;
        this.source = source;
    }

    public SpikeSource source() { return source; }
    public double threshold() { return threshold; }
    /** The watched value now (mV for v). */
    public double value() { return watched[index]; }
    /** Index into the watched array (the node, for v). */
    public int index() { return index; }
    /** Whether the watched array is the cell's v (variable-step detection interpolates v). */
    public boolean watches(double[] array) { return watched == array; }

    public void reset() {
        above = false;
    }

    /** Step start: test the value at t_n. */
    public void check(double t, EventContext ctx) {
        if (watched[index] - threshold > 0) {
            if (!above) {
                above = true;
                ctx.spike(source, t + 1e-10);
            }
        } else {
            above = false;
        }
    }
}
