package org.dendrite.cli.hoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.mechanism.IonUse;
import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.io.hoc.BuiltinMechanisms;
import org.dendrite.io.hoc.MechanismCatalog;

/**
 * The HOC interpreter's view of the engine's mechanism registry: every mechanism dendrite can simulate, with
 * its variables and defaults, so that {@code insert NaTa_t} and {@code gNaTa_tbar_NaTa_t = ...} work in HOC
 * exactly as the engine will run them. Ions and anything the registry lacks come from the interpreter's
 * built-in catalogue (ion mechanisms {@code na_ion}…). Declared GLOBALs ({@code ehcn_Ih}, {@code usetable_hh}) are
 * HOC globals, so an assignment in HOC reaches the engine as the same global a JSON model or {@code --set} sets.
 */
public final class RegistryCatalog implements MechanismCatalog {
    private final Map<String, Mechanism> byName = new LinkedHashMap<>();
    private final BuiltinMechanisms builtin = new BuiltinMechanisms();

    public RegistryCatalog(MechanismLibrary registry) {
        for (MechanismType t : registry.all()) add(t);
    }

    /** Adds (or replaces) a mechanism, e.g. one compiled from a .mod file by {@code nrn_load_dll}. */
    public void add(MechanismType t) {
        Mechanism fallback = builtin.mechanism(t.name());
        List<Parameter> params = new ArrayList<>();
        for (Variable v : t.variables()) params.add(new Parameter(v.name(), v.defaultValue(), v.unit(), v.isGlobal()));
        if (fallback != null) {
            for (Parameter p : fallback.parameters()) {
                if (p.global() && params.stream().noneMatch(q -> q.name().equals(p.name()))) params.add(p);
            }
        }
        List<String> ions = t.ions().stream().map(IonUse::ion).toList();
        byName.put(t.name(), new Mechanism(t.name(), t.kind() != MechanismKind.DENSITY,
                t.kind() == MechanismKind.ARTIFICIAL_CELL, List.copyOf(params), ions));
    }

    @Override
    public Mechanism mechanism(String name) {
        Mechanism m = byName.get(name);
        return m != null ? m : builtin.mechanism(name);
    }

    @Override
    public List<String> names() {
        List<String> n = new ArrayList<>(byName.keySet());
        for (String b : builtin.names()) if (!n.contains(b)) n.add(b);
        return n;
    }
}
