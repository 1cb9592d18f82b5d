package org.dendrite.io.hoc;

import java.util.Arrays;

/** A density mechanism inserted in a section: one value per segment for each of its (non-global) variables. */
public final class MechanismInstance {
    private final MechanismCatalog.Mechanism mechanism;
    /** values[parameter index][segment]; global parameters keep an unused row. */
    final double[][] values;

    MechanismInstance(MechanismCatalog.Mechanism mechanism, int nseg) {
        this.mechanism = mechanism;
        this.values = new double[mechanism.parameters().size()][];
        for (int p = 0; p < values.length; p++) {
            values[p] = new double[nseg];
            Arrays.fill(values[p], mechanism.parameters().get(p).defaultValue());
        }
    }

    public MechanismCatalog.Mechanism mechanism() { return mechanism; }
    public String name() { return mechanism.name(); }

    /** Value of parameter {@code param} (name without suffix) in segment {@code seg}. */
    public double value(String param, int seg) {
        int p = mechanism.indexOf(param);
        if (p < 0) throw new IllegalArgumentException(mechanism.name() + " has no variable " + param);
        return values[p][seg];
    }
}
