package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.RateKernels;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.Variable;

/**
 * {@code Ih}, hyperpolarisation-activated cation current (Kole, Hallermann &amp; Stuart 2006), mechanisms.md
 * §4.11. Non-specific {@code ihcn = gbar m (v - ehcn)}, ehcn a global (default -45 mV);
 * αm = 0.00643 (v+154.9)/(e^((v+154.9)/11.9) - 1), βm = 0.193 e^(v/33.1), τm = 1/(αm+βm), no temperature
 * factor. Hay: v exactly -154.9 is moved by +1e-4 mV; the Allen copy ({@link #vtrapVariant}) uses vtrap.
 */
public class Ih extends GateChannel {
    public static final MechanismType TYPE = type("Ih", "gIhbar", Ih::new);

    public static MechanismType type(String name, String gbar, MechanismType.Factory f) {
        String gName = gbar.equals("gbar") ? "g" : "g" + name;
        return Channels.channel(name, gbar, 1e-5, null, "ihcn", gName, f, List.of("m"),
                Variable.global("ehcn", "mV", -45));
    }

    private double ehcn;
    private final boolean vtrapVariant;

    protected Ih(MechanismType type, int[] node, CellState s) {
        this(type, node, s, false);
    }

    protected Ih(MechanismType type, int[] node, CellState s, boolean vtrapVariant) {
        super(type, node, s, type.variables().get(0).name(), type.variables().get(3).name(), "ihcn", null, "m");
        this.vtrapVariant = vtrapVariant;
    }

    @Override
    public void prepare(CellState s) {
        ehcn = globals[0];
    }

    @Override
    protected double nonSpecificReversal(int k) {
        return ehcn;
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double ma;
        if (vtrapVariant) {
            ma = 0.001 * 6.43 * Channels.vtrap(v + 154.9, 11.9);
        } else {
            if (v == -154.9) v = v + 0.0001;
            ma = 0.001 * 6.43 * (v + 154.9) / (Math.exp((v + 154.9) / 11.9) - 1);
        }
        double mb = 0.001 * 193 * Math.exp(v / 33.1);
        out[0] = ma / (ma + mb);
        out[1] = 1 / (ma + mb);
    }

    @Override
    protected double openFraction(int k) {
        return gates[0][k];
    }

    @Override
    public void advanceStates(CellState s) {
        if (RateKernels.INSTANCE != null && !vtrapVariant) {
            RateKernels.INSTANCE.ih(s.v, node, count, s.dt, gates[0]);
            return;
        }
        advanceLoop(s);
    }

    @Override
    public void current(CellState s) {
        currentLoop(s);
    }
}
