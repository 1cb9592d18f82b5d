package org.dendrite.engine.recording;

import java.util.List;

/**
 * One sweep (episode, trace) of a recording: a time base shared by all channels, one sample array per channel in
 * that channel's unit, and the command waveforms played during the sweep.
 */
public final class Sweep {
    private final int index;
    private final double startMs;
    private final TimeBase time;
    private final double[][] data;
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
        this.index = index;
        this.startMs = startMs;
        this.time = time;
        for (int c = 0; c < data.length; c++) {
            if (data[c].length != time.size()) {
                throw new IllegalArgumentException("sweep " + index + " channel " + c + " has " + data[c].length
                        + " samples but the time base has " + time.size());
            }
        }
        this.data = data;
        this.commands = List.copyOf(commands);
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
        return data.length;
    }

    /** Sample {@code i} of channel {@code channel}, in the channel's unit. */
    public double value(int channel, int i) {
        return data[channel][i];
    }

    /** A copy of channel {@code channel}'s samples, in the channel's unit. */
    public double[] data(int channel) {
        return data[channel].clone();
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
