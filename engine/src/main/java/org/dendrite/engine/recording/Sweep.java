package org.dendrite.engine.recording;

import java.util.List;
import java.util.function.Supplier;

/**
 * One sweep (episode, trace) of a recording: a time base shared by all channels, one sample array per channel in
 * that channel's unit, and the command waveforms played during the sweep.
 */
public final class Sweep {
    private final int index;
    private final double startMs;
    private final TimeBase time;
    private final int channelCount;
    private final Supplier<double[][]> source;
    private volatile double[][] data;
    private final List<Command> commands;

    /**
     * @param index    0-based sweep number
     * @param startMs  start of the sweep from the start of the recording, ms (NaN if unknown)
     * @param time     sample times within the sweep (ms)
     * @param data     one array per channel, each {@code time.size()} long; taken over (not copied) for speed, so
     *                 callers must not keep them
     * @param commands command waveforms (may be empty)
     */
    public Sweep(int index, double startMs, TimeBase time, double[][] data, List<Command> commands) {
        this(index, startMs, time, data.length, null, data, commands);
        check(data);
    }

    private Sweep(int index, double startMs, TimeBase time, int channelCount, Supplier<double[][]> source, double[][] data,
                  List<Command> commands) {
        this.index = index;
        this.startMs = startMs;
        this.time = time;
        this.channelCount = channelCount;
        this.source = source;
        this.data = data;
        this.commands = List.copyOf(commands);
    }

    /**
     * A sweep whose samples are decoded by {@code source} on first use (once): a reader can hand out a long
     * recording without converting every sweep; {@code source} must return {@code channelCount} arrays of
     * {@code time.size()} samples.
     */
    public static Sweep decodedOnUse(int index, double startMs, TimeBase time, int channelCount, Supplier<double[][]> source,
                                     List<Command> commands) {
        return new Sweep(index, startMs, time, channelCount, source, null, commands);
    }

    private void check(double[][] d) {
        if (d.length != channelCount) {
            throw new IllegalArgumentException("sweep " + index + " decoded " + d.length + " channels, expected " + channelCount);
        }
        for (int c = 0; c < d.length; c++) {
            if (d[c].length != time.size()) {
                throw new IllegalArgumentException("sweep " + index + " channel " + c + " has " + d[c].length
                        + " samples but the time base has " + time.size());
            }
        }
    }

    private double[][] d() {
        double[][] x = data;
        if (x == null) {
            synchronized (this) {
                x = data;
                if (x == null) {
                    x = source.get();
                    check(x);
                    data = x;
                }
            }
        }
        return x;
    }

    public int index() {
        return index;
    }

    /** Start of the sweep from the start of the recording, ms (NaN if unknown). */
    public double startMs() {
        return startMs;
    }

    public TimeBase time() {
        return time;
    }

    /** Number of samples per channel. */
    public int size() {
        return time.size();
    }

    public int channelCount() {
        return channelCount;
    }

    /** Sample {@code i} of channel {@code channel}, in the channel's unit. */
    public double value(int channel, int i) {
        return d()[channel][i];
    }

    /** A copy of channel {@code channel}'s samples, in the channel's unit. */
    public double[] data(int channel) {
        return d()[channel].clone();
    }

    public List<Command> commands() {
        return commands;
    }

    /** The command waveform of output {@code dac}, or null. */
    public Command command(int dac) {
        for (Command c : commands) if (c.dac() == dac) return c;
        return null;
    }
}
