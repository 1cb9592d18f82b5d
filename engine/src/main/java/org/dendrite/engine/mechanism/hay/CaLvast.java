package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * {@code Ca_LVAst}, low-voltage-activated (T-type) Ca (Avery &amp; Johnston 1996), mechanisms.md §4.13; also the
 * Allen {@code Ca_LVA} (qt from celsius, T0 21 °C). {@code ica = gbar m² h (v - eca)}; with u = v + 10 mV:
 * m∞ = 1/(1 + e^(-(u+30)/6)), τm = (5 + 20/(1 + e^((u+25)/5)))/qt; h∞ = 1/(1 + e^((u+80)/6.4)),
 * τh = (20 + 50/(1 + e^((u+40)/7)))/qt.
 */
public class CaLvast extends GateChannel {
    public static final MechanismType TYPE = type("Ca_LVAst", "gCa_LVAstbar", CaLvast::new);

    public static MechanismType type(String name, String gbar, MechanismType.Factory f) {
        String gName = gbar.equals("gbar") ? "g" : "g" + name;
        return Channels.channel(name, gbar, 1e-5, "ca", "ica", gName, f, List.of("m", "h"));
    }

    private final boolean celsiusQt;
    private double qt = Channels.HAY_QT;

    protected CaLvast(MechanismType type, int[] node, CellState s) {
        this(type, node, s, false);
    }

    protected CaLvast(MechanismType type, int[] node, CellState s, boolean celsiusQt) {
        super(type, node, s, type.variables().get(0).name(), type.variables().get(4).name(), "ica", "ca", "m", "h");
        this.celsiusQt = celsiusQt;
    }

    @Override
    protected void prepareRates(CellState s) {
        if (celsiusQt) qt = Channels.qt(s.celsius, 21);
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double u = v + 10;
        out[0] = 1.0000 / (1 + Math.exp((u - -30.000) / -6));
        out[1] = (5.0000 + 20.0000 / (1 + Math.exp((u - -25.000) / 5))) / qt;
        out[2] = 1.0000 / (1 + Math.exp((u - -80.000) / 6.4));
        out[3] = (20.0000 + 50.0000 / (1 + Math.exp((u - -40.000) / 7))) / qt;
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
