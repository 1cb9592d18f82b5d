package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * {@code Ca_HVA}, high-voltage-activated Ca (Reuveni et al. 1993), mechanisms.md §4.12.
 * {@code ica = gbar m² h (v - eca)}; αm = 0.055 (-27-v)/(e^((-27-v)/3.8) - 1), βm = 0.94 e^((-75-v)/17),
 * αh = 0.000457 e^((-13-v)/50), βh = 0.0065/(e^((-v-15)/28) + 1), x∞ = α/(α+β), τ = 1/(α+β); no temperature
 * factor. Hay: v exactly -27 is moved by +1e-4 mV; the Allen copy uses vtrap.
 */
public class CaHva extends GateChannel {
    public static final MechanismType TYPE = type("Ca_HVA", "gCa_HVAbar", CaHva::new);

    public static MechanismType type(String name, String gbar, MechanismType.Factory f) {
        String gName = gbar.equals("gbar") ? "g" : "g" + name;
        return Channels.channel(name, gbar, 1e-5, "ca", "ica", gName, f, List.of("m", "h"));
    }

    private final boolean vtrapVariant;

    protected CaHva(MechanismType type, int[] node, CellState s) {
        this(type, node, s, false);
    }

    protected CaHva(MechanismType type, int[] node, CellState s, boolean vtrapVariant) {
        super(type, node, s, type.variables().get(0).name(), type.variables().get(4).name(), "ica", "ca", "m", "h");
        this.vtrapVariant = vtrapVariant;
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double ma;
        if (vtrapVariant) {
            ma = 0.055 * Channels.vtrap(-27 - v, 3.8);
        } else {
            if (v == -27) v = v + 0.0001;
            ma = (0.055 * (-27 - v)) / (Math.exp((-27 - v) / 3.8) - 1);
        }
        double mb = 0.94 * Math.exp((-75 - v) / 17);
        out[0] = ma / (ma + mb);
        out[1] = 1 / (ma + mb);
        double ha = 0.000457 * Math.exp((-13 - v) / 50);
        double hb = 0.0065 / (Math.exp((-v - 15) / 28) + 1);
        out[2] = ha / (ha + hb);
        out[3] = 1 / (ha + hb);
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
