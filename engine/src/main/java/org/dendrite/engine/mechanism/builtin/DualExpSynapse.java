package org.dendrite.engine.mechanism.builtin;

import java.util.List;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.EventContext;
import org.dendrite.engine.mechanism.PointProcessBlock;
import org.dendrite.engine.mechanism.CellState;

/**
 * Conductance synapses for dendritic input (docs/synapses.md): a difference of exponentials
 * {@code g(t) = B - A}, {@code A' = -A/tau_rise}, {@code B' = -B/tau_decay}, each incoming event adding
 * {@code w·factor} to both A and B (w = NetCon weight, µS), {@code factor} normalising the peak of one event's
 * conductance to w.
 * <ul>
 * <li>{@code AMPA}: {@code i = g (v - e)}, defaults tau_rise 0.2 ms, tau_decay 1.7 ms, e 0 mV.</li>
 * <li>{@code NMDA}: {@code i = g·B(v)·(v - e)} with the Jahr–Stevens (1990) magnesium block
 *     {@code B(v) = 1/(1 + exp(-0.062·v)·mg/3.57)}, mg in mM (default 1); defaults tau_rise 2 ms,
 *     tau_decay 65 ms, e 0 mV. The matrix conductance is NEURON's finite difference
 *     {@code (i(v+0.001) - i(v))/0.001}, which includes dB/dv.</li>
 * </ul>
 * States advance with the exact exponential decay (cnexp).
 */
public final class DualExpSynapse extends PointProcessBlock implements org.dendrite.engine.mechanism.OdeStates {
    public static final MechanismType AMPA = type("AMPA", 0.2, 1.7, false);
    public static final MechanismType NMDA = type("NMDA", 2, 65, true);

    private static MechanismType type(String name, double rise, double decay, boolean mgBlock) {
        List<Variable> vars = new java.util.ArrayList<>(List.of(Variable.parameter("tau_rise", "ms", rise),
                Variable.parameter("tau_decay", "ms", decay), Variable.parameter("e", "mV", 0)));
        if (mgBlock) vars.add(Variable.parameter("mg", "mM", 1));
        vars.addAll(List.of(Variable.state("A", "uS"), Variable.state("B", "uS"), Variable.assigned("g", "uS"),
                Variable.assigned("i", "nA"), Variable.assigned("factor", "1")));
        if (mgBlock) vars.add(Variable.assigned("block", "1"));
        return new MechanismType(name, MechanismKind.POINT_PROCESS, vars, List.of(),
                DualExpSynapse::new).receivingEvents();
    }

    private final double[] rise = array("tau_rise"), decay = array("tau_decay"), e = array("e"), a = array("A"),
            b = array("B"), g = array("g"), i = array("i"), factor = array("factor");
    private final double[] mg, block;

    private DualExpSynapse(MechanismType type, int[] node, CellState s) {
        super(type, node, s);
        mg = variable("mg");
        block = variable("block");
    }

    /** Jahr–Stevens Mg block: fraction of NMDA conductance not blocked at v (mV) and [Mg2+]o (mM). */
    public static double mgBlock(double v, double mgMm) {
        return 1 / (1 + Math.exp(0.062 * -v) * (mgMm / 3.57));
    }

    @Override
    public void initialize(CellState s) {
        for (int k = 0; k < count; k++) {
            if (!(rise[k] > 0 && decay[k] > rise[k])) {
                throw new IllegalArgumentException(type.name() + ": need 0 < tau_rise < tau_decay (ms), have "
                        + rise[k] + ", " + decay[k]);
            }
            a[k] = 0;
            b[k] = 0;
            double tp = (rise[k] * decay[k]) / (decay[k] - rise[k]) * Math.log(decay[k] / rise[k]);
            factor[k] = 1 / (-Math.exp(-tp / rise[k]) + Math.exp(-tp / decay[k]));
        }
    }

    @Override
    public void current(CellState s) {
        for (int k = 0; k < count; k++) {
            double v = s.v[node[k]];
            double gk = b[k] - a[k];
            double i1, i0;
            if (mg == null) {
                i1 = gk * (v + 0.001 - e[k]);
                i0 = gk * (v - e[k]);
            } else {
                double b0 = mgBlock(v, mg[k]);
                i1 = gk * mgBlock(v + 0.001, mg[k]) * (v + 0.001 - e[k]);
                i0 = gk * b0 * (v - e[k]);
                block[k] = b0;
            }
            g[k] = gk;
            i[k] = i0;
            addMembrane(s, k, i0, (i1 - i0) / 0.001);
        }
    }

    @Override
    public void advanceStates(CellState s) {
        double dt = s.dt;
        for (int k = 0; k < count; k++) {
            a[k] *= Math.exp(-dt / rise[k]);
            b[k] *= Math.exp(-dt / decay[k]);
        }
    }

    @Override
    public void receive(int instance, double t, double[] weight, double flag, EventContext ctx) {
        a[instance] += weight[0] * factor[instance];
        b[instance] += weight[0] * factor[instance];
    }

    // variable step: A' = -A/rise, B' = -B/decay (all A, then all B)
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
            ydot[offset + k] = -a[k] / rise[k];
            ydot[offset + count + k] = -b[k] / decay[k];
        }
    }

    @Override
    public void jacobianDiagonal(CellState s, double[] jd, int offset) {
        for (int k = 0; k < count; k++) {
            jd[offset + k] = -1 / rise[k];
            jd[offset + count + k] = -1 / decay[k];
        }
    }
}
