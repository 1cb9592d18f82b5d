package org.dendrite.io.swc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;

/**
 * SWC samples read the way Arbor's own SWC interpretation ({@code arborio::load_swc_arbor}, "Arbor
 * interpretation" in Arbor's file-format documentation) reads them: no special rules for the soma.
 * <ul>
 *   <li>Every sample except the root makes one segment (a frustum) from its parent sample (point and radius) to
 *       itself (point and radius), with the sample's own type. There are no gaps: a neurite whose parent is a
 *       soma sample starts at that soma sample's centre, with the soma sample's radius (a cone).</li>
 *   <li>A sample with more than one child is a fork: each child starts a new section there. dendrite also starts
 *       a new section where the type changes (a section has one type); such a section hangs from the end (1) of
 *       the previous one, so the cable is unchanged.</li>
 *   <li>Children of the root each start a section at the root point; the first one (the first child of the
 *       root's own type, else the first child) is the root section, the others hang from its start (0).</li>
 *   <li>A root with no child of its own type (a single-sample soma, which Arbor's own interpretation refuses)
 *       is read by the NeuroMorpho rule that Arbor's documentation quotes: a cylinder of length and diameter 2r
 *       along y, from {@code y - r} to {@code y + r}, centred on the sample; its children hang from its middle
 *       (0.5) and start, as every segment does, at the sample's centre with its radius.</li>
 * </ul>
 * The NeuroMorpho three-point soma therefore becomes two soma sections of length r and diameter 2r (area
 * 4 pi r^2 in all, like NEURON's), and the neurites begin with a cone from the soma centre.
 * Sections are named per type in creation order ({@code soma[0]}, {@code dend[3]}), parents first.
 */
public final class SwcArbor {
    private SwcArbor() {}

    /** Sections of {@code s} under Arbor's interpretation; {@code name} is the source named in messages. */
    public static Morphology toMorphology(String name, SwcSamples s) {
        int n = s.n;
        int[] childCount = new int[n];
        for (int i = 0; i < n; i++) if (s.parent[i] >= 0) childCount[s.parent[i]]++;
        int[][] children = new int[n][];
        for (int i = 0; i < n; i++) children[i] = new int[childCount[i]];
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            int p = s.parent[i];
            if (p >= 0) children[p][fill[p]++] = i;
        }
        Morphology.Builder b = Morphology.builder(name);
        if (s.reordered) {
            b.note("some samples name a parent with a larger id; the samples were renumbered so that every parent"
                    + " comes first");
        }
        b.note("soma read the Arbor way: a segment from every sample's parent to it, no soma rules");
        Map<Integer, Integer> perType = new HashMap<>();
        // pending sections: {first sample of the chain, sample the section starts at, parent section, parentX*2}
        Deque<int[]> stack = new ArrayDeque<>();
        int root = 0;
        for (int i = 0; i < n; i++) {
            if (s.parent[i] < 0) {
                root = i;
                break;
            }
        }
        int[] rc = children[root];
        int sameType = -1;
        for (int c : rc) {
            if (s.type[c] == s.type[root]) {
                sameType = c;
                break;
            }
        }
        if (sameType < 0) {
            // single sample of its type at the root: NeuroMorpho's cylinder along y
            float r = s.radius[root];
            float d = 2 * r;
            float x = s.x[root], y = s.y[root], z = s.z[root];
            int sec = b.add(Section.withPoints(sectionName(s.type[root], perType), new SectionType(s.type[root]),
                    -1, 0, new float[] {x, x, x}, new float[] {(float) (y - (double) r), y, (float) (y + (double) r)},
                    new float[] {z, z, z}, new float[] {d, d, d}));
            b.note("single " + new SectionType(s.type[root]).neuronName() + " sample at the root read as a cylinder"
                    + " of length and diameter " + d + " um along y (NeuroMorpho rule; Arbor's own interpretation"
                    + " refuses single-sample somata)");
            for (int k = rc.length - 1; k >= 0; k--) stack.push(new int[] {rc[k], root, sec, 1});
        } else {
            int first = buildChain(b, s, children, perType, sameType, root, -1, 0, stack);
            for (int k = rc.length - 1; k >= 0; k--) {
                if (rc[k] != sameType) stack.push(new int[] {rc[k], root, first, 0});
            }
            // the root section's own pending children were pushed by buildChain; process them first
        }
        while (!stack.isEmpty()) {
            int[] t = stack.pop();
            buildChain(b, s, children, perType, t[0], t[1], t[2], t[3] / 2.0, stack);
        }
        return b.build();
    }

    /**
     * Adds the section that starts at sample {@code from} (its first point) and runs through {@code c} and its
     * single same-type descendants; pushes the sections that start at its last sample. Returns its index.
     */
    private static int buildChain(Morphology.Builder b, SwcSamples s, int[][] children, Map<Integer, Integer> perType,
                                  int c, int from, int parentSection, double parentX, Deque<int[]> stack) {
        List<Integer> chain = new ArrayList<>();
        chain.add(from);
        chain.add(c);
        int last = c;
        while (children[last].length == 1 && s.type[children[last][0]] == s.type[last]) {
            last = children[last][0];
            chain.add(last);
        }
        int m = chain.size();
        float[] x = new float[m], y = new float[m], z = new float[m], d = new float[m];
        for (int k = 0; k < m; k++) {
            int i = chain.get(k);
            x[k] = s.x[i];
            y[k] = s.y[i];
            z[k] = s.z[i];
            d[k] = 2 * s.radius[i];
        }
        int sec = b.add(Section.withPoints(sectionName(s.type[c], perType), new SectionType(s.type[c]),
                parentSection, parentX, x, y, z, d));
        int[] ch = children[last];
        for (int k = ch.length - 1; k >= 0; k--) stack.push(new int[] {ch[k], last, sec, 2});
        return sec;
    }

    private static String sectionName(int type, Map<Integer, Integer> perType) {
        int k = perType.merge(type, 1, Integer::sum) - 1;
        return new SectionType(type).neuronName() + "[" + k + "]";
    }
}
