package org.dendrite.engine.mechanism;

/**
 * A connection from a spike source to an event target (or to nothing: a pure spike detector).
 * {@code weight[0]} is the synaptic weight (uS for conductance synapses); delay in ms.
 */
public final class NetCon {
    final EventTarget target;
    final int instance;
    final double[] weight;
    final double delay;

    public NetCon(EventTarget target, int instance, double delayMs, double... weight) {
        if (delayMs < 0) throw new IllegalArgumentException("NetCon delay must be >= 0 ms, is " + delayMs);
        this.target = target;
        this.instance = instance;
        this.delay = delayMs;
        this.weight = weight.clone();
    }

    public double delay() { return delay; }
    /** Target, or null for a NetCon that only detects spikes. */
    public EventTarget target() { return target; }
    public int instance() { return instance; }
    public double[] weight() { return weight; }
}
