package org.dendrite.engine.record;

import java.util.List;

/**
 * Recorded samples: time and one column per probe, sampled after every {@code every}-th step (row 0 is the
 * state after finitialize). Storage grows by doubling; sampling does not allocate once capacity is reached.
 */
public final class Traces {
    private final List<Probe> probes;
    private final Probe[] probeArray;
    private final int every;
    private double[] time;
    private double[][] columns;
    private int rows;

    public Traces(List<Probe> probes, int every, int expectedRows) {
        if (every < 1) throw new IllegalArgumentException("record interval must be >= 1 step");
        this.probes = List.copyOf(probes);
        this.probeArray = probes.toArray(new Probe[0]);
        this.every = every;
        int cap = Math.max(16, expectedRows);
        time = new double[cap];
        columns = new double[probes.size()][cap];
    }

    public int every() { return every; }
    public List<Probe> probes() { return probes; }
    public int rows() { return rows; }

    public void clear() {
        rows = 0;
    }

    /** Samples if {@code step} is a multiple of the interval. */
    public void sample(long step, double t) {
        if (step % every != 0) return;
        if (rows == time.length) grow();
        time[rows] = t;
        for (int c = 0; c < probeArray.length; c++) columns[c][rows] = probeArray[c].read();
        rows++;
    }

    private void grow() {
        int cap = time.length * 2;
        time = java.util.Arrays.copyOf(time, cap);
        for (int c = 0; c < columns.length; c++) columns[c] = java.util.Arrays.copyOf(columns[c], cap);
    }

    /** Sample times, ms. */
    public double[] time() {
        return java.util.Arrays.copyOf(time, rows);
    }

    public double[] column(int c) {
        return java.util.Arrays.copyOf(columns[c], rows);
    }

    /** Column by probe name, or null. */
    public double[] column(String name) {
        for (int c = 0; c < probeArray.length; c++) if (probeArray[c].name().equals(name)) return column(c);
        return null;
    }

    public double value(int row, int c) {
        return columns[c][row];
    }

    public double timeAt(int row) {
        return time[row];
    }
}
