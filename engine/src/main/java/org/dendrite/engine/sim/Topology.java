package org.dendrite.engine.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.dendrite.engine.morphology.Morphology;

/**
 * NEURON's node numbering for a morphology with given nseg (neuron-numerics §2): one root node per root
 * section first, then sections breadth-first in child order, each contributing its segment-centre nodes
 * 0..n-1 and its x = 1 end node n. Every node's parent has a smaller index.
 */
public final class Topology {
    private final int[] nseg;
    private final int[] firstNode;      // node index of segment 0 of each section
    private final int[] parentNode;     // per node, -1 for root nodes
    private final int[] nodeSection;    // per node: owning section (root nodes: their root section)
    private final int[] nodeSegment;    // per node: segment index, nseg for the end node, -1 for a root node
    private final int[] sectionOrder;   // sections in node order
    private final int rootCount;

    public Topology(Morphology morph, int[] nseg) {
        int ns = morph.size();
        if (nseg.length != ns) throw new IllegalArgumentException("nseg array length differs from section count");
        this.nseg = nseg.clone();
        int total = 0;
        int roots = 0;
        for (int s = 0; s < ns; s++) {
            total += nseg[s] + 1;
            if (morph.section(s).parent() < 0) roots++;
        }
        rootCount = roots;
        total += roots;
        firstNode = new int[ns];
        parentNode = new int[total];
        nodeSection = new int[total];
        nodeSegment = new int[total];
        sectionOrder = new int[ns];
        List<List<Integer>> children = morph.childrenInNeuronOrder();

        int[] rootNodeOf = new int[ns];
        java.util.Arrays.fill(rootNodeOf, -1);
        int next = 0;
        Deque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < ns; s++) {
            if (morph.section(s).parent() < 0) {
                rootNodeOf[s] = next;
                parentNode[next] = -1;
                nodeSection[next] = s;
                nodeSegment[next] = -1;
                next++;
                queue.add(s);
            }
        }
        int order = 0;
        while (!queue.isEmpty()) {
            int s = queue.poll();
            sectionOrder[order++] = s;
            firstNode[s] = next;
            int attach = rootNodeOf[s] >= 0 ? rootNodeOf[s] : attachmentNode(morph, s);
            for (int j = 0; j <= nseg[s]; j++) {
                parentNode[next] = j == 0 ? attach : next - 1;
                nodeSection[next] = s;
                nodeSegment[next] = j;
                next++;
            }
            queue.addAll(children.get(s));
        }
        if (order != ns) throw new IllegalStateException("morphology has sections unreachable from a root");
    }

    /** The parent node of section s's first node (§2.2); the parent section is already numbered. */
    private int attachmentNode(Morphology morph, int s) {
        int p = morph.section(s).parent();
        return node(p, morph.section(s).parentX());
    }

    /**
     * Node of location {@code sec(x)} (§2.3): x = 0 is the node the section's 0 end shares with its parent
     * (or its root node), x = 1 its end node, otherwise the centre of the segment containing x.
     */
    public int node(int section, double x) {
        int n = nseg[section];
        if (x <= 0) return parentNode[firstNode[section]];
        if (x >= 1) return firstNode[section] + n;
        int i = (int) (n * x);
        if (i > n - 1) i = n - 1;
        return firstNode[section] + i;
    }

    public int nodeCount() { return parentNode.length; }
    public int rootCount() { return rootCount; }
    public int parent(int node) { return parentNode[node]; }
    public int[] parents() { return parentNode.clone(); }
    public int nseg(int section) { return nseg[section]; }
    public int firstNode(int section) { return firstNode[section]; }
    public int section(int node) { return nodeSection[node]; }
    /** Segment index of the node, nseg for an end node, -1 for a root node. */
    public int segment(int node) { return nodeSegment[node]; }
    /** Sections in the order their nodes are numbered. */
    public int[] sectionOrder() { return sectionOrder.clone(); }

    /** Centre position x of a node in its section (0 for a root node, 1 for an end node). */
    public double x(int node) {
        int j = nodeSegment[node];
        int n = nseg[nodeSection[node]];
        if (j < 0) return 0;
        if (j == n) return 1;
        return (j + 0.5) / n;
    }

    /** Whether the node carries membrane (segment centre), as opposed to a zero-area end or root node. */
    public boolean hasMembrane(int node) {
        int j = nodeSegment[node];
        return j >= 0 && j < nseg[nodeSection[node]];
    }
}
