package org.dendrite.io.hoc;

/**
 * A {@code vec.record(&var)} request: during a simulation the engine appends the value of {@link #source()}
 * to {@link #vector()} at t = 0 (finitialize) and after every step, or every {@link #interval()} ms when
 * that is not NaN, or at the times listed in {@link #times()} when that is not null (NEURON's
 * {@code vec.record(&var, tvec)}: tvec is read, not written). {@link #timesOut()}, when not null, receives the
 * time of every sample ({@code cvode.record(&var, vvec, tvec)}).
 */
public record RecordRequest(HocVector vector, HocPointer source, double interval, HocVector times, HocVector timesOut) {
    public RecordRequest(HocVector vector, HocPointer source, double interval, HocVector times) {
        this(vector, source, interval, times, null);
    }
}
