package org.dendrite.engine.sim;

import java.util.Arrays;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.OdeStates;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.builtin.IClamp;

/**
 * Whole-cell variable-step, variable-order BDF (orders 1-5) in Nordsieck form (Byrne and Hindmarsh 1975;
 * Hindmarsh et al. 2005), as NEURON's {@code cvode.active(1)}. The unknowns are v at every node and every
 * mechanism state ({@link OdeStates}); the cable equations are {@code 0.001 cm dv/dt = rhs} (zero-area nodes: the
 * algebraic current balance {@code 0 = rhs}). Each step predicts from the history, corrects by Newton iterations
 * whose linear solve is {@code (M/gamma - J)}: the Hines tree matrix for the voltages (the fixed-step assembly
 * with {@code 1/dt} replaced by {@code 1/gamma}) and the diagonal for the states, and accepts when the local
 * error estimate, in the weighted RMS norm with {@code w_i = 1/(rtol |y_i| + atol)}, is at most 1. Steps stop
 * exactly at IClamp onsets and offsets, where the history restarts at order 1.
 *
 * <p>Not supported yet (rejected with a message): mechanisms with states but no derivative form, artificial
 * cells (NetStim, VecStim) and NetCon events.
 */
public final class VariableStep {
    public static final int MAX_ORDER = 5;
    private static final int MAX_NEWTON = 3;
    /**
     * Safety factors of the step-ratio formulas eta = 1 / (BIAS * err)^(1/order), CVODE's (BIAS1, BIAS2, BIAS3 =
     * 6, 6, 10; LSODE's 1.2, 1.3, 1.4 are applied outside the root and give ~1.6x longer steps): NEURON's step
     * sizes and errors at the same tolerance (the Hay L5PC at atol 1e-3 needs them for 0.1 ms spike agreement).
     */
    private static final double BIAS_DOWN = 6, BIAS_Q = 6, BIAS_UP = 10;

    private final Simulation sim;
    private final CellState st;
    private final double atol, rtol;
    private final int nv, ny;
    private final OdeStates[] odes;
    private final int[] odeOffset;
    /** Per node 0.001 * cm (the mass), 0 at zero-area nodes. */
    private final double[] mass;
    /** Entries the error norm averages over: every state and the voltages of nodes with capacitance. */
    private final int weightedCount;
    private final double[][] z = new double[MAX_ORDER + 2][];
    private final double[] y, f, jd, acor, prevAcor, w, saved, delta;
    /** Per entry the factor of atol (1 for v; a state's {@link OdeStates#toleranceScales}, NMODL's {@code <tol>}). */
    private final double[] atolScale;
    private final double[][] zSaved = new double[MAX_ORDER + 2][];
    private final double[] breaks;
    private double h, hPrevAcor;
    private int q, qwait;
    private double tEvalLimit;
    private final boolean[] above;
    private final double[] lastDetector;
    private long nSteps, nFevals, nNewton, nErrFails, nConvFails;
    private double recordInterval;
    private Runnable onOutput;
    private long nextRecord;

