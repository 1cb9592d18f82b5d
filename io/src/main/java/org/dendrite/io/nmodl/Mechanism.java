package org.dendrite.io.nmodl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dendrite.engine.mechanism.IonUse;
import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.io.nmodl.Ast.Decl;
import org.dendrite.io.nmodl.Ast.ModFile;
import org.dendrite.io.nmodl.Ast.UseIon;

/**
 * Semantic model of one mechanism: what every name of the file is (instance variable, GLOBAL, ion variable,
 * constant, NEURON variable), the descriptor variables with units and roles, and the ions with their use.
 */
final class Mechanism {
    enum Where { INSTANCE, PRIVATE, GLOBAL, ION, CONSTANT, SPECIAL, POINTER }

    record Sym(String name, Where where, Variable.Role role, String unit, double value, int length, String ion,
               char ionKind /* e, i (conc in), o, c (current) */) {}

    static final Set<String> SPECIAL = Set.of("v", "t", "dt", "celsius", "area", "diam");

    final ModFile mod;
    final String name;
    final MechanismKind kind;
    final Map<String, Sym> syms = new LinkedHashMap<>();
    final List<Variable> variables = new ArrayList<>();
    final List<IonUse> ions = new ArrayList<>();
    /** Currents written by BREAKPOINT in summation order (ion currents, then non-specific, then electrode). */
    final List<String> currents = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Mechanism(ModFile mod) {
        this.mod = mod;
        this.name = mod.suffix;
        this.kind = switch (mod.kind) {
            case "POINT_PROCESS" -> MechanismKind.POINT_PROCESS;
            case "ARTIFICIAL_CELL" -> MechanismKind.ARTIFICIAL_CELL;
            default -> MechanismKind.DENSITY;
        };
        for (var e : mod.unitConstants.entrySet()) syms.put(e.getKey(), new Sym(e.getKey(), Where.CONSTANT, null, null, e.getValue(), 1, null, ' '));
        for (Decl d : mod.constants) syms.put(d.name(), new Sym(d.name(), Where.CONSTANT, null, d.unit(), d.value() == null ? 0 : d.value(), 1, null, ' '));
        for (String s : SPECIAL) syms.put(s, new Sym(s, Where.SPECIAL, null, null, 0, 1, null, ' '));
        for (UseIon u : mod.ions) {
            boolean re = false, rc = false, wi = false, wc = false;
            for (String r : u.read()) {
                char k = ionKind(u.ion(), r);
                if (k == 0) throw new NmodlException(mod.path, u.line(), 0, "USEION " + u.ion() + " READ " + r + ": not a variable of ion " + u.ion());
                if (k == 'e') re = true;
                if (k == 'i' || k == 'o') rc = true;
                syms.put(r, new Sym(r, Where.ION, null, unitOf(k), 0, 1, u.ion(), k));
            }
            for (String w : u.write()) {
                char k = ionKind(u.ion(), w);
                if (k == 0) throw new NmodlException(mod.path, u.line(), 0, "USEION " + u.ion() + " WRITE " + w + ": not a variable of ion " + u.ion());
                if (k == 'c') { wi = true; currents.add(w); }
                if (k == 'i' || k == 'o') wc = true;
                if (k == 'e') throw new NmodlException(mod.path, u.line(), 0, "USEION WRITE " + w + " (a reversal potential) is not supported");
                syms.put(w, new Sym(w, Where.ION, null, unitOf(k), 0, 1, u.ion(), k));
            }
            boolean readsCurrent = u.read().contains("i" + u.ion());
            ions.add(new IonUse(u.ion(), re, rc, wi, wc, readsCurrent, u.valence() == null ? 0 : u.valence()));
        }
        currents.addAll(mod.nonspecific);
        currents.addAll(mod.electrode);
        for (String c : mod.nonspecific) syms.put(c, new Sym(c, Where.INSTANCE, Variable.Role.ASSIGNED, curUnit(), 0, 1, null, ' '));
        for (String c : mod.electrode) syms.put(c, new Sym(c, Where.INSTANCE, Variable.Role.ASSIGNED, curUnit(), 0, 1, null, ' '));
        for (String pn : mod.pointer) syms.put(pn, new Sym(pn, Where.POINTER, null, null, 0, 1, null, ' '));
        for (Decl d : mod.parameters) declare(d, Variable.Role.PARAMETER);
        for (Decl d : mod.states) declare(d, Variable.Role.STATE);
        for (Decl d : mod.assigned) declare(d, Variable.Role.ASSIGNED);
        for (String g : mod.global) {
            Sym s = syms.get(g);
            if (s == null) notes.add(mod.path + ": GLOBAL " + g + " is not declared");
        }
        // descriptor: instance variables in declaration order (PARAMETER, STATE, ASSIGNED as NEURON lists them)
        for (Sym s : syms.values()) {
            if (s.where == Where.INSTANCE) {
                if (s.length == 1) variables.add(new Variable(s.name, s.role, unitText(s.unit), s.value));
                else for (int i = 0; i < s.length; i++) variables.add(new Variable(s.name + "[" + i + "]", s.role, unitText(s.unit), s.value));
            }
        }
        for (Sym s : syms.values()) {
            if (s.where == Where.GLOBAL && s.length == 1) variables.add(Variable.global(s.name, unitText(s.unit), s.value));
        }
        boolean tables = mod.funcs.values().stream().anyMatch(f -> f.body().stream().anyMatch(st -> st instanceof Ast.Table));
        if (tables) variables.add(Variable.global("usetable", "1", 1));
        // ion currents as visible ASSIGNED (NEURON shows them as <ion current>_<suffix> when RANGE)
        for (String c : currents) {
            Sym s = syms.get(c);
            if (s.where == Where.ION && variables.stream().noneMatch(v -> v.name().equals(c))) {
                variables.add(new Variable(c, Variable.Role.ASSIGNED, curUnit(), 0));
            }
        }
    }

