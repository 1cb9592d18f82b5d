package org.dendrite.engine.mechanism.allen;

import java.util.List;

/**
 * The Allen Institute channel library (AllenSDK {@code peri_model/modfiles} plus the Hay-named copies of
 * {@code biophysical_sim/modfiles}), mechanisms.md §7. Several names coincide with the Hay library
 * ({@code Ca_HVA}, {@code Ih}, {@code Im}, …) with different code, so the two libraries live in separate
 * registries ({@link org.dendrite.engine.mechanism.MechanismRegistry#allen()}). {@link #order}: nrnivmodl's
 * C-locale sorted file-name order.
 */
public final class AllenLibrary {
    private AllenLibrary() {}

    public static final List<String> FILES = List.of("CaDynamics", "Ca_HVA", "Ca_LVA", "Ih", "Im", "Im_v2", "K_P",
            "K_Pst", "K_T", "K_Tst", "Kd", "Kv2like", "Kv3_1", "NaTa", "NaTa_t", "NaTs", "NaTs2_t", "NaV", "Nap",
            "Nap_Et2", "SK");

    public static int order(String name) {
        int i = FILES.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("not an Allen mechanism: " + name);
        return 200 + i;
    }
}
