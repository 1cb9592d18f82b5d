package org.dendrite.engine.record;

/**
 * Reads one value of the simulation state: element {@code index} of a live array (v, an ion variable, a
 * mechanism variable). Probes hold the array itself, so reading costs one load.
 */
public record Probe(String name, String unit, double[] array, int index) {
    public double read() {
        return array[index];
    }

    /** Column header as written in traces: {@code NAME [unit]}. */
    public String header() {
        return name + " [" + unit + "]";
    }
}
