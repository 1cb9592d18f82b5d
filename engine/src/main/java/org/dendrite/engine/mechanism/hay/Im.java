package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.RateKernels;
import org.dendrite.engine.mechanism.CellState;

/**
 * {@code Im}, muscarinic K current (Adams et al. 1982), mechanisms.md §4.10. {@code ik = gbar m (v - ek)};
 * αm = 3.3e-3 e^(2.5·0.04 (v+35)), βm = 3.3e-3 e^(-2.5·0.04 (v+35)) (1/ms), τm = 1/((αm+βm) qt). Hay: qt is
 * the constant 2.3^1.3; the Allen copy computes qt = 2.3^((celsius-21)/10).
 */
public class Im extends GateChannel {
    public static final MechanismType TYPE = type("Im", "gImbar", Im::new);

    public static MechanismType type(String name, String gbar, MechanismType.Factory f) {
        String gName = gbar.equals("gbar") ? "g" : "g" + name;
        return Channels.channel(name, gbar, 1e-5, "k", "ik", gName, f, List.of("m"));
    }

    private final boolean celsiusQt;
    private double qt = Channels.HAY_QT;

    protected Im(MechanismType type, int[] node, CellState s) {
        this(type, node, s, false);
    }

    protected Im(MechanismType type, int[] node, CellState s, boolean celsiusQt) {
        super(type, node, s, type.variables().get(0).name(), type.variables().get(3).name(), "ik", "k", "m");
        this.celsiusQt = celsiusQt;
    }

    @Override
    protected void prepareRates(CellState s) {
        if (celsiusQt) qt = Channels.qt(s.celsius, 21);
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double ma = 3.3e-3 * Math.exp(2.5 * 0.04 * (v - -35));
        double mb = 3.3e-3 * Math.exp(-2.5 * 0.04 * (v - -35));
        out[0] = ma / (ma + mb);
        out[1] = (1 / (ma + mb)) / qt;
    }

    @Override
    protected double openFraction(int k) {
        return gates[0][k];
    }

    @Override
    public void advanceStates(CellState s) {
        if (RateKernels.INSTANCE != null) {
            prepareRates(s);
            RateKernels.INSTANCE.im(s.v, node, count, qt, s.dt, gates[0]);
            return;
        }
        advanceLoop(s);
    }

    @Override
    public void current(CellState s) {
        currentLoop(s);
    }
}
