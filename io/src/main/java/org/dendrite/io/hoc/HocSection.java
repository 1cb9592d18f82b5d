package org.dendrite.io.hoc;

import org.dendrite.engine.discretization.SegmentGeometry;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A section of the HOC section world, as NEURON holds it: name, parent and attachment, L, nseg, Ra,
 * per-segment diam and cm, 3-D points (float32 as NEURON stores them, neuron-numerics §3.2), and the
 * inserted density mechanisms with one value per segment for every range variable.
 * This is a builder-side object only; the engine compiles the finished world to flat arrays.
 */
public final class HocSection {
    /** NEURON's defaults. */
    public static final double DEFAULT_L = 100, DEFAULT_DIAM = 500, DEFAULT_RA = 35.4, DEFAULT_CM = 1;

    private final String name;
    private final HocObject owner;
    private final long serial;
    HocSection parent;
    double parentX;
    /** Which end of this section attaches to the parent (0 or 1). */
    double childEnd;
    long connectSerial;
    boolean deleted;

    int nseg = 1;
    double length = DEFAULT_L;
    double ra = DEFAULT_RA;
    double[] diam = {DEFAULT_DIAM};
    double[] cm = {DEFAULT_CM};
    /** Initial membrane potential per segment ({@code v(x) = ...} before finitialize), NaN: use v_init. */
    double[] v = {Double.NaN};
    /** Initial potential of the 0-end (root sections only) and 1-end nodes; NaN: v_init. */
    final double[] vEnds = {Double.NaN, Double.NaN};
    float[] px = new float[0], py = new float[0], pz = new float[0], pd = new float[0];
    int n3d;
    int pt3dStyle;
    final Map<String, MechanismInstance> mechanisms = new LinkedHashMap<>();
    final List<PointProcess> pointProcesses = new ArrayList<>();

    // geometry cache from the 3-D points (or stylized)
    private boolean geometryValid;
    private double[] area;   // per segment, um2
    private double[] ri;     // nseg + 1 entries, MOhm: ri[j] for centre j, ri[nseg] for the 1 end

    HocSection(String name, HocObject owner, long serial) {
        this.name = name;
        this.owner = owner;
        this.serial = serial;
    }

    // ---------------------------------------------------------------- read-only view for the engine bridge
    /** Full name as {@code secname()} prints it ({@code soma}, {@code dend[3]}, {@code Cell[0].soma}). */
    public String name() { return name; }
    /** The template instance that created the section, or null for a top-level section. */
    public HocObject owner() { return owner; }
    /** Creation serial number (creation order across the world). */
    public long serial() { return serial; }
    public HocSection parent() { return parent; }
    /** Position on the parent where this section attaches. */
    public double parentX() { return parentX; }
    /** End of this section (0 or 1) that attaches to the parent. */
    public double childEnd() { return childEnd; }
    /** Increasing number of the connect call that attached this section (NEURON's sibling order rule). */
    public long connectSerial() { return connectSerial; }
    public int nseg() { return nseg; }
    public double L() { ensureGeometry(); return length; }
    public double Ra() { return ra; }
    /** Segment centre diameters (from the 3-D points when there are some). */
    public double diam(int seg) { ensureGeometry(); return diam[seg]; }
    public double cm(int seg) { return cm[seg]; }
    /** Initial potential set on segment {@code seg}, or NaN (then v_init applies). */
    public double vInit(int seg) { return v[seg]; }
    /** Initial potential set on the 1 end ({@code end = 1}) or the 0 end of a root section ({@code end = 0}), or NaN. */
    public double vInitEnd(int end) { return vEnds[end]; }
    public int n3d() { return n3d; }
    public float x3d(int i) { return px[i]; }
    public float y3d(int i) { return py[i]; }
    public float z3d(int i) { return pz[i]; }
    public float diam3d(int i) { return pd[i]; }
    public Map<String, MechanismInstance> mechanisms() { return Collections.unmodifiableMap(mechanisms); }
    public List<PointProcess> pointProcesses() { return Collections.unmodifiableList(pointProcesses); }
    public boolean isDeleted() { return deleted; }

    /** Membrane area of segment {@code seg} in um2 (neuron-numerics §3). */
    public double segmentArea(int seg) { ensureGeometry(); return area[seg]; }

    /**
     * Axial resistance in MOhm between the node of segment {@code seg} and its parent node
     * ({@code seg == nseg}: the 1 end); for the first segment only its own left half.
     */
    public double segmentRi(int seg) { ensureGeometry(); return ri[seg]; }

    @Override
    public String toString() { return name; }

    // ---------------------------------------------------------------- segments
    /** Index of the segment containing x (x = 1 → last segment). */
    int segmentIndex(double x) {
        int i = (int) (nseg * x);
        if (i >= nseg) i = nseg - 1;
        if (i < 0) i = 0;
        return i;
    }

