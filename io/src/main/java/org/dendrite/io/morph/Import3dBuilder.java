package org.dendrite.io.morph;

import java.util.ArrayList;
import java.util.HashMap;
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
        int n = raw.size();
        int[] parent = new int[n];
        double[] parentX = new double[n];
        int[] childCount = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = raw.get(i).parent;
            parentX[i] = raw.get(i).parentX;
            if (parent[i] >= i) {
                throw new IllegalArgumentException("section " + i + " names parent " + parent[i]
                        + ", which does not come before it");
            }
            if (parent[i] >= 0) childCount[parent[i]]++;
        }
        int[][] children = new int[n][];
        for (int i = 0; i < n; i++) children[i] = new int[childCount[i]];
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) if (parent[i] >= 0) children[parent[i]][fill[parent[i]]++] = i;
        boolean[] removed = new boolean[n];
        List<String> allNotes = new ArrayList<>(notes);
        // Import3d's validity check: walk from the last section to the first; a removed section's children
        // are re-attached to its parent at its position
        for (int i = n - 1; i >= 0; i--) {
            RawSection s = raw.get(i);
            int p = parent[i];
            if (p < 0) continue;
            int first = s.wire ? 1 : 0;
            int own = s.size() - first;
            if (own <= 1) {
                allNotes.add("a section with a single point" + lineText(s) + " was removed (as NEURON does)");
            } else if (own == 2 && same(s, first, first + 1)) {
                allNotes.add("a two-point section of zero length" + lineText(s) + " was removed (as NEURON does)");
            } else {
                continue;
            }
            removed[i] = true;
            int added = 0;
            for (int c : children[i]) {
                if (removed[c] || parent[c] != i) continue;
                parent[c] = p;
                parentX[c] = parentX[i];
                added++;
            }
            if (added > 0) {
                int[] merged = java.util.Arrays.copyOf(children[p], children[p].length + added);
                int k = children[p].length;
                for (int c : children[i]) if (!removed[c] && parent[c] == p) merged[k++] = c;
                children[p] = merged;
            }
        }

        int[] newIndex = new int[n];
        Map<Integer, Integer> nextIndexOfType = new HashMap<>();
        Morphology.Builder b = Morphology.builder(source);
        for (String note : allNotes) b.note(note);
        for (int i = 0; i < n; i++) {
            if (removed[i]) continue;
            RawSection s = raw.get(i);
            int k = nextIndexOfType.merge(s.type, 1, Integer::sum) - 1;
            SectionType type = new SectionType(s.type);
            String name = type.neuronName() + "[" + k + "]";
            int first = s.wire ? 1 : 0;
            int np = s.size() - first;
            double[] x = s.x, y = s.y, z = s.z, d = s.d;
            boolean exact = s.valuesStored;
            if (s.contour) {
                double[][] c;
                try {
                    c = s.contourStack != null
                            ? SomaContour.stackCentroid(slice(x, first), slice(y, first), slice(z, first),
                                    s.contourStack)
                            : SomaContour.centroid(slice(x, first), slice(y, first), slice(z, first));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new org.dendrite.io.MorphologyFormatException(source, s.line, 0, "the soma contour"
                            + " starting here cannot be turned into a soma section: " + (e instanceof
                            IllegalArgumentException ? e.getMessage() : "it has too few distinct points"));
                }
                x = c[0];
                y = c[1];
                z = c[2];
                d = c[3];
                first = 0;
                np = x.length;
                exact = false;
            }
            if (np == 1) { // a single point: a cylinder of length and diameter d along x
                double cx = x[first], cy = y[first], cz = z[first], dd = d[first];
                x = new double[] {cx - dd / 2, cx, cx + dd / 2};
                y = new double[] {cy, cy, cy};
                z = new double[] {cz, cz, cz};
                d = new double[] {dd, dd, dd};
                first = 0;
                np = 3;
                exact = false;
            }
            float[] fx = new float[np], fy = new float[np], fz = new float[np], fd = new float[np];
            if (exact) {
                for (int j = 0; j < np; j++) {
                    fx[j] = (float) x[first + j];
                    fy[j] = (float) y[first + j];
                    fz[j] = (float) z[first + j];
                    fd[j] = (float) d[first + j];
                }
            } else {
                for (int j = 0; j < np; j++) {
                    fx[j] = NeuronFloats.store(x[first + j]);
                    fy[j] = NeuronFloats.store(y[first + j]);
                    fz[j] = NeuronFloats.store(z[first + j]);
                    fd[j] = NeuronFloats.store(d[first + j]);
                }
            }
            int p = parent[i];
            int parentIndex = p < 0 ? -1 : newIndex[p];
            double px = p < 0 ? 0 : parentX[i];
            newIndex[i] = b.add(Section.withPoints(name, type, parentIndex, px, fx, fy, fz, fd));
        }
        return b.build();
    }

    private static double[] slice(double[] a, int from) {
        return from == 0 ? a : java.util.Arrays.copyOfRange(a, from, a.length);
    }

    private static boolean same(RawSection s, int i, int j) {
        return Math.abs(s.x[i] - s.x[j]) <= SAME_POINT_UM && Math.abs(s.y[i] - s.y[j]) <= SAME_POINT_UM
                && Math.abs(s.z[i] - s.z[j]) <= SAME_POINT_UM;
    }

    private static String lineText(RawSection s) {
        return s.line > 0 ? " (starting at line " + s.line + ")" : "";
    }
}
