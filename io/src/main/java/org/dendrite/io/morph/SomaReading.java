package org.dendrite.io.morph;

import java.util.Locale;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;

/**
 * How the soma becomes sections.
 * <ul>
 *   <li>{@link #NEURON} (default): exactly as NEURON's Import3d builds it (one or more soma sections through the
 *       soma samples, a 21-point centroid for an outline, a cylinder of length and diameter d for one sample).</li>
 *   <li>{@link #SPHERE}: the reading of tools that treat the soma as one sphere (MorphIO/NeuroM's soma surface,
 *       Arbor's and jaxley's spherical somata): every soma section is replaced by a single cylinder whose length
 *       equals its diameter and whose lateral area equals NEURON's total soma membrane area (at nseg 1), centred
 *       on the mean of the soma's 3-D points, lying along x; every section that hung from the soma hangs from the
 *       middle of that cylinder. Neurites keep their own points. Use it to compare with such tools.</li>
 * </ul>
 */
public enum SomaReading {
    NEURON, SPHERE;

    public static SomaReading parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "neuron" -> NEURON;
            case "sphere" -> SPHERE;
            default -> throw new IllegalArgumentException("unknown soma reading '" + s + "' (expected neuron or"
                    + " sphere)");
        };
    }

    /** {@code m} with its soma read this way. */
    public Morphology apply(Morphology m) {
        if (this == NEURON) return m;
        int n = m.size();
        double area = 0, sx = 0, sy = 0, sz = 0;
        int pts = 0, somaSections = 0;
        for (Section s : m.sections()) {
            if (s.type().code() != 1) continue;
            somaSections++;
            area += SectionGeometry.area(s, 1);
            for (int k = 0; k < s.pointCount(); k++) {
                sx += s.x(k);
                sy += s.y(k);
                sz += s.z(k);
                pts++;
            }
        }
        if (somaSections == 0) return m;
        double d = Math.sqrt(area / Math.PI);     // lateral area of a cylinder with L = d is pi d^2
        double cx = sx / pts, cy = sy / pts, cz = sz / pts;
        Morphology.Builder b = Morphology.builder(m.source());
        for (String note : m.notes()) b.note(note);
        b.note(somaSections + " soma section(s) with " + String.format(Locale.ROOT, "%.6g", area) + " um2 of"
                + " membrane replaced by one sphere-equivalent cylinder, L = diam = "
                + String.format(Locale.ROOT, "%.6g", d) + " um (soma reading 'sphere')");
        b.add(Section.withPoints("soma[0]", SectionType.SOMA, -1, 0,
                new double[][] {{cx - d / 2, cy, cz, d}, {cx, cy, cz, d}, {cx + d / 2, cy, cz, d}}));
        int[] newIndex = new int[n];
        for (int i = 0; i < n; i++) {
            Section s = m.section(i);
            if (s.type().code() == 1) {
                newIndex[i] = 0;
                continue;
            }
            int p = s.parent();
            int np;
            double px;
            if (p < 0) {
                np = -1;
                px = 0;
            } else if (m.section(p).type().code() == 1) {
                np = 0;
                px = 0.5;
            } else {
                np = newIndex[p];
                px = s.parentX();
            }
            float[] x = new float[s.pointCount()], y = x.clone(), z = x.clone(), dd = x.clone();
            for (int k = 0; k < x.length; k++) {
                x[k] = s.x(k);
                y[k] = s.y(k);
                z[k] = s.z(k);
                dd[k] = s.diam(k);
            }
            newIndex[i] = b.add(Section.withPoints(s.name(), s.type(), np, px, x, y, z, dd));
        }
        return b.build();
    }
}
