package org.dendrite.engine.sim;

import java.util.Arrays;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.mechanism.ArtificialCell;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.EventTarget;
import org.dendrite.engine.mechanism.IonUse;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.OdeStates;
import org.dendrite.engine.mechanism.StimulusEdges;
import org.dendrite.engine.mechanism.Variable;

/**
 * Whole-cell variable-step, variable-order BDF (orders 1-5) in Nordsieck form (Byrne and Hindmarsh 1975;
 * Hindmarsh et al. 2005), as NEURON's {@code cvode.active(1)}. The unknowns are v at every node and every
 * mechanism state ({@link OdeStates}); the cable equations are {@code 0.001 cm dv/dt = rhs} (zero-area nodes: the
 * algebraic current balance {@code 0 = rhs}). Each step predicts from the history, corrects by Newton iterations
 * whose linear solve is {@code (M/gamma - J)}: the Hines tree matrix for the voltages (the fixed-step assembly
 * with {@code 1/dt} replaced by {@code 1/gamma}) and the diagonal for the states, and accepts when the local
 * error estimate, in the weighted RMS norm with {@code w_i = 1/(rtol |y_i| + atol scale_i)}
 * ({@link OdeStates#toleranceScales}), is at most 1.
 *
 * <p>Discontinuities: steps stop exactly at every stimulus edge ({@link StimulusEdges}: IClamp onset and offset,
 * SEClamp levels, played waveform steps) and at the delivery time of every queued event (NetCon deliveries from
 * artificial cells and threshold crossings, self-events); the events of that time are delivered and, when one
 * reached a mechanism of the cell, the history restarts at order 1 from the new state. An event queued during a
 * step for a time inside it (a crossing with a short delay) makes the integrator go back to that time by
 * interpolating the history, as NEURON's CVode does. Threshold crossings are timed inside the step from the
 * history. Events that only reach artificial cells do not restart the history.
 *
 * <p>Use: {@link #reset} after {@code finitialize}, then {@link #step} (one step, HOC's {@code fadvance}) or
 * {@link #run} (to tstop, recording into the simulation's traces).
 */
public final class VariableStep {
    public static final int MAX_ORDER = 5;
    private static final int MAX_NEWTON = 3;
    /**
     * Safety factors of the step-ratio estimates, eta = 1/(bias * err)^(1/order): CVODE's (Hindmarsh et al. 2005)
     * 6 for the current order and for q-1, 10 for q+1. With them the step counts are within 10% of NEURON's on
     * the hh cells and the L5PC (smaller factors took 0.5-0.85x NEURON's steps and drifted further in spike time).
     */
    private static final double BIAS_Q = 6, BIAS_DOWN = 6, BIAS_UP = 10;

    /** Called after every accepted step with the cell holding the state at {@code t} (ms). */
    @FunctionalInterface
    public interface StepListener {
        void stepped(double tPrev, double t);
    }

    private final Simulation sim;
    private final CellState st;
    private final double atol, rtol;
    private final int nv, ny;
    private final OdeStates[] odes;
    private final int[] odeOffset;
    private final StimulusEdges[] edges;
    /** Per node 0.001 * cm (the mass), 0 at zero-area nodes. */
    private final double[] mass;
    /** Per unknown: atol * tolerance scale (0 for the voltages of zero-area nodes: out of the error test). */
    private final double[] atolOf;
    /** Entries the error norm averages over: every state and the voltages of nodes with capacitance. */
    private final int weightedCount;
    private final double[][] z = new double[MAX_ORDER + 2][];
    private final double[] y, f, jd, acor, prevAcor, w, saved, delta, yNow;
    private final double[][] zSaved = new double[MAX_ORDER + 2][];
    private double h, hPrevAcor;
    private int q, qwait;
    /** Current evaluations happen before this time (the open side of a stimulus edge the step ends on). */
    private double tEvalLimit = Double.POSITIVE_INFINITY;
    /** The integrator's time (ms): the cell holds the state at t between calls. */
    private double t;
    /** Time of the history z (the last accepted step's end; differs from t after going back to an event). */
    private double tHist;
    private boolean restart = true;
    private double nextEdge = Double.POSITIVE_INFINITY;
    private final boolean[] above;
    private final double[] lastDetector;
    private long nSteps, nFevals, nNewton, nErrFails, nConvFails, nRestarts, nEvents;
    private StepListener listener;
    /** cvode.atolscale settings by state name (empty: every scale from {@link OdeStates#toleranceScales}). */
    private java.util.Map<String, Double> scaleByName = java.util.Map.of();

