package org.dendrite.engine.mechanism.allen;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * Allen {@code Nap}, persistent Na with instantaneous activation (mechanisms.md §7.3.2):
 * {@code ina = gbar m∞(v) h (v - ena)}, m∞ = 1/(1 + e^(-(v+52.6)/4.6)) evaluated inside the current (so the
 * finite-difference conductance contains ∂m∞/∂v); h∞ = 1/(1 + e^((v+48.8)/10)), αh = 2.88e-6 vtrap(v+17, 4.63),
 * βh = 6.94e-6 vtrap(-(v+64.4), 2.63), τh = 1/((αh+βh) qt), qt = 2.3^((celsius-21)/10).
 */
public final class Nap extends GateChannel {
    public static final MechanismType TYPE = Channels.channel("Nap", "gbar", 1e-5, "na",
            "ina", "g", Nap::new, List.of("h"));

    private double qt;

    private Nap(MechanismType type, int[] node, CellState s) {
        super(type, node, s, "gbar", "g", "ina", "na", "h");
    }

    private static double minf(double v) {
        return 1 / (1 + Math.exp(-(v + 52.6) / 4.6));
    }

    @Override
    protected void prepareRates(CellState s) {
        qt = Channels.qt(s.celsius, 21);
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        out[0] = 1 / (1 + Math.exp((v + 48.8) / 10));
        double ha = 2.88e-6 * Channels.vtrap(v + 17, 4.63);
        double hb = 6.94e-6 * Channels.vtrap(-(v + 64.4), 2.63);
        out[1] = (1 / (ha + hb)) / qt;
    }

    @Override
    protected double openFraction(int k) {
        throw new UnsupportedOperationException("Nap's open fraction depends on v");
    }

    @Override
    public void current(CellState s) {
        double[] v = s.v, e = ion.e;
        for (int k = 0; k < count; k++) {
            int nd = node[k];
            double vv = v[nd];
            double g1 = gbar[k] * minf(vv + 0.001) * gates[0][k];
            double i1 = g1 * (vv + 0.001 - e[nd]);
            double g0 = gbar[k] * minf(vv) * gates[0][k];
            double i0 = g0 * (vv - e[nd]);
            double slope = (i1 - i0) / 0.001;
            g[k] = g0;
            current[k] = i0;
            ion.didv[nd] += slope;
            ion.i[nd] += i0;
            s.rhs[nd] -= i0;
            s.d[nd] += slope;
        }
    }

    @Override
    public void advanceStates(CellState s) {
        advanceLoop(s);
    }
}
