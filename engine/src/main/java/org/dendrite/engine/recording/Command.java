package org.dendrite.engine.recording;

/**
 * The command (stimulus) waveform of one output channel during one sweep, sample-aligned with the sweep's time base:
 * current injected in current clamp (pA or nA), or voltage imposed in voltage clamp (mV). Either rebuilt from the
 * protocol's epoch table (ABF) or recorded (NWB stimulus series).
 */
public final class Command {
    private final int dac;
    private final String name;
    private final String units;
    private final double[] values;

    public Command(int dac, String name, String units, double[] values) {
        this.dac = dac;
        this.name = name == null ? "" : name.strip();
        this.units = units == null ? "" : units.strip();
        this.values = values.clone();
    }

    public int dac() {
        return dac;
    }

    public String name() {
        return name;
    }

    public String units() {
        return units;
    }

    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    /** A copy of the waveform, in {@link #units()}. */
    public double[] values() {
        return values.clone();
    }
}