    /**
     * @param atol absolute tolerance (NEURON's {@code cvode.atol}, default 1e-3; mV for v, the state's unit else)
     * @param rtol relative tolerance (NEURON's {@code cvode.rtol}, default 0)
     * @throws DendriteException when a mechanism has states without a derivative form, or a detector watches
     *                           something other than v
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
        for (ThresholdDetector d : sim.detectors) {
            if (!d.watches(st.v)) {
                throw new DendriteException("method cvode: spike detectors must watch v (a detector watches "
                        + "another variable); use --method be or cn");
            }
        }
        int offset = nv;
        java.util.List<OdeStates> list = new java.util.ArrayList<>();
        java.util.List<Integer> offs = new java.util.ArrayList<>();
        java.util.List<StimulusEdges> edgeList = new java.util.ArrayList<>();
        for (MechanismBlock m : sim.blocks) {
            if (m instanceof OdeStates o) {
                list.add(o);
                offs.add(offset);
                offset += o.stateCount();
            } else if (!(m instanceof ArtificialCell)) {
                refuseHiddenStates(m);
            }
            if (m instanceof StimulusEdges e) edgeList.add(e);
        }
        odes = list.toArray(new OdeStates[0]);
        odeOffset = offs.stream().mapToInt(Integer::intValue).toArray();
        edges = edgeList.toArray(new StimulusEdges[0]);
        ny = offset;
        mass = new double[nv];
        atolOf = new double[ny];
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
        yNow = new double[ny];
        above = new boolean[sim.detectors.length];
        lastDetector = new double[sim.detectors.length];
        setTolerances();
    }

    /** A block without a derivative form must not hold states the integrator would silently freeze. */
    private static void refuseHiddenStates(MechanismBlock m) {
        for (Variable v : m.type().variables()) {
            if (v.role() == Variable.Role.STATE) {
                throw new DendriteException("method cvode: mechanism " + m.type().name()
                        + " has states (" + v.name() + ") but no derivative form for the variable-step "
                        + "integrator; use --method be or cn");
            }
        }
        for (IonUse u : m.type().ions()) {
            if (u.writesConcentration()) {
                throw new DendriteException("method cvode: mechanism " + m.type().name() + " writes the "
                        + u.ion() + " concentration but has no derivative form for the variable-step integrator; "
                        + "use --method be or cn");
            }
        }
    }

    /** atol times each state's scale (re-read at every {@link #reset}: a scale may depend on parameters). */
    private void setTolerances() {
        Arrays.fill(atolOf, 0, nv, atol);
        for (int k = 0; k < odes.length; k++) odes[k].toleranceScales(atolOf, odeOffset[k]);
        if (!scaleByName.isEmpty()) {
            for (int k = 0; k < odes.length; k++) {
                for (int i = 0; i < odes[k].stateCount(); i++) {
                    Double s = scaleByName.get(odes[k].stateName(i));
                    if (s != null) atolOf[odeOffset[k] + i] = s;
                }
            }
        }
        for (int i = nv; i < ny; i++) {
            double s = atolOf[i];
            atolOf[i] = (s > 0 && Double.isFinite(s) ? s : 1) * atol;
        }
    }

    /**
     * NEURON's {@code cvode.atolscale(name, scale)}: the states named so ({@link OdeStates#stateName}: {@code cai},
     * {@code m_hh}, {@code ExpSyn.g}) get absolute tolerance atol * scale, replacing their mechanism's scale.
     * Takes effect at the next {@link #reset}.
     */
    public void setToleranceScales(java.util.Map<String, Double> byName) {
        scaleByName = java.util.Map.copyOf(byName);
    }

    /** The absolute tolerance of unknown i (v of node i for i below the node count, then the states). */
    public double absoluteTolerance(int i) {
        return atolOf[i];
    }

    public long steps() { return nSteps; }
    public long fEvaluations() { return nFevals; }
    public long newtonIterations() { return nNewton; }
    public long errorTestFailures() { return nErrFails; }
    public long convergenceFailures() { return nConvFails; }
    /** Restarts of the history at order 1 (start, stimulus edges, event deliveries to the cell). */
    public long restarts() { return nRestarts; }
    /** Events delivered (NetCon deliveries and self-events, to cells and artificial cells). */
    public long eventsDelivered() { return nEvents; }
    public int order() { return q; }
    /** The integrator's time, ms. */
    public double time() { return t; }
    /** The step size the next step will try, ms. */
    public double stepSize() { return h; }
    /** Number of unknowns (node voltages and mechanism states). */
    public int size() { return ny; }

    /** Called after every accepted step (the state at its end in the cell); null for none. */
    public void onStep(StepListener l) {
        this.listener = l;
    }

