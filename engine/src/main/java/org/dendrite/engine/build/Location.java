package org.dendrite.engine.build;

import org.dendrite.engine.morphology.Morphology;

/** A position {@code sec(x)} on a section (section index in the morphology, 0 <= x <= 1). */
public record Location(int section, double x) {
    public Location {
        if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("position x must be in [0, 1], is " + x);
    }

    /** Formats as NEURON prints it, e.g. {@code soma[0](0.5)}. */
    public String format(Morphology m) {
        return m.section(section).name() + "(" + formatX(x) + ")";
    }

    static String formatX(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    /**
     * Parses {@code NAME(x)} or a bare {@code NAME} (meaning x = 0.5).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Location parse(Morphology m, String text) {
        String s = text.trim();
        String name = s;
        double x = 0.5;
        int open = s.lastIndexOf('(');
        if (open > 0 && s.endsWith(")")) {
            name = s.substring(0, open).trim();
            String xs = s.substring(open + 1, s.length() - 1).trim();
            try {
                x = Double.parseDouble(xs);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': position '" + xs + "' is not a number");
            }
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException("'" + text + "': position must be between 0 and 1");
            }
        }
        int idx = m.indexOf(name);
        if (idx < 0) {
            throw new IllegalArgumentException("'" + text + "': no section named '" + name + "'"
                    + suggestion(m, name));
        }
        return new Location(idx, x);
    }

    private static String suggestion(Morphology m, String name) {
        String base = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
        for (var s : m.sections()) {
            if (s.name().startsWith(base)) return " (sections are named like '" + s.name() + "')";
        }
        return m.size() > 0 ? " (the first section is '" + m.section(0).name() + "')" : "";
    }
}