    /**
     * @param atol absolute tolerance (NEURON's {@code cvode.atol}, default 1e-3; mV for v, the state's unit else)
     * @param rtol relative tolerance (NEURON's {@code cvode.rtol}, default 0)
     * @throws DendriteException when a mechanism has states without a derivative form, or the model has
     *                           artificial cells
     */
    public VariableStep(Simulation sim, double atol, double rtol) {
        if (!(atol > 0) || !(rtol >= 0) || !Double.isFinite(atol) || !Double.isFinite(rtol)) {
            throw new DendriteException("cvode tolerances: expected atol > 0 and rtol >= 0, got atol = " + atol
                    + ", rtol = " + rtol);
        }
        this.sim = sim;
        this.st = sim.state;
        this.atol = atol;
        this.rtol = rtol;
        this.nv = st.v.length;
        if (sim.netStims.length > 0) {
            throw new DendriteException("method cvode: artificial cells (" + sim.netStims[0].getClass().getSimpleName()
                    + ") are not supported by the variable-step integrator yet; use --method be or cn");
        }
        if (sim.compiler != null) {
            for (org.dendrite.engine.mechanism.NetCon nc : sim.compiler.netConOf.values()) {
                if (nc.target() != null) {
                    throw new DendriteException("method cvode: NetCon events (to " + nc.target().getClass()
                            .getSimpleName() + ") are not supported by the variable-step integrator yet; use --method be or cn");
                }
            }
        }
        for (ThresholdDetector d : sim.detectors) {
            if (!d.watches(st.v)) {
                throw new DendriteException("method cvode: spike detectors must watch v (a detector watches "
                        + "another variable); use --method be or cn");
            }
        }
        int offset = nv;
        java.util.List<OdeStates> list = new java.util.ArrayList<>();
        java.util.List<Integer> offs = new java.util.ArrayList<>();
        java.util.List<Double> br = new java.util.ArrayList<>();
        for (MechanismBlock m : sim.blocks) {
            if (m instanceof OdeStates o) {
                list.add(o);
                offs.add(offset);
                offset += o.stateCount();
            } else {
                for (Variable v : m.type().variables()) {
                    if (v.role() == Variable.Role.STATE) {
                        throw new DendriteException("method cvode: mechanism " + m.type().name()
                                + " has states (" + v.name() + ") but no derivative form for the variable-step "
                                + "integrator; use --method be or cn");
                    }
                }
            }
            if (m instanceof IClamp) {
                double[] del = m.variable("del"), dur = m.variable("dur");
                for (int k = 0; k < m.count(); k++) {
                    br.add(del[k]);
                    br.add(del[k] + dur[k]);
                }
            }
        }
        odes = list.toArray(new OdeStates[0]);
        odeOffset = offs.stream().mapToInt(Integer::intValue).toArray();
        ny = offset;
        breaks = br.stream().mapToDouble(Double::doubleValue).filter(x -> x > 0 && Double.isFinite(x))
                .sorted().distinct().toArray();
        mass = new double[nv];
        int weighted = ny - nv;
        for (int i = 0; i < nv; i++) {
            mass[i] = 0.001 * sim.cm[i];
            if (mass[i] > 0) weighted++;
        }
        weightedCount = Math.max(1, weighted);
        for (int j = 0; j < z.length; j++) {
            z[j] = new double[ny];
            zSaved[j] = new double[ny];
        }
        y = new double[ny];
        f = new double[ny];
        jd = new double[ny];
        acor = new double[ny];
        prevAcor = new double[ny];
        w = new double[ny];
        saved = new double[ny];
        delta = new double[ny];
        atolScale = new double[ny];
        Arrays.fill(atolScale, 0, nv, 1.0);
        for (int k = 0; k < odes.length; k++) odes[k].toleranceScales(atolScale, odeOffset[k]);
        above = new boolean[sim.detectors.length];
        lastDetector = new double[sim.detectors.length];
    }

    public long steps() { return nSteps; }
    public long fEvaluations() { return nFevals; }
    public long newtonIterations() { return nNewton; }
    public long errorTestFailures() { return nErrFails; }
    public long convergenceFailures() { return nConvFails; }
    public int order() { return q; }

    /** Called at every output time with the interpolated state in the cell and {@code t} set (HOC recordings). */
    public void onOutput(Runnable r) {
        this.onOutput = r;
    }

    /**
     * Integrates from the state after {@code finitialize} to {@code tstop} (ms), recording a trace row every
     * {@code recordIntervalMs} by interpolating the history, and detecting spikes with interpolated crossing times.
     */
    public void run(double tstop, double recordIntervalMs) {
        if (!(recordIntervalMs > 0)) throw new DendriteException("record interval must be > 0 ms");
        this.recordInterval = recordIntervalMs;
        this.nextRecord = (long) Math.floor(st.t / recordIntervalMs + 1e-9) + 1;
        for (int i = 0; i < sim.detectors.length; i++) {
            ThresholdDetector d = sim.detectors[i];
            lastDetector[i] = d.value();
            above[i] = lastDetector[i] > d.threshold();
        }
        double t0 = st.t;
        gatherY();
        int bi = 0;
        while (bi < breaks.length && breaks[bi] <= t0 + 1e-12) bi++;
        double t = t0;
        while (t < tstop - 1e-12) {
            double segEnd = bi < breaks.length ? Math.min(breaks[bi], tstop) : tstop;
            if (segEnd <= t) { bi++; continue; }
            integrateSegment(t, segEnd);
            t = segEnd;
            if (bi < breaks.length && breaks[bi] <= t + 1e-12) bi++;
        }
        // leave the final state in the cell
        scatterY(z[0]);
        st.t = t;

    }

    // ------------------------------------------------------------------ one smooth segment