    /**
     * After {@code finitialize} (or any change of the cell's state from outside): the next step starts a new
     * history at order 1 from the cell's state at its time; the statistics start from 0.
     */
    public void reset() {
        nSteps = nFevals = nNewton = nErrFails = nConvFails = nRestarts = nEvents = 0;
        t = st.t;
        restart = true;
        setTolerances();
        for (int i = 0; i < sim.detectors.length; i++) {
            ThresholdDetector d = sim.detectors[i];
            lastDetector[i] = d.value();
            above[i] = lastDetector[i] > d.threshold();
        }
        nextEdge = nextEdgeAfter(t);
    }

    /**
     * Integrates from the state after {@code finitialize} to {@code tstop} (ms), detecting spikes with
     * interpolated crossing times and recording the simulation's traces: every {@code recordIntervalMs} (the
     * history interpolated there), or after every step when {@code recordIntervalMs} is 0.
     */
    public void run(double tstop, double recordIntervalMs) {
        if (!(recordIntervalMs >= 0) || !Double.isFinite(recordIntervalMs)) {
            throw new DendriteException("record interval must be >= 0 ms (0: every step)");
        }
        reset();
        StepListener user = listener;
        org.dendrite.engine.record.Traces traces = sim.traces;
        long[] next = {(long) Math.floor(t / Math.max(recordIntervalMs, 1e-300) + 1e-9) + 1};
        listener = (tPrev, tn) -> {
            if (recordIntervalMs == 0) {
                traces.sample(0, tn);
            } else {
                while (next[0] * recordIntervalMs <= tn + 1e-9 * Math.max(1, tn)) {
                    double tr = next[0] * recordIntervalMs;
                    showState(Math.min(tr, tn));
                    st.t = tr;
                    traces.sample(0, tr);
                    next[0]++;
                }
                showState(tn);
            }
            if (user != null) user.stepped(tPrev, tn);
        };
        try {
            while (t < tstop - 1e-12 * Math.max(1, Math.abs(tstop))) step(tstop);
        } finally {
            listener = user;
        }
    }

    /**
     * One accepted step, ending at the earliest of {@code tLimit}, the next stimulus edge, the next event and the
     * step the error control chose (HOC's {@code fadvance} under {@code cvode.active(1)}: t advances by the step
     * taken); events due at the new time are delivered after the step listener ran. Returns the new time (ms).
     */
    public double step(double tLimit) {
        if (st.t != t) { // time set from outside (HOC t = ...): start again there
            t = st.t;
            restart = true;
            nextEdge = nextEdgeAfter(t);
        }
        deliverDue();
        double stop = Math.min(Math.min(tLimit, nextEdge), sim.events().peekTime());
        if (!(stop > t)) return t;
        double dt = st.dt;
        try {
            if (restart) begin(stop);
            tEvalLimit = stop == nextEdge ? stop - 1e-9 * Math.max(1, Math.abs(stop)) : Double.POSITIVE_INFINITY;
            double tPrev = t;
            double err = advance(stop);
            afterStep(tPrev);
            if (listener != null) {
                listener.stepped(tPrev, t);
                showState(t);
            }
            if (t >= nextEdge) {
                restart = true;
                nextEdge = nextEdgeAfter(t);
            }
            // the next step and order, from the history of this step (after it served interpolation)
            if (!restart) {
                if (--qwait <= 0) chooseStepAndOrder(err);
                else if (qwait == 1) {
                    System.arraycopy(acor, 0, prevAcor, 0, ny);
                    hPrevAcor = h;
                }
            }
        } finally {
            st.dt = dt;
        }
        deliverDue();
        return t;
    }

    /** The cell's state at {@code tOut} (ms, within the last step) from the history; st.t set to it. */
    public void showState(double tOut) {
        if (tOut == t) {
            scatterY(yNow);
        } else {
            interpolate(tOut, saved);
            scatterY(saved);
        }
        st.t = tOut;
    }

    private double nextEdgeAfter(double time) {
        double best = Double.POSITIVE_INFINITY;
        for (StimulusEdges e : edges) best = Math.min(best, e.nextEdge(time));
        return best;
    }

    /** Delivers the events due at t; an event reaching the cell (not an artificial cell) restarts the history. */
    private void deliverDue() {
        EventQueue queue = sim.events();
        if (!(queue.peekTime() <= t)) return;
        boolean cell = false;
        st.t = t;
        while (queue.peekTime() <= t) {
            EventTarget target = queue.peekTarget();
            if (!(target instanceof ArtificialCell)) cell = true;
            queue.deliverFirst(sim);
            nEvents++;
        }
        st.t = t;
        if (cell) restart = true;
    }

