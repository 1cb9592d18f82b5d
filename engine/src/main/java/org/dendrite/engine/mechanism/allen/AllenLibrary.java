package org.dendrite.engine.mechanism.allen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.dendrite.engine.mechanism.MechanismType;

/**
 * The Allen Institute channel library (AllenSDK {@code peri_model/modfiles} plus the Hay-named copies of
 * {@code biophysical_sim/modfiles}), mechanisms.md §7, in nrnivmodl's registration order (C-locale sorted file
 * names). Several names coincide with the Hay library ({@code Ca_HVA}, {@code Ih}, {@code Im}, …) with
 * different code: a model loads one bundle or the other (or replaces single types, with a note).
 */
public final class AllenLibrary {
    private AllenLibrary() {}

    /** The bundle's types in registration order. */
    public static List<MechanismType> types() {
        List<MechanismType> t = new ArrayList<>(AllenVariants.all());
        t.addAll(List.of(NaTsAllen.NA_TS, NaTsAllen.NA_TA, Nap.TYPE, KPAllen.TYPE, KTAllen.TYPE, Kd.TYPE,
                Kv2like.TYPE, ImV2.TYPE, NaV.TYPE));
        // file names equal the SUFFIX names here; String.compareTo is the C locale's byte order for ASCII
        t.sort(Comparator.comparing(MechanismType::name));
        return t;
    }
}
