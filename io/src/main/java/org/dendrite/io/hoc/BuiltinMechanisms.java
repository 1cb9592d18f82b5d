package org.dendrite.io.hoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mechanisms NEURON has built in, with NEURON's defaults: {@code pas}, {@code hh}, the ions na, k, ca
 * (and a generic form for others), and the point processes IClamp, SEClamp, ExpSyn, Exp2Syn, NetStim.
 * {@link #with(MechanismCatalog.Mechanism)} adds more (the lead wires the engine's registry in).
 */
public final class BuiltinMechanisms implements MechanismCatalog {
    private final Map<String, Mechanism> byName = new LinkedHashMap<>();

    public BuiltinMechanisms() {
        density("pas", List.of(), p("g", 0.001, "S/cm2"), p("e", -70, "mV"), as("i", "mA/cm2"));
        density("hh", List.of("na", "k"),
                p("gnabar", 0.12, "S/cm2"), p("gkbar", 0.036, "S/cm2"), p("gl", 0.0003, "S/cm2"),
                p("el", -54.3, "mV"), as("gna", "S/cm2"), as("gk", "S/cm2"), as("il", "mA/cm2"),
                st("m", "1"), st("h", "1"), st("n", "1"),
                as("minf", "1"), as("hinf", "1"), as("ninf", "1"),
                as("mtau", "ms"), as("htau", "ms"), as("ntau", "ms"),
                g("usetable", 1, "1"));
        ion("na", 50, 10, 140);
        ion("k", -77, 54.4, 2.5);
        ion("ca", 132.4579341637009, 5e-5, 2);
        ion("cl", -65, 10, 100); // dendrite's choice for an undeclared ion; NEURON uses its generic defaults
        point("IClamp", false, p("del", 0, "ms"), p("dur", 0, "ms"), p("amp", 0, "nA"), as("i", "nA"));
        point("SEClamp", false, p("rs", 1, "MOhm"), p("dur1", 0, "ms"), p("amp1", 0, "mV"),
                p("dur2", 0, "ms"), p("amp2", 0, "mV"), p("dur3", 0, "ms"), p("amp3", 0, "mV"),
                as("i", "nA"), as("vc", "mV"));
        point("ExpSyn", false, p("tau", 0.1, "ms"), p("e", 0, "mV"), as("i", "nA"), st("g", "uS"));
        point("Exp2Syn", false, p("tau1", 0.1, "ms"), p("tau2", 10, "ms"), p("e", 0, "mV"), as("i", "nA"),
                as("g", "uS"), st("A", "uS"), st("B", "uS"));
        point("NetStim", true, p("interval", 10, "ms"), p("number", 10, "1"), p("start", 50, "ms"),
                p("noise", 0, "1"));
    }

    private static Parameter p(String name, double def, String unit) {
        return new Parameter(name, def, unit, Kind.PARAMETER);
    }

    private static Parameter st(String name, String unit) {
        return new Parameter(name, 0, unit, Kind.STATE);
    }

    private static Parameter as(String name, String unit) {
        return new Parameter(name, 0, unit, Kind.ASSIGNED);
    }

    private static Parameter g(String name, double def, String unit) {
        return new Parameter(name, def, unit, Kind.GLOBAL);
    }

    private void density(String name, List<String> ions, Parameter... ps) {
        byName.put(name, new Mechanism(name, false, false, List.of(ps), ions));
    }

    private void point(String name, boolean artificial, Parameter... ps) {
        byName.put(name, new Mechanism(name, true, artificial, List.of(ps), List.of()));
    }

    private void ion(String ion, double erev, double inside, double outside) {
        List<Parameter> ps = new ArrayList<>();
        ps.add(p("e" + ion, erev, "mV"));
        ps.add(new Parameter(ion + "i", inside, "mM", Kind.STATE));
        ps.add(new Parameter(ion + "o", outside, "mM", Kind.STATE));
        ps.add(new Parameter("i" + ion, 0, "mA/cm2", Kind.ASSIGNED));
        byName.put(ion + "_ion", new Mechanism(ion + "_ion", false, false, List.copyOf(ps), List.of(ion)));
    }

    /** Adds (or replaces) a mechanism; returns this catalogue. */
    public BuiltinMechanisms with(Mechanism m) {
        byName.put(m.name(), m);
        return this;
    }

    @Override
    public Mechanism mechanism(String name) {
        return byName.get(name);
    }

    @Override
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
