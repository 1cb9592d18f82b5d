package org.dendrite.io.swc;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.io.morph.MorphologyWarning;

/**
 * Warnings about SWC samples that are usable but suspicious. Thresholds follow NeuroM's morphology checks where
 * it has one: a neurite whose first sample lies more than twice the soma radius from its soma sample, a jump of
 * more than 30 um along z between a sample and its parent, a radius that changes by more than a factor 5 from
 * one neurite sample to the next within an unbranched stretch.
 */
final class SwcChecks {
    private SwcChecks() {}

    static final double Z_JUMP_UM = 30;
    static final double RADIUS_RATIO = 5;
    static final double SOMA_RADIUS_MULTIPLIER = 2;
    /** At most this many warnings of one kind are listed one by one; the rest are counted. */
    static final int PER_KIND = 20;

    static List<MorphologyWarning> warnings(SwcSamples s) {
        List<MorphologyWarning> out = new ArrayList<>();
        Counter c = new Counter(out);
        boolean anySoma = false;
        for (int i = 0; i < s.n; i++) if (s.type[i] == 1) anySoma = true;
        if (!anySoma) {
            c.add("no-soma", 0, "the file has no soma sample (type 1); NEURON builds the neurites without a soma");
        }
        if (s.reordered) {
            c.add("parent-after-child", 0, "some samples name a parent with a larger id (NEURON refuses such"
                    + " files); the samples were renumbered so that parents come first");
        }
        int undefined = 0, negative = 0, firstUndefined = -1, firstNegative = -1, custom = 0, firstCustom = -1;
        double maxSomaRadius = 0, minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE;
        for (int i = 0; i < s.n; i++) {
            if (s.type[i] == 1) maxSomaRadius = Math.max(maxSomaRadius, s.radius[i]);
            minX = Math.min(minX, s.x[i]);
            maxX = Math.max(maxX, s.x[i]);
        }
        if (maxSomaRadius > 100 || maxX - minX > 20000) {
            c.add("units", 0, String.format("the coordinates look like nanometres, not micrometres (soma radius"
                    + " %.4g, x extent %.4g): SWC is read in um", maxSomaRadius, maxX - minX));
        }
        int[] children = new int[s.n];
        for (int i = 0; i < s.n; i++) if (s.parent[i] >= 0) children[s.parent[i]]++;
        int[] somaChildren = new int[s.n];
        for (int i = 0; i < s.n; i++) {
            int p = s.parent[i];
            if (s.type[i] == 1 && p >= 0 && s.type[p] == 1) somaChildren[p]++;
        }
        for (int i = 0; i < s.n; i++) {
            int p = s.parent[i];
            long id = s.id[i];
            if (s.type[i] == 0) {
                if (undefined++ == 0) firstUndefined = i;
            } else if (s.type[i] < 0) {
                if (negative++ == 0) firstNegative = i;
            } else if (s.type[i] > 7) {
                if (custom++ == 0) firstCustom = i;
            }
            if (s.radius[i] == 0) {
                c.add("zero-radius", s.line[i], "sample " + id + " has radius 0: its membrane area is 0 and its"
                        + " axial resistance huge");
            }
            if (s.type[i] == 1 && i > 0 && somaChildren[i] > 1) {
                c.add("soma-branches", s.line[i], "soma sample " + id + " has " + somaChildren[i] + " soma"
                        + " children: the soma branches and becomes several soma sections");
            }
            if (p < 0) continue;
            double dx = s.x[i] - s.x[p], dy = s.y[i] - s.y[p], dz = s.z[i] - s.z[p];
            double dist = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (s.type[i] != 1 && s.type[p] == 1) {
                double limit = SOMA_RADIUS_MULTIPLIER * s.radius[p];
                if (dist > limit && s.radius[p] > 0) {
                    c.add("far-from-soma", s.line[i], String.format("the neurite starting at sample %d begins %.3g"
                            + " um from its soma sample, more than %.3g times the soma radius (%.3g um): a dangling"
                            + " or misplaced branch?", id, dist, SOMA_RADIUS_MULTIPLIER, s.radius[p]));
                }
                continue;
            }
            if (s.type[i] == 1) continue;
            if (dist == 0) {
                c.add("zero-length-segment", s.line[i], "sample " + id + " has the same position as its parent "
                        + s.id[p] + " (a zero-length segment)");
            }
            if (Math.abs(dz) > Z_JUMP_UM) {
                c.add("z-jump", s.line[i], String.format("sample %d jumps %.3g um along z from its parent %d"
                        + " (more than %.0f um)", id, Math.abs(dz), s.id[p], Z_JUMP_UM));
            }
            double r0 = s.radius[p], r1 = s.radius[i];
            boolean sameBranch = children[p] == 1;    // a branch may well start thinner than its parent
            if (sameBranch && r0 > 0 && r1 > 0 && (r1 > RADIUS_RATIO * r0 || r0 > RADIUS_RATIO * r1)) {
                c.add("radius-jump", s.line[i], String.format("the radius changes from %.3g um (sample %d) to %.3g"
                        + " um (sample %d), by more than a factor %.0f", r0, s.id[p], r1, id, RADIUS_RATIO));
            }
        }
        if (undefined > 0) {
            c.add("undefined-type", s.line[firstUndefined], undefined + " sample(s) have type 0 (undefined), the"
                    + " first is sample " + s.id[firstUndefined] + "; their sections are named dend_0");
        }
        if (negative > 0) {
            c.add("negative-type", s.line[firstNegative], negative + " sample(s) have a negative type, the first is"
                    + " sample " + s.id[firstNegative] + " (type " + s.type[firstNegative] + "); their sections"
                    + " are named minus_N");
        }
        if (custom > 0) {
            // SWC defines 0-7 (undefined, soma, axon, basal, apical, custom 5-7); MorphIO rejects others in strict mode
            c.add("type-out-of-range", s.line[firstCustom], custom + " sample(s) have a type outside SWC's 0-7, the"
                    + " first is sample " + s.id[firstCustom] + " (type " + s.type[firstCustom] + "); read as a"
                    + " user-defined type (sections named dend_" + s.type[firstCustom] + ")");
        }
        c.finish();
        out.sort(java.util.Comparator.comparingInt(MorphologyWarning::line));
        return out;
    }

    /** Collects warnings, listing at most {@link #PER_KIND} of each kind and counting the rest. */
    static final class Counter {
        private final List<MorphologyWarning> out;
        private final java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();

        Counter(List<MorphologyWarning> out) {
            this.out = out;
        }

        void add(String kind, int line, String message) {
            int k = counts.merge(kind, 1, Integer::sum);
            if (k <= PER_KIND) out.add(new MorphologyWarning(kind, line, message));
        }

        void finish() {
            counts.forEach((kind, k) -> {
                if (k > PER_KIND) {
                    out.add(new MorphologyWarning(kind, 0, (k - PER_KIND) + " more warnings of the kind '" + kind
                            + "' were not listed"));
                }
            });
        }
    }
}
