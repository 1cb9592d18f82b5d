package org.dendrite.io.morph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;

/**
 * Summary numbers of a morphology as NEURON would see it: sections and 3-D points, length and membrane area per
 * section type (area at nseg 1 and at nseg from the d_lambda rule), longest path from the soma, highest branch
 * order and bounding box. All lengths in um, areas in um2.
 */
public final class MorphologyStats {
    /** Numbers for one section type (or for the whole cell). */
    public record Totals(int sections, int points, double lengthUm, double areaNseg1Um2, double areaDLambdaUm2,
                         int nsegDLambda) {
        Totals plus(Section s, double ra, double cm) {
            int nseg = SectionGeometry.dLambdaNseg(s, ra, cm);
            return new Totals(sections + 1, points + s.pointCount(), lengthUm + SectionGeometry.length(s),
                    areaNseg1Um2 + SectionGeometry.area(s, 1), areaDLambdaUm2 + SectionGeometry.area(s, nseg),
                    nsegDLambda + nseg);
        }
    }

    public final Totals total;
    /** Per NEURON section-name prefix (soma, axon, dend, apic, dend_5 ...), in order of SWC type code. */
    public final Map<String, Totals> perType;
    public final double maxPathLengthUm;
    public final int maxBranchOrder;
    public final double[] boundsMin;
    public final double[] boundsMax;
    public final double raOhmCm;
    public final double cmUfCm2;

    private MorphologyStats(Totals total, Map<String, Totals> perType, double maxPath, int maxOrder,
                            double[] min, double[] max, double ra, double cm) {
        this.total = total;
        this.perType = perType;
        this.maxPathLengthUm = maxPath;
        this.maxBranchOrder = maxOrder;
        this.boundsMin = min;
        this.boundsMax = max;
        this.raOhmCm = ra;
        this.cmUfCm2 = cm;
    }

    /** With NEURON's default Ra (35.4 ohm cm) and cm (1 uF/cm2) for the d_lambda rule. */
    public static MorphologyStats of(Morphology m) {
        return of(m, SectionGeometry.DEFAULT_RA_OHM_CM, SectionGeometry.DEFAULT_CM_UF_CM2);
    }

    public static MorphologyStats of(Morphology m, double raOhmCm, double cmUfCm2) {
        Totals zero = new Totals(0, 0, 0, 0, 0, 0);
        Totals total = zero;
        Map<Integer, Totals> byCode = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int n = m.size();
        double[] pathAt0 = new double[n];
        int[] order = new int[n];
        int[] childCount = new int[n];
        for (Section s : m.sections()) if (s.parent() >= 0) childCount[s.parent()]++;
        double maxPath = 0;
        int maxOrder = 0;
        for (int i = 0; i < n; i++) {
            Section s = m.section(i);
            total = total.plus(s, raOhmCm, cmUfCm2);
            byCode.merge(s.type().code(), zero.plus(s, raOhmCm, cmUfCm2), MorphologyStats::add);
            names.put(s.type().code(), s.type().neuronName());
            for (int k = 0; k < s.pointCount(); k++) {
                double[] v = {s.x(k), s.y(k), s.z(k)};
                for (int c = 0; c < 3; c++) {
                    min[c] = Math.min(min[c], v[c]);
                    max[c] = Math.max(max[c], v[c]);
                }
            }
            int p = s.parent();
            boolean soma = s.type().code() == 1;
            if (p < 0 || m.section(p).type().code() == 1) {
                pathAt0[i] = 0;
                order[i] = 0;
            } else {
                pathAt0[i] = pathAt0[p] + SectionGeometry.length(m.section(p)) * s.parentX();
                order[i] = order[p] + (childCount[p] > 1 ? 1 : 0);
            }
            if (!soma) {
                maxPath = Math.max(maxPath, pathAt0[i] + SectionGeometry.length(s));
                maxOrder = Math.max(maxOrder, order[i]);
            }
        }
        Map<String, Totals> perType = new java.util.LinkedHashMap<>();
        byCode.forEach((code, t) -> perType.put(names.get(code), t));
        return new MorphologyStats(total, perType, maxPath, maxOrder, min, max, raOhmCm, cmUfCm2);
    }

    private static Totals add(Totals a, Totals b) {
        return new Totals(a.sections + b.sections, a.points + b.points, a.lengthUm + b.lengthUm,
                a.areaNseg1Um2 + b.areaNseg1Um2, a.areaDLambdaUm2 + b.areaDLambdaUm2, a.nsegDLambda + b.nsegDLambda);
    }

    /** Names of the types present, in type-code order. */
    public List<String> typeNames() {
        return new ArrayList<>(perType.keySet());
    }
}
