package org.dendrite.io.hoc;

/**
 * A {@code vec.play(&var, ...)} request: during a simulation the engine sets {@link #target()} from
 * {@link #values()} — one value every {@link #interval()} ms when that is not NaN, else at the times in
 * {@link #times()}; {@link #continuous()} asks for linear interpolation between the points (NEURON's
 * {@code play(&var, tvec, 1)}), otherwise the value steps at each time.
 */
public record PlayRequest(HocVector values, HocPointer target, double interval, HocVector times, boolean continuous) {}
