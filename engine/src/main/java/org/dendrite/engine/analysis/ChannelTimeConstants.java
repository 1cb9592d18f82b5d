package org.dendrite.engine.analysis;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * eFEL's ion-channel time constants (for voltage-clamp data the current is passed as the "voltage"): a least-squares
 * fit of {@code A0 + A1 * exp(-t / tau)} with tau >= 0 and a sign bound on A1, over
 * <ul>
 *   <li>activation: from the minimum before the maximum of the stimulus interval up to that maximum (A1 <= 0); a tau
 *       longer than 10 times that stretch is replaced by its duration (noisy data);</li>
 *   <li>deactivation: the whole stimulus interval (A1 >= 0);</li>
 *   <li>inactivation: from the maximum to stim_end, less inactivation_tc_end_skip samples (A1 >= 0).</li>
 * </ul>
 * eFEL uses SciPy's bounded curve_fit; here a Levenberg-Marquardt fit with the bounds enforced by projection reaches
 * the same least-squares optimum where it lies inside the bounds.
 */
final class ChannelTimeConstants {
    private ChannelTimeConstants() {}

    static double[] activation(TraceFeatures f) {
        int a = f.indexAtOrAfter(f.stimStart), b = f.indexAtOrAfter(f.stimEnd);
        if (b - a < 3) return null;
        int max = Numerics.argmax(f.v, a, b);
        int min = Numerics.argmin(f.v, a, max + 1);
        if (max - min < 2) return null;
        double duration = f.t[max] - f.t[min];
        double[] t = new double[max - min + 1], y = new double[max - min + 1];
        fill(f, min, max + 1, t, y);
        double lowest = Double.POSITIVE_INFINITY;
        for (double x : y) lowest = Math.min(lowest, x);
        double tau = Math.abs(fit(t, y, new double[] {1.0, y[y.length - 1], lowest - y[y.length - 1]}, -1));
        if (!Double.isFinite(tau)) return null;
        return new double[] {tau > 10 * duration ? duration : tau};
    }

    static double[] deactivation(TraceFeatures f) {
        int a = f.indexAtOrAfter(f.stimStart), b = f.indexAtOrAfter(f.stimEnd);
        if (b - a < 3) return null;
        double[] t = new double[b - a], y = new double[b - a];
        fill(f, a, b, t, y);
        double tau = fit(t, y, new double[] {1.0, y[y.length - 1], Math.max(0, y[0] - y[y.length - 1])}, +1);
        return Double.isFinite(tau) ? new double[] {Math.abs(tau)} : null;
    }

    static double[] inactivation(TraceFeatures f) {
        int a = f.indexAtOrAfter(f.stimStart), b = f.indexAtOrAfter(f.stimEnd) - f.s.inactivationTcEndSkip;
        if (b - a < 3) return null;
        int max = Numerics.argmax(f.v, a, b);
        if (b - max < 3) return null;
        double[] t = new double[b - max], y = new double[b - max];
        fill(f, max, b, t, y);
        double tau = fit(t, y, new double[] {1.0, y[y.length - 1], y[0] - y[y.length - 1]}, +1);
        return Double.isFinite(tau) ? new double[] {Math.abs(tau)} : null;
    }

    /** Samples [from, to) with time shifted to start at 0. */
    private static void fill(TraceFeatures f, int from, int to, double[] t, double[] y) {
        for (int k = from; k < to; k++) {
            t[k - from] = f.t[k] - f.t[from];
            y[k - from] = f.v[k];
        }
    }

    /**
     * Fits (tau, A0, A1) from p0; a1Sign -1 keeps A1 <= 0, +1 keeps A1 >= 0; tau is kept >= 0. Returns tau, or NaN
     * when the fit fails.
     */
    static double fit(double[] t, double[] y, double[] p0, int a1Sign) {
        double[] start = p0.clone();
        start[0] = Math.max(start[0], 0);
        start[2] = a1Sign < 0 ? Math.min(start[2], 0) : Math.max(start[2], 0);
        MultivariateJacobianFunction model = p -> {
            double tau = p.getEntry(0), a0 = p.getEntry(1), a1 = p.getEntry(2);
            double[] value = new double[t.length];
            double[][] jac = new double[t.length][3];
            for (int k = 0; k < t.length; k++) {
                double e = tau > 0 ? Math.exp(-t[k] / tau) : (t[k] == 0 ? 1 : 0);
                value[k] = a0 + a1 * e;
                jac[k][0] = tau > 0 ? a1 * e * t[k] / (tau * tau) : 0;
                jac[k][1] = 1;
                jac[k][2] = e;
            }
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
        };
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(start).model(model).target(y)
                    .parameterValidator(p -> project(p, a1Sign))
                    .maxEvaluations(10_000).maxIterations(10_000).build());
            return opt.getPoint().getEntry(0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static RealVector project(RealVector p, int a1Sign) {
        RealVector q = p.copy();
        if (q.getEntry(0) < 0) q.setEntry(0, 0);
        if (a1Sign < 0 && q.getEntry(2) > 0) q.setEntry(2, 0);
        if (a1Sign > 0 && q.getEntry(2) < 0) q.setEntry(2, 0);
        return q;
    }
}
