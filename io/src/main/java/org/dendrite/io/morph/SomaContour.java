package org.dendrite.io.morph;

import java.util.ArrayList;
import java.util.List;

/**
 * Soma outlines (Neurolucida contours) to soma sections, as NEURON 8.2's Import3d does (neuron-numerics §10.2,
 * established against NEURON on the shared ASC files; see docs/morphology.md):
 * <ol>
 *   <li>the outline, read as an open polyline from its first to its last point (the closing edge is not part
 *       of it), is resampled at 101 points evenly spaced in its xy arc length (z is interpolated but does not
 *       count in the length); their mean is the centre;</li>
 *   <li>the principal axes are the eigenvectors of the 3x3 scatter matrix of the resampled points about the
 *       centre: the major axis has the largest eigenvalue, the minor axis is the eigenvector of the middle
 *       eigenvalue with its z component set to 0, normalised;</li>
 *   <li>every point is projected on both axes; the outline is cut at the largest and smallest major-axis
 *       projection into two sides; points that would make a side non-monotonic along the axis are dropped;</li>
 *   <li>21 stations are spaced evenly between the second smallest and second largest projection of both sides
 *       together; at each station the minor-axis offsets of the two sides are interpolated linearly and the
 *       diameter is the absolute difference; the station's point lies on the major axis;</li>
 *   <li>the two end diameters are replaced by their mean with the neighbouring diameter.</li>
 * </ol>
 * Several overlapping contours (a z-stack) become one point per contour: the contour's centre and a diameter
 * equal to the mean distance of its resampled points from the centre plus its closed perimeter divided by 2 pi.
 */
public final class SomaContour {
    private SomaContour() {}

