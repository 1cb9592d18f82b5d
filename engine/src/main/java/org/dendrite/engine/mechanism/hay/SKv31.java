package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.RateKernels;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.Variable;

/**
 * {@code SKv3_1}, Kv3.1 fast delayed rectifier (mechanisms.md §4.8); also the Allen {@code Kv3_1} (§7.2), which
 * adds a global {@code vshift} (mV, default 0) to both half-points. {@code ik = gbar m (v - ek)};
 * m∞ = 1/(1 + e^((v - 18.7 - vshift)/-9.7)), τm = 0.2·20/(1 + e^((v + 46.56 - vshift)/-44.14)) ms. No temperature factor.
 */
public class SKv31 extends GateChannel {
    public static final MechanismType TYPE = type("SKv3_1", "gSKv3_1bar");

    public static MechanismType type(String name, String gbar) {
        String gName = gbar.equals("gbar") ? "g" : "g" + name;
        return Channels.channel(name, gbar, 1e-5, "k", "ik", gName, SKv31::new, List.of("m"),
                name.equals("Kv3_1") ? new Variable[] {Variable.global("vshift", "mV", 0)} : new Variable[0]);
    }

    private double vshift;

    protected SKv31(MechanismType type, int[] node, CellState s) {
        super(type, node, s, type.variables().get(0).name(), type.variables().get(3).name(), "ik", "k", "m");
    }

    @Override
    public void prepare(CellState s) {
        if (globals.length > 0) vshift = globals[0];
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        out[0] = 1 / (1 + Math.exp(((v - (18.700 + vshift)) / (-9.700))));
        out[1] = 0.2 * 20.000 / (1 + Math.exp(((v - (-46.560 + vshift)) / (-44.140))));
    }

    @Override
    protected double openFraction(int k) {
        return gates[0][k];
    }

    @Override
    public void advanceStates(CellState s) {
        if (RateKernels.INSTANCE != null) {
            RateKernels.INSTANCE.skv31(s.v, node, count, vshift, s.dt, gates[0]);
            return;
        }
        advanceLoop(s);
    }

    @Override
    public void current(CellState s) {
        currentLoop(s);
    }
}
