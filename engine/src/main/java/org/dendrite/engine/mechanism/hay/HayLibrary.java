package org.dendrite.engine.mechanism.hay;

import java.util.List;

import org.dendrite.engine.mechanism.MechanismType;

/**
 * The Hay et al. 2011 L5PC channel library (ModelDB 139653; also BluePyOpt's L5PC example), in NEURON's
 * registration order: nrnivmodl registers .mod files in C-locale sorted file-name order after its built-ins
 * (mechanisms.md §2), so CaDynamics_E2 runs before SK_E2, which is observable.
 */
public final class HayLibrary {
    private HayLibrary() {}

    /** The bundle's types in registration order (file = SUFFIX names, C-locale sorted). */
    public static List<MechanismType> types() {
        return List.of(CaDynamicsE2.TYPE, CaHva.TYPE, CaLvast.TYPE, Ih.TYPE, Im.TYPE, KPst.TYPE, KTst.TYPE,
                NaTransient.NA_TA_T, NaTransient.NA_TS2_T, NapEt2.TYPE, SKE2.TYPE, SKv31.TYPE, Epsp.TYPE);
    }
}
