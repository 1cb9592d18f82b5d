package org.dendrite.engine.build;

import java.util.Arrays;

import org.dendrite.engine.discretization.SegmentGeometry;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;

/**
 * The cable of one section as a model holds it, and the only place its geometry lives: length L (um), nseg,
 * axial resistivity Ra (ohm*cm), one diameter (um) and one cm (uF/cm2) per segment, and the 3-D points
 * (float32 as NEURON stores them, neuron-numerics §3.2). {@link ModelSpec} holds one per section and the
 * compiler reads its {@link #geometry()}; the HOC interpreter reads and writes the same objects (its
 * {@code L}, {@code diam(x)}, {@code nseg}, {@code Ra}, {@code cm(x)}, {@code pt3dadd}...), so a HOC edit is
 * an edit of the model. Every edit bumps {@link #version()}, which a running simulation compares to apply
 * geometry changes at its next step, as NEURON's {@code diam_changed} does.
 *
 * <p>Semantics follow NEURON: setting L of a section with 3-D points rescales them about the first point;
 * setting diam of a section with points sets the diameters of the points in that segment; a section's
 * segment diameters come from its points whenever it has at least two; changing nseg keeps range values,
 * each new segment taking the value of the old segment containing its centre.
 */
public final class CableSection {
    /** NEURON's defaults for a new section: L um, diam um, Ra ohm*cm, cm uF/cm2. */
    public static final double DEFAULT_L = 100, DEFAULT_DIAM = 500, DEFAULT_RA = 35.4, DEFAULT_CM = 1;

    private final String name;
    private int nseg = 1;
    private double length = DEFAULT_L;
    private double ra = DEFAULT_RA;
    private double[] diam = {DEFAULT_DIAM};
    private double[] cm = {DEFAULT_CM};
    private float[] px = new float[0], py = new float[0], pz = new float[0], pd = new float[0];
    private int n3d;
    /** Segment diameters follow the 3-D points (set by pt3dadd/pt3dchange/nseg with points). */
    private boolean diamFromPoints;
    /** Computed from the fields above on demand; null when stale. */
    private SegmentGeometry geometry;
    private long version;

    /** A new section with NEURON's defaults (L 100 um, diam 500 um, Ra 35.4 ohm*cm, cm 1 uF/cm2, nseg 1). */
    public CableSection(String name) {
        this.name = name;
    }

    /** The cable of a morphology section: its 3-D points, or its stylized length and diameter; nseg 1. */
    public static CableSection of(Section s) {
        CableSection c = new CableSection(s.name());
        if (s.hasPoints()) {
            int n = s.pointCount();
            c.px = new float[n];
            c.py = new float[n];
            c.pz = new float[n];
            c.pd = new float[n];
            for (int k = 0; k < n; k++) {
                c.px[k] = s.x(k);
                c.py[k] = s.y(k);
                c.pz[k] = s.z(k);
                c.pd[k] = s.diam(k);
            }
            c.n3d = n;
            c.diamFromPoints = true;
        } else {
            c.length = s.stylizedLength();
            c.diam[0] = s.stylizedDiam();
        }
        return c;
    }

    /** An independent copy (same values, its own arrays). */
    public CableSection copy() {
        CableSection c = new CableSection(name);
        c.nseg = nseg;
        c.length = length;
        c.ra = ra;
        c.diam = diam.clone();
        c.cm = cm.clone();
        c.px = Arrays.copyOf(px, n3d);
        c.py = Arrays.copyOf(py, n3d);
        c.pz = Arrays.copyOf(pz, n3d);
        c.pd = Arrays.copyOf(pd, n3d);
        c.n3d = n3d;
        c.diamFromPoints = diamFromPoints;
        return c;
    }

    public String name() { return name; }
    public int nseg() { return nseg; }
    /** Axial resistivity, ohm*cm. */
    public double ra() { return ra; }
    /** Specific capacitance of segment {@code seg}, uF/cm2. */
    public double cm(int seg) { return cm[seg]; }
    /** Length, um (the arc length of the points when there are at least two). */
    public double length() { ensureGeometry(); return length; }
    /** Centre diameter of segment {@code seg}, um (from the 3-D points when there are some). */
    public double diam(int seg) { ensureGeometry(); return diam[seg]; }
    /** Whether the geometry comes from 3-D points (at least two). */
    public boolean hasPoints() { return n3d > 1; }
    public int n3d() { return n3d; }
    public float x3d(int i) { return px[i]; }
    public float y3d(int i) { return py[i]; }
    public float z3d(int i) { return pz[i]; }
    public float diam3d(int i) { return pd[i]; }
    /** Increases at every edit of geometry, nseg, Ra or cm. */
    public long version() { return version; }

