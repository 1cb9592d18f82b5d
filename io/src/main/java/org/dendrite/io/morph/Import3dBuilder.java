package org.dendrite.io.morph;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;

/**
 * Turns a reader's {@link RawSection}s into a {@link Morphology} the way NEURON's Import3d instantiates them
 * (neuron-numerics §10.1): removes sections left with one point or with two coincident points (children are
 * re-attached to the removed section's parent at its position), names sections per type in list order
 * ({@code soma[0]}, {@code dend[3]}, {@code dend_5[0]}, {@code minus_1[0]}), leaves out the copied parent point
 * of wire sections, turns soma contours into centroids ({@link SomaContour}), replaces a single point by a
 * three-point cylinder of length and diameter d, and stores every value as NEURON does
 * ({@link NeuronFloats#store}).
 *
 * <p>The sections keep the reader's order, which is the order in which NEURON connects them; that order decides
 * the child order at equal attachment positions (see {@link Morphology}). NEURON's own section list
 * ({@code h.allsec()}) is grouped by type instead; names and parents are the same.
 */
public final class Import3dBuilder {
    private Import3dBuilder() {}

    /** Coordinates closer than this count as the same point when removing zero-length two-point sections. */
    private static final double SAME_POINT_UM = 1e-11;

    public static Morphology build(String source, List<RawSection> raw, List<String> notes) {
        List<RawSection> secs = new ArrayList<>(raw);
        Map<RawSection, RawSection> parentOf = new IdentityHashMap<>();
        for (RawSection s : secs) {
            parentOf.put(s, s.parent >= 0 ? raw.get(s.parent) : null);
        }
        List<String> allNotes = new ArrayList<>(notes);
        // Import3d's validity check: walk from the last section to the first.
        for (int i = secs.size() - 1; i >= 0; i--) {
            RawSection s = secs.get(i);
            RawSection p = parentOf.get(s);
            if (p == null) continue;
            int first = s.wire ? 1 : 0;
            int own = s.size() - first;
            boolean remove = false;
            if (own <= 1) {
                remove = true;
                allNotes.add("a section with a single point" + lineText(s)
                        + " was removed (as NEURON does)");
            } else if (own == 2 && same(s, first, first + 1)) {
                remove = true;
                allNotes.add("a two-point section of zero length" + lineText(s)
                        + " was removed (as NEURON does)");
            }
            if (remove) {
                secs.remove(i);
                for (int j = i; j < secs.size(); j++) {
                    RawSection c = secs.get(j);
                    if (parentOf.get(c) == s) {
                        parentOf.put(c, p);
                        c.parentX = s.parentX;
                    }
                }
            }
        }

        Map<RawSection, Integer> index = new IdentityHashMap<>();
        Map<Integer, Integer> nextIndexOfType = new java.util.HashMap<>();
        Morphology.Builder b = Morphology.builder(source);
        for (String n : allNotes) b.note(n);
        for (RawSection s : secs) {
            int k = nextIndexOfType.merge(s.type, 1, Integer::sum) - 1;
            SectionType type = new SectionType(s.type);
            String name = type.neuronName() + "[" + k + "]";
            int first = s.wire ? 1 : 0;
            int n = s.size() - first;
            double[] x = java.util.Arrays.copyOfRange(s.x, first, s.size());
            double[] y = java.util.Arrays.copyOfRange(s.y, first, s.size());
            double[] z = java.util.Arrays.copyOfRange(s.z, first, s.size());
            double[] d = java.util.Arrays.copyOfRange(s.d, first, s.size());
            if (s.contour) {
                double[][] c;
                try {
                    c = s.contourStack != null
                            ? SomaContour.stackCentroid(x, y, z, s.contourStack)
                            : SomaContour.centroid(x, y, z);
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new org.dendrite.io.MorphologyFormatException(source, s.line, 0, "the soma contour"
                            + " starting here cannot be turned into a soma section: " + (e instanceof
                            IllegalArgumentException ? e.getMessage() : "it has too few distinct points"));
                }
                x = c[0];
                y = c[1];
                z = c[2];
                d = c[3];
                n = x.length;
            }
            if (n == 1) { // a single point: a cylinder of length and diameter d along x
                double cx = x[0], dd = d[0];
                x = new double[] {cx - dd / 2, cx, cx + dd / 2};
                y = new double[] {y[0], y[0], y[0]};
                z = new double[] {z[0], z[0], z[0]};
                d = new double[] {dd, dd, dd};
                n = 3;
            }
            float[] fx = new float[n], fy = new float[n], fz = new float[n], fd = new float[n];
            for (int j = 0; j < n; j++) {
                fx[j] = NeuronFloats.store(x[j]);
                fy[j] = NeuronFloats.store(y[j]);
                fz[j] = NeuronFloats.store(z[j]);
                fd[j] = NeuronFloats.store(d[j]);
            }
            RawSection p = parentOf.get(s);
            int parentIndex = p == null ? -1 : index.get(p);
            double px = p == null ? 0 : s.parentX;
            index.put(s, b.add(Section.withPoints(name, type, parentIndex, px, fx, fy, fz, fd)));
        }
        return b.build();
    }

    private static boolean same(RawSection s, int i, int j) {
        return Math.abs(s.x[i] - s.x[j]) <= SAME_POINT_UM && Math.abs(s.y[i] - s.y[j]) <= SAME_POINT_UM
                && Math.abs(s.z[i] - s.z[j]) <= SAME_POINT_UM;
    }

    private static String lineText(RawSection s) {
        return s.line > 0 ? " (starting at line " + s.line + ")" : "";
    }
}
