package org.dendrite.io.swc;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;

/**
 * Writes SWC. Two routes:
 * <ul>
 *   <li>{@link #write(SwcSamples, String, Writer)}: an SWC file normalised — samples in parent-first order, ids
 *       renumbered 1..N without gaps, one space between columns, comments kept, every number written with the
 *       fewest digits that read back to the same 32-bit float (so reading the output gives the same sections as
 *       reading the input);</li>
 *   <li>{@link #write(Morphology, String, Writer)}: any morphology (an ASC file, for instance) from its sections'
 *       3-D points: each section's points become samples; a child's copy of its parent's point is not repeated;
 *       a child attached at x hangs from the parent's point nearest to x along the section.</li>
 * </ul>
 */
public final class SwcWriter {
    private SwcWriter() {}

    /** Writes normalised samples; {@code origin} goes into the first comment line. */
    public static void write(SwcSamples s, String origin, Writer out) throws IOException {
        out.write("# SWC written by dendrite (normalised: parents first, ids 1..N) from " + origin + "\n");
        for (String h : s.header) out.write("#" + h + "\n");
        out.write("# id type x y z radius parent\n");
        long[] newId = new long[s.n];
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < s.n; i++) {
            newId[i] = i + 1;
            sb.setLength(0);
            sb.append(i + 1).append(' ').append(s.type[i]).append(' ').append(num(s.x[i])).append(' ')
                    .append(num(s.y[i])).append(' ').append(num(s.z[i])).append(' ').append(num(s.radius[i]))
                    .append(' ').append(s.parent[i] < 0 ? -1 : newId[s.parent[i]]).append('\n');
            out.write(sb.toString());
        }
    }

    /** Writes the sections of {@code m} as SWC samples. */
    public static void write(Morphology m, String origin, Writer out) throws IOException {
        out.write("# SWC written by dendrite from the sections of " + origin + "\n");
        out.write("# (each section's 3-D points as samples; children hang from the parent point nearest to"
                + " their attachment)\n");
        out.write("# id type x y z radius parent\n");
        int[][] ids = new int[m.size()][];
        int next = 1;
        List<String> lines = new ArrayList<>();
        for (int si = 0; si < m.size(); si++) {
            Section s = m.section(si);
            int n = s.pointCount();
            ids[si] = new int[n];
            int parentSample = -1;
            int first = 0;
            if (s.parent() >= 0) {
                Section p = m.section(s.parent());
                int k = nearestPoint(p, s.parentX());
                parentSample = ids[s.parent()][k];
                if (s.x(0) == p.x(k) && s.y(0) == p.y(k) && s.z(0) == p.z(k) && n > 1) {
                    first = 1;                       // the copy of the parent's point
                    ids[si][0] = parentSample;
                }
            }
            int prev = parentSample;
            for (int k = first; k < n; k++) {
                int id = next++;
                ids[si][k] = id;
                lines.add(id + " " + s.type().code() + " " + num(s.x(k)) + " " + num(s.y(k)) + " " + num(s.z(k))
                        + " " + num(s.diam(k) / 2) + " " + prev + "\n");
                prev = id;
            }
        }
        for (String l : lines) out.write(l);
    }

    /** Index of the point of {@code p} whose arc position is nearest to {@code x} (first on ties). */
    static int nearestPoint(Section p, double x) {
        double[] arc = p.arcLengths();
        double target = x * arc[arc.length - 1];
        int best = 0;
        for (int k = 1; k < arc.length; k++) {
            if (Math.abs(arc[k] - target) < Math.abs(arc[best] - target)) best = k;
        }
        return best;
    }

    /** The shortest decimal that reads back to the same float, without exponent. */
    static String num(float v) {
        if (v == 0) return "0";
        String s = new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
        return s;
    }
}