    /** Area, axial resistances and segment diameters (neuron-numerics §3), computed once per edit. */
    public SegmentGeometry geometry() { ensureGeometry(); return geometry; }

    /** Membrane area of segment {@code seg}, um2. */
    public double area(int seg) { return geometry().area()[seg]; }

    /** Axial resistance (MOhm) from node {@code seg} to its parent node ({@code seg == nseg}: the 1 end). */
    public double ri(int seg) { return geometry().ri()[seg]; }

    /** Index of the segment containing x (x = 1: the last segment). */
    public int segmentIndex(double x) {
        int i = (int) (nseg * x);
        if (i >= nseg) i = nseg - 1;
        if (i < 0) i = 0;
        return i;
    }

    /** Centre position of segment j. */
    public double centre(int j) {
        return (j + 0.5) / nseg;
    }

    // ---------------------------------------------------------------- edits

    /**
     * Changes nseg keeping range values. Returns the map used: new segment j takes old segment {@code from[j]}
     * (callers keep their own per-segment values, such as mechanism parameters, with the same map); null when
     * nseg was already {@code n}.
     */
    public int[] setNseg(int n) {
        if (n < 1) throw new IllegalArgumentException(name + ": nseg must be at least 1, not " + n);
        if (n == nseg) return null;
        int old = nseg;
        int[] from = new int[n];
        for (int j = 0; j < n; j++) from[j] = Math.min((int) (old * ((j + 0.5) / n)), old - 1);
        diam = remap(diam, from);
        cm = remap(cm, from);
        nseg = n;
        if (n3d > 0) diamFromPoints = true;
        edited();
        return from;
    }

    /** Every value of {@code a} (one per old segment) placed by a {@link #setNseg} map. */
    public static double[] remap(double[] a, int[] from) {
        double[] r = new double[from.length];
        for (int j = 0; j < from.length; j++) r[j] = a[from[j]];
        return r;
    }

    /** Sets L (um): a section with 3-D points is rescaled about its first point. */
    public void setLength(double newL) {
        if (!(newL > 0)) throw new IllegalArgumentException(name + ": L must be > 0 um, not " + newL);
        if (n3d > 1) {
            double old = arc3d()[n3d - 1];
            double f = old > 0 ? newL / old : 1;
            for (int k = 1; k < n3d; k++) {
                px[k] = (float) (px[0] + (px[k] - px[0]) * f);
                py[k] = (float) (py[0] + (py[k] - py[0]) * f);
                pz[k] = (float) (pz[0] + (pz[k] - pz[0]) * f);
            }
        }
        length = newL;
        edited();
    }

    /** Axial resistivity, ohm*cm. */
    public void setRa(double ohmCm) {
        if (!(ohmCm > 0)) throw new IllegalArgumentException(name + ": Ra must be > 0 ohm*cm, not " + ohmCm);
        ra = ohmCm;
        edited();
    }

    /** Sets cm (uF/cm2) of segment {@code seg}, or of every segment when {@code seg < 0}. */
    public void setCm(int seg, double ufPerCm2) {
        if (seg < 0) Arrays.fill(cm, ufPerCm2);
        else cm[seg] = ufPerCm2;
        edited();
    }

    /** Sets the diameter (um) of segment {@code seg} (every segment when {@code seg < 0}); with 3-D points, theirs. */
    public void setDiam(int seg, double d) {
        if (!(d > 0)) throw new IllegalArgumentException(name + ": diam must be > 0 um, not " + d);
        if (n3d > 1) {
            double[] arc = arc3d();
            double len = arc[n3d - 1];
            for (int k = 0; k < n3d; k++) {
                if (seg < 0 || segmentIndex(len > 0 ? arc[k] / len : 0) == seg) pd[k] = (float) d;
            }
        }
        if (seg < 0) Arrays.fill(diam, d);
        else diam[seg] = d;
        edited();
    }

