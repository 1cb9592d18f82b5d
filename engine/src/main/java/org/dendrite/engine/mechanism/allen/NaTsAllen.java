package org.dendrite.engine.mechanism.allen;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
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
        return Channels.channel(name, AllenLibrary.order(name), "gbar", 1e-5, "na", "ina", "g", NaTsAllen::new,
                List.of("m", "h"));
    }

    private double malphaF = 0.182, mbetaF = 0.124, mk = 6, halphaF = 0.015, hbetaF = 0.015, hk = 6, mvhalf, hvhalf;
    private double qt;

    private NaTsAllen(MechanismType type, int[] node, CellState s) {
        super(type, node, s, "gbar", "g", "ina", "na", "m", "h");
        boolean ts = type.name().equals("NaTs");
        mvhalf = ts ? -40 : -48;
        hvhalf = ts ? -66 : -69;
    }

    @Override
    public boolean setGlobal(String name, double value) {
        String p = name.endsWith("_" + type.name()) ? name.substring(0, name.length() - type.name().length() - 1) : name;
        switch (p) {
            case "malphaF" -> malphaF = value;
            case "mbetaF" -> mbetaF = value;
            case "mk" -> mk = value;
            case "halphaF" -> halphaF = value;
            case "hbetaF" -> hbetaF = value;
            case "hk" -> hk = value;
            case "mvhalf" -> mvhalf = value;
            case "hvhalf" -> hvhalf = value;
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void prepareRates(CellState s) {
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
