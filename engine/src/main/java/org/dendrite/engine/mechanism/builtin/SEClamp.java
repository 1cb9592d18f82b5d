package org.dendrite.engine.mechanism.builtin;

import java.util.List;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.PointProcessBlock;

/**
 * NEURON's single-electrode voltage clamp: three levels {@code amp1..3} (mV) for {@code dur1..3} (ms) through
 * series resistance {@code rs} (MOhm). The current is recomputed after the voltage update, which is what
 * is recorded (neuron-numerics §9.4).
 */
public final class SEClamp extends PointProcessBlock
        implements org.dendrite.engine.mechanism.StimulusEdges, org.dendrite.engine.mechanism.OdeStates {
    public static final MechanismType TYPE = new MechanismType("SEClamp", MechanismKind.POINT_PROCESS,
            List.of(Variable.parameter("rs", "MOhm", 1),
                    Variable.parameter("dur1", "ms", 0), Variable.parameter("amp1", "mV", 0),
                    Variable.parameter("dur2", "ms", 0), Variable.parameter("amp2", "mV", 0),
                    Variable.parameter("dur3", "ms", 0), Variable.parameter("amp3", "mV", 0),
                    Variable.assigned("i", "nA"), Variable.assigned("vc", "mV")),
            List.of(), SEClamp::new);

    private final double[] rs = array("rs"), dur1 = array("dur1"), amp1 = array("amp1"), dur2 = array("dur2"),
            amp2 = array("amp2"), dur3 = array("dur3"), amp3 = array("amp3"), i = array("i"), vc = array("vc");
    private final boolean[] on;

    private SEClamp(MechanismType type, int[] node, CellState s) {
        super(type, node, s);
        on = new boolean[count];
    }

    @Override
    public void initialize(CellState s) {
        java.util.Arrays.fill(on, false);
        java.util.Arrays.fill(i, 0);
    }

    private void level(int k, double t) {
        double tc2 = dur1[k] + dur2[k], tc3 = tc2 + dur3[k];
        on[k] = true;
        if (t < dur1[k]) vc[k] = amp1[k];
        else if (t < tc2) vc[k] = amp2[k];
        else if (t < tc3) vc[k] = amp3[k];
        else {
            vc[k] = 0;
            on[k] = false;
        }
    }

    private double currentAt(int k, double v) {
        return on[k] ? (vc[k] - v) / rs[k] : 0;
    }

    @Override
    public void current(CellState s) {
        for (int k = 0; k < count; k++) {
            level(k, s.t);
            double v = s.v[node[k]];
            double i1 = currentAt(k, v + 0.001);
            double i0 = currentAt(k, v);
            i[k] = i0;
            addElectrode(s, k, i0, (i1 - i0) / 0.001);
        }
    }

    @Override
    public void advanceStates(CellState s) {
        for (int k = 0; k < count; k++) i[k] = currentAt(k, s.v[node[k]]);
    }

    /** The level changes at dur1, dur1 + dur2, dur1 + dur2 + dur3 (NEURON's {@code at_time} in SEClamp). */
    @Override
    public double nextEdge(double t) {
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            double e1 = dur1[k], e2 = e1 + dur2[k], e3 = e2 + dur3[k];
            best = org.dendrite.engine.mechanism.StimulusEdges.earliestAfter(best, e1, t);
            best = org.dendrite.engine.mechanism.StimulusEdges.earliestAfter(best, e2, t);
            best = org.dendrite.engine.mechanism.StimulusEdges.earliestAfter(best, e3, t);
        }
        return best;
    }

    // variable step: no states (the current is recomputed at every evaluation, so i follows the accepted v)
    @Override public int stateCount() { return 0; }
    @Override public void gather(double[] y, int offset) {}
    @Override public void scatter(double[] y, int offset) {}
    @Override public void derivatives(CellState s, double[] ydot, int offset) {}
    @Override public void jacobianDiagonal(CellState s, double[] jd, int offset) {}
}