    /** Centre position of segment j. */
    double centre(int j) {
        return (j + 0.5) / nseg;
    }

    /** Position of the node that represents location x: 0, 1, or the centre of the segment containing x. */
    double nodePosition(double x) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        return centre(segmentIndex(x));
    }

    /** Changes nseg keeping range values: each new segment takes the value of the old segment containing its centre. */
    void setNseg(int n) {
        if (n < 1) throw new HocException("nseg must be at least 1, not " + n);
        if (n == nseg) return;
        nsegChanged = true;
        int old = nseg;
        int[] from = new int[n];
        for (int j = 0; j < n; j++) {
            double c = (j + 0.5) / n;
            int i = (int) (old * c);
            from[j] = Math.min(i, old - 1);
        }
        diam = remap(diam, from);
        cm = remap(cm, from);
        v = remap(v, from);
        for (MechanismInstance m : mechanisms.values()) {
            for (int p = 0; p < m.values.length; p++) m.values[p] = remap(m.values[p], from);
        }
        nseg = n;
        geometryValid = false;
        if (n3d > 0) diamFromPoints = true;
    }

    private static double[] remap(double[] a, int[] from) {
        double[] r = new double[from.length];
        for (int j = 0; j < from.length; j++) r[j] = a[from[j]];
        return r;
    }

    // ---------------------------------------------------------------- 3-D points
    private boolean diamFromPoints;
    /** Whether nseg was ever changed (NEURON then lists capacitance before morphology in psection). */
    boolean nsegChanged;

    void pt3dclear() {
        n3d = 0;
        geometryValid = false;
    }

    void pt3dadd(double x, double y, double z, double d) {
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
        geometryValid = false;
        diamFromPoints = true;
    }

    void pt3dchange(int i, double x, double y, double z, double d) {
        px[i] = (float) x;
        py[i] = (float) y;
        pz[i] = (float) z;
        pd[i] = (float) d;
        geometryValid = false;
        diamFromPoints = true;
    }

    void pt3dremove(int i) {
        for (int k = i; k < n3d - 1; k++) {
            px[k] = px[k + 1];
            py[k] = py[k + 1];
            pz[k] = pz[k + 1];
            pd[k] = pd[k + 1];
        }
        n3d--;
        geometryValid = false;
    }

    void pt3dinsert(int i, double x, double y, double z, double d) {
        pt3dadd(0, 0, 0, 0);
        for (int k = n3d - 1; k > i; k--) {
            px[k] = px[k - 1];
            py[k] = py[k - 1];
            pz[k] = pz[k - 1];
            pd[k] = pd[k - 1];
        }
        pt3dchange(i, x, y, z, d);
    }

    /** Arc length of every 3-D point (float differences, double sums, §3.2). */
    double[] arc3d() {
        double[] arc = new double[n3d];
        for (int k = 1; k < n3d; k++) {
            double dx = (float) (px[k] - px[k - 1]);
            double dy = (float) (py[k] - py[k - 1]);
            double dz = (float) (pz[k] - pz[k - 1]);
            arc[k] = arc[k - 1] + Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return arc;
    }

    /** Sets L: a section with 3-D points is rescaled about its first point. */
    void setLength(double newL) {
        if (!(newL > 0)) throw new HocException("L must be > 0 um, not " + newL);
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
        geometryValid = false;
    }

    /** Sets the diameter of segment {@code seg} (all segments when seg &lt; 0); with 3-D points, theirs. */
    void setDiam(int seg, double d) {
        if (n3d > 1) {
            double[] arc = arc3d();
            double len = arc[n3d - 1];
            for (int k = 0; k < n3d; k++) {
                if (seg < 0 || segmentIndex(len > 0 ? arc[k] / len : 0) == seg) pd[k] = (float) d;
            }
        }
        if (seg < 0) Arrays.fill(diam, d);
        else diam[seg] = d;
        geometryValid = false;
    }

    void invalidateGeometry() {
        geometryValid = false;
    }

    // ---------------------------------------------------------------- geometry (neuron-numerics §3)
    /** Area and axial resistance per segment: the engine's {@link SegmentGeometry}, the one definition of them. */
    void ensureGeometry() {
        if (geometryValid && area != null && area.length == nseg) return;
        SegmentGeometry g;
        if (n3d > 1) {
            g = SegmentGeometry.of(engineSection(), nseg, ra);
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
        area = g.area();
        ri = g.ri();
        geometryValid = true;
    }

    /** This section's 3-D points as an engine section (no parent: for geometry). */
    private Section engineSection() {
        return Section.withPoints(name(), SectionType.UNDEFINED, -1, 0, java.util.Arrays.copyOf(px, n3d),
                java.util.Arrays.copyOf(py, n3d), java.util.Arrays.copyOf(pz, n3d), java.util.Arrays.copyOf(pd, n3d));
    }
}
