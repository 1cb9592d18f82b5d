package org.dendrite.io.morph;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;

/**
 * Geometry summaries of sections computed as NEURON computes them (neuron-numerics §3.2 and §4.1): membrane
 * area per segment from 3-D points (frustums, interpolated diameters at segment boundaries, annulus area at
 * zero-length diameter steps), the AC length constant and the d_lambda rule. Used by {@code morph info} and by
 * the tests that compare with NEURON.
 */
public final class SectionGeometry {
    private SectionGeometry() {}

    /** NEURON's default axial resistivity, ohm cm. */
    public static final double DEFAULT_RA_OHM_CM = 35.4;
    /** NEURON's default specific capacitance, uF/cm2. */
    public static final double DEFAULT_CM_UF_CM2 = 1.0;

    /**
     * Section length L as NEURON reports it, um: the arc length of the 3-D points, but at least 1e-9 (NEURON
     * never lets L reach 0; a section whose points coincide has L = 1e-9).
     */
    public static double length(Section s) {
        double l = s.length();
        return l < 1e-9 ? 1e-9 : l;
    }

    /** Membrane area of each of {@code nseg} segments, um2. */
    public static double[] segmentAreas(Section s, int nseg) {
        double[] out = new double[nseg];
        if (!s.hasPoints()) {
            double dx = s.stylizedLength() / nseg;
            for (int j = 0; j < nseg; j++) out[j] = Math.PI * s.stylizedDiam() * dx;
            return out;
        }
        int n = s.pointCount();
        double[] arc = s.arcLengths();
        double len = arc[n - 1];
        double ds = len / nseg;
        int k = 0;
        double pos = arc[0];
        double dLast = Math.abs(s.diam(0));
        for (int j = 0; j < nseg; j++) {
            double sum = 0;
            for (int half = 0; half < 2; half++) {
                double p = half == 0 ? j * ds + ds / 2 : (j + 1) * ds;
                while (k + 1 < n - 1 && arc[k + 1] <= p) {
                    double y2 = Math.abs(s.diam(k + 1));
                    sum += frustum(arc[k + 1] - pos, dLast, y2);
                    pos = arc[k + 1];
                    dLast = y2;
                    k++;
                }
                double span = arc[k + 1] - arc[k];
                double frac = span < 1e-10 ? 1 : (p - arc[k]) / span;
                double y = (1 - frac) * Math.abs(s.diam(k)) + frac * Math.abs(s.diam(k + 1));
                sum += frustum(p - pos, dLast, y);
                pos = p;
                dLast = y;
            }
            out[j] = sum * 0.5 * Math.PI;
        }
        return out;
    }

    private static double frustum(double delta, double y1, double y2) {
        if (delta < 1e-15) delta = 1e-15;
        double h = (y2 - y1) / 2;
        return (y1 + y2) * Math.sqrt(delta * delta + h * h);
    }

    /** Total membrane area of a section with {@code nseg} segments, um2. */
    public static double area(Section s, int nseg) {
        double a = 0;
        for (double v : segmentAreas(s, nseg)) a += v;
        return a;
    }

    /** AC length constant at {@code freqHz}, um (NEURON's lambda_f). */
    public static double lambdaF(Section s, double freqHz, double raOhmCm, double cmUfCm2) {
        if (cmUfCm2 == 0) return 1e10;
        if (!s.hasPoints() || s.pointCount() < 2) {
            return 1e5 * Math.sqrt(s.stylizedDiam() / (4 * Math.PI * freqHz * raOhmCm * cmUfCm2));
        }
        double[] arc = s.arcLengths();
        int n = s.pointCount();
        double lam = 0;
        for (int k = 1; k < n; k++) {
            lam += (arc[k] - arc[k - 1]) / Math.sqrt(s.diam(k - 1) + s.diam(k));
        }
        lam *= Math.sqrt(2) * 1e-5 * Math.sqrt(4 * Math.PI * freqHz * raOhmCm * cmUfCm2);
        return length(s) / lam;
    }

    /** NEURON's largest nseg. */
    public static final int MAX_NSEG = 32767;

    /**
     * nseg by the d_lambda rule (f = 100 Hz, d_lambda = 0.1): always odd. A section with zero diameters has no
     * length constant (NEURON reports an error); it is given the largest odd nseg, {@link #MAX_NSEG}, so that
     * summaries stay finite.
     */
    public static int dLambdaNseg(Section s, double raOhmCm, double cmUfCm2) {
        double lf = lambdaF(s, 100, raOhmCm, cmUfCm2);
        double half = (length(s) / (0.1 * lf) + 0.9) / 2;
        if (Double.isNaN(half) || half >= MAX_NSEG / 2) return MAX_NSEG;
        return (int) half * 2 + 1;
    }

    /** Path length from the start of the root to the distal end of every section, um. */
    public static double[] distalPathLength(Morphology m) {
        double[] out = new double[m.size()];
        for (int i = 0; i < m.size(); i++) {
            Section s = m.section(i);
            double base = s.parent() < 0 ? 0 : pathAt(m, out, s.parent(), s.parentX());
            out[i] = base + length(s);
        }
        return out;
    }

    private static double pathAt(Morphology m, double[] distal, int sec, double x) {
        Section p = m.section(sec);
        return distal[sec] - length(p) * (1 - x);
    }
}
