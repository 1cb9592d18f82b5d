package org.dendrite.engine.recording;

/**
 * One row of an episodic command protocol's epoch table. Levels are in the command channel's unit (mV for voltage
 * clamp, pA for current clamp), durations in samples of one channel. Sweep {@code k} (0-based) uses level
 * {@code firstLevel + k * deltaLevel} and duration {@code firstDuration + k * deltaDuration}.
 *
 * @param index         epoch number in the table (0 = "A", 1 = "B", ...)
 * @param type          step, ramp, pulse train...
 * @param firstLevel    level in sweep 0, command unit
 * @param deltaLevel    level increment per sweep, command unit
 * @param firstDuration duration in sweep 0, samples
 * @param deltaDuration duration increment per sweep, samples
 * @param pulsePeriod   pulse-train period, samples (0 if none)
 * @param pulseWidth    pulse width, samples (0 if none)
 * @param digitalPattern digital outputs during the epoch as a bit mask (bit 0 = output 0)
 */
public record Epoch(int index, EpochType type, double firstLevel, double deltaLevel, int firstDuration, int deltaDuration,
                    int pulsePeriod, int pulseWidth, int digitalPattern) {

    /** Level of this epoch in sweep {@code sweep} (0-based), command unit. */
    public double level(int sweep) {
        return firstLevel + sweep * deltaLevel;
    }

    /** Duration of this epoch in sweep {@code sweep} (0-based), samples; never negative. */
    public int duration(int sweep) {
        return Math.max(0, firstDuration + sweep * deltaDuration);
    }

    /** Epoch letter as shown in protocol editors: A, B, ... */
    public String letter() {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "E" + index;
    }
}
