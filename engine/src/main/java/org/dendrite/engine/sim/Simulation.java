package org.dendrite.engine.sim;

import java.util.List;
import java.util.Map;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.mechanism.IonPool;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.mechanism.EventContext;
import org.dendrite.engine.sim.EventQueue;
import org.dendrite.engine.mechanism.EventTarget;
import org.dendrite.engine.mechanism.NetCon;
import org.dendrite.engine.mechanism.ArtificialCell;
import org.dendrite.engine.mechanism.builtin.NetStim;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.sim.ThresholdDetector;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.mechanism.CellState;

/**
 * A compiled cell and its fixed-step integrator, reproducing NEURON's {@code finitialize} and
 * {@code fadvance} (neuron-numerics §5–§6): the cable matrix in flat arrays in parent-before-child order,
 * Hines elimination, backward Euler or Crank–Nicolson, staggered mechanism updates and the event queue.
 * Nothing is allocated per step.
 */
public final class Simulation implements EventContext {
    final Morphology morphology;
    final Topology topology;
    final CellState state;
    /** Per node: NEURON's A (effect of v_i on its parent's equation) and B (effect of v_parent on node i). */
    final double[] a, b;
    final int[] parent;
    /** Specific capacitance per node, uF/cm2 (0 at zero-area nodes). */
    final double[] cm;
    final MechanismBlock[] blocks;
    final IonPool[] ions;
    final ArtificialCell[] netStims;
    final ThresholdDetector[] detectors;
    final Map<String, SpikeSource> namedSources;
    final Traces traces;
    private final int rootCount;
    private final EventQueue queue = new EventQueue();
    private long steps;
    /** CN oscillation detection, per node: the last large voltage change (mV) and how often it alternated. */
    private final double[] lastDv;
    private final int[] alternations;
    /** The compiler that built this simulation: resolves live variables by name after compile. */
    SimulationCompiler compiler;
    /** Per-node initial voltages from per-section settings (NaN: use finitialize's argument); null if none. */
    double[] vInitOverride;

    Simulation(Morphology morphology, Topology topology, CellState state, double[] a, double[] b, double[] cm,
               MechanismBlock[] blocks, IonPool[] ions, ArtificialCell[] netStims, ThresholdDetector[] detectors,
               Map<String, SpikeSource> namedSources, Traces traces) {
        this.morphology = morphology;
        this.topology = topology;
        this.state = state;
        this.a = a;
        this.b = b;
        this.parent = topology.parents();
        this.cm = cm;
        this.blocks = blocks;
        this.ions = ions;
        this.netStims = netStims;
        this.detectors = detectors;
        this.namedSources = namedSources;
        this.traces = traces;
        this.rootCount = topology.rootCount();
        this.lastDv = new double[state.v.length];
        this.alternations = new int[state.v.length];
    }

    /** Compiles a model description with the standard mechanisms. */
    public static Simulation compile(ModelSpec spec) {
        return compile(spec, spec.library());
    }

    public static Simulation compile(ModelSpec spec, MechanismLibrary registry) {
        return new SimulationCompiler(spec, registry).compile();
    }

    public CellState state() { return state; }
    public Topology topology() { return topology; }
    public Morphology morphology() { return morphology; }
    public Traces traces() { return traces; }
    public long steps() { return steps; }
    public List<MechanismBlock> mechanisms() { return List.of(blocks); }

    /** Spike sources that have a name in the model (spike detectors, artificial cells), in model order. */
    public Map<String, SpikeSource> spikeSources() {
        return namedSources;
    }

    /**
     * The live array element holding a variable (what a recording of {@code probe} would read): v, an ion
     * variable or a mechanism variable at a location, or a point-process variable. Reading or writing it between
     * steps reads or changes the running simulation. Resolving costs a search; callers keep the result.
     *
     * @throws org.dendrite.engine.DendriteException when the model has no such variable there
     */
    public org.dendrite.engine.record.Probe resolve(ModelSpec.ProbeSpec probe) {
        return compiler.probe(probe);
    }

    /** Live specific capacitance per node, uF/cm2 (0 at zero-area nodes); writes take effect at the next step. */
    public double[] capacitance() {
        return cm;
    }

    /** The NetCon with this model name, or null; its {@code weight()} array is live. */
    public NetCon netCon(String name) {
        return compiler.netConOf.get(name);
    }

