package org.dendrite.engine.morphology;

import java.util.Objects;

/**
 * One unbranched cable of a morphology, as NEURON holds it: either 3-D points (x, y, z, diam in um,
 * stored as 32-bit floats exactly as NEURON stores them, neuron-numerics §3.2) or stylized length and
 * diameter. Attached by its 0 end to position {@code parentX} of section {@code parent} (index in
 * {@link Morphology#sections()}, -1 for a root section).
 */
public final class Section {
    private final String name;
    private final SectionType type;
    private final int parent;
    private final double parentX;
    private final float[] x, y, z, diam;
    private final double stylizedLength;
    private final double stylizedDiam;

    private Section(String name, SectionType type, int parent, double parentX, float[] x, float[] y, float[] z,
                    float[] diam, double stylizedLength, double stylizedDiam) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        if (parent >= 0 && !(parentX >= 0 && parentX <= 1)) {
            throw new IllegalArgumentException("section " + name + ": attachment position " + parentX
                    + " outside [0, 1]");
        }
        this.parent = parent;
        this.parentX = parentX;
        this.x = x;
        this.y = y;
        this.z = z;
        this.diam = diam;
        this.stylizedLength = stylizedLength;
        this.stylizedDiam = stylizedDiam;
    }

    /** A section from 3-D points; the double values are rounded to float as NEURON's pt3dadd does. */
    public static Section withPoints(String name, SectionType type, int parent, double parentX, double[][] xyzd) {
        int n = xyzd.length;
        float[] x = new float[n], y = new float[n], z = new float[n], d = new float[n];
        for (int i = 0; i < n; i++) {
            if (xyzd[i].length != 4) {
                throw new IllegalArgumentException("section " + name + ": 3-D point " + i + " needs x, y, z, diam");
            }
            x[i] = (float) xyzd[i][0];
            y[i] = (float) xyzd[i][1];
            z[i] = (float) xyzd[i][2];
            d[i] = (float) xyzd[i][3];
        }
        return withPoints(name, type, parent, parentX, x, y, z, d);
    }

    /** A section from float 3-D points (arrays are copied). */
    public static Section withPoints(String name, SectionType type, int parent, double parentX,
                                     float[] x, float[] y, float[] z, float[] diam) {
        int n = x.length;
        if (y.length != n || z.length != n || diam.length != n) {
            throw new IllegalArgumentException("section " + name + ": coordinate arrays differ in length");
        }
        if (n < 2) {
            throw new IllegalArgumentException("section " + name + ": needs at least 2 3-D points, has " + n);
        }
        return new Section(name, type, parent, parentX, x.clone(), y.clone(), z.clone(), diam.clone(),
                Double.NaN, Double.NaN);
    }

    /** A stylized cylinder of length {@code lengthUm} and diameter {@code diamUm}. */
    public static Section stylized(String name, SectionType type, int parent, double parentX,
                                   double lengthUm, double diamUm) {
        if (!(lengthUm > 0)) {
            throw new IllegalArgumentException("section " + name + ": length L must be > 0 um, is " + lengthUm);
        }
        if (!(diamUm > 0)) {
            throw new IllegalArgumentException("section " + name + ": diam must be > 0 um, is " + diamUm);
        }
        return new Section(name, type, parent, parentX, null, null, null, null, lengthUm, diamUm);
    }

    public String name() { return name; }
    public SectionType type() { return type; }
    /** Index of the parent section in the morphology, or -1 for a root. */
    public int parent() { return parent; }
    /** Position on the parent where this section's 0 end attaches. */
    public double parentX() { return parentX; }
    public boolean hasPoints() { return x != null; }
    public int pointCount() { return x == null ? 0 : x.length; }
    public float x(int i) { return x[i]; }
    public float y(int i) { return y[i]; }
    public float z(int i) { return z[i]; }
    public float diam(int i) { return diam[i]; }
    /** Stylized length in um (NaN for a section with 3-D points). */
    public double stylizedLength() { return stylizedLength; }
    /** Stylized diameter in um (NaN for a section with 3-D points). */
    public double stylizedDiam() { return stylizedDiam; }

    /**
     * Arc length of every 3-D point from the first, in um, computed as NEURON does: coordinate differences
     * in float arithmetic, squares and sums in double (neuron-numerics §3.2).
     */
    public double[] arcLengths() {
        int n = pointCount();
        double[] arc = new double[n];
        for (int k = 1; k < n; k++) {
            double dx = (float) (x[k] - x[k - 1]);
            double dy = (float) (y[k] - y[k - 1]);
            double dz = (float) (z[k] - z[k - 1]);
            arc[k] = arc[k - 1] + Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return arc;
    }

    /** Section length L in um. */
    public double length() {
        if (x == null) return stylizedLength;
        double[] arc = arcLengths();
        return Math.max(arc[arc.length - 1], MIN_LENGTH);
    }

    /** NEURON never lets a section's L fall below 1e-9 um (coincident 3-D points). */
    public static final double MIN_LENGTH = 1e-9;

    @Override
    public String toString() {
        return name;
    }
}
