package org.dendrite.engine.recording;

/** Kinds of epoch in an episodic command protocol (Axon's waveform editor terms). */
public enum EpochType {
    /** Not used; contributes no samples. */
    DISABLED,
    /** Constant level for the whole epoch. */
    STEP,
    /** Linear change from the previous level to this epoch's level over the epoch. */
    RAMP,
    /** Rectangular pulse train: {@code pulseWidth} samples at the level every {@code pulsePeriod}, else the previous level. */
    PULSE,
    /** Triangle train (drawn as a pulse train of triangles). */
    TRIANGLE,
    /** Cosine train. */
    COSINE,
    /** Biphasic pulse train: +level then -level relative to the previous level. */
    BIPHASIC,
    /** A type this reader does not know; drawn as a step. */
    UNKNOWN;

    /** Axon's epoch type code (0 disabled, 1 step, 2 ramp, 3 pulse, 4 triangle, 5 cosine, 7 biphasic). */
    public static EpochType fromAxonCode(int code) {
        return switch (code) {
            case 0 -> DISABLED;
            case 1 -> STEP;
            case 2 -> RAMP;
            case 3 -> PULSE;
            case 4 -> TRIANGLE;
            case 5 -> COSINE;
            case 7 -> BIPHASIC;
            default -> UNKNOWN;
        };
    }

    /** Capitalised name as shown in epoch tables ("Step", "Ramp", "Pulse"...). */
    public String label() {
        String n = name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
