package org.dendrite.engine.mechanism.allen;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;

/**
 * Allen {@code K_P}, persistent K (mechanisms.md §7.3.3). {@code ik = gbar m² h (v - ek)}, globals vshift (mV),
 * tauF, qt = 2.3^((celsius-21)/10): m∞ = 1/(1 + e^(-(v+14.3-vshift)/14.6)); τm = tauF (1.25 + 175.03
 * e^(0.026 (v-vshift)))/qt below -50+vshift, else tauF (1.25 + 13 e^(-0.026 (v-vshift)))/qt;
 * h∞ = 1/(1 + e^((v+54-vshift)/11)); τh = (360 + (1010 + 24 (v+55-vshift)) e^(-((v+75-vshift)/48)²))/qt.
 */
public final class KPAllen extends GateChannel {
    public static final MechanismType TYPE = Channels.channel("K_P", "gbar", 1e-5, "k",
            "ik", "g", KPAllen::new, List.of("m", "h"),
            Variable.global("vshift", "mV", 0), Variable.global("tauF", "1", 1));

    private double vshift, tauF, qt;

    private KPAllen(MechanismType type, int[] node, CellState s) {
        super(type, node, s, "gbar", "g", "ik", "k", "m", "h");
    }

    @Override
    protected void prepareRates(CellState s) {
        vshift = globals[0];
        tauF = globals[1];
        qt = Channels.qt(s.celsius, 21);
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        out[0] = 1 / (1 + Math.exp(-(v - (-14.3 + vshift)) / 14.6));
        if (v < -50 + vshift) {
            out[1] = tauF * (1.25 + 175.03 * Math.exp(-(v - vshift) * -0.026)) / qt;
        } else {
            out[1] = tauF * (1.25 + 13 * Math.exp(-(v - vshift) * 0.026)) / qt;
        }
        out[2] = 1 / (1 + Math.exp(-(v - (-54 + vshift)) / -11));
        double w = (v - (-75 + vshift)) / 48;
        out[3] = (360 + (1010 + 24 * (v - (-55 + vshift))) * Math.exp(-w * w)) / qt;
    }

    @Override
    protected double openFraction(int k) {
        double m = gates[0][k];
        return m * m * gates[1][k];
    }

    @Override
    public void advanceStates(CellState s) {
        advanceLoop(s);
    }

    @Override
    public void current(CellState s) {
        currentLoop(s);
    }
}
