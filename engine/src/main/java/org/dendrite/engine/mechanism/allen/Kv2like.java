package org.dendrite.engine.mechanism.allen;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * Allen {@code Kv2like}, Kv2-like delayed rectifier (mechanisms.md §7.3.6).
 * {@code ik = gbar m² (0.5 h1 + 0.5 h2) (v - ek)}, qt = 2.3^((celsius-21)/10): αm = 0.12 vtrap(-(v-43), 11),
 * βm = 0.02 e^(-(v+1.27)/120), τm = 2.5/((αm+βm) qt); h∞ = 1/(1 + e^((v+58)/11)) for h1 and h2;
 * τh1 = (360 + (1010 + 23.7 (v+54)) e^(-((v+75)/48)²))/qt; τh2 = (2350 + 1380 e^(-0.011 v) - 210 e^(-0.03 v))/qt,
 * replaced by 1e-3 ms where negative (the peri_model copy's guard).
 */
public final class Kv2like extends GateChannel {
    public static final MechanismType TYPE = Channels.channel("Kv2like", "gbar", 1e-5,
            "k", "ik", "g", Kv2like::new, List.of("m", "h1", "h2"));

    private double qt;

    private Kv2like(MechanismType type, int[] node, CellState s) {
        super(type, node, s, "gbar", "g", "ik", "k", "m", "h1", "h2");
    }

    @Override
    protected void prepareRates(CellState s) {
        qt = Channels.qt(s.celsius, 21);
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double ma = 0.12 * Channels.vtrap(-(v - 43), 11.0);
        double mb = 0.02 * Math.exp(-(v + 1.27) / 120);
        out[0] = ma / (ma + mb);
        out[1] = 2.5 * (1 / (qt * (ma + mb)));
        double hinf = 1 / (1 + Math.exp((v + 58) / 11));
        out[2] = hinf;
        double w = (v + 75) / 48;
        out[3] = (360 + (1010 + 23.7 * (v + 54)) * Math.exp(-w * w)) / qt;
        out[4] = hinf;
        double t2 = (2350 + 1380 * Math.exp(-0.011 * v) - 210 * Math.exp(-0.03 * v)) / qt;
        out[5] = t2 < 0 ? 1e-3 : t2;
    }

    @Override
    protected double openFraction(int k) {
        double m = gates[0][k];
        return m * m * (0.5 * gates[1][k] + 0.5 * gates[2][k]);
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
