package org.dendrite.engine.mechanism.builtin;

import java.util.List;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.PointProcessBlock;

/**
 * NEURON's IClamp: a current step of {@code amp} nA from {@code del} for {@code dur} ms, tested at the
 * mid-step time (neuron-numerics §9.1). Positive current depolarises.
 */
public final class IClamp extends PointProcessBlock implements org.dendrite.engine.mechanism.StimulusEdges {
    public static final MechanismType TYPE = new MechanismType("IClamp", MechanismKind.POINT_PROCESS,
            List.of(Variable.parameter("del", "ms", 0), Variable.parameter("dur", "ms", 0),
                    Variable.parameter("amp", "nA", 0), Variable.assigned("i", "nA")),
            List.of(), IClamp::new);

    private final double[] del = array("del"), dur = array("dur"), amp = array("amp"), i = array("i");

    private IClamp(MechanismType type, int[] node, CellState s) {
        super(type, node, s);
    }

    @Override
    public void initialize(CellState s) {
        java.util.Arrays.fill(i, 0);
    }

    @Override
    public void current(CellState s) {
        double t = s.t;
        for (int k = 0; k < count; k++) {
            double cur = (t >= del[k] && t < del[k] + dur[k]) ? amp[k] : 0;
            i[k] = cur;
            // the current does not depend on v: the finite-difference conductance is exactly 0
            addElectrode(s, k, cur, 0);
        }
    }

    /** Onset {@code del} and offset {@code del + dur} of every instance (NEURON's {@code at_time} in IClamp). */
    @Override
    public double nextEdge(double t) {
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            best = org.dendrite.engine.mechanism.StimulusEdges.earliestAfter(best, del[k], t);
            best = org.dendrite.engine.mechanism.StimulusEdges.earliestAfter(best, del[k] + dur[k], t);
        }
        return best;
    }
}
