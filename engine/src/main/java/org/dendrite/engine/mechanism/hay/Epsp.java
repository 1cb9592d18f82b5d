package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.PointProcessBlock;
import org.dendrite.engine.mechanism.CellState;

/**
 * The Hay model's {@code epsp} point process (mechanisms.md §4.15): an EPSP-shaped current injection,
 * {@code i(t) = -imax·adjust·((1 - e^(-s/tau0)) - (1 - e^(-s/tau1)))} nA for s = t - onset ≥ 0 (0 before),
 * membrane sign (negative depolarises), normalised so that |i| peaks at imax at
 * {@code tpeak = tau0·tau1·ln(tau0/tau1)/(tau0 - tau1)}; exponentials of arguments below -100 are taken as 0.
 * Evaluated at the mid-step time; independent of v (zero conductance).
 */
public final class Epsp extends PointProcessBlock implements org.dendrite.engine.mechanism.StimulusEdges {
    public static final MechanismType TYPE = new MechanismType("epsp", MechanismKind.POINT_PROCESS,
            List.of(Variable.parameter("onset", "ms", 0), Variable.parameter("tau0", "ms", 0.2),
                    Variable.parameter("tau1", "ms", 3), Variable.parameter("imax", "nA", 0),
                    Variable.assigned("i", "nA")),
            List.of(), Epsp::new);

    private final double[] onset = array("onset"), tau0 = array("tau0"), tau1 = array("tau1"),
            imax = array("imax"), i = array("i");

    private Epsp(MechanismType type, int[] node, CellState s) {
        super(type, node, s);
    }

    private static double myexp(double x) {
        return x < -100 ? 0 : Math.exp(x);
    }

    @Override
    public void initialize(CellState s) {
        java.util.Arrays.fill(i, 0);
    }

    @Override
    public void current(CellState s) {
        double t = s.t;
        for (int k = 0; k < count; k++) {
            double cur = 0;
            if (t >= onset[k]) {
                double t0 = tau0[k], t1 = tau1[k];
                double tpeak = t0 * t1 * Math.log(t0 / t1) / (t0 - t1);
                double adjust = 1 / ((1 - myexp(-tpeak / t0)) - (1 - myexp(-tpeak / t1)));
                double sh = t - onset[k];
                cur = -imax[k] * adjust * ((1 - myexp(-sh / t0)) - (1 - myexp(-sh / t1)));
            }
            i[k] = cur;
            addMembrane(s, k, cur, 0);
        }
    }

    /** The onset of every instance: the current's slope jumps there. */
    @Override
    public double nextEdge(double t) {
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < count; k++) best = org.dendrite.engine.mechanism.StimulusEdges.earliestAfter(best, onset[k], t);
        return best;
    }
}