    private void integrateSegment(double t0, double t1) {
        tEvalLimit = t1 - 1e-9;
        st.t = t0;
        // restart: order 1, history from y and f at t0
        System.arraycopy(y, 0, z[0], 0, ny);
        evaluate(t0, z[0], 1.0);
        double[] ydot = saved;
        for (int i = 0; i < nv; i++) ydot[i] = mass[i] > 0 ? f[i] / mass[i] : 0;
        for (int i = nv; i < ny; i++) ydot[i] = f[i];
        setWeights(z[0]);
        double yd = norm(ydot);
        h = yd > 0 ? Math.min(0.1, 0.1 / yd) : 0.1;   // first step: a BE step with error about 0.1 of tolerance
        h = Math.max(h, 1e-6);
        h = Math.min(h, t1 - t0);
        for (int i = 0; i < ny; i++) z[1][i] = h * ydot[i];
        for (int j = 2; j < z.length; j++) Arrays.fill(z[j], 0);
        q = 1;
        qwait = 2;
        hPrevAcor = 0;
        double t = t0;
        int failures = 0;
        while (t < t1 - 1e-12) {
            if (t + h > t1 - 1e-9 * Math.max(1, Math.abs(t1))) rescale((t1 - t) / h);
            double tn = (t + h > t1) ? t1 : t + h;
            if (t1 - tn < 1e-9 * Math.max(1, Math.abs(t1))) tn = t1;
            setWeights(z[0]);
            for (int j = 0; j <= q; j++) System.arraycopy(z[j], 0, zSaved[j], 0, ny);
            predict();
            int r = correct(tn);
            if (r != 0) {
                restore();
                nConvFails++;
                rescale(0.25);
                qwait = q + 1;
                if (h < 1e-12) throw stuck(t);
                continue;
            }
            double err = norm(acor) / (l1(q) * (q + 1));
            if (err > 1) {
                restore();
                nErrFails++;
                failures++;
                double eta;
                if (failures >= 3) {
                    eta = 0.1;
                    if (q > 1) dropToOrder1();
                } else {
                    eta = Math.max(0.1, Math.min(0.9, 1 / (Math.pow(BIAS_Q * err, 1.0 / (q + 1)) + 1e-6)));
                }
                rescale(eta);
                qwait = q + 1;
                if (h < 1e-12) throw stuck(t);
                continue;
            }
            failures = 0;
            // accept: z_j += l_j acor
            double[] l = lcoef(q);
            for (int j = 0; j <= q; j++) {
                double lj = l[j];
                double[] zj = z[j];
                for (int i = 0; i < ny; i++) zj[i] += lj * acor[i];
            }
            double tPrev = t;
            t = tn;
            nSteps++;
            sim.stepsAdvanced(1);
            afterStep(tPrev, t);
            if (--qwait <= 0) chooseStepAndOrder(err);
            else if (qwait == 1) {
                System.arraycopy(acor, 0, prevAcor, 0, ny);
                hPrevAcor = h;
            }
        }
        System.arraycopy(z[0], 0, y, 0, ny);
    }

    private DendriteException stuck(double t) {
        return new SimulationException(String.format(java.util.Locale.ROOT,
                "cvode: step size fell below 1e-12 ms at t = %.6f ms (Newton or error test keeps failing); the "
                        + "model may be ill-posed or the tolerances (atol %g, rtol %g) too tight", t, atol, rtol));
    }

    /** Pascal-triangle prediction z_j += z_{j+1} + ... (Taylor extrapolation of the history by one step). */
    private void predict() {
        for (int k = 1; k <= q; k++) {
            for (int j = q; j >= k; j--) {
                double[] a = z[j - 1], b = z[j];
                for (int i = 0; i < ny; i++) a[i] += b[i];
            }
        }
    }

    private void restore() {
        for (int j = 0; j <= q; j++) System.arraycopy(zSaved[j], 0, z[j], 0, ny);
    }

    /** Multiplies the step by eta: z_j *= eta^j. */
    private void rescale(double eta) {
        double f1 = eta;
        for (int j = 1; j <= q; j++) {
            double[] zj = z[j];
            for (int i = 0; i < ny; i++) zj[i] *= f1;
            f1 *= eta;
        }
        h *= eta;
    }

