package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.IonPool;
import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.GateChannel;
import org.dendrite.engine.mechanism.IonUse;
import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;

/**
 * {@code SK_E2}, small-conductance Ca-activated K (Köhler et al. 1996), mechanisms.md §4.9; also the Allen
 * {@code SK} (§7.2, names only). {@code ik = gbar z (v - ek)}; z∞ = 1/(1 + (0.00043 mM/c)^4.8) with c = cai
 * (c = cai + 1e-7 when cai &lt; 1e-7 mM); τz = zTau, a global (default 1 ms). Reads cai, so it must come after
 * the calcium pool in registration order (it sees the cai the pool updated in the same step).
 */
public class SKE2 extends GateChannel {
    public static final MechanismType TYPE = type("SK_E2", "gSK_E2bar", 1e-6);

    public static MechanismType type(String name, String gbar, double gbarDefault) {
        String gName = gbar.equals("gbar") ? "g" : "g" + name;
        return new MechanismType(name, MechanismKind.DENSITY,
                List.of(Variable.parameter(gbar, "S/cm2", gbarDefault), Variable.state("z", "1"),
                        Variable.assigned("ik", "mA/cm2"), Variable.assigned(gName, "S/cm2"), Variable.global("zTau", "ms", 1)),
                List.of(IonUse.channel("k"), new IonUse("ca", false, true, false, false)), SKE2::new);
    }

    private final IonPool ca;
    private double zTau;

    protected SKE2(MechanismType type, int[] node, CellState s) {
        super(type, node, s, type.variables().get(0).name(), type.variables().get(3).name(), "ik", "k", "z");
        ca = s.ion("ca");
    }

    @Override
    public void prepare(CellState s) {
        zTau = globals[0];
    }

    @Override
    protected void rates(double v, int k, int nd, double[] out) {
        double cai = ca.ci[nd];
        if (cai < 1e-7) cai = cai + 1e-7;
        out[0] = 1 / (1 + Math.pow(0.00043 / cai, 4.8));
        out[1] = zTau;
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
