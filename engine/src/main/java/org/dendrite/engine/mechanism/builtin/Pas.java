package org.dendrite.engine.mechanism.builtin;

import java.util.List;

import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.MechanismKind;

/** NEURON's passive leak {@code pas}: {@code i = g (v - e)}, g in S/cm2, e in mV. */
public final class Pas extends MechanismBlock {
    public static final MechanismType TYPE = new MechanismType("pas", MechanismKind.DENSITY,
            List.of(Variable.parameter("g", "S/cm2", 0.001), Variable.parameter("e", "mV", -70),
                    Variable.assigned("i", "mA/cm2")),
            List.of(), Pas::new);

    private final double[] g = array("g"), e = array("e"), i = array("i");

    private Pas(MechanismType type, int[] node, CellState s) {
        super(type, node);
    }

    @Override
    public void initialize(CellState s) {}

    @Override
    public void current(CellState s) {
        double[] v = s.v, rhs = s.rhs, d = s.d;
        for (int k = 0; k < count; k++) {
            int n = node[k];
            double i1 = g[k] * (v[n] + 0.001 - e[k]);
            double i0 = g[k] * (v[n] - e[k]);
            i[k] = i0;
            rhs[n] -= i0;
            d[n] += (i1 - i0) / 0.001;
        }
    }
}
