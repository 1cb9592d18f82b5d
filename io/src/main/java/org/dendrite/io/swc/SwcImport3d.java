package org.dendrite.io.swc;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.io.morph.Hoc;
import org.dendrite.io.morph.RawSection;

/**
 * NEURON Import3d's rules for cutting SWC samples into sections (neuron-numerics §10.1): child counts with the
 * 0.01 refinements for non-contiguous children and type changes, the "connect to proximal end" marks, soma
 * contiguity, the NeuroMorpho 3-point soma, the copied parent point and where each section attaches (parentx),
 * and wire sections. Works on the samples' float values widened to double, as NEURON does.
 */
final class SwcImport3d {
    private SwcImport3d() {}

    private static final int SOMA = 1;

    static List<RawSection> sections(SwcSamples s, List<String> notes) {
        final int n = s.n;
        final int[] type = s.type;
        final int[] pix = s.parent.clone();            // parent index per point (may be changed below)
        final float[] x = s.x, y = s.y, z = s.z, radius = s.radius;

        // child counts: 1 per child, +0.01 when the child does not follow its parent in the file,
        // +0.01 when the child's type differs; "connect to proximal end" marks
        double[] count = new double[n];
        boolean[] toProximal = new boolean[n];
        for (int i = 0; i < n; i++) {
            int p = pix[i];
            if (p < 0) continue;
            count[p] += 1;
            if (p != i - 1) {
                count[p] += .01;
                if (p > 1) {
                    if (type[p] != SOMA && pix[p] >= 0 && type[pix[p]] == SOMA) {
                        toProximal[i] = true;
                        count[p] = 1;
                    }
                } else if (p == 0) {
                    if (type[p] != SOMA) {
                        toProximal[i] = true;
                        count[p] = 1;
                    }
                }
            }
            if (type[p] != type[i]) count[p] += .01;
        }

        // soma children of each soma point
        int[] somaChildren = new int[n];
        int somaPoints = type[0] == SOMA ? 1 : 0;
        for (int i = 1; i < n; i++) {
            if (type[i] == SOMA) {
                somaPoints++;
                int p = pix[i];
                if (p >= 0 && type[p] == SOMA) somaChildren[p]++;
            }
        }

        // NeuroMorpho 3-point soma: treated as a single point (a sphere)
        boolean threePointSoma = false;
        if (somaPoints == 3 && n >= 3 && pix[1] == 0 && pix[2] == 0 && count[1] == 0 && count[2] == 0
                && Hoc.eq(2.0 * radius[1], 2.0 * radius[0]) && Hoc.eq(2.0 * radius[2], 2.0 * radius[0])) {
            double len = 0;
            for (int i = 1; i <= 2; i++) {
                double dx = (double) x[i] - x[0], dy = (double) y[i] - y[0], dz = (double) z[i] - z[0];
                len += Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
            double d0 = 2.0 * radius[0];
            if (Hoc.lt(Math.abs(len / d0 - 1), .01)) {
                threePointSoma = true;
                pix[2] = 1;     // keeps the three points in one section; points 1 and 2 are dropped below
                notes.add("the three soma samples (lines " + s.line[0] + "-" + s.line[2] + ") follow the"
                        + " NeuroMorpho three-point convention and are read as one sphere of diameter "
                        + (float) d0 + " um, as NEURON does");
            }
        }

        // consecutive soma points form one section unless a soma point (other than the first) branches
        for (int i = 0; i < n - 1; i++) {
            if (type[i] == SOMA && type[i + 1] == SOMA && pix[i + 1] == i) {
                if (!(i != 0 && somaChildren[i] > 1)) count[i] = 1;
            }
        }

        // sections end at every point whose count is not exactly 1
        int[] pointSection = new int[n];
        int[] sectionStart = new int[n + 1];
        int nsec = 0;
        sectionStart[0] = 0;
        {
            int si = 0;
            boolean ended = count[0] != 1;
            for (int i = 1; i < n; i++) {
                if (ended) {
                    si++;
                    sectionStart[si] = i;
                }
                pointSection[i] = si;
                ended = count[i] != 1;
            }
            nsec = si + 1;
            sectionStart[nsec] = n;
        }

        List<RawSection> out = new ArrayList<>(nsec);
        for (int sec = 0; sec < nsec; sec++) {
            int first = sectionStart[sec];
            int end = sectionStart[sec + 1];
            RawSection r;
            if (sec == 0) {
                if (threePointSoma) end = 1;
                r = points(type[first], first, end, -1, x, y, z, radius);
            } else {
                int pp = pix[first];
                int psecIndex = pointSection[pp];
                RawSection psec = out.get(psecIndex);
                int psecFirst = sectionStart[psecIndex];
                r = points(type[first], first, end, pp, x, y, z, radius);
                r.parent = psecIndex;
                boolean denConSoma = psec.type == SOMA && type[first] != SOMA;
                boolean conSoma = psec.type == SOMA;
                int own = end - first;
                boolean handled = false;
                if (psecIndex == 0) {
                    handled = true;
                    if (denConSoma && psec.size() == 1) {          // single-point soma
                        r.parentX = 0.5;
                        if (own > 1) r.wire = true;
                    } else if (pp == psecFirst) {                  // first point of the root
                        r.parentX = 0;
                        if (type[first] != SOMA && somaChildren[pp] > 1) r.wire = true;
                    } else {
                        handled = false;
                    }
                }
                if (!handled && conSoma) {
                    int offset = psecFirst == 0 ? -1 : -2;
                    if (pp < psecFirst + psec.size() + offset) {    // not the soma section's last point
                        r.parentX = 0.5;
                        if (denConSoma && own > 1) r.wire = true;
                    } else if (own > 1 && somaChildren[pp] > 1) {
                        if (type[first] != SOMA) r.wire = true;
                    }
                }
                if (psec.type == SOMA && r.type != SOMA) {
                    r.d[0] = r.d[1];
                }
                if (toProximal[first]) {
                    r.parentX = 0;
                }
            }
            r.line = s.line[first];
            r.valuesStored = s.shortNumbers;
            out.add(r);
        }
        return out;
    }

    /** A section holding the parent point {@code pp} (if >= 0) followed by points [first, end); d = 2 r. */
    private static RawSection points(int type, int first, int end, int pp, float[] x, float[] y, float[] z,
                                     float[] radius) {
        int off = pp >= 0 ? 1 : 0;
        int m = end - first + off;
        double[] sx = new double[m], sy = new double[m], sz = new double[m], sd = new double[m];
        if (pp >= 0) {
            sx[0] = x[pp];
            sy[0] = y[pp];
            sz[0] = z[pp];
            sd[0] = 2.0 * radius[pp];
        }
        for (int i = first, k = off; i < end; i++, k++) {
            sx[k] = x[i];
            sy[k] = y[i];
            sz[k] = z[i];
            sd[k] = 2.0 * radius[i];                     // exact: a float doubled
        }
        return new RawSection(type, sx, sy, sz, sd);
    }
}
