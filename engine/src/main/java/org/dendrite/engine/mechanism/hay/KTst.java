package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * {@code K_Tst}, transient K (Korngreen &amp; Sakmann 2000), mechanisms.md §4.7. {@code ik = gbar m⁴ h (v - ek)};
 * with u = v + 10 mV: m∞ = 1/(1 + e^(-u/19)), τm = (0.34 + 0.92 e^(-((u+71)/59)²))/qt;
 * h∞ = 1/(1 + e^((u+66)/10)), τh = (8 + 49 e^(-((u+73)/23)²))/qt.
 */
public class KTst extends GateChannel {
    public static final MechanismType TYPE = type("K_Tst", "gK_Tstbar");

    public static MechanismType type(String name, String gbar) {
        String gName = gbar.equals("gbar") ? "g" : "g" + name;
        return Channels.channel(name, gbar, 1e-5, "k", "ik", gName, KTst::new, List.of("m", "h"));
    }

    protected KTst(MechanismType type, int[] node, CellState s) {
        super(type, node, s, type.variables().get(0).name(), type.variables().get(4).name(), "ik", "k", "m", "h");
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double qt = Channels.HAY_QT;
        double u = v + 10;
        out[0] = 1 / (1 + Math.exp(-(u + 0) / 19));
        double a = (u + 71) / 59;
        out[1] = (0.34 + 0.92 * Math.exp(-a * a)) / qt;
        out[2] = 1 / (1 + Math.exp(-(u + 66) / -10));
        double b = (u + 73) / 23;
        out[3] = (8 + 49 * Math.exp(-b * b)) / qt;
    }

    @Override
    protected double openFraction(int k) {
        double m = gates[0][k];
        return m * m * m * m * gates[1][k];
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
