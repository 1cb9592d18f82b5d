package org.dendrite.engine.mechanism;

/**
 * What a mechanism does with one ion species (NMODL's USEION): reads its reversal potential or its
 * concentrations, writes its current, writes its concentrations. Determines the ion style (§8.2).
 */
public record IonUse(String ion, boolean readsReversal, boolean readsConcentration, boolean writesCurrent,
                     boolean writesConcentration) {

    /** Style this use asks for: 3 if it writes a concentration, 2 if it reads one, else 1. */
    public int style() {
        return writesConcentration ? 3 : readsConcentration ? 2 : 1;
    }

    /** The common channel case: READ e, WRITE i. */
    public static IonUse channel(String ion) {
        return new IonUse(ion, true, false, true, false);
    }
}
