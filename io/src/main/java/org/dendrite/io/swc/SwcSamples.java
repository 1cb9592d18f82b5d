package org.dendrite.io.swc;

import java.util.List;

/**
 * The samples of an SWC file after parsing and topology checks, in the order NEURON's Import3d works on them:
 * sorted by id, every parent before its children ({@link #parent} is an index into these arrays, -1 for the
 * root). Coordinates and radii are the 32-bit floats the file's text rounds to. Arrays are shared, not copied,
 * and may be longer than {@link #n}: treat them as read-only and use their first {@code n} elements.
 */
public final class SwcSamples {
    /** Number of samples. */
    public final int n;
    public final long[] id;
    public final int[] type;
    public final float[] x, y, z, radius;
    /** Parent id as written in the file (-1 for the root). */
    public final long[] parentId;
    /** Parent index into these arrays, -1 for the root. */
    public final int[] parent;
    /** 1-based source line of every sample. */
    public final int[] line;
    /** Comment lines of the file (without the leading '#'), in file order. */
    public final List<String> header;
    /** True when the samples were renumbered so that parents come first (their ids did not allow it). */
    public final boolean reordered;

    /**
     * Every coordinate and radius was written with at most 6 digits: NEURON's %.8g round trip leaves such values
     * (and the doubled radii) unchanged, so the reader may skip it.
     */
    public final boolean shortNumbers;

    SwcSamples(int n, long[] id, int[] type, float[] x, float[] y, float[] z, float[] radius, long[] parentId,
               int[] parent, int[] line, List<String> header, boolean reordered, boolean shortNumbers) {
        this.shortNumbers = shortNumbers;
        this.n = n;
        this.id = id;
        this.type = type;
        this.x = x;
        this.y = y;
        this.z = z;
        this.radius = radius;
        this.parentId = parentId;
        this.parent = parent;
        this.line = line;
        this.header = List.copyOf(header);
        this.reordered = reordered;
    }
}
