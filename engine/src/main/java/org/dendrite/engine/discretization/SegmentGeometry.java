package org.dendrite.engine.discretization;

import org.dendrite.engine.morphology.Section;

/**
 * Membrane area, axial resistance and mean diameter of each segment of one section, computed exactly as
 * NEURON does (neuron-numerics §3), including its order of floating-point operations.
 *
 * <p>{@code area[j]} (um2) and {@code diam[j]} (um) for segments j = 0..n-1; {@code ri[j]} (MOhm) is the
 * resistance from node j to its parent node for j = 0..n-1, and {@code ri[n]} from the last centre to the
 * section's x = 1 node.
 */
public record SegmentGeometry(double length, double[] area, double[] ri, double[] diam) {

    public int nseg() {
        return area.length;
    }

    /** Geometry of a section with {@code nseg} segments and axial resistivity {@code raOhmCm}. */
    public static SegmentGeometry of(Section s, int nseg, double raOhmCm) {
        if (nseg < 1) throw new IllegalArgumentException("section " + s.name() + ": nseg must be >= 1");
        return s.hasPoints() ? fromPoints(s, nseg, raOhmCm) : stylized(s, nseg, raOhmCm);
    }

    private static SegmentGeometry stylized(Section s, int n, double ra) {
        double[] diam = new double[n];
        java.util.Arrays.fill(diam, s.stylizedDiam());
        return stylized(s.stylizedLength(), diam, ra);
    }

    /**
     * A stylized section (no 3-D points) of length {@code lengthUm} whose segments have the diameters
     * {@code diamUm} (one per segment: NEURON's {@code diam(x) = ...} on a stylized section), um, ohm*cm.
     */
    public static SegmentGeometry stylized(double lengthUm, double[] diamUm, double ra) {
        int n = diamUm.length;
        double dx = lengthUm / n;
        double[] area = new double[n];
        double[] diam = diamUm.clone();
        double[] rhalf = new double[n];
        for (int j = 0; j < n; j++) {
            double d = diam[j];
            area[j] = (Math.PI * d) * dx;
            rhalf[j] = ((0.01 * ra) * (dx / 2)) / (((Math.PI * d) * d) / 4);
        }
        double[] ri = new double[n + 1];
        ri[0] = rhalf[0];
        for (int j = 1; j < n; j++) ri[j] = rhalf[j - 1] + rhalf[j];
        ri[n] = rhalf[n - 1];
        return new SegmentGeometry(lengthUm, area, ri, diam);
    }

    /** Walks the 3-D points once over the whole section, in halves of segments (§3.2). */
    private static SegmentGeometry fromPoints(Section s, int n, double ra) {
        double[] arc = s.arcLengths();
        int npt = arc.length;
        double length = Math.max(arc[npt - 1], Section.MIN_LENGTH);
        double ds = length / n;
        double[] area = new double[n];
        double[] diam = new double[n];
        double[] ri = new double[n + 1];
        Walk w = new Walk(s, arc);
        double rrPrevious = 0;
        for (int j = 0; j < n; j++) {
            double areaSum = 0, rl = 0, rr = 0, dsum = 0;
            for (int half = 0; half < 2; half++) {
                // the right half ends at (j*ds + ds/2) + ds/2, as NEURON computes it (not (j+1)*ds): bit-exact
                double end = half == 0 ? j * ds + ds / 2 : (j * ds + ds / 2) + ds / 2;
                w.advanceTo(end);
                areaSum += w.area;
                dsum += w.diamIntegral;
                if (half == 0) rl = w.resistance; else rr = w.resistance;
            }
            area[j] = areaSum * 0.5 * Math.PI;
            double rlHalf = rl * ra / Math.PI * (4 * 0.01);
            double rrHalf = rr * ra / Math.PI * (4 * 0.01);
            ri[j] = rrPrevious + rlHalf;
            rrPrevious = rrHalf;
            diam[j] = dsum * 0.5 / ds;
        }
        ri[n] = rrPrevious;
        return new SegmentGeometry(length, area, ri, diam);
    }

    /** The continuous walk along the points; each advance returns the sums over the interval covered. */
    private static final class Walk {
        private final Section s;
        private final double[] arc;
        private int k;              // current point index
        private double pos, dia;    // last (position, |diameter|)
        double area, resistance, diamIntegral;

        Walk(Section s, double[] arc) {
            this.s = s;
            this.arc = arc;
            this.pos = arc[0];
            this.dia = Math.abs(s.diam(0));
        }

        void advanceTo(double p) {
            area = 0;
            resistance = 0;
            diamIntegral = 0;
            int last = arc.length - 1;
            // the last point is never consumed here: the final piece is always closed by interpolation at p
            while (k + 1 < last && arc[k + 1] <= p) {
                k++;
                close(arc[k], Math.abs(s.diam(k)));
            }
            double y = interpolate(k, p);
            close(p, y);
        }

        private double interpolate(int a, double p) {
            double span = arc[a + 1] - arc[a];
            double frac = Math.abs(span) < 1e-10 ? 1 : (p - arc[a]) / span;
            return (1 - frac) * Math.abs(s.diam(a)) + frac * Math.abs(s.diam(a + 1));
        }

        private void close(double s2, double y2) {
            double y1 = dia;
            double delta = s2 - pos;
            diamIntegral += (y1 + y2) * delta;
            double dc = delta < 1e-15 ? 1e-15 : delta;
            double half = (y2 - y1) / 2;
            area += (y1 + y2) * Math.sqrt(dc * dc + half * half);
            double q = y1 * y2 / dc;
            if (q == 0) q = 1e-15;
            resistance += 1 / q;
            pos = s2;
            dia = y2;
        }
    }
}
