package org.dendrite.engine.mechanism.allen;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * Allen {@code Kd}, slowly inactivating D-type K (after Foust et al. 2011; mechanisms.md §7.3.5).
 * {@code ik = gbar m h (v - ek)}; m∞ = 1 - 1/(1 + e^((v+43)/8)), τm = 1 ms; h∞ = 1/(1 + e^((v+67)/7.3)),
 * τh = 1500 ms. No temperature dependence.
 */
public final class Kd extends GateChannel {
    public static final MechanismType TYPE = Channels.channel("Kd", "gbar", 1e-5, "k",
            "ik", "g", Kd::new, List.of("m", "h"));

    private Kd(MechanismType type, int[] node, CellState s) {
        super(type, node, s, "gbar", "g", "ik", "k", "m", "h");
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        out[0] = 1 - 1 / (1 + Math.exp((v - (-43)) / 8));
        out[1] = 1;
        out[2] = 1 / (1 + Math.exp((v - (-67)) / 7.3));
        out[3] = 1500;
    }

    @Override
    protected double openFraction(int k) {
        return gates[0][k] * gates[1][k];
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
