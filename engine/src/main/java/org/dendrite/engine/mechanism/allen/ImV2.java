package org.dendrite.engine.mechanism.allen;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * Allen {@code Im_v2}, M current after Vervaeke et al. 2006 (mechanisms.md §7.3.7). {@code ik = gbar m (v - ek)};
 * αm = 0.007 e^(6·0.4 (v+48)/26.12), βm = 0.007 e^(-6·0.6 (v+48)/26.12), m∞ = α/(α+β),
 * τm = (15 + 1/(α+β))/qt, qt = 2.3^((celsius-30)/10).
 */
public final class ImV2 extends GateChannel {
    public static final MechanismType TYPE = Channels.channel("Im_v2", "gbar", 1e-5,
            "k", "ik", "g", ImV2::new, List.of("m"));

    private double qt;

    private ImV2(MechanismType type, int[] node, CellState s) {
        super(type, node, s, "gbar", "g", "ik", "k", "m");
    }

    @Override
    protected void prepareRates(CellState s) {
        qt = Channels.qt(s.celsius, 30);
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double ma = 0.007 * Math.exp((6 * 0.4 * (v - (-48))) / 26.12);
        double mb = 0.007 * Math.exp((-6 * (1 - 0.4) * (v - (-48))) / 26.12);
        out[0] = ma / (ma + mb);
        out[1] = (15 + 1 / (ma + mb)) / qt;
    }

    @Override
    protected double openFraction(int k) {
        return gates[0][k];
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