    /**
     * BDF order q -> q-1 on the (constant-step) Nordsieck history: z_j -= c_j z_q for j = 2..q-1, with c_j the
     * coefficients of x^2 (x + 1)(x + 2)...(x + q - 2) (the history then interpolates the same q-1 past values
     * instead of dropping the highest term), then z_q = 0.
     */
    private void decreaseOrder() {
        if (q > 2) {
            double[] c = new double[q + 1];
            c[2] = 1;
            for (int j = 1; j <= q - 2; j++) {
                for (int i = j + 2; i >= 2; i--) c[i] = c[i] * j + c[i - 1];
            }
            double[] zq = z[q];
            for (int j = 2; j < q; j++) {
                double[] zj = z[j];
                double cj = c[j];
                for (int i = 0; i < ny; i++) zj[i] -= cj * zq[i];
            }
        }
        Arrays.fill(z[q], 0);
        q--;
    }

    private void dropToOrder1() {
        for (int j = 2; j <= q; j++) Arrays.fill(z[j], 0);
        q = 1;
    }

    /** Modified Newton on the corrector equation; 0 when converged, 1 otherwise. Leaves the correction in acor. */
    private int correct(double tn) {
        double gamma = h / l1(q);
        Arrays.fill(acor, 0);
        double[] z0 = z[0], z1 = z[1];
        double crate = 1, delp = 0;
        double tol = 0.1 * l1(q) * (q + 1);
        for (int m = 0; m < MAX_NEWTON; m++) {
            for (int i = 0; i < ny; i++) y[i] = z0[i] + acor[i];
            evaluate(tn, y, gamma);
            nNewton++;
            double[] rhs = st.rhs;
            for (int i = 0; i < nv; i++) rhs[i] = f[i] - mass[i] * (z1[i] / h + acor[i] / gamma);
            sim.solve();
            for (int i = 0; i < nv; i++) delta[i] = rhs[i];
            for (int i = nv; i < ny; i++) {
                delta[i] = (f[i] - (z1[i] / h + acor[i] / gamma)) / (1 / gamma - jd[i]);
            }
            for (int i = 0; i < ny; i++) acor[i] += delta[i];
            double del = norm(delta);
            if (!Double.isFinite(del)) return 1;
            if (m > 0) crate = Math.max(0.3 * crate, del / delp);
            if (del * Math.min(1, crate) <= tol || del == 0) {
                for (int i = 0; i < ny; i++) y[i] = z0[i] + acor[i];
                return 0;
            }
            if (m > 0 && del > 2 * delp) return 1;
            delp = del;
        }
        return 1;
    }

    /**
     * f(t, y) into {@link #f} (v rows: rhs in mA/cm2 or nA; state rows: dy/dt) and the state Jacobian diagonal
     * into {@link #jd}; leaves the tree matrix for {@code 1/gamma} in the cell's d (assembled with dt = gamma).
     */
    private void evaluate(double t, double[] yy, double gamma) {
        nFevals++;
        scatterY(yy);
        // currents are evaluated on the open side of a stimulus edge: the segment's end is excluded
        st.t = Math.min(t, tEvalLimit);
        st.dt = gamma;
        int so = st.secondorder;
        st.secondorder = 0;
        for (MechanismBlock m : sim.blocks) m.prepare(st);
        sim.assemble();
        st.secondorder = so;
        System.arraycopy(st.rhs, 0, f, 0, nv);
        for (int k = 0; k < odes.length; k++) {
            odes[k].derivatives(st, f, odeOffset[k]);
            odes[k].jacobianDiagonal(st, jd, odeOffset[k]);
        }
        st.t = t;
    }

    private void gatherY() {
        System.arraycopy(st.v, 0, y, 0, nv);
        for (int k = 0; k < odes.length; k++) odes[k].gather(y, odeOffset[k]);
    }

    private void scatterY(double[] yy) {
        System.arraycopy(yy, 0, st.v, 0, nv);
        for (int k = 0; k < odes.length; k++) odes[k].scatter(yy, odeOffset[k]);
    }

    private void setWeights(double[] yy) {
        for (int i = 0; i < nv; i++) w[i] = mass[i] > 0 ? 1 / (rtol * Math.abs(yy[i]) + atol) : 0;
        for (int i = nv; i < ny; i++) w[i] = 1 / (rtol * Math.abs(yy[i]) + atol * atolScale[i]);
    }

    private double norm(double[] x) {
        double s = 0;
        for (int i = 0; i < ny; i++) {
            double e = x[i] * w[i];
            s += e * e;
        }
        return Math.sqrt(s / weightedCount);
    }

    // ------------------------------------------------------------------ coefficients

    /** l_1 of BDF order q (fixed-step Nordsieck form): 1 + 1/2 + ... + 1/q; gamma = h / l1. */
    static double l1(int q) {
        double s = 0;
        for (int i = 1; i <= q; i++) s += 1.0 / i;
        return s;
    }

