package org.dendrite.engine.mechanism;

import org.dendrite.engine.mechanism.IonPool;
import org.dendrite.engine.mechanism.CellState;

/**
 * Base of the Hodgkin–Huxley-style channels of the Hay and Allen libraries: an ohmic current
 * {@code gbar·f(gates)·(v - e)} carried by one ion (or non-specific), gates with {@code x' = (x∞ - x)/τ}
 * advanced by cnexp at the new voltage, all gates starting at x∞(v_init). A subclass gives the rates
 * ({@link #rates}, x∞ and τ per gate, τ in ms) and the open fraction f ({@link #openFraction}). The same
 * equations are the derivative form for the variable step ({@link OdeStates}: gate-major, d(x')/dx = -1/τ).
 */
public abstract class GateChannel extends MechanismBlock implements OdeStates {
    protected final double[] gbar, g, current;
    protected final double[][] gates;
    /** The ion carrying the current, or null for a non-specific current. */
    protected final IonPool ion;
    /** Scratch for {@link #rates}: out[2j] = x∞ of gate j, out[2j+1] = τ of gate j (ms). */
    protected final double[] r;

    protected GateChannel(MechanismType type, int[] node, CellState s, String gbarName, String gName,
                          String currentName, String ionName, String... gateNames) {
        super(type, node);
        gbar = array(gbarName);
        g = array(gName);
        current = array(currentName);
        gates = new double[gateNames.length][];
        for (int j = 0; j < gateNames.length; j++) gates[j] = array(gateNames[j]);
        ion = ionName == null ? null : s.ion(ionName);
        r = new double[2 * gateNames.length];
    }

    /** x∞ and τ of every gate at voltage v (mV) for instance k at node nd. */
    protected abstract void rates(double v, int k, int nd, double[] out);

    /** f(gates) of instance k, so that g = gbar·f. */
    protected abstract double openFraction(int k);

    /** Reversal potential of a non-specific current (ion == null). */
    protected double nonSpecificReversal(int k) {
        throw new IllegalStateException(type.name() + " has no reversal potential");
    }

    /** Called once per loop before rates are evaluated (e.g. to compute a temperature factor). */
    protected void prepareRates(CellState s) {}

    @Override
    public void initialize(CellState s) {
        prepareRates(s);
        double[] v = s.v;
        for (int k = 0; k < count; k++) {
            int nd = node[k];
            rates(v[nd], k, nd, r);
            for (int j = 0; j < gates.length; j++) gates[j][k] = r[2 * j];
        }
    }

    @Override
    public void current(CellState s) {
        currentLoop(s);
    }

    @Override
    public void advanceStates(CellState s) {
        advanceLoop(s);
    }

    /**
     * The current loop. Subclasses override {@link #current} with a one-line call to this method so that the JIT
     * compiles a copy per mechanism with {@link #openFraction} inlined (a shared copy would make that call
     * megamorphic).
     */
    protected final void currentLoop(CellState s) {
        if (ion != null) {
            for (int k = 0; k < count; k++) {
                double gg = gbar[k] * openFraction(k);
                g[k] = gg;
                current[k] = Channels.addIonCurrent(s, ion, node[k], gg);
            }
        } else {
            for (int k = 0; k < count; k++) {
                double gg = gbar[k] * openFraction(k);
                g[k] = gg;
                current[k] = Channels.addNonSpecific(s, node[k], gg, nonSpecificReversal(k));
            }
        }
    }

    /** The state loop; see {@link #currentLoop} for why subclasses call it from their own override. */
    protected final void advanceLoop(CellState s) {
        prepareRates(s);
        double dt = s.dt;
        double[] v = s.v;
        for (int k = 0; k < count; k++) {
            int nd = node[k];
            rates(v[nd], k, nd, r);
            for (int j = 0; j < gates.length; j++) gates[j][k] = Channels.cnexp(gates[j][k], r[2 * j], r[2 * j + 1], dt);
        }
    }

    /** The value of a {@code <name>_<SUFFIX>} global, or NaN when {@code name} is not that global. */
    protected final double global(String fullName, String param, double value) {
        return fullName.equals(param + "_" + type.name()) || fullName.equals(param) ? value : Double.NaN;
    }

    // ------------------------------------------------------------------ variable step (OdeStates)

    /** -1/τ per state from the last {@link #derivatives} (same layout), reused by {@link #jacobianDiagonal}. */
    private double[] odeJacobian;
    private boolean odeJacobianFresh;

    /** Every gate of every instance, gate-major: gate j of instance k at {@code offset + j*count + k}. */
    @Override
    public int stateCount() {
        return gates.length * count;
    }

    /** The gate's declared name with the suffix ({@code m_NaTs2_t}). */
    @Override
    public String stateName(int i) {
        double[] gate = gates[i / count];
        for (Variable v : type.variables()) {
            if (v.role() == Variable.Role.STATE && variable(v.name()) == gate) return OdeStates.neuronName(type, v.name());
        }
        return null;
    }

    @Override
    public void gather(double[] y, int offset) {
        for (int j = 0; j < gates.length; j++) System.arraycopy(gates[j], 0, y, offset + j * count, count);
    }

    @Override
    public void scatter(double[] y, int offset) {
        for (int j = 0; j < gates.length; j++) System.arraycopy(y, offset + j * count, gates[j], 0, count);
        odeJacobianFresh = false;
    }

    /** {@code x' = (x∞ - x)/τ} with the rates the fixed step uses (scalar {@link #rates}). */
    @Override
    public void derivatives(CellState s, double[] ydot, int offset) {
        if (odeJacobian == null) odeJacobian = new double[gates.length * count];
        prepareRates(s);
        double[] v = s.v, jac = odeJacobian;
        int ng = gates.length;
        for (int k = 0; k < count; k++) {
            int nd = node[k];
            rates(v[nd], k, nd, r);
            for (int j = 0; j < ng; j++) {
                double tau = r[2 * j + 1];
                ydot[offset + j * count + k] = (r[2 * j] - gates[j][k]) / tau;
                jac[j * count + k] = -1 / tau;
            }
        }
        odeJacobianFresh = true;
    }

    /** -1/τ per gate; taken from the {@link #derivatives} call at the same state when there was one. */
    @Override
    public void jacobianDiagonal(CellState s, double[] jd, int offset) {
        if (odeJacobianFresh) {
            System.arraycopy(odeJacobian, 0, jd, offset, gates.length * count);
            return;
        }
        prepareRates(s);
        for (int k = 0; k < count; k++) {
            int nd = node[k];
            rates(s.v[nd], k, nd, r);
            for (int j = 0; j < gates.length; j++) jd[offset + j * count + k] = -1 / r[2 * j + 1];
        }
    }
}
