package org.dendrite.engine.mechanism;

import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * NEURON's suffixed range-variable names, {@code VARIABLE_MECHANISM} ({@code gbar_hh}, {@code g_pas},
 * {@code gCa_HVAbar_Ca_HVA}, {@code ehcn_Ih}), split into variable and mechanism: the one parser the HOC
 * interpreter, the model readers and the compiler's recordings share. Mechanism names may themselves contain
 * '_' (NaTa_t, Ca_HVA), so every '_' is tried from the left and the first split whose right part is a known
 * mechanism wins (the longest mechanism name). Names without a mechanism suffix ({@code ena}, {@code cai},
 * {@code v}, {@code diam}) give null.
 */
public record SuffixedName(String variable, String mechanism) {

    /** Splits {@code name} where {@code accept(variable, mechanism)} holds first; null if nowhere. */
    public static SuffixedName split(String name, BiPredicate<String, String> accept) {
        for (int i = name.indexOf('_'); i > 0; i = name.indexOf('_', i + 1)) {
            if (i + 1 >= name.length()) break;
            String variable = name.substring(0, i), mechanism = name.substring(i + 1);
            if (accept.test(variable, mechanism)) return new SuffixedName(variable, mechanism);
        }
        return null;
    }

    /** Splits {@code name} at the first '_' whose right part {@code isMechanism} accepts; null if none. */
    public static SuffixedName split(String name, Predicate<String> isMechanism) {
        return split(name, (v, m) -> isMechanism.test(m));
    }

    /** Splits {@code name} against the mechanisms {@code library} knows; null if none matches. */
    public static SuffixedName split(String name, MechanismLibrary library) {
        return split(name, library::contains);
    }
}