    /**
     * Sets a mechanism GLOBAL named as NEURON names it ({@code ehcn_Ih}) on the running simulation; takes effect
     * at the next step. Returns false when no mechanism of the library declares it.
     */
    public boolean setGlobal(String name, double value) {
        return compiler.setMechanismGlobal(name, value);
    }

    /** Number of compartments (segments carrying membrane). */
    public int compartmentCount() {
        int n = 0;
        for (int i = 0; i < topology.nodeCount(); i++) if (topology.hasMembrane(i)) n++;
        return n;
    }

    /** The event queue (the variable-step integrator delivers from it itself). */
    EventQueue events() {
        return queue;
    }

    /** Counts steps taken by another integrator ({@link VariableStep}) in {@link #steps()}. */
    void stepsAdvanced(long n) {
        steps += n;
    }

    /**
     * Runs from the state after {@link #finitialize} to {@code tstop} with the variable-step integrator,
     * recording every {@code dt * every} ms; returns the integrator with its statistics.
     */
    public VariableStep runVariableStep(double tstop, double atol, double rtol) {
        return runVariableStep(tstop, atol, rtol, false);
    }

    /** As {@link #runVariableStep(double, double, double)}; with {@code everyStep} recording after every step. */
    public VariableStep runVariableStep(double tstop, double atol, double rtol, boolean everyStep) {
        VariableStep vs = new VariableStep(this, atol, rtol);
        vs.run(tstop, everyStep ? 0 : state.dt * traces.every());
        return vs;
    }

    /**
     * Applies edits of the model's cables (L, diam, Ra, cm, 3-D points; nseg unchanged) made since compile or the
     * last call: membrane areas, diameters, cm and the matrix coefficients are recomputed in place, so the next
     * step uses them, as NEURON's {@code diam_changed} recomputes them before its next step. Voltages and
     * states are kept.
     *
     * @throws IllegalStateException when a section's nseg differs from the compiled one (that needs a compile)
     */
    public void geometryChanged() {
        SimulationCompiler.nodeGeometry(compiler.spec(), topology, state.area, state.diam, cm, a, b);
        for (MechanismBlock m : blocks) {
            if (m instanceof org.dendrite.engine.mechanism.PointProcessBlock p) p.areaChanged(state);
        }
    }

    // ---------------------------------------------------------------- finitialize

    /** NEURON's {@code finitialize(vInit)} (§6.1). */
    public void finitialize(double vInit) {
        state.t = 0;
        steps = 0;
        queue.clear();
        for (SpikeSource s : namedSources.values()) s.clearSpikes();
        for (ThresholdDetector d : detectors) d.source().clearSpikes();
        for (ArtificialCell ns : netStims) for (int k = 0; k < ns.count(); k++) ns.source(k).clearSpikes();
        for (MechanismBlock m : blocks) m.prepare(state);
        java.util.Arrays.fill(lastDv, 0);
        java.util.Arrays.fill(alternations, 0);
        java.util.Arrays.fill(state.v, vInit);
        if (vInitOverride != null) {
            for (int i = 0; i < vInitOverride.length; i++) if (!Double.isNaN(vInitOverride[i])) state.v[i] = vInitOverride[i];
        }
        for (IonPool ion : ions) ion.initialize(state.celsius);
        for (MechanismBlock m : blocks) m.initialize(state);
        for (ArtificialCell ns : netStims) ns.start(0, this);
        for (ThresholdDetector d : detectors) d.reset();
        deliverEvents(0);
        assemble();
        traces.clear();
        traces.sample(0, state.t);
        deliverEvents(0);
    }

    // ---------------------------------------------------------------- fadvance

    /** One fixed step of NEURON's {@code fadvance} (§6.2). */
    public void fadvance() {
        double dt = state.dt;
        for (ThresholdDetector d : detectors) d.check(state.t, this);
        for (MechanismBlock m : blocks) m.watch(state, this);
        deliverEvents(state.t + dt / 2);
        state.t += dt / 2;
        for (MechanismBlock m : blocks) m.prepare(state);
        assemble();
        solve();
        if (state.secondorder == 2) for (IonPool ion : ions) ion.secondOrderCorrection(state.rhs);
        updateVoltage();
        state.t += dt / 2;
        for (MechanismBlock m : blocks) m.advanceStates(state);
        steps++;
        traces.sample(steps, state.t);
        deliverEvents(state.t);
    }

