package org.dendrite.engine.mechanism;

/**
 * A mechanism whose input jumps at known times (NMODL's {@code at_time}): a current or voltage command switched
 * on or off, a played waveform stepping to its next sample. The variable-step integrator
 * ({@link org.dendrite.engine.sim.VariableStep}) steps exactly to each such time and restarts its history there
 * (order 1), as NEURON's CVode does at an {@code at_time}; the fixed step ignores it. Queried again after every
 * edge, so edges may depend on parameters changed between runs.
 */
public interface StimulusEdges {
    /**
     * The earliest time strictly after {@code t} (ms) at which any instance's input jumps, or
     * {@code Double.POSITIVE_INFINITY} when none is left.
     */
    double nextEdge(double t);

    /** min(best, x) when x lies strictly after t: a helper for implementations. */
    static double earliestAfter(double best, double x, double t) {
        return x > t && x < best ? x : best;
    }
}
