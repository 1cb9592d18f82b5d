package org.dendrite.io.trace;

/**
 * One voltage trace read from a text file: time [ms] and membrane voltage [mV], converted from the file's units
 * where its header names them.
 *
 * @param timeMs    sample times [ms], not decreasing
 * @param voltageMv membrane voltage [mV]
 * @param timeColumn    the column the time came from (-1 when generated from a fixed step)
 * @param voltageColumn the column the voltage came from
 */
public record TextTrace(double[] timeMs, double[] voltageMv, int timeColumn, int voltageColumn) {
    public int size() {
        return timeMs.length;
    }
}
