package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * {@code Nap_Et2}, persistent Na after Magistretti &amp; Alonso 1999 (mechanisms.md §4.5):
 * {@code ina = gbar m³ h (v - ena)}; m∞ = 1/(1 + e^(-(v+52.6)/4.6)), τm = 6/((αm+βm) qt) with NaTa_t's αm, βm;
 * h∞ = 1/(1 + e^((v+48.8)/10)), αh = -2.88e-6 (v+17)/(1 - e^((v+17)/4.63)),
 * βh = 6.94e-6 (v+64.4)/(1 - e^(-(v+64.4)/2.63)), τh = 1/((αh+βh) qt). Exact hits of -38, -17, -64.4 mV are
 * moved by +1e-4 mV, checked in that order (m∞ is evaluated before the first check).
 */
public class NapEt2 extends GateChannel {
    public static final MechanismType TYPE = type("Nap_Et2", "gNap_Et2bar");

    public static MechanismType type(String name, String gbar) {
        String gName = gbar.equals("gbar") ? "g" : "g" + name;
        return Channels.channel(name, gbar, 1e-5, "na", "ina", gName, NapEt2::new, List.of("m", "h"));
    }

    protected NapEt2(MechanismType type, int[] node, CellState s) {
        super(type, node, s, type.variables().get(0).name(), type.variables().get(4).name(), "ina", "na", "m", "h");
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double qt = Channels.HAY_QT;
        out[0] = 1.0 / (1 + Math.exp((v - -52.6) / -4.6)); // before the -38 nudge, as in the model
        if (v == -38) v = v + 1e-4;
        double ma = 0.182 * (v + 38) / (1 - Math.exp(-(v + 38) / 6));
        double mb = 0.124 * (-v - 38) / (1 - Math.exp(-(-v - 38) / 6));
        out[1] = 6 * (1 / (ma + mb)) / qt;
        if (v == -17) v = v + 1e-4;
        if (v == -64.4) v = v + 1e-4;
        out[2] = 1.0 / (1 + Math.exp((v + 48.8) / 10));
        double ha = -2.88e-6 * (v + 17) / (1 - Math.exp((v + 17) / 4.63));
        double hb = 6.94e-6 * (v + 64.4) / (1 - Math.exp(-(v + 64.4) / 2.63));
        out[3] = (1 / (ha + hb)) / qt;
    }

    @Override
    protected double openFraction(int k) {
        double m = gates[0][k];
        return m * m * m * gates[1][k];
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
