package org.dendrite.engine.mechanism;

/**
 * A named quantity of a mechanism, per instance: a PARAMETER (set by the user), a STATE (integrated) or an
 * ASSIGNED value (computed, e.g. a current). {@code unit} is written as in column headers: mV, ms, S/cm2,
 * mA/cm2, nA, uS, mM, 1.
 */
public record Variable(String name, Role role, String unit, double defaultValue) {
    public enum Role { PARAMETER, STATE, ASSIGNED }

    public static Variable parameter(String name, String unit, double def) {
        return new Variable(name, Role.PARAMETER, unit, def);
    }

    public static Variable state(String name, String unit) {
        return new Variable(name, Role.STATE, unit, 0);
    }

    public static Variable assigned(String name, String unit) {
        return new Variable(name, Role.ASSIGNED, unit, 0);
    }
}
