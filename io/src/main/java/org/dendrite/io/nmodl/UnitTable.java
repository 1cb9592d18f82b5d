package org.dendrite.io.nmodl;

import org.dendrite.engine.mechanism.Units;

/**
 * The named physical constants of NMODL UNITS blocks, with NEURON 8.2's values (its nrnunits.lib: CODATA 2018
 * exact e, N_A, k_B): {@code FARADAY = (faraday) (coulomb)}, {@code R = (k-mole) (joule/degC)}, {@code PI = (pi) (1)}.
 */
final class UnitTable {
    private UnitTable() {}

    static Double constant(String quantity, String unit) {
        String q = quantity.trim(), u = unit.trim().replaceAll("\\s+", "");
        double base;
        switch (q) {
            case "faraday" -> base = Units.FARADAY;              // C/mol
            case "k-mole", "R", "gasconstant" -> base = Units.GAS_CONSTANT; // J/(mol K)
            case "pi" -> base = Math.PI;
            case "e" -> base = 1.602176634e-19;                 // C
            case "mole", "avogadro" -> base = 6.02214076e23;
            case "boltzmann", "k" -> base = 1.380649e-23;       // J/K
            default -> { return null; }
        }
        return switch (u) {
            case "1", "coulomb", "coulombs", "coul", "C", "joule/degC", "joule/K", "joule/kelvin", "J/degC",
                 "/mole", "1/mole", "joule/degK" -> base;
            case "kilocoulombs", "kilocoulomb", "kC" -> base / 1000;
            case "millicoulomb", "millicoulombs" -> base * 1000;
            case "millijoule/degC", "mJ/degC" -> base * 1000;
            case "mV-coulomb/degC", "millivolt-coulomb/degC", "mV-coul/degC" -> base * 1000;
            case "volt-coul/degC", "volt-coulomb/degC" -> base;
            default -> null;
        };
    }
}
