package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.RateKernels;
import org.dendrite.engine.mechanism.CellState;

/**
 * Hay's transient Na channels {@code NaTa_t} (Colbert &amp; Pan 2002) and {@code NaTs2_t} (the same shifted
 * +6 mV), mechanisms.md §4.3–4.4: {@code ina = gbar m³ h (v - ena)}; with {@code a = v - mHalf},
 * {@code b = v - hHalf}: αm = 0.182 a/(1 - e^(-a/6)), βm = 0.124 (-a)/(1 - e^(a/6)),
 * αh = -0.015 b/(1 - e^(b/6)), βh = 0.015 b/(1 - e^(-b/6)) (1/ms); τ = 1/((α+β) qt) with the constant qt.
 * The 0/0 points are avoided as the model does: v exactly at a half-point is moved by +1e-4 mV.
 * Half-points: NaTa_t -38/-66 mV, NaTs2_t -32/-60 mV.
 */
public class NaTransient extends GateChannel {
    public static final MechanismType NA_TA_T = type("NaTa_t", "gNaTa_tbar");
    public static final MechanismType NA_TS2_T = type("NaTs2_t", "gNaTs2_tbar");

    /** Descriptor with the given density name (the Allen copies call it {@code gbar}, conductance {@code g}). */
    public static MechanismType type(String name, String gbar) {
        String gName = gbar.equals("gbar") ? "g" : "g" + name;
        return Channels.channel(name, gbar, 1e-5, "na", "ina", gName, NaTransient::new, List.of("m", "h"));
    }

    private final double mHalf, hHalf;

    protected NaTransient(MechanismType type, int[] node, CellState s) {
        super(type, node, s, type.variables().get(0).name(), type.variables().get(4).name(), "ina", "na", "m", "h");
        boolean ts2 = type.name().startsWith("NaTs2");
        mHalf = ts2 ? -32 : -38;
        hHalf = ts2 ? -60 : -66;
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        if (v == mHalf) v = v + 1e-4;
        double a = v - mHalf;
        double ma = 0.182 * a / (1 - Math.exp(-a / 6));
        double mb = 0.124 * (-a) / (1 - Math.exp(a / 6));
        out[0] = ma / (ma + mb);
        out[1] = (1 / (ma + mb)) / Channels.HAY_QT;
        if (v == hHalf) v = v + 1e-4;
        double b = v - hHalf;
        double ha = -0.015 * b / (1 - Math.exp(b / 6));
        double hb = 0.015 * b / (1 - Math.exp(-b / 6));
        out[2] = ha / (ha + hb);
        out[3] = (1 / (ha + hb)) / Channels.HAY_QT;
    }

    @Override
    protected double openFraction(int k) {
        double m = gates[0][k];
        return m * m * m * gates[1][k];
    }

    @Override
    public void advanceStates(CellState s) {
        if (RateKernels.INSTANCE != null) { // SIMD exponentials, same arithmetic
            RateKernels.INSTANCE.naTransient(s.v, node, count, mHalf, hHalf, Channels.HAY_QT, s.dt, gates[0], gates[1]);
            return;
        }
        advanceLoop(s);
    }

    @Override
    public void current(CellState s) {
        currentLoop(s);
    }
}
