package org.dendrite.engine.recording;

import java.util.function.Supplier;

/**
 * The command (stimulus) waveform of one output channel during one sweep, sample-aligned with the sweep's time base:
 * current injected in current clamp (pA or nA), or voltage imposed in voltage clamp (mV). Either recorded (NWB
 * stimulus series) or rebuilt from the protocol's epoch table (ABF); rebuilt waveforms are computed on first use,
 * so reading a long recording does not pay for commands nobody looks at.
 */
public final class Command {
    private final int dac;
    private final String name;
    private final String units;
    private final int size;
    private final Supplier<double[]> source;
    private volatile double[] values;

    /** A stored waveform; the array {@code values} is taken over (not copied), as {@link Sweep} does: do not keep it. */
    public Command(int dac, String name, String units, double[] values) {
        this(dac, name, units, values.length, null, values);
    }

    private Command(int dac, String name, String units, int size, Supplier<double[]> source, double[] values) {
        this.dac = dac;
        this.name = name == null ? "" : name.strip();
        this.units = units == null ? "" : units.strip();
        this.size = size;
        this.source = source;
        this.values = values;
    }

    /** A waveform of {@code size} samples computed by {@code source} when first needed (once). */
    public static Command computed(int dac, String name, String units, int size, Supplier<double[]> source) {
        return new Command(dac, name, units, size, source, null);
    }

    private double[] v() {
        double[] x = values;
        if (x == null) {
            synchronized (this) {
                x = values;
                if (x == null) {
                    x = source.get();
                    if (x.length != size) throw new IllegalStateException("command " + name + " computed " + x.length + " samples, expected " + size);
                    values = x;
                }
            }
        }
        return x;
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
        return size;
    }

    public double value(int i) {
        return v()[i];
    }

    /** A copy of the waveform, in {@link #units()}. */
    public double[] values() {
        return v().clone();
    }
}
