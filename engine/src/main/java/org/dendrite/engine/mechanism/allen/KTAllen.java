package org.dendrite.engine.mechanism.allen;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.Variable;

/**
 * Allen {@code K_T}, transient K (mechanisms.md §7.3.4). {@code ik = gbar m⁴ h (v - ek)}, globals vshift, mTauF,
 * hTauF, qt = 2.3^((celsius-21)/10): m∞ = 1/(1 + e^(-(v+47-vshift)/29)),
 * τm = (0.34 + mTauF 0.92 e^(-((v+71-vshift)/59)²))/qt; h∞ = 1/(1 + e^((v+66-vshift)/10)),
 * τh = (8 + hTauF 49 e^(-((v+73-vshift)/23)²))/qt.
 */
public final class KTAllen extends GateChannel {
    public static final MechanismType TYPE = Channels.channel("K_T", "gbar", 1e-5, "k",
            "ik", "g", KTAllen::new, List.of("m", "h"),
            Variable.global("vshift", "mV", 0), Variable.global("mTauF", "1", 1), Variable.global("hTauF", "1", 1));

    private double vshift, mTauF, hTauF, qt;

    private KTAllen(MechanismType type, int[] node, CellState s) {
        super(type, node, s, "gbar", "g", "ik", "k", "m", "h");
    }

    @Override
    protected void prepareRates(CellState s) {
        vshift = globals[0];
        mTauF = globals[1];
        hTauF = globals[2];
        qt = Channels.qt(s.celsius, 21);
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        out[0] = 1 / (1 + Math.exp(-(v - (-47 + vshift)) / 29));
        double a = (v - (-71 + vshift)) / 59;
        out[1] = (0.34 + mTauF * 0.92 * Math.exp(-a * a)) / qt;
        out[2] = 1 / (1 + Math.exp(-(v - (-66 + vshift)) / -10));
        double b = (v - (-73 + vshift)) / 23;
        out[3] = (8 + hTauF * 49 * Math.exp(-b * b)) / qt;
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
