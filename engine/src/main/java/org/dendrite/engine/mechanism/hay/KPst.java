package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * {@code K_Pst}, persistent K (Korngreen &amp; Sakmann 2000), mechanisms.md §4.6. {@code ik = gbar m² h (v - ek)};
 * with u = v + 10 mV: m∞ = 1/(1 + e^(-(u+1)/12)); τm = (1.25 + 175.03 e^(0.026 u))/qt for u &lt; -50, else
 * (1.25 + 13 e^(-0.026 u))/qt; h∞ = 1/(1 + e^((u+54)/11)); τh = (360 + (1010 + 24 (u+55)) e^(-((u+75)/48)²))/qt.
 */
public class KPst extends GateChannel {
    public static final MechanismType TYPE = type("K_Pst", "gK_Pstbar");

    public static MechanismType type(String name, String gbar) {
        String gName = gbar.equals("gbar") ? "g" : "g" + name;
        return Channels.channel(name, gbar, 1e-5, "k", "ik", gName, KPst::new, List.of("m", "h"));
    }

    protected KPst(MechanismType type, int[] node, CellState s) {
        super(type, node, s, type.variables().get(0).name(), type.variables().get(4).name(), "ik", "k", "m", "h");
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double qt = Channels.HAY_QT;
        double u = v + 10;
        out[0] = 1 / (1 + Math.exp(-(u + 1) / 12));
        out[1] = u < -50 ? (1.25 + 175.03 * Math.exp(u * 0.026)) / qt : (1.25 + 13 * Math.exp(-u * 0.026)) / qt;
        out[2] = 1 / (1 + Math.exp(-(u + 54) / -11));
        double w = (u + 75) / 48;
        out[3] = (360 + (1010 + 24 * (u + 55)) * Math.exp(-w * w)) / qt;
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
