package org.dendrite.engine.morphology;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Path distance along the tree, as NEURON 8.2's {@code distance()}: the arc length (µm) between an origin
 * {@code origin(xo)} and a location {@code sec(x)}. This is the one walk of the project: the HOC interpreter's
 * {@code distance()} and the engine's distance-dependent parameters (JSON, Hay, BluePyOpt) both call
 * {@link #between}.
 *
 * <p>NEURON measures between <em>nodes</em>, not between the exact positions: an x strictly inside a section
 * stands for the centre of the segment holding it ({@link #nodePosition}), x = 0 and 1 are the end nodes; a
 * child attached at {@code parent(px)} hangs on the node of {@code px}; a child attached by its 1 end
 * ({@code connect child(1), parent(px)}) is walked from that end. Measured with nrniv 8.2.2
 * ({@code io/src/test/resources/hoc/neuron/distance_attach.hoc}). Locations on different trees are
 * {@link #OTHER_TREE} µm apart (NEURON's answer). Without segment counts (nseg 0) positions are taken as given.
 *
 * <p>The default origin of {@link #fromSoma} is the centre of the first soma section ({@code soma[0](0.5)}),
 * or the 0 end of the first root section when the cell has no soma. Lengths are the sections'
 * {@link Section#length()} (3-D arc length or stylised L).
 */
public final class PathDistance {
    /** NEURON's distance between locations on different trees (µm). */
    public static final double OTHER_TREE = 1e20;

    /** A tree of sections as NEURON connects them, seen through the caller's own section type. */
    public interface Tree<S> {
        /** The parent section, null for a root. */
        S parent(S s);
        /** Where on the parent the section hangs (0..1). */
        double parentX(S s);
        /** Whether the section is attached by its 1 end. */
        boolean attachedAtOne(S s);
        /** Length (µm). */
        double length(S s);
        /** Segments of the section; 0 when unknown (no snapping to segment centres). */
        int nseg(S s);
    }

    /** The node NEURON uses for x: 0 and 1 are the end nodes, any other x the centre of its segment. */
    public static double nodePosition(double x, int nseg) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        if (nseg <= 0) return x;
        int i = Math.min((int) (x * nseg), nseg - 1);
        return (i + 0.5) / nseg;
    }

    /** Path distance (µm) between {@code a(xa)} and {@code b(xb)}; {@link #OTHER_TREE} on different trees. */
    public static <S> double between(Tree<S> t, S a, double xa, S b, double xb) {
        Map<S, double[]> up = new HashMap<>();
        S s = a;
        double p = nodePosition(xa, t.nseg(a)), acc = 0;
        while (true) {
            up.put(s, new double[] {p, acc});
            S parent = t.parent(s);
            if (parent == null) break;
            acc += (t.attachedAtOne(s) ? 1 - p : p) * t.length(s);
            p = nodePosition(t.parentX(s), t.nseg(parent));
            s = parent;
        }
        s = b;
        p = nodePosition(xb, t.nseg(b));
        acc = 0;
        while (s != null) {
            double[] hit = up.get(s);
            if (hit != null) return hit[1] + acc + Math.abs(hit[0] - p) * t.length(s);
            S parent = t.parent(s);
            if (parent == null) break;
            acc += (t.attachedAtOne(s) ? 1 - p : p) * t.length(s);
            p = nodePosition(t.parentX(s), t.nseg(parent));
            s = parent;
        }
        return OTHER_TREE;
    }

    private final Morphology morph;
    private final int originSection;
    private final double originX;
    private final Tree<Integer> tree;

    /**
     * @param nseg segments per section, read when a distance is asked (positions snap to segment centres as
     *             in NEURON), or null to take positions as given (locating a point before nseg is known)
     */
    public PathDistance(Morphology morph, IntUnaryOperator nseg, int originSection, double originX) {
        this.morph = morph;
        this.originSection = originSection;
        this.originX = originX;
        double[] length = new double[morph.size()];
        for (int s = 0; s < length.length; s++) length[s] = morph.section(s).length();
        this.tree = new Tree<>() {
            public Integer parent(Integer s) {
                int p = morph.section(s).parent();
                return p < 0 ? null : p;
            }
            public double parentX(Integer s) { return morph.section(s).parentX(); }
            public boolean attachedAtOne(Integer s) { return false; } // a Morphology attaches 0 ends only
            public double length(Integer s) { return length[s]; }
            public int nseg(Integer s) { return nseg == null ? 0 : nseg.applyAsInt(s); }
        };
    }

    /** Positions taken as given (no segment counts). */
    public PathDistance(Morphology morph, int originSection, double originX) {
        this(morph, null, originSection, originX);
    }

    /** Distances from {@code soma[0](0.5)} (or the first root's 0 end when there is no soma section). */
    public static PathDistance fromSoma(Morphology morph, IntUnaryOperator nseg) {
        for (int s = 0; s < morph.size(); s++) {
            if (morph.section(s).type().equals(SectionType.SOMA)) return new PathDistance(morph, nseg, s, 0.5);
        }
        return new PathDistance(morph, nseg, 0, 0);
    }

    /** {@link #fromSoma(Morphology, IntUnaryOperator)} with positions taken as given. */
    public static PathDistance fromSoma(Morphology morph) {
        return fromSoma(morph, null);
    }

    public int originSection() { return originSection; }
    public double originX() { return originX; }

    /** Path distance (µm) from the origin to {@code section(x)}. */
    public double distance(int section, double x) {
        double d = between(tree, originSection, originX, section, x);
        if (d == OTHER_TREE) throw new IllegalArgumentException("locations are on different trees");
        return d;
    }

    /** Whether a section has no children. */
    public boolean isTerminal(int section) {
        for (int s = 0; s < morph.size(); s++) if (morph.section(s).parent() == section) return false;
        return true;
    }
}