    private String curUnit() {
        return kind == MechanismKind.DENSITY ? "mA/cm2" : "nA";
    }

    static String unitText(String u) {
        return u == null || u.isBlank() ? "1" : u;
    }

    private static String unitOf(char k) {
        return switch (k) { case 'e' -> "mV"; case 'c' -> "mA/cm2"; default -> "mM"; };
    }

    static char ionKind(String ion, String var) {
        if (var.equals("e" + ion)) return 'e';
        if (var.equals("i" + ion)) return 'c';
        if (var.equals(ion + "i")) return 'i';
        if (var.equals(ion + "o")) return 'o';
        return 0;
    }

    private void declare(Decl d, Variable.Role role) {
        Sym old = syms.get(d.name());
        if (old != null && old.where == Where.SPECIAL) {
            if (d.value() != null && role == Variable.Role.PARAMETER && !d.name().equals("v")) {
                notes.add(mod.path + ":" + d.line() + ": " + d.name() + " = " + d.value()
                        + " in PARAMETER: the default is ignored (NEURON's " + d.name() + " is used)");
            }
            return;
        }
        if (old != null && old.where == Where.ION) {
            if (role == Variable.Role.STATE) {
                syms.put(d.name(), new Sym(d.name(), Where.ION, Variable.Role.STATE, old.unit, 0, 1, old.ion, old.ionKind));
                return;
            }
            if (d.value() != null && role != Variable.Role.STATE) {
                notes.add(mod.path + ":" + d.line() + ": " + d.name() + " = " + d.value() + " (PARAMETER of an ion variable): "
                        + "the default is ignored, the ion's value is used (as nocmodl warns)");
            }
            return;
        }
        if (old != null && (old.where == Where.INSTANCE || old.where == Where.POINTER)) return; // e.g. nonspecific current also ASSIGNED
        if (old != null && old.where == Where.CONSTANT) return;
        double def = d.value() == null ? 0 : d.value();
        boolean range = mod.range.contains(d.name());
        boolean global = mod.global.contains(d.name());
        Where w;
        if (role == Variable.Role.STATE) w = Where.INSTANCE;
        else if (global) w = Where.GLOBAL;
        else if (role == Variable.Role.PARAMETER) w = range ? Where.INSTANCE : Where.GLOBAL;
        else w = range ? Where.INSTANCE : Where.PRIVATE;
        syms.put(d.name(), new Sym(d.name(), w, role, d.unit(), def, d.length(), null, ' '));
    }

    /** Globals in declaration order. */
    List<Sym> globals() {
        return syms.values().stream().filter(s -> s.where == Where.GLOBAL).toList();
    }
}
