package org.dendrite.engine.mechanism;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dendrite.engine.point.Exp2Syn;
import org.dendrite.engine.point.ExpSyn;
import org.dendrite.engine.point.IClamp;
import org.dendrite.engine.point.IPlay;
import org.dendrite.engine.point.NetStim;
import org.dendrite.engine.point.SEClamp;

/** Mechanism types by NEURON name. {@link #standard()} holds every mechanism dendrite ships. */
public final class MechanismRegistry {
    private final Map<String, MechanismType> types = new LinkedHashMap<>();

    private static final MechanismRegistry STANDARD = createStandard();

    private static MechanismRegistry createStandard() {
        MechanismRegistry r = new MechanismRegistry();
        r.register(Pas.TYPE);
        r.register(Hh.TYPE);
        r.register(IClamp.TYPE);
        r.register(IPlay.TYPE);
        r.register(SEClamp.TYPE);
        r.register(ExpSyn.TYPE);
        r.register(Exp2Syn.TYPE);
        r.register(NetStim.TYPE);
        return r;
    }

    /** The registry of all built-in mechanisms. */
    public static MechanismRegistry standard() {
        return STANDARD;
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
