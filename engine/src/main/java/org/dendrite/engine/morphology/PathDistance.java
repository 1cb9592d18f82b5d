package org.dendrite.engine.morphology;

/**
 * Path distance along the tree, as NEURON's {@code distance()}: the arc length (µm) between an origin
 * {@code origin(xo)} and a location {@code sec(x)}, following sections through their attachment points
 * (a child attached at {@code parent(px)} starts at arc {@code px·L(parent)}). The default origin is the
 * centre of the first soma section ({@code soma[0](0.5)}), or the 0 end of the first root section when the
 * cell has no soma. Lengths are the sections' {@link Section#length()} (3-D arc length or stylised L).
 */
public final class PathDistance {
    private final Morphology morph;
    private final int originSection;
    private final double originX;
    private final double[] length;
    /** Arc length from the tree root to each section's 0 end. */
    private final double[] rootDistance;
    private final int[] depth;

    public PathDistance(Morphology morph, int originSection, double originX) {
        this.morph = morph;
        this.originSection = originSection;
        this.originX = originX;
        int n = morph.size();
        length = new double[n];
        rootDistance = new double[n];
        depth = new int[n];
        for (int s = 0; s < n; s++) length[s] = morph.section(s).length();
        for (int s = 0; s < n; s++) { // parents come before children in a Morphology
            int p = morph.section(s).parent();
            if (p >= 0) {
                rootDistance[s] = rootDistance[p] + morph.section(s).parentX() * length[p];
                depth[s] = depth[p] + 1;
            }
        }
    }

    /** Distances from {@code soma[0](0.5)} (or the first root's 0 end when there is no soma section). */
    public static PathDistance fromSoma(Morphology morph) {
        for (int s = 0; s < morph.size(); s++) {
            if (morph.section(s).type().equals(SectionType.SOMA)) return new PathDistance(morph, s, 0.5);
        }
        return new PathDistance(morph, 0, 0);
    }

    public int originSection() { return originSection; }
    public double originX() { return originX; }

    /** Path distance (µm) from the origin to {@code section(x)}. */
    public double distance(int section, double x) {
        int a = section, b = originSection;
        double xa = x, xb = originX;
        double total = 0;
        // climb the deeper side until both are on the same section (lowest common ancestor)
        while (a != b) {
            if (depth[a] >= depth[b]) {
                total += xa * length[a];
                xa = morph.section(a).parentX();
                a = morph.section(a).parent();
            } else {
                total += xb * length[b];
                xb = morph.section(b).parentX();
                b = morph.section(b).parent();
            }
            if (a < 0 || b < 0) throw new IllegalArgumentException("locations are on different trees");
        }
        return total + Math.abs(xa - xb) * length[a];
    }

    /** Whether a section has no children. */
    public boolean isTerminal(int section) {
        for (int s = 0; s < morph.size(); s++) if (morph.section(s).parent() == section) return false;
        return true;
    }

    /** Arc length from the tree root to the section's 0 end (µm). */
    public double rootDistance(int section) {
        return rootDistance[section];
    }
}
