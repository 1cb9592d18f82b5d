package org.dendrite.engine.mechanism;

/**
 * What a mechanism does with one ion species (NMODL's {@code USEION x READ … WRITE … VALENCE z}): reads its
 * reversal potential, its concentrations or its total current; writes its current or its concentrations.
 * Determines the ion style (neuron-numerics §8.2). {@code valence} 0 means the ion's usual charge.
 */
public record IonUse(String ion, boolean readsReversal, boolean readsConcentration, boolean writesCurrent,
                     boolean writesConcentration, boolean readsCurrent, int valence) {

    public IonUse(String ion, boolean readsReversal, boolean readsConcentration, boolean writesCurrent,
                  boolean writesConcentration) {
        this(ion, readsReversal, readsConcentration, writesCurrent, writesConcentration, false, 0);
    }

    /** Style this use asks for: 3 if it writes a concentration, 2 if it reads one, else 1. */
    public int style() {
        return writesConcentration ? 3 : readsConcentration ? 2 : 1;
    }

    /** The common channel case: READ e, WRITE i. */
    public static IonUse channel(String ion) {
        return new IonUse(ion, true, false, true, false);
    }
}