    /** Runs {@code while (t < tstop - dt/2) fadvance()}, reporting progress every ~1% of the steps. */
    public void advanceTo(double tstop, ProgressListener progress) {
        long total = Math.max(1, Math.round((tstop - state.t) / state.dt));
        long reportEvery = Math.max(1, total / 100);
        long done = 0;
        while (state.t < tstop - state.dt / 2) {
            fadvance();
            if (++done % reportEvery == 0 && progress != null) progress.progress(done, total, state.t);
        }
        if (progress != null) progress.progress(total, total, state.t);
    }

    /** Receives progress of long runs. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long stepsDone, long stepsTotal, double tMs);
    }

    /** Currents, conductances, capacitance and axial terms into rhs and d (§5.4). */
    void assemble() {
        double[] rhs = state.rhs, d = state.d, v = state.v;
        for (IonPool ion : ions) ion.beginCurrents(state.celsius);
        java.util.Arrays.fill(rhs, 0);
        java.util.Arrays.fill(d, 0);
        for (MechanismBlock m : blocks) m.current(state);
        int n = v.length;
        double cj = state.secondorder == 0 ? 1.0 / state.dt : 2.0 / state.dt;
        double cfac = 0.001 * cj;
        for (int i = 0; i < rootCount; i++) d[i] += cfac * cm[i];
        // One pass for axial currents, capacitance and axial conductances. Each node still receives its terms in
        // NEURON's order (mechanisms, capacitance, its own -B, then -A of each child in index order), because a
        // parent's index is always smaller than its children's: the sums are bit-identical to separate passes.
        for (int i = rootCount; i < n; i++) {
            int p = parent[i];
            double dv = v[p] - v[i];
            rhs[i] -= b[i] * dv;
            rhs[p] += a[i] * dv;
            d[i] += cfac * cm[i];
            d[i] -= b[i];
            d[p] -= a[i];
        }
    }

    /** Hines elimination (§5.5); leaves the voltage change in rhs. */
    void solve() {
        double[] rhs = state.rhs, d = state.d;
        int n = rhs.length;
        for (int i = n - 1; i >= rootCount; i--) {
            int p = parent[i];
            double f = a[i] / d[i];
            d[p] -= f * b[i];
            rhs[p] -= f * rhs[i];
        }
        for (int r = 0; r < rootCount; r++) rhs[r] /= d[r];
        for (int i = rootCount; i < n; i++) {
            rhs[i] -= b[i] * rhs[parent[i]];
            rhs[i] /= d[i];
        }
    }

    /**
     * Largest |v| accepted, mV. No membrane current can drive v beyond the most extreme reversal potential (the
     * Nernst potential of a 10^9 : 1 concentration ratio at 37 degC is 554 mV), and no clamp command used in
     * physiology is a volt; 10 V leaves a factor of ~20 of headroom over anything a valid model produces, and
     * a runaway grows geometrically, so it is caught a few steps after it starts instead of at v = 1e306.
     */
    public static final double V_LIMIT_MV = 1e4;
    /**
     * Crank–Nicolson instability: the amplification factor of a stiff mode tends to -1, so v changes sign of
     * direction every step. Reported when a node's change alternates in sign for {@value #CN_ALTERNATIONS}
     * consecutive steps each larger than {@value #CN_SWING_MV} mV: an oscillation at the period of 2 dt cannot be
     * resolved by the time step, so such a trace is wrong whatever its cause (a spike's peak reverses the
     * direction once, not eight times; NEURON's CN golden cases stay below 1 mV of alternation).
     */
    public static final double CN_SWING_MV = 10;
    public static final int CN_ALTERNATIONS = 8;

    private void updateVoltage() {
        double[] v = state.v, x = state.rhs;
        boolean bad = false; // reported after the loop, once every node holds its new value
        int oscillating = -1;
        if (state.secondorder == 0) {
            for (int i = 0; i < v.length; i++) {
                double vi = v[i] + x[i];
                v[i] = vi;
                if (!(Math.abs(vi) <= V_LIMIT_MV)) bad = true; // also NaN
            }
        } else {
            double[] last = lastDv;
            int[] alt = alternations;
            for (int i = 0; i < v.length; i++) {
                double dv = 2 * x[i];
                double vi = v[i] + dv;
                v[i] = vi;
                if (!(Math.abs(vi) <= V_LIMIT_MV)) bad = true;
                if (Math.abs(dv) > CN_SWING_MV) {
                    if (dv * last[i] < 0) {
                        if (++alt[i] >= CN_ALTERNATIONS && oscillating < 0) oscillating = i;
                    } else {
                        alt[i] = 0;
                    }
                    last[i] = dv;
                } else if (alt[i] != 0) {
                    alt[i] = 0;
                    last[i] = 0;
                }
            }
        }
        if (bad) reportBlowup();
        if (oscillating >= 0) reportOscillation(oscillating, 2 * x[oscillating]);
    }

