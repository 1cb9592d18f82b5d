package org.dendrite.engine.mechanism;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dendrite.engine.mechanism.allen.AllenVariants;
import org.dendrite.engine.mechanism.allen.KPAllen;
import org.dendrite.engine.mechanism.allen.KTAllen;
import org.dendrite.engine.mechanism.allen.Kd;
import org.dendrite.engine.mechanism.allen.Kv2like;
import org.dendrite.engine.mechanism.allen.ImV2;
import org.dendrite.engine.mechanism.allen.NaTsAllen;
import org.dendrite.engine.mechanism.allen.NaV;
import org.dendrite.engine.mechanism.allen.Nap;
import org.dendrite.engine.mechanism.hay.CaDynamicsE2;
import org.dendrite.engine.mechanism.hay.CaHva;
import org.dendrite.engine.mechanism.hay.CaLvast;
import org.dendrite.engine.mechanism.hay.Epsp;
import org.dendrite.engine.mechanism.hay.Ih;
import org.dendrite.engine.mechanism.hay.Im;
import org.dendrite.engine.mechanism.hay.KPst;
import org.dendrite.engine.mechanism.hay.KTst;
import org.dendrite.engine.mechanism.hay.NaTransient;
import org.dendrite.engine.mechanism.hay.NapEt2;
import org.dendrite.engine.mechanism.hay.SKE2;
import org.dendrite.engine.mechanism.hay.SKv31;
import org.dendrite.engine.mechanism.builtin.DualExpSynapse;
import org.dendrite.engine.mechanism.builtin.VecStim;
import org.dendrite.engine.mechanism.builtin.Exp2Syn;
import org.dendrite.engine.mechanism.builtin.ExpSyn;
import org.dendrite.engine.mechanism.builtin.IClamp;
import org.dendrite.engine.mechanism.builtin.IPlay;
import org.dendrite.engine.mechanism.builtin.NetStim;
import org.dendrite.engine.mechanism.builtin.SEClamp;
import org.dendrite.engine.mechanism.builtin.Pas;
import org.dendrite.engine.mechanism.builtin.Hh;

/** Mechanism types by NEURON name. {@link #standard()} holds every mechanism dendrite ships. */
public final class MechanismRegistry {
    private final Map<String, MechanismType> types = new LinkedHashMap<>();

    private static final MechanismRegistry STANDARD = createStandard();
    private static final MechanismRegistry ALLEN = createAllen();

    private static MechanismRegistry createStandard() {
        MechanismRegistry r = builtins();
        // Hay et al. 2011 L5PC library (ModelDB 139653, BluePyOpt's L5PC)
        r.register(CaDynamicsE2.TYPE);
        r.register(CaHva.TYPE);
        r.register(CaLvast.TYPE);
        r.register(Ih.TYPE);
        r.register(Im.TYPE);
        r.register(KPst.TYPE);
        r.register(KTst.TYPE);
        r.register(NaTransient.NA_TA_T);
        r.register(NaTransient.NA_TS2_T);
        r.register(NapEt2.TYPE);
        r.register(SKE2.TYPE);
        r.register(SKv31.TYPE);
        r.register(Epsp.TYPE);
        return r;
    }

    private static MechanismRegistry createAllen() {
        MechanismRegistry r = builtins();
        // Allen Institute library (AllenSDK modfiles); Ca_HVA, Ih, Im differ from the Hay files of the same name
        for (MechanismType t : AllenVariants.all()) r.register(t);
        r.register(NaTsAllen.NA_TS);
        r.register(NaTsAllen.NA_TA);
        r.register(Nap.TYPE);
        r.register(KPAllen.TYPE);
        r.register(KTAllen.TYPE);
        r.register(Kd.TYPE);
        r.register(Kv2like.TYPE);
        r.register(ImV2.TYPE);
        r.register(NaV.TYPE);
        return r;
    }

    private static MechanismRegistry builtins() {
        MechanismRegistry r = new MechanismRegistry();
        r.register(Pas.TYPE);
        r.register(Hh.TYPE);
        r.register(IClamp.TYPE);
        r.register(IPlay.TYPE);
        r.register(SEClamp.TYPE);
        r.register(ExpSyn.TYPE);
        r.register(Exp2Syn.TYPE);
        r.register(NetStim.TYPE);
        // dendritic input: AMPA/NMDA conductance synapses and spike-time lists (docs/synapses.md)
        r.register(DualExpSynapse.AMPA);
        r.register(DualExpSynapse.NMDA);
        r.register(VecStim.TYPE);
        return r;
    }

    /** NEURON's built-ins plus the Hay/BluePyOpt channel library (the default). */
    public static MechanismRegistry standard() {
        return STANDARD;
    }

    /** NEURON's built-ins plus the Allen Institute channel library (AllenSDK mod files). */
    public static MechanismRegistry allen() {
        return ALLEN;
    }

    /** A registry by library name: {@code hay} (= standard) or {@code allen}. */
    public static MechanismRegistry library(String name) {
        return switch (name) {
            case "hay", "standard", "bluepyopt" -> STANDARD;
            case "allen" -> ALLEN;
            default -> throw new IllegalArgumentException("unknown mechanism library '" + name + "' (hay or allen)");
        };
    }

    public MechanismRegistry register(MechanismType t) {
        if (types.putIfAbsent(t.name(), t) != null) {
            throw new IllegalArgumentException("mechanism " + t.name() + " registered twice");
        }
        return this;
    }

    public boolean contains(String name) {
        return types.containsKey(name);
    }

    /** The type, or an error listing what exists. */
    public MechanismType get(String name) {
        MechanismType t = types.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown mechanism '" + name + "' (known: "
                    + String.join(", ", types.keySet()) + ")");
        }
        return t;
    }

    public Collection<MechanismType> all() {
        return Collections.unmodifiableCollection(types.values());
    }
}
