package org.dendrite.io.model;

import java.util.Locale;
import java.util.Map;

/**
 * Units accepted in model files. A value is either a bare number, in the unit documented for that key,
 * or a string {@code "NUMBER UNIT"} that is converted to the documented unit when the dimensions agree.
 */
final class Quantity {
    private Quantity() {}

    /** unit -> (dimension, factor to the dimension's base unit). */
    private record Unit(String dimension, double factor) {}

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("ms", new Unit("time", 1)), Map.entry("s", new Unit("time", 1000)),
            Map.entry("mv", new Unit("voltage", 1)), Map.entry("v", new Unit("voltage", 1000)),
            Map.entry("uv", new Unit("voltage", 1e-3)),
            Map.entry("um", new Unit("length", 1)), Map.entry("mm", new Unit("length", 1000)),
            Map.entry("nm", new Unit("length", 1e-3)),
            Map.entry("s/cm2", new Unit("conductance density", 1)), Map.entry("ms/cm2", new Unit("conductance density", 1e-3)),
            Map.entry("ps/um2", new Unit("conductance density", 1e-4)),
            Map.entry("ohm*cm", new Unit("resistivity", 1)), Map.entry("ohm cm", new Unit("resistivity", 1)),
            Map.entry("ohm.cm", new Unit("resistivity", 1)),
            Map.entry("uf/cm2", new Unit("specific capacitance", 1)),
            Map.entry("na", new Unit("current", 1)),
            Map.entry("pa", new Unit("current", 1e-3)), Map.entry("ua", new Unit("current", 1e3)),
            Map.entry("ns", new Unit("conductance", 1e-3)),
            Map.entry("mohm", new Unit("resistance", 1)), Map.entry("kohm", new Unit("resistance", 1e-3)),
            Map.entry("degc", new Unit("temperature", 1)), Map.entry("celsius", new Unit("temperature", 1)),
            Map.entry("mm_conc", new Unit("concentration", 1)), Map.entry("um_conc", new Unit("concentration", 1e-3)),
            Map.entry("ma/cm2", new Unit("current density", 1)), Map.entry("hz", new Unit("frequency", 1)),
            Map.entry("1", new Unit("dimensionless", 1)));

    /** Normalises a unit as written in mechanism descriptors and model files. */
    private static Unit lookup(String unit, String expectedDimension) {
        String u = unit.trim().toLowerCase(Locale.ROOT).replace("µ", "u").replace("²", "2");
        // "us" is microseconds or microsiemens, "mm" millimetre or millimolar: the expected dimension decides
        if (u.equals("us")) return "time".equals(expectedDimension) ? new Unit("time", 1e-3) : new Unit("conductance", 1);
        if (u.equals("mm") && "concentration".equals(expectedDimension)) return UNITS.get("mm_conc");
        if (u.equals("um") && "concentration".equals(expectedDimension)) return UNITS.get("um_conc");
        return UNITS.get(u);
    }

    /**
     * The value in {@code expectedUnit}; {@code text} is "NUMBER" or "NUMBER UNIT".
     *
     * @throws IllegalArgumentException with a message for the user
     */
    static double parse(String text, String expectedUnit) {
        String t = text.trim();
        int sp = t.indexOf(' ');
        String num = sp < 0 ? t : t.substring(0, sp);
        double value;
        try {
            value = Double.parseDouble(num);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number with a unit (expected e.g. \"5 "
                    + expectedUnit + "\")");
        }
        if (sp < 0) return value;
        String unit = t.substring(sp + 1).trim();
        Unit expected = lookup(expectedUnit, null);
        if (expected == null) {
            if (unit.equalsIgnoreCase(expectedUnit)) return value;
            throw new IllegalArgumentException("unit '" + unit + "' given, expected " + expectedUnit);
        }
        Unit given = lookup(unit, expected.dimension());
        if (given == null) throw new IllegalArgumentException("unknown unit '" + unit + "' (expected " + expectedUnit + ")");
        if (!given.dimension().equals(expected.dimension())) {
            throw new IllegalArgumentException("'" + text + "' is a " + given.dimension() + ", expected a "
                    + expected.dimension() + " in " + expectedUnit);
        }
        return value * given.factor() / expected.factor();
    }
}
