package org.dendrite.engine.mechanism;

/**
 * A named quantity of a mechanism (NMODL's declarations): a PARAMETER (set by the user, per instance), a STATE
 * (integrated, per instance), an ASSIGNED value (computed per instance, e.g. a current) or a GLOBAL (one value
 * for every instance of the mechanism type, NEURON name {@code <name>_<SUFFIX>}, e.g. {@code ehcn_Ih}).
 * {@code unit} is written as in column headers: mV, ms, S/cm2, mA/cm2, nA, uS, mM, 1. {@code length} is 1 for
 * scalars and n for an NMODL array {@code x[n]}, whose elements the block holds as arrays {@code x[0]}…
 */
public record Variable(String name, Role role, String unit, double defaultValue, int length) {
    public enum Role { PARAMETER, STATE, ASSIGNED, GLOBAL }

    public Variable {
        if (length < 1) throw new IllegalArgumentException(name + ": array length must be >= 1, is " + length);
    }

    public Variable(String name, Role role, String unit, double defaultValue) {
        this(name, role, unit, defaultValue, 1);
    }

    public static Variable parameter(String name, String unit, double def) {
        return new Variable(name, Role.PARAMETER, unit, def);
    }

    public static Variable state(String name, String unit) {
        return new Variable(name, Role.STATE, unit, 0);
    }

    public static Variable assigned(String name, String unit) {
        return new Variable(name, Role.ASSIGNED, unit, 0);
    }

    public static Variable global(String name, String unit, double def) {
        return new Variable(name, Role.GLOBAL, unit, def);
    }

    public boolean isGlobal() {
        return role == Role.GLOBAL;
    }

    /** The per-instance array names this variable occupies: {@code name}, or {@code name[0]}… for arrays. */
    public String[] elementNames() {
        if (length == 1) return new String[] {name};
        String[] out = new String[length];
        for (int i = 0; i < length; i++) out[i] = name + "[" + i + "]";
        return out;
    }
}
