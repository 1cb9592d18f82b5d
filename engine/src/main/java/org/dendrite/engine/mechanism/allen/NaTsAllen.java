package org.dendrite.engine.mechanism.allen;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;

/**
 * Allen {@code NaTs} and {@code NaTa}, transient Na (Colbert &amp; Pan 2002, Allen parametrisation; mechanisms.md
 * §7.3.1). {@code ina = gbar m³ h (v - ena)}; αm = malphaF·vtrap(-(v - mvhalf), mk), βm = mbetaF·vtrap(v - mvhalf, mk),
 * αh = halphaF·vtrap(v - hvhalf, hk), βh = hbetaF·vtrap(-(v - hvhalf), hk); x∞ = α/(α+β), τ = 1/((α+β) qt),
 * qt = 2.3^((celsius-23)/10). The eight constants are globals ({@code mvhalf_NaTs}…); half-points -40/-66 mV
 * (NaTs), -48/-69 mV (NaTa).
 */
public final class NaTsAllen extends GateChannel {
    public static final MechanismType NA_TS = type("NaTs");
    public static final MechanismType NA_TA = type("NaTa");

    private static MechanismType type(String name) {
        return Channels.channel(name, "gbar", 1e-5, "na", "ina", "g", NaTsAllen::new,
                List.of("m", "h"), Variable.global("malphaF", "1/ms", 0.182), Variable.global("mbetaF", "1/ms", 0.124),
                Variable.global("mvhalf", "mV", name.equals("NaTs") ? -40 : -48), Variable.global("mk", "mV", 6),
                Variable.global("halphaF", "1/ms", 0.015), Variable.global("hbetaF", "1/ms", 0.015),
                Variable.global("hvhalf", "mV", name.equals("NaTs") ? -66 : -69), Variable.global("hk", "mV", 6));
    }

    /** The globals, loaded from {@link #globals} at every rate evaluation. */
    private double malphaF, mbetaF, mk, halphaF, hbetaF, hk, mvhalf, hvhalf;
    private double qt;

    private NaTsAllen(MechanismType type, int[] node, CellState s) {
        super(type, node, s, "gbar", "g", "ina", "na", "m", "h");
    }

    @Override
    protected void prepareRates(CellState s) {
        malphaF = globals[0];
        mbetaF = globals[1];
        mvhalf = globals[2];
        mk = globals[3];
        halphaF = globals[4];
        hbetaF = globals[5];
        hvhalf = globals[6];
        hk = globals[7];
        qt = Channels.qt(s.celsius, 23);
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double ma = malphaF * Channels.vtrap(-(v - mvhalf), mk);
        double mb = mbetaF * Channels.vtrap(v - mvhalf, mk);
        out[0] = ma / (ma + mb);
        out[1] = (1 / (ma + mb)) / qt;
        double ha = halphaF * Channels.vtrap(v - hvhalf, hk);
        double hb = hbetaF * Channels.vtrap(-(v - hvhalf), hk);
        out[2] = ha / (ha + hb);
        out[3] = (1 / (ha + hb)) / qt;
    }

    @Override
    protected double openFraction(int k) {
        double m = gates[0][k];
        return m * m * m * gates[1][k];
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
