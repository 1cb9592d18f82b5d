package org.dendrite.io.morph;

/**
 * A section as a morphology reader hands it to {@link Import3dBuilder}: NEURON Import3d's intermediate
 * section, before names are given and before values are rounded for storage. Mutable, reader-internal.
 *
 * <p>For a non-root section, point 0 is the copy of the parent point; {@link #wire} says the copy is left out of
 * the instantiated section (the section is joined to its parent by a "wire", neuron-numerics §10.1).
 */
public final class RawSection {
    /** SWC type code of the section. */
    public int type;
    /** Index of the parent in the reader's section list, -1 for a root. */
    public int parent = -1;
    /** Attachment position on the parent (Import3d's default is 1, the distal end). */
    public double parentX = 1;
    /** Leave out point 0 (the copied parent point) when instantiating. */
    public boolean wire;
    /** Point coordinates and diameters (um), as read (already float-rounded where the format says so). */
    public double[] x, y, z, d;
    /** Source line of the section's first own point (for messages), 0 if unknown. */
    public int line;
    /** The points are a closed soma outline to be turned into a centroid (Neurolucida contours). */
    public boolean contour;
    /**
     * The values are already exactly what NEURON stores (32-bit floats read from text with at most 7 significant
     * digits, for which NEURON's %.8g round trip changes nothing), so rounding them again can be skipped.
     */
    public boolean valuesStored;
    /** Further contours of a stacked soma (each z-plane one contour); null when there is only one. */
    public java.util.List<double[][]> contourStack;

    public RawSection(int type, double[] x, double[] y, double[] z, double[] d) {
        this.type = type;
        this.x = x;
        this.y = y;
        this.z = z;
        this.d = d;
    }

    /** Number of points held (including the copied parent point). */
    public int size() {
        return x.length;
    }
}
