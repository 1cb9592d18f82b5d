package org.dendrite.engine.build;

/**
 * A parameter value that may vary along the cell: evaluated once per segment when the model is compiled
 * (never during stepping). {@code x} is the segment centre in its section.
 */
@FunctionalInterface
public interface SegmentValue {
    double at(int section, double x);

    static SegmentValue constant(double value) {
        return new Constant(value);
    }

    /** A uniform value (kept as a record so that it prints and compares). */
    record Constant(double value) implements SegmentValue {
        @Override
        public double at(int section, double x) {
            return value;
        }
    }
}
