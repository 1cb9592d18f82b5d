package org.dendrite.engine.build;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntUnaryOperator;

import org.dendrite.engine.morphology.PathDistance;

/**
 * A parameter that varies with path distance from the soma, evaluated per segment when the model is compiled:
 * {@code value = f(d)} with d the path distance (µm, NEURON's {@code distance()} from {@code soma[0](0.5)}) of the
 * segment, optionally divided by a normalising length, and optionally rounded to a number of decimals.
 *
 * <p>Segment positions: {@link Positions#CENTERS} evaluates every segment at its centre (BluePyOpt, Allen);
 * {@link Positions#HAY} follows the Hay template's {@code distribute_channels}, whose loop visits x = 0, every
 * centre, then x = 1, so the last segment of each section takes the value at the section's far end (x = 1).
 *
 * <p>Shapes (mechanisms.md §5.4): uniform {@code a}; linear {@code a + b·d}; exponential
 * {@code a + b·exp(c·(d - d0))}; sigmoid {@code a + b/(1 + exp((d - d0)/k))}; step ("hot zone")
 * {@code inside} for {@code d1 < d < d2} (strict), else {@code outside}; or any {@link Expression} in distance.
 */
public final class Distribution implements SegmentValue {
    /** Where in a segment the distance is taken. */
    public enum Positions { CENTERS, HAY }

    private final DoubleUnaryOperator shape;
    private final PathDistance paths;
    private final IntUnaryOperator nseg;
    private final Positions positions;
    private final double distanceScale;
    private final int decimals;
    private final String description;

    /**
     * @param shape         f(d)
     * @param paths         distances from the origin
     * @param nseg          number of segments per section (read at compile time)
     * @param positions     segment-position rule
     * @param distanceScale d is multiplied by this before f (1, or 1/maxL to normalise)
     * @param decimals      round the value to this many decimals as C's printf("%.Nf") and reading it back
     *                      do (Hay's template passes values through hoc text with 10 decimals); -1: no rounding
     */
    public Distribution(DoubleUnaryOperator shape, PathDistance paths, IntUnaryOperator nseg, Positions positions,
                        double distanceScale, int decimals, String description) {
        this.shape = shape;
        this.paths = paths;
        this.nseg = nseg;
        this.positions = positions;
        this.distanceScale = distanceScale;
        this.decimals = decimals;
        this.description = description;
    }

    public static DoubleUnaryOperator linear(double a, double b) {
        return d -> a + d * b;
    }

    public static DoubleUnaryOperator exponential(double a, double b, double c, double d0) {
        return d -> a + b * Math.exp(c * (d - d0));
    }

    public static DoubleUnaryOperator sigmoid(double a, double b, double d0, double k) {
        return d -> a + b / (1 + Math.exp((d - d0) / k));
    }

    public static DoubleUnaryOperator step(double inside, double outside, double d1, double d2) {
        return d -> (d > d1 && d < d2) ? inside : outside;
    }

    /**
     * The largest path distance from the origin to the far end (x = 1) of a terminal section among
     * {@code sections} (Hay's {@code maxL}, used to normalise distances).
     */
    public static double maxTerminalDistance(PathDistance paths, List<Integer> sections) {
        double max = 0;
        for (int s : sections) if (paths.isTerminal(s)) max = Math.max(max, paths.distance(s, 1));
        return max;
    }

    /** The path distance used for the segment whose centre is x. */
    public double distanceAt(int section, double x) {
        double pos = x;
        if (positions == Positions.HAY) {
            int n = nseg.applyAsInt(section);
            if ((int) (x * n) >= n - 1) pos = 1; // last segment: the x = 1 assignment wins
        }
        return paths.distance(section, pos);
    }

    @Override
    public double at(int section, double x) {
        double value = shape.applyAsDouble(distanceAt(section, x) * distanceScale);
        if (decimals >= 0 && Double.isFinite(value)) {
            value = new java.math.BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
        }
        return value;
    }

    @Override
    public String toString() {
        return description;
    }
}
