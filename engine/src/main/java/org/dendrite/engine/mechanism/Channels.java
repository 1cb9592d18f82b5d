package org.dendrite.engine.mechanism;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.engine.mechanism.IonPool;
import org.dendrite.engine.mechanism.CellState;

/**
 * Small helpers shared by the channel libraries: NEURON's finite-difference current contribution, the cnexp
 * update, {@code vtrap}, temperature factors, and a builder for the common descriptor shape
 * (one density, some gates, one current). All static and allocation-free so the JIT inlines them into the
 * mechanisms' loops.
 */
public final class Channels {
    private Channels() {}

    /** Faraday constant, C/mol, as NEURON >= 8 uses it (CODATA 2018). */
    public static final double FARADAY = 96485.33212331001;

    /** The Hay library's hard-coded temperature factor 2.3^((34-21)/10) (mechanisms.md §1). */
    public static final double HAY_QT = Math.pow(2.3, (34.0 - 21.0) / 10.0);

    /** Temperature factor {@code 2.3^((celsius - t0)/10)} of the Allen library (§7.1). */
    public static double qt(double celsius, double t0) {
        return Math.pow(2.3, (celsius - t0) / 10.0);
    }

    /** {@code x/(exp(x/y) - 1)}, replaced by {@code y(1 - x/(2y))} when |x/y| < 1e-6 (Allen files, hh). */
    public static double vtrap(double x, double y) {
        return Math.abs(x / y) < 1e-6 ? y * (1 - x / y / 2) : x / (Math.exp(x / y) - 1);
    }

    /** cnexp update of {@code y' = (inf - y)/tau} in NEURON's arrangement. */
    public static double cnexp(double y, double inf, double tau, double dt) {
        double b = (-1.0) / tau;
        return y + (1.0 - Math.exp(dt * b)) * (-(inf / tau) / b - y);
    }

    /**
     * Adds an ohmic ion current {@code g (v - e)} (g in S/cm2) at node {@code nd} as NEURON does: the current at
     * v into rhs and the ion total, {@code (i(v+0.001) - i(v))/0.001} into d and the ion's di/dv.
     *
     * @return the current at v, mA/cm2
     */
    public static double addIonCurrent(CellState s, IonPool ion, int nd, double g) {
        double v = s.v[nd], e = ion.e[nd];
        double i1 = g * (v + 0.001 - e);
        double i0 = g * (v - e);
        double slope = (i1 - i0) / 0.001;
        ion.didv[nd] += slope;
        ion.i[nd] += i0;
        s.rhs[nd] -= i0;
        s.d[nd] += slope;
        return i0;
    }

    /** Adds an ohmic non-specific current {@code g (v - e)}; returns the current at v. */
    public static double addNonSpecific(CellState s, int nd, double g, double e) {
        double v = s.v[nd];
        double i1 = g * (v + 0.001 - e);
        double i0 = g * (v - e);
        s.rhs[nd] -= i0;
        s.d[nd] += (i1 - i0) / 0.001;
        return i0;
    }

    /**
     * Descriptor of a gated channel: parameter {@code gbarName} (S/cm2), one STATE per gate, ASSIGNED current
     * {@code currentName} and conductance {@code gName}, plus {@code extra} variables.
     */
    public static MechanismType channel(String name, String gbarName, double gbarDefault, String ion,
                                        String currentName, String gName, MechanismType.Factory factory,
                                        List<String> gates, Variable... extra) {
        List<Variable> vars = new ArrayList<>();
        vars.add(Variable.parameter(gbarName, "S/cm2", gbarDefault));
        for (String g : gates) vars.add(Variable.state(g, "1"));
        vars.add(Variable.assigned(currentName, "mA/cm2"));
        vars.add(Variable.assigned(gName, "S/cm2"));
        vars.addAll(List.of(extra));
        List<IonUse> ions = ion == null ? List.of() : List.of(IonUse.channel(ion));
        return new MechanismType(name, MechanismKind.DENSITY, vars, ions, factory);
    }
}
