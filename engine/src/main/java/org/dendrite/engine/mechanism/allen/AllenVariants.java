package org.dendrite.engine.mechanism.allen;

import java.util.List;

import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.hay.CaDynamicsE2;
import org.dendrite.engine.mechanism.hay.CaHva;
import org.dendrite.engine.mechanism.hay.CaLvast;
import org.dendrite.engine.mechanism.hay.Ih;
import org.dendrite.engine.mechanism.hay.Im;
import org.dendrite.engine.mechanism.hay.KPst;
import org.dendrite.engine.mechanism.hay.KTst;
import org.dendrite.engine.mechanism.hay.NaTransient;
import org.dendrite.engine.mechanism.hay.NapEt2;
import org.dendrite.engine.mechanism.hay.SKE2;
import org.dendrite.engine.mechanism.hay.SKv31;
import org.dendrite.engine.mechanism.CellState;

/**
 * The Allen files that are Hay kinetics with small, listed differences (mechanisms.md §7.2). Each is a
 * distinct Java class (a thin subclass selecting the Allen behaviour of the Hay implementation); density
 * {@code gbar}, conductance {@code g}.
 */
public final class AllenVariants {
    private AllenVariants() {}

    /** Allen {@code Ca_HVA}: αm via vtrap instead of the +1e-4 nudge. */
    public static final class AllenCaHva extends CaHva {
        public static final MechanismType TYPE = CaHva.type("Ca_HVA", "gbar", AllenCaHva::new);

        private AllenCaHva(MechanismType t, int[] n, CellState s) {
            super(t, n, s, true);
        }
    }

    /** Allen {@code Ih}: αm via vtrap. */
    public static final class AllenIh extends Ih {
        public static final MechanismType TYPE = Ih.type("Ih", "gbar", AllenIh::new);

        private AllenIh(MechanismType t, int[] n, CellState s) {
            super(t, n, s, true);
        }
    }

    /** Allen {@code Im}: qt = 2.3^((celsius-21)/10). */
    public static final class AllenIm extends Im {
        public static final MechanismType TYPE = Im.type("Im", "gbar", AllenIm::new);

        private AllenIm(MechanismType t, int[] n, CellState s) {
            super(t, n, s, true);
        }
    }

    /** Allen {@code Ca_LVA}: Ca_LVAst with qt from celsius. */
    public static final class CaLva extends CaLvast {
        public static final MechanismType TYPE = CaLvast.type("Ca_LVA", "gbar", CaLva::new);

        private CaLva(MechanismType t, int[] n, CellState s) {
            super(t, n, s, true);
        }
    }

    /** Allen {@code CaDynamics}: CaDynamics_E2 with {@code cai = minCai} at initialisation. */
    public static final class CaDynamics extends CaDynamicsE2 {
        public static final MechanismType TYPE = CaDynamicsE2.type("CaDynamics", CaDynamics::new);

        private CaDynamics(MechanismType t, int[] n, CellState s) {
            super(t, n, s, true);
        }
    }

    /** Allen {@code SK} (SK_E2 renamed; global zTau_SK). */
    public static final MechanismType SK = SKE2.type("SK", "gbar", 1e-6);
    /** Allen {@code Kv3_1} (SKv3_1 plus global vshift_Kv3_1). */
    public static final MechanismType KV3_1 = SKv31.type("Kv3_1", "gbar");
    /** Hay copies with gbar/g names (biophysical_sim/modfiles). */
    public static final MechanismType K_PST = KPst.type("K_Pst", "gbar");
    public static final MechanismType K_TST = KTst.type("K_Tst", "gbar");
    public static final MechanismType NA_TA_T = NaTransient.type("NaTa_t", "gbar");
    public static final MechanismType NA_TS2_T = NaTransient.type("NaTs2_t", "gbar");
    public static final MechanismType NAP_ET2 = NapEt2.type("Nap_Et2", "gbar");

    public static List<MechanismType> all() {
        return List.of(CaDynamics.TYPE, AllenCaHva.TYPE, CaLva.TYPE, AllenIh.TYPE, AllenIm.TYPE, SK, KV3_1, K_PST,
                K_TST, NA_TA_T, NA_TS2_T, NAP_ET2);
    }
}
