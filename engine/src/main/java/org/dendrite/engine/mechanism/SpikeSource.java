package org.dendrite.engine.mechanism;

import java.util.ArrayList;
import java.util.List;

/** Where spikes come from (a threshold detector or an artificial cell); fans out to its NetCons. */
public final class SpikeSource {
    private final String name;
    private final List<NetCon> netcons = new ArrayList<>();
    private double[] times = new double[16];
    private int count;

    public SpikeSource(String name) {
        this.name = name;
    }

    public String name() { return name; }
    public List<NetCon> netcons() { return netcons; }

    public void connect(NetCon nc) {
        netcons.add(nc);
    }

    /** Records a spike time (called by the simulator when the source fires). */
    public void record(double t) {
        if (count == times.length) times = java.util.Arrays.copyOf(times, count * 2);
        times[count++] = t;
    }

    public void clearSpikes() {
        count = 0;
    }

    /** Spike times in ms, in order. */
    public double[] spikeTimes() {
        return java.util.Arrays.copyOf(times, count);
    }
}
