package org.dendrite.engine.mechanism.hay;

import java.util.List;

/**
 * The Hay et al. 2011 L5PC channel library (ModelDB 139653; also BluePyOpt's L5PC example). NEURON registers
 * the .mod files in C-locale sorted file-name order after its built-ins; {@link #order} reproduces that
 * (mechanisms.md §2): CaDynamics_E2 comes before SK_E2, which is observable.
 */
public final class HayLibrary {
    private HayLibrary() {}

    /** File (= SUFFIX) names in nrnivmodl's order. */
    public static final List<String> FILES = List.of("CaDynamics_E2", "Ca_HVA", "Ca_LVAst", "Ih", "Im", "K_Pst",
            "K_Tst", "NaTa_t", "NaTs2_t", "Nap_Et2", "SK_E2", "SKv3_1", "epsp");

    /** Registration order of a library mechanism (after every built-in). */
    public static int order(String name) {
        int i = FILES.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("not a Hay mechanism: " + name);
        return 200 + i;
    }
}
