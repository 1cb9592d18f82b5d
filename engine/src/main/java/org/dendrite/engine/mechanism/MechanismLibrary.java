package org.dendrite.engine.mechanism;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.dendrite.engine.mechanism.allen.AllenLibrary;
import org.dendrite.engine.mechanism.builtin.DualExpSynapse;
import org.dendrite.engine.mechanism.builtin.Exp2Syn;
import org.dendrite.engine.mechanism.builtin.ExpSyn;
import org.dendrite.engine.mechanism.builtin.Hh;
import org.dendrite.engine.mechanism.builtin.IClamp;
import org.dendrite.engine.mechanism.builtin.IPlay;
import org.dendrite.engine.mechanism.builtin.NetStim;
import org.dendrite.engine.mechanism.builtin.Pas;
import org.dendrite.engine.mechanism.builtin.SEClamp;
import org.dendrite.engine.mechanism.builtin.VecStim;
import org.dendrite.engine.mechanism.hay.HayLibrary;

/**
 * The mechanisms a model can insert, by NEURON name, in NEURON's registration order — the order in which every
 * loop (initialise, currents, states) visits mechanism types, which fixes floating-point sums and, for
 * interacting mechanisms (a calcium pool before SK), results. Built-ins come first in NEURON's own order; each
 * loaded set (a bundle, a folder of .mod files in C-locale sorted file-name order) is appended after them.
 * Immutable: {@link #with} returns a new library, so models compose what they need (built-ins + Hay + a user's
 * files) without affecting each other.
 */
public final class MechanismLibrary {
    private final Map<String, MechanismType> types;

    private static final MechanismLibrary BUILTINS = new MechanismLibrary(builtinTypes());
    private static final MechanismLibrary STANDARD = BUILTINS.with("hay", HayLibrary.types(), note -> {});
    private static final MechanismLibrary ALLEN = BUILTINS.with("allen", AllenLibrary.types(), note -> {});

    private MechanismLibrary(Map<String, MechanismType> types) {
        this.types = types;
    }

    /** NEURON's built-ins in its registration order (ion mechanisms are the engine's pools), then dendrite's own. */
    private static Map<String, MechanismType> builtinTypes() {
        Map<String, MechanismType> m = new LinkedHashMap<>();
        for (MechanismType t : List.of(Pas.TYPE, IClamp.TYPE, IPlay.TYPE, ExpSyn.TYPE, Exp2Syn.TYPE,
                DualExpSynapse.AMPA, DualExpSynapse.NMDA, SEClamp.TYPE, Hh.TYPE, NetStim.TYPE, VecStim.TYPE)) {
            m.put(t.name(), t);
        }
        return m;
    }

    /** NEURON's built-in mechanisms (pas, hh, IClamp, SEClamp, ExpSyn, Exp2Syn, NetStim) and dendrite's IPlay, AMPA, NMDA, VecStim. */
    public static MechanismLibrary builtins() {
        return BUILTINS;
    }

    /** The built-ins plus the Hay/BluePyOpt channel library: the default of every model. */
    public static MechanismLibrary standard() {
        return STANDARD;
    }

    /** The built-ins plus the Allen Institute channel library (AllenSDK mod files). */
    public static MechanismLibrary allen() {
        return ALLEN;
    }

    /**
     * The built-ins plus a named bundle: {@code hay} (also {@code standard}, {@code bluepyopt}), {@code allen},
     * {@code none}; or several, comma separated, loaded in that order ({@code "hay,allen"}: Allen's Ih replaces
     * Hay's, Hay's NaTa_t stays).
     */
    public static MechanismLibrary named(String bundle) {
        if (bundle.contains(",")) {
            MechanismLibrary lib = BUILTINS;
            for (String b : bundle.split(",")) {
                String name = b.trim();
                lib = lib.with(name, named(name).all().stream().filter(t -> !t.origin().equals("built-in")).toList(),
                        note -> {});
            }
            return lib;
        }
        return switch (bundle.trim()) {
            case "hay", "standard", "bluepyopt" -> STANDARD;
            case "allen" -> ALLEN;
            case "none", "builtin", "builtins" -> BUILTINS;
            default -> provided(bundle.trim());
        };
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, MechanismLibrary> PROVIDED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A bundle from a {@link MechanismBundles} provider on the class path (e.g. the NMODL-compiled hay-nmodl). */
    private static MechanismLibrary provided(String name) {
        MechanismLibrary lib = PROVIDED.get(name);
        if (lib != null) return lib;
        java.util.Set<String> known = new java.util.TreeSet<>(List.of("hay", "allen", "none"));
        for (MechanismBundles p : java.util.ServiceLoader.load(MechanismBundles.class)) {
            if (p.names().contains(name)) {
                lib = BUILTINS.with(name, p.load(name), note -> {});
                PROVIDED.putIfAbsent(name, lib);
                return PROVIDED.get(name);
            }
            known.addAll(p.names());
        }
        throw new IllegalArgumentException("unknown mechanism library '" + name + "' (known: "
                + String.join(", ", known) + ")");
    }

    /**
     * This library with {@code added} appended in the given order (their registration order). A name that
     * exists already is replaced, as a user's .mod file with a library's name must be; the replacement takes
     * the new position in the order, and {@code notes} gets one line saying so.
     */
    public MechanismLibrary with(String origin, List<MechanismType> added, Consumer<String> notes) {
        Map<String, MechanismType> m = new LinkedHashMap<>(types);
        for (MechanismType t : added) {
            MechanismType typed = t.origin().equals("built-in") ? t.from(origin) : t;
            MechanismType old = m.remove(t.name());
            if (old != null) {
                notes.accept("mechanism " + t.name() + " from " + typed.origin() + " replaces " + t.name()
                        + " from " + old.origin());
            }
            m.put(t.name(), typed);
        }
        return new MechanismLibrary(m);
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

    /** Position of a mechanism in the run order (0 = first), or -1 when the library does not hold it. */
    public int order(String name) {
        int i = 0;
        for (String n : types.keySet()) {
            if (n.equals(name)) return i;
            i++;
        }
        return -1;
    }

    /** Every type, in registration order. */
    public Collection<MechanismType> all() {
        return Collections.unmodifiableCollection(new ArrayList<>(types.values()));
    }
}
