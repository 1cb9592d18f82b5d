package org.dendrite.engine.mechanism;

/**
 * A mechanism that takes sampled data per instance, as NEURON's {@code Vector.play} / {@code VecStim.play}:
 * spike times ({@code values} null) or a waveform sampled at {@code time} (ms).
 */
public interface VectorInput {
    /** @throws IllegalArgumentException when the data do not fit the mechanism (unsorted times, lengths differ) */
    void setInput(int instance, double[] time, double[] values);
}