    /** Resamples a contour at 101 points (in place of the arrays' contents) and returns its centre. */
    static double[] resample(double[][] xyz) {
        double[] x = xyz[0], y = xyz[1];
        int n = x.length;
        double[] perim = new double[n];
        for (int i = 1; i < n; i++) {
            // NEURON measures the outline in the xy plane only (z does not enter the arc length)
            double dx = x[i] - x[i - 1], dy = y[i] - y[i - 1];
            perim[i] = perim[i - 1] + Math.sqrt(dx * dx + dy * dy);
        }
        double step = perim[n - 1] / 100;
        double[] at = new double[101];
        for (int i = 0; i < 101; i++) at[i] = i * step;
        double[] center = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] r = interpolate(at, perim, xyz[c]);
            xyz[c] = r;
            double sum = 0;
            for (double v : r) sum += v;
            center[c] = sum / r.length;
        }
        return center;
    }

    /**
     * Piecewise-linear interpolation of ys(xs) at the ascending positions xd; positions before the first xs take
     * the first value, after the last the last; source intervals that do not increase are skipped.
     */
    static double[] interpolate(double[] xd, double[] xs, double[] ys) {
        int nd = xd.length, ns = xs.length;
        double[] out = new double[nd];
        int id = 0;
        while (id < nd && xd[id] <= xs[0]) out[id++] = ys[0];
        for (int is = 1; is < ns && id < nd; is++) {
            if (xs[is] <= xs[is - 1]) continue;
            while (id < nd && xd[id] <= xs[is]) {
                double t = (xd[id] - xs[is - 1]) / (xs[is] - xs[is - 1]);
                out[id] = (1. - t) * ys[is - 1] + t * ys[is];
                id++;
            }
        }
        while (id < nd) out[id++] = ys[ns - 1];
        return out;
    }

    /** Centroid points {x, y, z, diam} of a single closed contour. */
    public static double[][] centroid(double[] x0, double[] y0, double[] z0) {
        double[][] xyz = {x0.clone(), y0.clone(), z0.clone()};
        double[] mean = resample(xyz);
        int n = xyz[0].length;
        double[][] pts = new double[3][n];
        for (int c = 0; c < 3; c++) for (int i = 0; i < n; i++) pts[c][i] = xyz[c][i] - mean[c];
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += pts[i][k] * pts[j][k];
                m[i][j] = s;
                m[j][i] = s;
            }
        }
        double[][] vecs = new double[3][3];
        double[] vals = SymmetricEigen.decompose(m, vecs);   // vecs[column][row]
        int imax = 0, imin = 0;
        for (int i = 1; i < 3; i++) {
            if (vals[i] > vals[imax]) imax = i;
            if (vals[i] < vals[imin]) imin = i;
        }
        double[] major = vecs[imax].clone();
        double[] minor = vecs[3 - imin - imax].clone();
        minor[2] = 0;
        double mag = Math.sqrt(minor[0] * minor[0] + minor[1] * minor[1] + minor[2] * minor[2]);
        for (int c = 0; c < 3; c++) minor[c] /= mag;

        double[] d = new double[n], rad = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = pts[0][i] * major[0] + pts[1][i] * major[1] + pts[2][i] * major[2];
            rad[i] = pts[0][i] * minor[0] + pts[1][i] * minor[1] + pts[2][i] * minor[2];
        }
        int iMax = argMax(d);
        d = rotateLeft(d, iMax);
        rad = rotateLeft(rad, iMax);
        int iMin = argMin(d);
        List<Double> side1 = new ArrayList<>(), rad1 = new ArrayList<>();
        List<Double> side2 = new ArrayList<>(), rad2 = new ArrayList<>();
        for (int i = iMin - 1; i >= 0; i--) {
            side1.add(d[i]);
            rad1.add(rad[i]);
        }
        for (int i = iMin; i < n; i++) {
            side2.add(d[i]);
            rad2.add(rad[i]);
        }
        makeMonotonic(side1, rad1);
        makeMonotonic(side2, rad2);
        double[] all = new double[side1.size() + side2.size()];
        int k = 0;
        for (double v : side1) all[k++] = v;
        for (double v : side2) all[k++] = v;
        java.util.Arrays.sort(all);
        if (all.length < 4 || !(all[all.length - 2] > all[1])) {
            throw new IllegalArgumentException("the soma outline has no extent along its main axis (its points"
                    + " coincide or lie on a line)");
        }
        double lo = all[1], hi = all[all.length - 2];
        double step = (hi - lo) / 20;
        int stations = (int) ((hi - lo) / step + 1 + 1e-9);
        if (!(step > 0)) stations = 1;
        double[] at = new double[stations];
        for (int i = 0; i < stations; i++) at[i] = lo + i * step;
        double[] r1 = interpolate(at, toArray(side1), toArray(rad1));
        double[] r2 = interpolate(at, toArray(side2), toArray(rad2));
        double[][] out = new double[4][stations];
        for (int i = 0; i < stations; i++) {
            for (int c = 0; c < 3; c++) out[c][i] = major[c] * at[i] + mean[c];
            out[3][i] = Math.abs(r1[i] - r2[i]);
        }
        double[] dd = out[3];
        if (stations >= 2) {
            dd[0] = (dd[0] + dd[1]) / 2;
            int last = stations - 1;
            dd[last] = (dd[last] + dd[last - 1]) / 2;
        }
        return out;
    }

    /** Removes points that break an increasing sequence, scanning from the end as NEURON does. */
    private static void makeMonotonic(List<Double> d, List<Double> rad) {
        for (int j = d.size() - 1; j > 0; j--) {
            if (Hoc.le(d.get(j), d.get(j - 1))) {
                d.remove(j);
                rad.remove(j);
                if (j != d.size()) j++;
            }
        }
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }

    private static int argMax(double[] a) {
        int k = 0;
        for (int i = 1; i < a.length; i++) if (a[i] > a[k]) k = i;
        return k;
    }

    private static int argMin(double[] a) {
        int k = 0;
        for (int i = 1; i < a.length; i++) if (a[i] < a[k]) k = i;
        return k;
    }

    private static double[] rotateLeft(double[] a, int by) {
        int n = a.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = a[(i + by) % n];
        return r;
    }

    /** Centre {x, y, z} and diameter of a contour approximated by a circle (used for contour stacks). */
    static double[] circle(double[] x, double[] y, double[] z) {
        int n = x.length;
        double perim = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
            perim += Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        double[][] xyz = {x.clone(), y.clone(), z.clone()};
        double[] c = resample(xyz);
        int m = xyz[0].length;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double dx = xyz[0][i] - c[0], dy = xyz[1][i] - c[1], dz = xyz[2][i] - c[2];
            sum += Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return new double[] {c[0], c[1], c[2], sum / m + perim / (2 * Math.PI)};
    }

    /** Centroid points {x, y, z, diam} of a stack: the first contour given separately, then the others. */
    public static double[][] stackCentroid(double[] x, double[] y, double[] z, List<double[][]> others) {
        int n = 1 + others.size();
        double[][] out = new double[4][n];
        double[] c = circle(x, y, z);
        for (int k = 0; k < 4; k++) out[k][0] = c[k];
        for (int i = 0; i < others.size(); i++) {
            double[][] o = others.get(i);
            c = circle(o[0], o[1], o[2]);
            for (int k = 0; k < 4; k++) out[k][i + 1] = c[k];
        }
        return out;
    }

    /** Centre of a contour: the mean of its 101 resampled points. */
    public static double[] center(double[] x, double[] y, double[] z) {
        return resample(new double[][] {x.clone(), y.clone(), z.clone()});
    }

    /**
     * Centre of a stack of contours: the point halfway along the polyline through the contours' centres.
     */
    public static double[] stackCenter(List<double[][]> contours) {
        int n = contours.size();
        double[][] centers = new double[n][];
        double[] cum = new double[n];
        for (int i = 0; i < n; i++) {
            double[][] c = contours.get(i);
            centers[i] = center(c[0], c[1], c[2]);
            if (i > 0) {
                double dx = centers[i][0] - centers[i - 1][0], dy = centers[i][1] - centers[i - 1][1];
                double dz = centers[i][2] - centers[i - 1][2];
                cum[i] = cum[i - 1] + Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        double half = cum[n - 1] / 2;
        if (Hoc.eq(half, 0)) return centers[0];
        int i = 1;
        while (!Hoc.gt(cum[i], half)) i++;
        double th = (half - cum[i - 1]) / (cum[i] - cum[i - 1]);
        double[] r = new double[3];
        for (int j = 0; j < 3; j++) r[j] = th * centers[i][j] + (1 - th) * centers[i - 1][j];
        return r;
    }
}
