package org.dendrite.engine.mechanism.builtin;

import java.util.List;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.EventContext;
import org.dendrite.engine.mechanism.PointProcessBlock;

/**
 * NEURON's Exp2Syn: difference of exponentials with rise {@code tau1} and decay {@code tau2} (ms), normalised
 * so that a weight w gives a peak conductance w uS (neuron-numerics §9.3).
 */
public final class Exp2Syn extends PointProcessBlock implements org.dendrite.engine.mechanism.OdeStates {
    public static final MechanismType TYPE = new MechanismType("Exp2Syn", MechanismKind.POINT_PROCESS,
            List.of(Variable.parameter("tau1", "ms", 0.1), Variable.parameter("tau2", "ms", 10),
                    Variable.parameter("e", "mV", 0), Variable.state("A", "uS"), Variable.state("B", "uS"),
                    Variable.assigned("g", "uS"), Variable.assigned("i", "nA"), Variable.assigned("factor", "1")),
            List.of(), Exp2Syn::new).receivingEvents();

    private final double[] tau1 = array("tau1"), tau2 = array("tau2"), e = array("e"), a = array("A"),
            b = array("B"), g = array("g"), i = array("i"), factor = array("factor");

    private Exp2Syn(MechanismType type, int[] node, CellState s) {
        super(type, node, s);
    }

    @Override
    public void initialize(CellState s) {
        for (int k = 0; k < count; k++) {
            if (tau1[k] / tau2[k] > 0.9999) tau1[k] = 0.9999 * tau2[k];
            if (tau1[k] / tau2[k] < 1e-9) tau1[k] = tau2[k] * 1e-9;
            a[k] = 0;
            b[k] = 0;
            double tp = (tau1[k] * tau2[k]) / (tau2[k] - tau1[k]) * Math.log(tau2[k] / tau1[k]);
            double fac = -Math.exp(-tp / tau1[k]) + Math.exp(-tp / tau2[k]);
            factor[k] = 1 / fac;
        }
    }

    @Override
    public void current(CellState s) {
        for (int k = 0; k < count; k++) {
            double v = s.v[node[k]];
            double gk = b[k] - a[k];
            double i1 = gk * (v + 0.001 - e[k]);
            double i0 = gk * (v - e[k]);
            g[k] = gk;
            i[k] = i0;
            addMembrane(s, k, i0, (i1 - i0) / 0.001);
        }
    }

    @Override
    public void advanceStates(CellState s) {
        double dt = s.dt;
        for (int k = 0; k < count; k++) {
            double ba = (-1.0) / tau1[k];
            a[k] = a[k] + (1.0 - Math.exp(dt * ba)) * (-(0.0) / ba - a[k]);
            double bb = (-1.0) / tau2[k];
            b[k] = b[k] + (1.0 - Math.exp(dt * bb)) * (-(0.0) / bb - b[k]);
        }
    }

    @Override
    public void receive(int instance, double t, double[] weight, double flag, EventContext ctx) {
        a[instance] += weight[0] * factor[instance];
        b[instance] += weight[0] * factor[instance];
    }

    // variable step: A' = -A/tau1, B' = -B/tau2 (all A, then all B)
    @Override public int stateCount() { return 2 * count; }
    @Override public String stateName(int i) { return type.name() + (i < count ? ".A" : ".B"); }

    @Override
    public void gather(double[] y, int offset) {
        System.arraycopy(a, 0, y, offset, count);
        System.arraycopy(b, 0, y, offset + count, count);
    }

    @Override
    public void scatter(double[] y, int offset) {
        System.arraycopy(y, offset, a, 0, count);
        System.arraycopy(y, offset + count, b, 0, count);
    }

    @Override
    public void derivatives(CellState s, double[] ydot, int offset) {
        for (int k = 0; k < count; k++) {
            ydot[offset + k] = -a[k] / tau1[k];
            ydot[offset + count + k] = -b[k] / tau2[k];
        }
    }

    @Override
    public void jacobianDiagonal(CellState s, double[] jd, int offset) {
        for (int k = 0; k < count; k++) {
            jd[offset + k] = -1 / tau1[k];
            jd[offset + count + k] = -1 / tau2[k];
        }
    }
}
