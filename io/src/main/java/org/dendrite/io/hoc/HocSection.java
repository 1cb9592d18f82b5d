package org.dendrite.io.hoc;

import org.dendrite.engine.build.CableSection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A section of the HOC section world: name, parent and attachment, the inserted density mechanisms with one
 * value per segment for every range variable, and initial voltages. Its geometry (L, nseg, Ra, per-segment
 * diam and cm, 3-D points) is not held here: it is the engine's {@link CableSection}, the object the
 * {@link org.dendrite.engine.build.ModelSpec} built from this world shares and the compiler reads, so HOC
 * reads and writes of geometry are reads and writes of the model.
 */
public final class HocSection {
    /** NEURON's defaults. */
    public static final double DEFAULT_L = CableSection.DEFAULT_L, DEFAULT_DIAM = CableSection.DEFAULT_DIAM,
            DEFAULT_RA = CableSection.DEFAULT_RA, DEFAULT_CM = CableSection.DEFAULT_CM;

    private final String name;
    private final HocObject owner;
    private final long serial;
    HocSection parent;
    double parentX;
    /** Which end of this section attaches to the parent (0 or 1). */
    double childEnd;
    long connectSerial;
    boolean deleted;

    /** The section's geometry, nseg, Ra and cm: the engine's cable, shared with the model compiled from this world. */
    final CableSection cable;
    /** Initial membrane potential per segment ({@code v(x) = ...} before finitialize), NaN: use v_init. */
    double[] v = {Double.NaN};
    /** Initial potential of the 0-end (root sections only) and 1-end nodes; NaN: v_init. */
    final double[] vEnds = {Double.NaN, Double.NaN};
    int pt3dStyle;
    final Map<String, MechanismInstance> mechanisms = new LinkedHashMap<>();
    final List<PointProcess> pointProcesses = new ArrayList<>();
    /** Whether nseg was ever changed (NEURON then lists capacitance before morphology in psection). */
    boolean nsegChanged;

    HocSection(String name, HocObject owner, long serial) {
        this.name = name;
        this.owner = owner;
        this.serial = serial;
        this.cable = new CableSection(name);
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
    /** The engine cable holding this section's geometry (the model's own object, not a copy). */
    public CableSection cable() { return cable; }
    public int nseg() { return cable.nseg(); }
    public double L() { return cable.length(); }
    public double Ra() { return cable.ra(); }
    /** Segment centre diameters (from the 3-D points when there are some). */
    public double diam(int seg) { return cable.diam(seg); }
    public double cm(int seg) { return cable.cm(seg); }
    /** Initial potential set on segment {@code seg}, or NaN (then v_init applies). */
    public double vInit(int seg) { return v[seg]; }
    /** Initial potential set on the 1 end ({@code end = 1}) or the 0 end of a root section ({@code end = 0}), or NaN. */
    public double vInitEnd(int end) { return vEnds[end]; }
    public int n3d() { return cable.n3d(); }
    public float x3d(int i) { return cable.x3d(i); }
    public float y3d(int i) { return cable.y3d(i); }
    public float z3d(int i) { return cable.z3d(i); }
    public float diam3d(int i) { return cable.diam3d(i); }
    public Map<String, MechanismInstance> mechanisms() { return Collections.unmodifiableMap(mechanisms); }
    public List<PointProcess> pointProcesses() { return Collections.unmodifiableList(pointProcesses); }
    public boolean isDeleted() { return deleted; }

    /** Membrane area of segment {@code seg} in um2 (neuron-numerics §3). */
    public double segmentArea(int seg) { return cable.area(seg); }

    /**
     * Axial resistance in MOhm between the node of segment {@code seg} and its parent node
     * ({@code seg == nseg}: the 1 end); for the first segment only its own left half.
     */
    public double segmentRi(int seg) { return cable.ri(seg); }

    @Override
    public String toString() { return name; }

    // ---------------------------------------------------------------- segments
    /** Index of the segment containing x (x = 1 → last segment). */
    int segmentIndex(double x) {
        return cable.segmentIndex(x);
    }

    /** Centre position of segment j. */
    double centre(int j) {
        return cable.centre(j);
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
        int[] from = cable.setNseg(n);
        if (from == null) return;
        nsegChanged = true;
        v = CableSection.remap(v, from);
        for (MechanismInstance m : mechanisms.values()) {
            for (int p = 0; p < m.values.length; p++) m.values[p] = CableSection.remap(m.values[p], from);
        }
    }
}