    private static final double[][] L = new double[MAX_ORDER + 2][];

    static {
        // coefficients of prod_{i=1..q} (1 + x/i): the Nordsieck correction vector of BDF order q (l_0 = 1)
        for (int qq = 1; qq <= MAX_ORDER + 1; qq++) {
            double[] c = new double[qq + 1];
            c[0] = 1;
            for (int i = 1; i <= qq; i++) {
                for (int j = i; j >= 1; j--) c[j] += c[j - 1] / i;
            }
            L[qq] = c;
        }
    }

    static double[] lcoef(int q) { return L[q]; }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    /**
     * After q+1 steps at one step and order: the step ratios that orders q-1, q and q+1 would allow (local
     * error constants of BDF: 1/(l1 (q+1))), the largest wins when it grows the step by at least 1.5x.
     */
    private void chooseStepAndOrder(double errQ) {
        double etaQ = 1 / (Math.pow(BIAS_Q * errQ, 1.0 / (q + 1)) + 1e-6);
        double etaDown = 0, etaUp = 0;
        if (q > 1) {
            double e = norm(z[q]) * factorial(q) / (l1(q - 1) * q);
            etaDown = 1 / (Math.pow(BIAS_DOWN * e, 1.0 / q) + 1e-6);
        }
        if (q < MAX_ORDER && hPrevAcor == h) {
            for (int i = 0; i < ny; i++) saved[i] = acor[i] - prevAcor[i];
            double e = norm(saved) / (l1(q + 1) * (q + 2));
            etaUp = 1 / (Math.pow(BIAS_UP * e, 1.0 / (q + 2)) + 1e-6);
        }
        double eta = etaQ;
        int newQ = q;
        if (etaUp > eta) { eta = etaUp; newQ = q + 1; }
        if (etaDown > eta) { eta = etaDown; newQ = q - 1; }
        if (eta < 1.5) {
            qwait = 3;
            System.arraycopy(acor, 0, prevAcor, 0, ny);
            hPrevAcor = h;
            return;
        }
        eta = Math.min(eta, 10);
        if (newQ == q + 1) {
            double c = 1 / factorial(q + 1);
            for (int i = 0; i < ny; i++) z[q + 1][i] = acor[i] * c;
            q++;
        } else if (newQ == q - 1) {
            decreaseOrder();
        }
        rescale(eta);
        qwait = q + 1;
        hPrevAcor = 0;
    }

    // ------------------------------------------------------------------ output

    /** Interpolates the history at time tOut (in the last step [tn - h, tn]) into yOut. */
    private void interpolate(double tOut, double tn, double[] yOut) {
        double s = (tOut - tn) / h;
        System.arraycopy(z[q], 0, yOut, 0, ny);
        for (int j = q - 1; j >= 0; j--) {
            double[] zj = z[j];
            for (int i = 0; i < ny; i++) yOut[i] = yOut[i] * s + zj[i];
        }
    }

    private void afterStep(double tPrev, double tn) {
        // spike detection: v crossing threshold upward in (tPrev, tn], the time from the history
        for (int i = 0; i < sim.detectors.length; i++) {
            ThresholdDetector d = sim.detectors[i];
            int idx = d.index();
            double thr = d.threshold();
            double vNew = z[0][idx];
            double vOld = lastDetector[i];
            if (!above[i] && vNew > thr) {
                double a = tPrev, b = tn, fa = vOld - thr;
                for (int it = 0; it < 40; it++) {
                    double mid = 0.5 * (a + b);
                    interpolate(mid, tn, saved);
                    double fm = saved[idx] - thr;
                    if ((fm > 0) == (fa > 0)) { a = mid; fa = fm; } else b = mid;
                }
                above[i] = true;
                sim.spike(d.source(), b);
            } else if (vNew <= thr) {
                above[i] = false;
            }
            lastDetector[i] = vNew;
        }
        while (nextRecord * recordInterval <= tn + 1e-9 * Math.max(1, tn)) {
            double tr = nextRecord * recordInterval;
            interpolate(Math.min(tr, tn), tn, saved);
            scatterY(saved);
            st.t = tr;
            sim.traces.sample((long) nextRecord * sim.traces.every(), tr);
            if (onOutput != null) onOutput.run();
            nextRecord++;
        }
        scatterY(z[0]);
        st.t = tn;
    }

}
