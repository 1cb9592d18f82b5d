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

    /**
     * Bad input before a long run ends in OutOfMemoryError: rejects a non-finite or negative tstop or dt, and a
     * run whose recordings ({@code probes} columns plus time, 8 bytes per sample, x2 for the growth by doubling
     * and the copy written out) need more memory than this JVM may still take.
     */
    public static void checkMemory(double tstopMs, double dtMs, int every, int probes) {
        if (!Double.isFinite(tstopMs) || tstopMs < 0) {
            throw new org.dendrite.engine.DendriteException("tstop = " + tstopMs + " ms: expected a finite time >= 0 ms");
        }
        if (!Double.isFinite(dtMs) || !(dtMs > 0)) {
            throw new org.dendrite.engine.DendriteException("dt = " + dtMs + " ms: expected a finite step > 0 ms");
        }
        double rows = Math.floor(tstopMs / dtMs / Math.max(1, every)) + 2;
        double bytes = rows * (probes + 1) * 8.0 * 2;
        long free = available();
        if (rows > Integer.MAX_VALUE - 16 || bytes > free) {
            throw new org.dendrite.engine.DendriteException(String.format(java.util.Locale.ROOT,
                    "tstop = %.6g ms at dt = %.6g ms records %.3g samples of %d columns: %.3g GB, more than the "
                            + "%.3g GB this JVM can still use; shorten tstop, record every K-th step "
                            + "(--record-every K / \"record_every\"), record fewer variables, or give Java more "
                            + "memory (DENDRITE_JAVA_OPTS=-Xmx16g)",
                    tstopMs, dtMs, rows, probes + 1, bytes / 1e9, free / 1e9));
        }
    }

    private static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    private void grow() {
        long needed = (long) time.length * 2 * (columns.length + 1) * 8;
        if (time.length > (Integer.MAX_VALUE - 16) / 2 || needed > available()) {
            throw new org.dendrite.engine.DendriteException(String.format(java.util.Locale.ROOT,
                    "recording %d columns beyond %d samples needs %.3g GB more than this JVM can use; record every "
                            + "K-th step, record fewer variables, or give Java more memory (DENDRITE_JAVA_OPTS=-Xmx16g)",
                    columns.length + 1, time.length, needed / 1e9));
        }
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
