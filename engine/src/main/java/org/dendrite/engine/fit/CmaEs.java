package org.dendrite.engine.fit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * CMA-ES (Hansen's (mu/mu_w, lambda) with rank-one and rank-mu updates and cumulative step-size adaptation), in
 * ask–tell form so that every generation can be checkpointed and resumed exactly. Commons Math's
 * {@code CMAESOptimizer} runs its whole loop internally and cannot be stopped and continued, hence this
 * implementation. Works on [0, 1]^n: a sample outside the cube is evaluated at its projection onto the cube and
 * ranked with a quadratic penalty on the distance (so the distribution is pulled back inside).
 *
 * <p>Multi-objective vectors are reduced to their sum (BluePyOpt's single-objective fitness).
 */
public final class CmaEs implements Optimizer {
    private final int n, lambda, mu;
    private final long seed;
    private final double[] weights;
    private final double mueff, cc, cs, c1, cmu, damps, chiN;
    private double[] mean, pc, ps;
    private double[][] c;
    private double sigma;
    private int generation;
    private double[][] pending; // unrepaired samples of the current generation
    private double[][] b;
    private double[] d;

    /** A fresh run: mean at {@code start} (unit cube), step size {@code sigma0}, population {@code lambda}. */
    public CmaEs(double[] start, double sigma0, int lambda, long seed) {
        this.n = start.length;
        if (n < 1) throw new IllegalArgumentException("CMA-ES needs at least one parameter");
        this.lambda = lambda > 0 ? lambda : 4 + (int) Math.floor(3 * Math.log(n));
        if (this.lambda < 2) throw new IllegalArgumentException("CMA-ES needs a population of at least 2");
        this.mu = this.lambda / 2;
        this.seed = seed;
        weights = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] = Math.log(mu + 0.5) - Math.log(i + 1);
            sum += weights[i];
        }
        double sq = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] /= sum;
            sq += weights[i] * weights[i];
        }
        mueff = 1 / sq;
        cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
        cs = (mueff + 2) / (n + mueff + 5);
        c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
        cmu = Math.min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
        damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
        chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        mean = start.clone();
        sigma = sigma0;
        pc = new double[n];
        ps = new double[n];
        c = new double[n][n];
        for (int i = 0; i < n; i++) c[i][i] = 1;
    }

    /** Continues from a {@link #state()}. */
    public static CmaEs restore(Map<String, Object> s) {
        double[] mean = Optimizer.vector(s.get("mean"));
        CmaEs e = new CmaEs(mean, ((Number) s.get("sigma")).doubleValue(), (int) Optimizer.integer(s.get("lambda")),
                Optimizer.integer(s.get("seed")));
        e.pc = Optimizer.vector(s.get("pc"));
        e.ps = Optimizer.vector(s.get("ps"));
        e.c = Optimizer.matrix(s.get("C"));
        e.generation = (int) Optimizer.integer(s.get("generation"));
        return e;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("optimizer", name());
        s.put("generation", generation);
        s.put("seed", seed);
        s.put("lambda", lambda);
        s.put("sigma", sigma);
        s.put("mean", mean.clone());
        s.put("pc", pc.clone());
        s.put("ps", ps.clone());
        double[][] cc2 = new double[n][];
        for (int i = 0; i < n; i++) cc2[i] = c[i].clone();
        s.put("C", cc2);
        return s;
    }

    @Override
    public String name() {
        return "cmaes";
    }

    @Override
    public int generation() {
        return generation;
    }

    public double sigma() {
        return sigma;
    }

    public double[] mean() {
        return mean.clone();
    }

    public int populationSize() {
        return lambda;
    }

    private void decompose() {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (c[i][j] + c[j][i]);
                c[i][j] = avg;
                c[j][i] = avg;
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(c, false));
        b = new double[n][n];
        d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = Math.sqrt(Math.max(eig.getRealEigenvalue(k), 1e-300));
            double[] vec = eig.getEigenvector(k).toArray();
            for (int i = 0; i < n; i++) b[i][k] = vec[i];
        }
    }

    @Override
    public double[][] ask() {
        if (pending != null) return repaired();
        decompose();
        RandomGenerator rng = Optimizer.rng(seed, generation, 1);
        pending = new double[lambda][n];
        double[] z = new double[n];
        for (int k = 0; k < lambda; k++) {
            for (int i = 0; i < n; i++) z[i] = rng.nextGaussian();
            for (int i = 0; i < n; i++) {
                double y = 0;
                for (int j = 0; j < n; j++) y += b[i][j] * d[j] * z[j];
                pending[k][i] = mean[i] + sigma * y;
            }
        }
        return repaired();
    }

    private double[][] repaired() {
        double[][] out = new double[lambda][];
        for (int k = 0; k < lambda; k++) {
            out[k] = pending[k].clone();
            for (int i = 0; i < n; i++) out[k][i] = Math.min(1, Math.max(0, out[k][i]));
        }
        return out;
    }

    @Override
    public void tell(double[][] objectives) {
        if (pending == null) throw new IllegalStateException("tell before ask");
        if (objectives.length != lambda) throw new IllegalArgumentException("expected " + lambda + " objective vectors");
        double[] fit = new double[lambda];
        for (int k = 0; k < lambda; k++) {
            double f = 0;
            for (double x : objectives[k]) f += x;
            double dist2 = 0;
            for (int i = 0; i < n; i++) {
                double p = Math.min(1, Math.max(0, pending[k][i]));
                dist2 += (pending[k][i] - p) * (pending[k][i] - p);
            }
            fit[k] = Double.isFinite(f) ? f + dist2 * (1 + Math.abs(f)) * 100 : Double.MAX_VALUE;
        }
        Integer[] order = new Integer[lambda];
        for (int k = 0; k < lambda; k++) order[k] = k;
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> fit[k]).thenComparingInt(k -> k));

        double[] old = mean.clone();
        double[] m = new double[n];
        for (int r = 0; r < mu; r++) for (int i = 0; i < n; i++) m[i] += weights[r] * pending[order[r]][i];
        mean = m;
        double[] yw = new double[n];
        for (int i = 0; i < n; i++) yw[i] = (mean[i] - old[i]) / sigma;
        // C^{-1/2} yw = B D^{-1} B^T yw
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += b[i][k] * yw[i];
            t[k] = s / d[k];
        }
        double csn = Math.sqrt(cs * (2 - cs) * mueff);
        double psNorm2 = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += b[i][k] * t[k];
            ps[i] = (1 - cs) * ps[i] + csn * s;
            psNorm2 += ps[i] * ps[i];
        }
        double psNorm = Math.sqrt(psNorm2);
        double hsig = psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * (generation + 1))) / chiN < 1.4 + 2.0 / (n + 1) ? 1 : 0;
        double ccn = Math.sqrt(cc * (2 - cc) * mueff);
        for (int i = 0; i < n; i++) pc[i] = (1 - cc) * pc[i] + hsig * ccn * yw[i];
        double[][] y = new double[mu][n];
        for (int r = 0; r < mu; r++) for (int i = 0; i < n; i++) y[r][i] = (pending[order[r]][i] - old[i]) / sigma;
        double keep = 1 - c1 - cmu;
        double corr = (1 - hsig) * cc * (2 - cc);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rankMu = 0;
                for (int r = 0; r < mu; r++) rankMu += weights[r] * y[r][i] * y[r][j];
                c[i][j] = keep * c[i][j] + c1 * (pc[i] * pc[j] + corr * c[i][j]) + cmu * rankMu;
            }
        }
        sigma *= Math.exp((cs / damps) * (psNorm / chiN - 1));
        sigma = Math.min(sigma, 1e3);
        generation++;
        pending = null;
    }
}
