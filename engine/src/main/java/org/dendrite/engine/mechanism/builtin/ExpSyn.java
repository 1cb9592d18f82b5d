package org.dendrite.engine.mechanism.builtin;

import java.util.List;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.EventContext;
import org.dendrite.engine.mechanism.PointProcessBlock;

/**
 * NEURON's ExpSyn: conductance {@code g} (uS) jumps by the NetCon weight and decays with {@code tau} (ms);
 * current {@code i = g (v - e)} nA, positive outward (neuron-numerics §9.2).
 */
public final class ExpSyn extends PointProcessBlock implements org.dendrite.engine.mechanism.OdeStates {
    public static final MechanismType TYPE = new MechanismType("ExpSyn", MechanismKind.POINT_PROCESS,
            List.of(Variable.parameter("tau", "ms", 0.1), Variable.parameter("e", "mV", 0),
                    Variable.state("g", "uS"), Variable.assigned("i", "nA")),
            List.of(), ExpSyn::new).receivingEvents();

    private final double[] tau = array("tau"), e = array("e"), g = array("g"), i = array("i");

    private ExpSyn(MechanismType type, int[] node, CellState s) {
        super(type, node, s);
    }

    @Override
    public void initialize(CellState s) {
        java.util.Arrays.fill(g, 0);
    }

    @Override
    public void current(CellState s) {
        for (int k = 0; k < count; k++) {
            double v = s.v[node[k]];
            double i1 = g[k] * (v + 0.001 - e[k]);
            double i0 = g[k] * (v - e[k]);
            i[k] = i0;
            addMembrane(s, k, i0, (i1 - i0) / 0.001);
        }
    }

    @Override
    public void advanceStates(CellState s) {
        double dt = s.dt;
        for (int k = 0; k < count; k++) {
            double b = (-1.0) / tau[k];
            g[k] = g[k] + (1.0 - Math.exp(dt * b)) * (-(0.0) / b - g[k]);
        }
    }

    @Override
    public void receive(int instance, double t, double[] weight, double flag, EventContext ctx) {
        g[instance] += weight[0];
    }

    // variable step: g' = -g/tau
    @Override public int stateCount() { return count; }
    @Override public String stateName(int i) { return "ExpSyn.g"; }
    @Override public void gather(double[] y, int offset) { System.arraycopy(g, 0, y, offset, count); }
    @Override public void scatter(double[] y, int offset) { System.arraycopy(y, offset, g, 0, count); }

    @Override
    public void derivatives(CellState s, double[] ydot, int offset) {
        for (int k = 0; k < count; k++) ydot[offset + k] = -g[k] / tau[k];
    }

    @Override
    public void jacobianDiagonal(CellState s, double[] jd, int offset) {
        for (int k = 0; k < count; k++) jd[offset + k] = -1 / tau[k];
    }
}