    /** One diameter per segment (um) of a stylized section ({@code diam.length == nseg}). */
    public void setDiameters(double[] d) {
        if (d.length != nseg) {
            throw new IllegalArgumentException(name + ": " + d.length + " diameters for " + nseg + " segments");
        }
        for (double x : d) if (!(x > 0)) throw new IllegalArgumentException(name + ": diam must be > 0 um, is " + x);
        diam = d.clone();
        edited();
    }

    /** One cm per segment (uF/cm2, {@code c.length == nseg}). */
    public void setCms(double[] c) {
        if (c.length != nseg) throw new IllegalArgumentException(name + ": " + c.length + " cm values for " + nseg + " segments");
        cm = c.clone();
        edited();
    }

    public void pt3dclear() {
        n3d = 0;
        edited();
    }

    public void pt3dadd(double x, double y, double z, double d) {
        if (n3d == px.length) {
            int cap = Math.max(4, n3d * 2);
            px = Arrays.copyOf(px, cap);
            py = Arrays.copyOf(py, cap);
            pz = Arrays.copyOf(pz, cap);
            pd = Arrays.copyOf(pd, cap);
        }
        px[n3d] = (float) x;
        py[n3d] = (float) y;
        pz[n3d] = (float) z;
        pd[n3d] = (float) d;
        n3d++;
        diamFromPoints = true;
        edited();
    }

    public void pt3dchange(int i, double x, double y, double z, double d) {
        px[i] = (float) x;
        py[i] = (float) y;
        pz[i] = (float) z;
        pd[i] = (float) d;
        diamFromPoints = true;
        edited();
    }

    public void pt3dremove(int i) {
        for (int k = i; k < n3d - 1; k++) {
            px[k] = px[k + 1];
            py[k] = py[k + 1];
            pz[k] = pz[k + 1];
            pd[k] = pd[k + 1];
        }
        n3d--;
        edited();
    }

    public void pt3dinsert(int i, double x, double y, double z, double d) {
        pt3dadd(0, 0, 0, 0);
        for (int k = n3d - 1; k > i; k--) {
            px[k] = px[k - 1];
            py[k] = py[k - 1];
            pz[k] = pz[k - 1];
            pd[k] = pd[k - 1];
        }
        pt3dchange(i, x, y, z, d);
    }

    /** Moves every 3-D point by (dx, dy, dz) um (float arithmetic, as NEURON stores them); areas do not change. */
    public void translate(double dx, double dy, double dz) {
        for (int k = 0; k < n3d; k++) {
            px[k] = (float) (px[k] + dx);
            py[k] = (float) (py[k] + dy);
            pz[k] = (float) (pz[k] + dz);
        }
    }

    /** Arc length (um) of every 3-D point (float differences, double sums, §3.2). */
    public double[] arc3d() {
        double[] arc = new double[n3d];
        for (int k = 1; k < n3d; k++) {
            double dx = (float) (px[k] - px[k - 1]);
            double dy = (float) (py[k] - py[k - 1]);
            double dz = (float) (pz[k] - pz[k - 1]);
            arc[k] = arc[k - 1] + Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return arc;
    }

    /** This cable as a morphology section attached at {@code parentX} of {@code parent} (-1: a root). */
    public Section toSection(SectionType type, int parent, double parentX) {
        if (n3d > 1) {
            return Section.withPoints(name, type, parent, parentX, Arrays.copyOf(px, n3d), Arrays.copyOf(py, n3d),
                    Arrays.copyOf(pz, n3d), Arrays.copyOf(pd, n3d));
        }
        return Section.stylized(name, type, parent, parentX, length(), diam(0));
    }

    private void edited() {
        geometry = null;
        version++;
    }

    private void ensureGeometry() {
        if (geometry != null) return;
        SegmentGeometry g;
        if (n3d > 1) {
            g = SegmentGeometry.of(toSection(SectionType.UNDEFINED, -1, 0), nseg, ra);
            length = g.length();
            if (diamFromPoints) {
                for (int j = 0; j < nseg; j++) {
                    double dj = g.diam()[j];
                    if (Math.abs(diam[j] - dj) > 1e-9 || dj < 1e-5) diam[j] = dj;
                }
            }
        } else {
            g = SegmentGeometry.stylized(length, diam.clone(), ra);
        }
        geometry = g;
    }
}