    private String where(int i) {
        String x = new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", topology.x(i)))
                .stripTrailingZeros().toPlainString();
        return String.format(java.util.Locale.ROOT, "%s(%s) at t = %.4f ms (step %d, dt %s ms)",
                morphology.section(topology.section(i)).name(), x, state.t + state.dt / 2, steps + 1, state.dt);
    }

    private void reportBlowup() {
        double[] v = state.v;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new SimulationException(String.format(java.util.Locale.ROOT,
                        "simulation blew up: v = %s at %s; %scheck parameters (units: S/cm2, uF/cm2, ohm*cm) or reduce dt",
                        v[i], where(i), zeroDiameterHint()));
            }
        }
        // the compartment (node with membrane) with the largest |v|; a zero-area node only if none is beyond
        int worst = -1;
        for (int pass = 0; pass < 2 && worst < 0; pass++) {
            for (int i = 0; i < v.length; i++) {
                if ((pass == 1 || topology.hasMembrane(i)) && Math.abs(v[i]) > V_LIMIT_MV
                        && (worst < 0 || Math.abs(v[i]) > Math.abs(v[worst]))) worst = i;
            }
        }
        if (worst >= 0) {
            throw new SimulationException(String.format(java.util.Locale.ROOT,
                    "simulation ran away: v = %.4g mV at %s, beyond the %g mV that no membrane reaches; the "
                            + "trace is wrong from here. %scheck parameters (units: S/cm2, uF/cm2, ohm*cm, nA) or reduce dt",
                    v[worst], where(worst), V_LIMIT_MV, zeroDiameterHint()));
        }
        throw new SimulationException("simulation blew up at t = " + state.t + " ms (v not finite)");
    }

    private void reportOscillation(int i, double dv) {
        throw new SimulationException(String.format(java.util.Locale.ROOT,
                "simulation oscillates step to step (Crank-Nicolson instability): v at %s changed direction %d "
                        + "steps in a row by more than %g mV (last change %.4g mV, v = %.4g mV); the trace is wrong. "
                        + "Reduce dt or use backward Euler (--method be)",
                where(i), CN_ALTERNATIONS, CN_SWING_MV, dv, state.v[i]));
    }

    private static boolean hasZeroDiameter(org.dendrite.engine.morphology.Section sec) {
        if (!sec.hasPoints()) return !(sec.stylizedDiam() > 0);
        for (int k = 0; k < sec.pointCount(); k++) if (!(sec.diam(k) > 0)) return true;
        return false;
    }

    /** A hint when some section has a zero diameter (zero area or infinite axial resistance): often the cause. */
    private String zeroDiameterHint() {
        StringBuilder names = new StringBuilder();
        int count = 0;
        for (int s = 0; s < morphology.size(); s++) {
            if (hasZeroDiameter(morphology.section(s))) {
                if (count++ < 3) names.append(names.length() == 0 ? "" : ", ").append(morphology.section(s).name());
            }
        }
        if (count == 0) return "";
        return count + " section(s) have a zero diameter (" + names + (count > 3 ? ", ..." : "")
                + "), which gives zero membrane area or infinite axial resistance; ";
    }

    // ---------------------------------------------------------------- events

    private void deliverEvents(double until) {
        while (queue.peekTime() <= until) queue.deliverFirst(this);
    }

    @Override
    public void sendSelf(double deliveryTime, EventTarget target, int instance, double flag) {
        queue.add(deliveryTime, target, instance, null, flag);
    }

    @Override
    public void moveSelf(EventTarget target, int instance, double newDeliveryTime) {
        queue.move(target, instance, newDeliveryTime);
    }

    @Override
    public void spike(SpikeSource source, double t) {
        source.record(t);
        for (NetCon nc : source.netcons()) {
            EventTarget tgt = nc.target();
            if (tgt != null) queue.add(t + nc.delay(), tgt, nc.instance(), nc.weight(), 0);
        }
    }
}
