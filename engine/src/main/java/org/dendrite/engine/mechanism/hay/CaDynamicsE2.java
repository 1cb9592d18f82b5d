package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.IonPool;
import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.IonUse;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;

/**
 * {@code CaDynamics_E2}, submembrane Ca pool with first-order removal (mechanisms.md §4.14):
 * {@code dcai/dt = -1e4·ica·gamma/(2·F·depth) - (cai - minCai)/decay} with ica in mA/cm2, depth in µm, F in C/mol,
 * cai in mM, decay in ms. cai is the ion pool's inside concentration (the pool is "style 3": reset to cai0 at
 * finitialize, eca by Nernst before every current evaluation). The Hay file has no INITIAL block (cai starts
 * at cai0_ca_ion = 5e-5 mM); the Allen {@code CaDynamics} sets {@code cai = minCai} at initialisation.
 * Updated with the ica of the step's current evaluation, exactly (cnexp) for ica frozen over the step. Under
 * the variable step the pool's cai at the block's nodes are its states ({@link org.dendrite.engine.mechanism.OdeStates}).
 */
public class CaDynamicsE2 extends MechanismBlock implements org.dendrite.engine.mechanism.OdeStates {
    public static final MechanismType TYPE = type("CaDynamics_E2", CaDynamicsE2::new);

    public static MechanismType type(String name, MechanismType.Factory f) {
        return new MechanismType(name, MechanismKind.DENSITY,
                List.of(Variable.parameter("gamma", "1", 0.05), Variable.parameter("decay", "ms", 80),
                        Variable.parameter("depth", "um", 0.1), Variable.parameter("minCai", "mM", 1e-4)),
                List.of(new IonUse("ca", false, false, false, true)), f);
    }

    private final double[] gamma = array("gamma"), decay = array("decay"), depth = array("depth"),
            minCai = array("minCai");
    private final IonPool ca;
    private final boolean initToMin;

    protected CaDynamicsE2(MechanismType type, int[] node, CellState s) {
        this(type, node, s, false);
    }

    protected CaDynamicsE2(MechanismType type, int[] node, CellState s, boolean initToMin) {
        super(type, node);
        ca = s.ion("ca");
        this.initToMin = initToMin;
    }

    @Override
    public void initialize(CellState s) {
        if (initToMin) for (int k = 0; k < count; k++) ca.ci[node[k]] = minCai[k];
    }

    @Override
    public void current(CellState s) {}

    @Override
    public void advanceStates(CellState s) {
        double dt = s.dt;
        double[] cai = ca.ci, ica = ca.i;
        for (int k = 0; k < count; k++) {
            int nd = node[k];
            double b = (-1.0) / decay[k];
            double a = -(10000) * (ica[nd] * gamma[k] / (2 * Channels.FARADAY * depth[k])) + minCai[k] / decay[k];
            cai[nd] = cai[nd] + (1.0 - Math.exp(dt * b)) * (-(a) / b - cai[nd]);
        }
    }

    // variable step: the state is the pool's cai at each instance's node
    @Override public int stateCount() { return count; }
    @Override public String stateName(int i) { return "cai"; }

    @Override
    public void gather(double[] y, int offset) {
        double[] cai = ca.ci;
        for (int k = 0; k < count; k++) y[offset + k] = cai[node[k]];
    }

    @Override
    public void scatter(double[] y, int offset) {
        double[] cai = ca.ci;
        for (int k = 0; k < count; k++) cai[node[k]] = y[offset + k];
    }

    /** dcai/dt (mM/ms) from the ica of the same evaluation's currents. */
    @Override
    public void derivatives(CellState s, double[] ydot, int offset) {
        double[] cai = ca.ci, ica = ca.i;
        for (int k = 0; k < count; k++) {
            int nd = node[k];
            ydot[offset + k] = -(10000) * (ica[nd] * gamma[k] / (2 * Channels.FARADAY * depth[k]))
                    - (cai[nd] - minCai[k]) / decay[k];
        }
    }

    @Override
    public void jacobianDiagonal(CellState s, double[] jd, int offset) {
        for (int k = 0; k < count; k++) jd[offset + k] = -1 / decay[k];
    }
}
