package org.dendrite.io.morph;

import java.util.List;

/** Soma outlines (Neurolucida contours) to soma sections, as NEURON's Import3d does (neuron-numerics §10.2). */
public final class SomaContour {
    private SomaContour() {}

    /** Centroid points {x, y, z, diam} of a single closed contour. */
    public static double[][] centroid(double[] x, double[] y, double[] z) {
        throw new UnsupportedOperationException("soma contours are not supported yet");
    }

    /** Centroid points {x, y, z, diam} of a stack of contours (the first given separately). */
    public static double[][] stackCentroid(double[] x, double[] y, double[] z, List<double[][]> others) {
        throw new UnsupportedOperationException("soma contour stacks are not supported yet");
    }
}