    // ------------------------------------------------------------------ one step

    /** Restart: order 1, history from the cell's state and its derivative at t. */
    private void begin(double stop) {
        nRestarts++;
        restart = false;
        gatherY();
        System.arraycopy(y, 0, z[0], 0, ny);
        tEvalLimit = stop == nextEdge ? stop - 1e-9 * Math.max(1, Math.abs(stop)) : Double.POSITIVE_INFINITY;
        evaluate(t, z[0], 1.0);
        double[] ydot = saved;
        for (int i = 0; i < nv; i++) ydot[i] = mass[i] > 0 ? f[i] / mass[i] : 0;
        for (int i = nv; i < ny; i++) ydot[i] = f[i];
        setWeights(z[0]);
        double yd = norm(ydot);
        h = yd > 0 ? Math.min(0.1, 0.1 / yd) : 0.1;   // first step: a BE step with error about 0.1 of tolerance
        h = Math.max(h, 1e-6);
        for (int i = 0; i < ny; i++) z[1][i] = h * ydot[i];
        for (int j = 2; j < z.length; j++) Arrays.fill(z[j], 0);
        q = 1;
        qwait = 2;
        hPrevAcor = 0;
        tHist = t;
        scatterY(z[0]);
        st.t = t;
    }

    /**
     * Attempts steps from t until one is accepted; it ends at t + h, or exactly at stop when that is nearer.
     * Returns the accepted step's error estimate (weighted RMS norm, at most 1).
     */
    private double advance(double stop) {
        int failures = 0;
        double eps = 1e-9 * Math.max(1, Math.abs(stop));
        while (true) {
            if (t + h > stop - eps) rescale((stop - t) / h);
            double tn = t + h;
            if (stop - tn < eps) tn = stop;
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
            // accept: z_j += l_j acor
            double[] l = lcoef(q);
            for (int j = 0; j <= q; j++) {
                double lj = l[j];
                double[] zj = z[j];
                for (int i = 0; i < ny; i++) zj[i] += lj * acor[i];
            }
            t = tn;
            tHist = tn;
            nSteps++;
            sim.stepsAdvanced(1);
            System.arraycopy(z[0], 0, yNow, 0, ny);
            return err;
        }
    }

    private DendriteException stuck(double time) {
        return new SimulationException(String.format(java.util.Locale.ROOT,
                "cvode: step size fell below 1e-12 ms at t = %.6f ms (Newton or error test keeps failing); the "
                        + "model may be ill-posed or the tolerances (atol %g, rtol %g) too tight", time, atol, rtol));
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
    private void evaluate(double time, double[] yy, double gamma) {
        nFevals++;
        scatterY(yy);
        // currents are evaluated on the open side of a stimulus edge the step ends on
        st.t = Math.min(time, tEvalLimit);
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
        st.t = time;
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
        for (int i = 0; i < nv; i++) w[i] = mass[i] > 0 ? 1 / (rtol * Math.abs(yy[i]) + atolOf[i]) : 0;
        for (int i = nv; i < ny; i++) w[i] = 1 / (rtol * Math.abs(yy[i]) + atolOf[i]);
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

    // ------------------------------------------------------------------ after a step

    /** Interpolates the history at time tOut (in the last step [tHist - h, tHist]) into yOut. */
    private void interpolate(double tOut, double[] yOut) {
        double s = (tOut - tHist) / h;
        System.arraycopy(z[q], 0, yOut, 0, ny);
        for (int j = q - 1; j >= 0; j--) {
            double[] zj = z[j];
            for (int i = 0; i < ny; i++) yOut[i] = yOut[i] * s + zj[i];
        }
    }

    /**
     * Spike detection (v crossing threshold upward in (tPrev, t], the time from the history), WATCH conditions at
     * the new state, and the way back when an event was queued for a time inside the step.
     */
    private void afterStep(double tPrev) {
        double tn = t;
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
                    interpolate(mid, saved);
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
        scatterY(yNow);
        st.t = tn;
        for (MechanismBlock m : sim.blocks) m.watch(st, sim);
        double te = sim.events().peekTime();
        if (te < tn && te >= tPrev) {
            // an event for a time inside the step: go back to it along the history
            interpolate(te, yNow);
            t = te;
            scatterY(yNow);
            st.t = te;
            for (int i = 0; i < sim.detectors.length; i++) lastDetector[i] = yNow[sim.detectors[i].index()];
            restart = true; // the history belongs to the end of the step: a new one starts at te
        }
    }
}
