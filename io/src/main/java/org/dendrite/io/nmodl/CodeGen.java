package org.dendrite.io.nmodl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.io.nmodl.Ast.*;
import org.dendrite.io.nmodl.Mechanism.Sym;
import org.dendrite.io.nmodl.Mechanism.Where;

/**
 * Java source of one mechanism: a {@code MechanismBlock} (density) or {@code PointProcessBlock} subclass with
 * one loop over all instances per call, following nocmodl's translation: BREAKPOINT evaluated at v+0.001 and
 * v for the conductance, cnexp as exponential Euler of the linearised equation, derivimplicit/sparse as
 * implicit Euler solved by Newton, euler explicit, NET_RECEIVE as an event target.
 */
final class CodeGen {
    static final String PACKAGE = "org.dendrite.nmodl.gen";

    private final Mechanism m;
    private final ModFile mod;
    final String className;
    private final StringBuilder out = new StringBuilder();
    private final boolean point;
    private boolean usesNetEvent, usesNetSend;
    /** State elements (arrays expanded) in declaration order. */
    private final List<String> stateElems = new ArrayList<>();
    private final Map<String, Integer> stateBase = new LinkedHashMap<>();
    private int maxImplicit;

    CodeGen(Mechanism m, String className) {
        this.m = m;
        this.mod = m.mod;
        this.className = className;
        this.point = m.kind != MechanismKind.DENSITY;
        for (Sym s : m.syms.values()) {
            if (s.role() == org.dendrite.engine.mechanism.Variable.Role.STATE && (s.where() == Where.INSTANCE || s.where() == Where.ION)) {
                stateBase.put(s.name(), stateElems.size());
                for (int i = 0; i < s.length(); i++) stateElems.add(s.length() == 1 ? s.name() : s.name() + "[" + i + "]");
            }
        }
    }

    private NmodlException err(int line, int col, String msg) {
        return new NmodlException(mod.path, line, col, msg);
    }

    // ------------------------------------------------------------------ scopes
    private static final class Scope {
        final Set<String> locals = new HashSet<>();
        String function;      // FUNCTION name (assignment target -> _ret)
        boolean net;          // NET_RECEIVE: t is the event time
        boolean initial;      // INITIAL: net_send buffered
        String deriv;         // DERIVATIVE/KINETIC being generated
        String method;        // cnexp, euler, implicit
        boolean conserveLhs;
        int eqCount;  // inside a CONSERVE sum: states count with their COMPARTMENT volume
        final Map<String, Integer> conserveIndex = new LinkedHashMap<>();
        int conserveCount;
    }

    // ------------------------------------------------------------------ source
    String generate() {
        String base = point ? "org.dendrite.engine.mechanism.PointProcessBlock" : "org.dendrite.engine.mechanism.MechanismBlock";
        usesNetEvent = containsCall("net_event");
        usesNetSend = containsCall("net_send");
        boolean artificial = point && (mod.netReceive != null || usesNetEvent || m.kind == MechanismKind.ARTIFICIAL_CELL);
        OdeGen ode = new OdeGen(this);
        line("package " + PACKAGE + ";");
        line("");
        line("import org.dendrite.engine.mechanism.CellState;");
        line("import org.dendrite.engine.mechanism.IonPool;");
        line("import org.dendrite.engine.mechanism.MechanismType;");
        line("import org.dendrite.engine.mechanism.EventContext;");
        line("");
        line("/** Generated from " + javaComment(mod.file) + " by dendrite's NMODL compiler. Do not edit. */");
        line("public final class " + className + " extends " + base
                + (artificial ? " implements org.dendrite.engine.mechanism.ArtificialCell" : "")
                + (ode.eligible() ? (artificial ? ", " : " implements ") + ode.implementsClause() : "") + " {");
        line("  private CellState _s;");
        line("  private double _v;");
        line("  private int _nd;");
        // fields
        List<String> ctor = new ArrayList<>();
        for (Sym s : m.syms.values()) {
            String f = "_p_" + s.name();
            switch (s.where()) {
                case INSTANCE -> {
                    if (s.length() == 1) {
                        line("  private final double[] " + f + ";");
                        ctor.add(f + " = array(\"" + s.name() + "\");");
                    } else {
                        line("  private final double[][] " + f + " = new double[" + s.length() + "][];");
                        ctor.add("for (int _i = 0; _i < " + s.length() + "; _i++) " + f + "[_i] = array(\"" + s.name() + "[\" + _i + \"]\");");
                    }
                }
                case PRIVATE -> {
                    if (s.length() == 1) line("  private final double[] " + f + " = new double[count];");
                    else line("  private final double[][] " + f + " = new double[" + s.length() + "][count];");
                }
                case ION -> {
                    if (m.variables.stream().anyMatch(v -> v.name().equals(s.name()))) {
                        line("  private final double[] " + f + ";");
                        ctor.add(f + " = array(\"" + s.name() + "\");");
                    } else {
                        line("  private final double[] " + f + " = new double[count];");
                    }
                }
                case GLOBAL -> {
                    if (s.length() > 1) line("  private final double[] _g_" + s.name() + " = new double[" + s.length() + "];");
                }
                default -> { }
            }
        }
        for (String fl : mod.fileLocals) line("  private double _fl_" + fl + ";");
        for (String pn : mod.pointer) {
            line("  private final double[][] _pa_" + pn + " = new double[count][];");
            line("  private final int[] _pi_" + pn + " = new int[count];");
        }
        if (!mod.pointer.isEmpty()) {
            ctor.add("for (int _k = 0; _k < count; _k++) { " + String.join(" ", mod.pointer.stream()
                    .map(pn -> "_pa_" + pn + "[_k] = _UNBOUND;").toList()) + " }");
        }
        for (var u : m.ions) {
            line("  private final IonPool _ion_" + u.ion() + ";");
            ctor.add("_ion_" + u.ion() + " = s.ion(\"" + u.ion() + "\");");
        }
        line("  private final double[][] _st = new double[" + stateElems.size() + "][];");
        if (artificial) {
            line("  private final org.dendrite.engine.mechanism.SpikeSource[] _src;");
            line("  private double[] _pendT = new double[4], _pendF = new double[4];");
            line("  private int[] _pendK = new int[4];");
            line("  private int _npend;");
            ctor.add("_src = new org.dendrite.engine.mechanism.SpikeSource[count];");
            ctor.add("for (int _k = 0; _k < count; _k++) _src[_k] = new org.dendrite.engine.mechanism.SpikeSource(type.name() + \"[\" + _k + \"]\");");
        }
        line("");
        line("  public " + className + "(MechanismType type, int[] node, CellState s) {");
        line(point ? "    super(type, node, s);" : "    super(type, node);");
        line("    _s = s;");
        for (String c : ctor) line("    " + c);
        for (int i = 0; i < stateElems.size(); i++) {
            String e = stateElems.get(i);
            int br = e.indexOf('[');
            line("    _st[" + i + "] = " + (br < 0 ? "_p_" + e : "_p_" + e.substring(0, br) + e.substring(br)) + ";");
        }
        line("  }");
        if (!mod.pointer.isEmpty()) {
            line("  private static final double[] _UNBOUND = {Double.NaN};");
            line("  @Override public void bindPointer(String name, int instance, double[] array, int index) {");
            line("    switch (name) {");
            for (String pn : mod.pointer) {
                line("      case \"" + pn + "\": _pa_" + pn + "[instance] = array; _pi_" + pn + "[instance] = index; return;");
            }
            line("      default: super.bindPointer(name, instance, array, index);");
            line("    }");
            line("  }");
        }
        genInitialize(artificial);
        genCurrent();
        genAdvance();
        ode.emit();
        for (Func f : mod.funcs.values()) {
            switch (f.kind()) {
                case "PROCEDURE", "FUNCTION" -> genFunction(f);
                case "FUNCTION_TABLE" -> { }
                default -> { }
            }
        }
        genCallFunction();
        if (mod.netReceive != null) genNetReceive();
        else if (point) {
            line("  @Override public void receive(int _k, double _t, double[] _w, double _flag, EventContext _ctx) {");
            line("    throw new IllegalStateException(\"" + m.name + " has no NET_RECEIVE block\");");
            line("  }");
        }
        if (artificial) {
            line("  @Override public org.dendrite.engine.mechanism.SpikeSource source(int k) { return _src[k]; }");
            line("  @Override public void start(double t, EventContext ctx) {");
            line("    for (int i = 0; i < _npend; i++) ctx.sendSelf(_pendT[i], this, _pendK[i], _pendF[i]);");
            line("    _npend = 0;");
            line("  }");
            line("  private void _pend(int k, double t, double flag) {");
            line("    if (_npend == _pendT.length) { _pendT = java.util.Arrays.copyOf(_pendT, 2 * _npend);"
                    + " _pendF = java.util.Arrays.copyOf(_pendF, 2 * _npend); _pendK = java.util.Arrays.copyOf(_pendK, 2 * _npend); }");
            line("    _pendT[_npend] = t; _pendF[_npend] = flag; _pendK[_npend++] = k;");
            line("  }");
        }
        if (maxImplicit > 0) genNewton();
        line("  @Override public void prepare(CellState s) {");
        line("    _s = s;");
        for (String c : tableChecks) line("    " + c);
        line("  }");
        if (!watches.isEmpty()) genWatch();
        else line("  private void _wReset() { }");
        out.append(deferred);
        line("}");
        return out.toString();
    }

    private static String javaComment(String s) {
        return s.replace("*/", "* /").replace("\\u", "\\ u");
    }

    private boolean containsCall(String name) {
        List<List<Stmt>> bodies = new ArrayList<>();
        if (mod.initial != null) bodies.add(mod.initial);
        if (mod.netReceive != null) bodies.add(mod.netReceive.body());
        for (Func f : mod.funcs.values()) bodies.add(f.body());
        for (List<Stmt> b : bodies) if (containsCall(b, name)) return true;
        return false;
    }

    private static boolean containsCall(List<Stmt> b, String name) {
        for (Stmt s : b) {
            if (s instanceof ExprStmt es && es.e() instanceof Call c && c.name().equals(name)) return true;
            if (s instanceof If i && (containsCall(i.then(), name) || containsCall(i.otherwise(), name))) return true;
            if (s instanceof Block bl && containsCall(bl.body(), name)) return true;
            if (s instanceof While w && containsCall(w.body(), name)) return true;
            if (s instanceof InitialInNet in && containsCall(in.body(), name)) return true;
            if (s instanceof FromLoop fl && containsCall(fl.body(), name)) return true;
        }
        return false;
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    static String lit(double v) {
        if (Double.isNaN(v)) return "Double.NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        return Double.toString(v);
    }

    // ------------------------------------------------------------------ ions
    private void ionsIn(String ind, boolean currentsToo) {
        for (Sym s : m.syms.values()) {
            if (s.where() != Where.ION) continue;
            boolean read = false;
            for (var u : mod.ions) if (u.ion().equals(s.ion()) && u.read().contains(s.name())) read = true;
            boolean writtenConc = (s.ionKind() == 'i' || s.ionKind() == 'o') && writes(s);
            if (s.ionKind() == 'c' && !read) continue;
            if (!read && !writtenConc) continue;
            line(ind + "_p_" + s.name() + "[_k] = _ion_" + s.ion() + "." + ionArray(s.ionKind()) + "[_nd];");
        }
    }

    private boolean writes(Sym s) {
        for (var u : mod.ions) if (u.ion().equals(s.ion()) && u.write().contains(s.name())) return true;
        return false;
    }

    private void concentrationsOut(String ind) {
        for (Sym s : m.syms.values()) {
            if (s.where() == Where.ION && (s.ionKind() == 'i' || s.ionKind() == 'o') && writes(s)) {
                line(ind + "_ion_" + s.ion() + "." + ionArray(s.ionKind()) + "[_nd] = _p_" + s.name() + "[_k];");
            }
        }
    }

    private static String ionArray(char k) {
        return switch (k) { case 'e' -> "e"; case 'i' -> "ci"; case 'o' -> "co"; default -> "i"; };
    }

    // ------------------------------------------------------------------ INITIAL
    private void genInitialize(boolean artificial) {
        line("  @Override public void initialize(CellState s) {");
        line("    _s = s;");
        if (artificial) line("    _npend = 0;");
        line("    _wReset();");
        line("    for (int _k = 0; _k < count; _k++) {");
        line("      boolean _wfirst = true;");
        line("      _nd = node[_k];");
        line("      _v = s.v[_nd];");
        ionsIn("      ", true);
        for (int i = 0; i < stateElems.size(); i++) {
            if (m.syms.get(stateName(i)).where() != Where.ION) line("      _st[" + i + "][_k] = 0.0;");
        }
        List<Stmt> before = mod.ba.get("BEFORE INITIAL");
        if (before != null) body(before, newScope(before, null), "      ");
        if (mod.initial != null) {
            Scope sc = newScope(mod.initial, null);
            sc.initial = true;
            body(mod.initial, sc, "      ");
        }
        List<Stmt> after = mod.ba.get("AFTER INITIAL");
        if (after != null) body(after, newScope(after, null), "      ");
        concentrationsOut("      ");
        line("    }");
        if (mod.ba.containsKey("BEFORE BREAKPOINT")) line("    _beforeBreakpoint(s);");
        line("  }");
    }

    private int globalIndex(String n) {
        int i = 0;
        for (var v : m.variables) {
            if (v.isGlobal()) {
                if (v.name().equals(n)) return i;
                i++;
            }
        }
        throw new IllegalStateException("no global " + n);
    }

    private String stateName(int i) {
        String e = stateElems.get(i);
        int br = e.indexOf('[');
        return br < 0 ? e : e.substring(0, br);
    }

    private Scope newScope(List<Stmt> b, List<String> params) {
        Scope sc = new Scope();
        if (params != null) sc.locals.addAll(params);
        collectLocals(b, sc.locals);
        return sc;
    }

    private static void collectLocals(List<Stmt> b, Set<String> out) {
        for (Stmt s : b) {
            if (s instanceof Local l) out.addAll(l.names());
            if (s instanceof If i) { collectLocals(i.then(), out); collectLocals(i.otherwise(), out); }
            if (s instanceof Block bl) collectLocals(bl.body(), out);
            if (s instanceof While w) collectLocals(w.body(), out);
            if (s instanceof FromLoop fl) { out.add(fl.var()); collectLocals(fl.body(), out); }
        }
    }

    /** Statements of a block, with its locals declared first (all of them, whatever the nesting). */
    private void body(List<Stmt> b, Scope sc, String ind) {
        Set<String> locals = new java.util.LinkedHashSet<>();
        collectLocalDecls(b, locals);
        for (String l : locals) line(ind + "double _l_" + l + " = 0.0;");
        for (Stmt s : b) stmt(s, sc, ind);
    }

    private void collectLocalDecls(List<Stmt> b, Set<String> out) {
        for (Stmt s : b) {
            if (s instanceof Local l) {
                for (int i = 0; i < l.names().size(); i++) {
                    if (l.lengths().get(i) != 1) throw err(0, 0, "LOCAL arrays are not supported (" + l.names().get(i) + ")");
                    out.add(l.names().get(i));
                }
            }
            if (s instanceof If i) { collectLocalDecls(i.then(), out); collectLocalDecls(i.otherwise(), out); }
            if (s instanceof Block bl) collectLocalDecls(bl.body(), out);
            if (s instanceof While w) collectLocalDecls(w.body(), out);
            if (s instanceof FromLoop fl) { out.add(fl.var()); collectLocalDecls(fl.body(), out); }
        }
    }

    // ------------------------------------------------------------------ BREAKPOINT currents
    private void genCurrent() {
        List<Stmt> bp = mod.breakpoint == null ? List.of() : mod.breakpoint;
        List<Stmt> noSolve = bp.stream().filter(s -> !(s instanceof Solve)).toList();
        boolean hasBa = mod.ba.containsKey("BEFORE BREAKPOINT");
        line("  @Override public void current(CellState s) {");
        line("    _s = s;");
        if (hasBa) line("    _beforeBreakpoint(s);");
        if (!m.currents.isEmpty()) {
            line("    for (int _k = 0; _k < count; _k++) {");
            line("      _nd = node[_k];");
            ionsIn("      ", true);
            line("      _v = s.v[_nd] + 0.001;");
            line("      double _g = _nrnCurrent(_k);");
            for (String c : ionCurrents()) line("      double _d" + c + " = " + ref(c) + ";");
            line("      _v = s.v[_nd];");
            line("      double _rhs = _nrnCurrent(_k);");
            for (String c : ionCurrents()) {
                Sym sy = m.syms.get(c);
                String f = point ? " * (1.e2 / s.area[_nd])" : "";
                line("      _ion_" + sy.ion() + ".didv[_nd] += (_d" + c + " - " + ref(c) + ") / 0.001" + f + ";");
                line("      _ion_" + sy.ion() + ".i[_nd] += " + ref(c) + f + ";");
            }
            line("      _g = (_g - _rhs) / 0.001;");
            if (point) {
                line("      _g *= 1.e2 / s.area[_nd];");
                line("      _rhs *= 1.e2 / s.area[_nd];");
            }
            line("      s.rhs[_nd] -= _rhs;");
            line("      s.d[_nd] += _g;");
            line("    }");
        }
        line("  }");
        line("  private double _nrnCurrent(int _k) {");
        Scope sc = newScope(noSolve, null);
        body(noSolve, sc, "    ");
        StringBuilder sum = new StringBuilder("0.0");
        for (String c : m.currents) {
            sum.append(mod.electrode.contains(c) ? " - " : " + ").append(ref(c));
        }
        line("    return " + sum + ";");
        line("  }");
        if (hasBa) {
            line("  private void _beforeBreakpoint(CellState s) {");
            line("    for (int _k = 0; _k < count; _k++) {");
            line("      _nd = node[_k];");
            line("      _v = s.v[_nd];");
            ionsIn("      ", true);
            List<Stmt> b = mod.ba.get("BEFORE BREAKPOINT");
            body(b, newScope(b, null), "      ");
            line("    }");
            line("  }");
        }
    }

    private List<String> ionCurrents() {
        return m.currents.stream().filter(c -> m.syms.get(c).where() == Where.ION).toList();
    }

    private String ref(String name) {
        return "_p_" + name + "[_k]";
    }

    // ------------------------------------------------------------------ SOLVE (states)
    private void genAdvance() {
        List<Solve> solves = new ArrayList<>();
        if (mod.breakpoint != null) for (Stmt s : mod.breakpoint) if (s instanceof Solve sv) solves.add(sv);
        List<Stmt> afterSolve = mod.ba.get("AFTER SOLVE");
        if (mod.ba.containsKey("BEFORE STEP") || mod.ba.containsKey("AFTER STEP")) {
            throw err(0, 0, "BEFORE/AFTER STEP blocks are not supported");
        }
        // NEURON (nocmodl) runs the BREAKPOINT of a mechanism that writes no current in the state update, after
        // the voltage update: its assignments (e.g. a value read through a POINTER) see the new v of the step.
        boolean breakpointInState = m.currents.isEmpty() && mod.breakpoint != null
                && mod.breakpoint.stream().anyMatch(st -> !(st instanceof Solve));
        line("  @Override public void advanceStates(CellState s) {");
        line("    _s = s;");
        if (!solves.isEmpty() || afterSolve != null || breakpointInState) {
            line("    for (int _k = 0; _k < count; _k++) {");
            line("      _nd = node[_k];");
            line("      _v = s.v[_nd];");
            ionsIn("      ", true);
            for (Solve sv : solves) line("      " + solveCall(sv, false) + ";");
            if (afterSolve != null) body(afterSolve, newScope(afterSolve, null), "      ");
            if (breakpointInState) line("      _nrnCurrent(_k);");
            concentrationsOut("      ");
            line("    }");
        }
        line("  }");
    }

    private final Set<String> generatedSolvers = new HashSet<>();

    /** The call that runs a SOLVE; generates the solver method on first use. */
    private String solveCall(Solve sv, boolean steady) {
        Func f = mod.funcs.get(sv.name());
        if (f == null) throw err(sv.line(), sv.col(), "SOLVE " + sv.name() + ": no such block");
        String method = sv.method() == null ? "" : sv.method();
        switch (f.kind()) {
            case "PROCEDURE" -> {
                return "_f_" + f.name() + "(_k)";
            }
            case "DERIVATIVE" -> {
                if (steady) return implicit(f, true);
                switch (method) {
                    case "cnexp" -> { return cnexp(f); }
                    case "euler" -> { return euler(f); }
                    case "derivimplicit", "", "runge", "adrunge", "clsoda", "after_cvode", "cvode_t", "sparse" -> { return implicit(f, false); }
                    default -> throw err(sv.line(), sv.col(), "SOLVE " + sv.name() + " METHOD " + method + " is not supported");
                }
            }
            case "KINETIC" -> {
                return implicit(f, steady || sv.steadyState());
            }
            case "LINEAR", "NONLINEAR" -> {
                return linear(f);
            }
            default -> throw err(sv.line(), sv.col(), "SOLVE of a " + f.kind() + " block (" + sv.name()
                    + ") is not supported");
        }
    }

    private String cnexp(Func f) {
        String mname = "_cnexp_" + f.name();
        if (generatedSolvers.add(mname)) {
            StringBuilder save = swap();
            line("  private void " + mname + "(int _k) {");
            Scope sc = newScope(f.body(), null);
            sc.deriv = f.name();
            sc.method = "cnexp";
            body(f.body(), sc, "    ");
            line("  }");
            deferred.append(restore(save));
        }
        return mname + "(_k)";
    }

    private String euler(Func f) {
        String mname = "_euler_" + f.name();
        if (generatedSolvers.add(mname)) {
            StringBuilder save = swap();
            int n = stateElems.size();
            line("  private final double[] _eul_" + f.name() + " = new double[" + n + "];");
            line("  private void " + mname + "(int _k) {");
            line("    double[] _dy = _eul_" + f.name() + ";");
            line("    java.util.Arrays.fill(_dy, 0.0);");
            Scope sc = newScope(f.body(), null);
            sc.deriv = f.name();
            sc.method = "euler";
            body(f.body(), sc, "    ");
            for (int i : primedStates(f.body())) line("    _st[" + i + "][_k] = _st[" + i + "][_k] + _s.dt * _dy[" + i + "];");
            line("  }");
            deferred.append(restore(save));
        }
        return mname + "(_k)";
    }

    private List<Integer> primedStates(List<Stmt> b) {
        List<Integer> out = new ArrayList<>();
        collectPrimes(b, out);
        return out;
    }

    private void collectPrimes(List<Stmt> b, List<Integer> out) {
        for (Stmt s : b) {
            if (s instanceof Assign a && a.prime()) {
                Integer base = stateBase.get(a.lhs().name());
                if (base == null) throw err(a.line(), a.lhs().col(), a.lhs().name() + "' = ...: " + a.lhs().name() + " is not a STATE");
                if (!out.contains(base)) out.add(base);
            }
            if (s instanceof If i) { collectPrimes(i.then(), out); collectPrimes(i.otherwise(), out); }
            if (s instanceof Block bl) collectPrimes(bl.body(), out);
        }
    }

    /**
     * Implicit Euler (derivimplicit, sparse) or steady state of a DERIVATIVE/KINETIC block, solved by Newton
     * iterations with a finite-difference Jacobian (as NEURON's scopmath newton) to full precision.
     */
    private String implicit(Func f, boolean steady) {
        String fname = "_rhs_" + f.name();
        if (generatedSolvers.add(fname)) {
            StringBuilder save = swap();
            int n = stateElems.size();
            maxImplicit = Math.max(maxImplicit, n);
            Scope sc = newScope(f.body(), null);
            sc.deriv = f.name();
            sc.method = "implicit";
            // compartments: per state volume expression
            line("  private final double[] _vol_" + f.name() + " = new double[" + n + "];");
            line("  private final double[] _cons_" + f.name() + " = new double[" + n + "];");
            line("  private final int[] _consRow_" + f.name() + " = new int[" + n + "];");
            line("  /** Right-hand sides (fluxes) into _dy; compartment volumes into _vol; conservation residuals. */");
            line("  private void " + fname + "(int _k, double[] _dy) {");
            line("    java.util.Arrays.fill(_dy, 0.0);");
            line("    java.util.Arrays.fill(_vol_" + f.name() + ", 1.0);");
            line("    double _l_f_flux = 0.0, _l_b_flux = 0.0;");
            sc.locals.add("f_flux");
            sc.locals.add("b_flux");
            body(f.body(), sc, "    ");
            line("  }");
            List<Integer> rows = new ArrayList<>();
            if (f.kind().equals("KINETIC")) for (int i = 0; i < n; i++) rows.add(i);
            else rows.addAll(primedStates(f.body()));
            line("  private void _res_" + f.name() + "(int _k, boolean _steady, double[] _y0, double[] _r) {");
            line("    " + fname + "(_k, _dyw);");
            for (int i : rows) {
                line("    _r[" + i + "] = _vol_" + f.name() + "[" + i + "] * (_st[" + i + "][_k] - _y0[" + i + "]) - (_steady ? 1e9 : _s.dt) * _dyw[" + i + "];");
            }
            for (int c = 0; c < sc.conserveCount; c++) {
                line("    _r[_consRow_" + f.name() + "[" + c + "]] = _cons_" + f.name() + "[" + c + "];");
            }
            line("  }");
            String rowsArr = rows.toString().replace('[', '{').replace(']', '}');
            line("  private static final int[] _rows_" + f.name() + " = new int[] " + rowsArr + ";");
            line("  private void _implicit_" + f.name() + "(int _k, boolean _steady) {");
            line("    int[] _rows = _rows_" + f.name() + ";");
            line("    int _n = _rows.length;");
            line("    // STEADYSTATE: implicit Euler steps of 1e9 ms until nothing changes (mass in the compartments kept)");
            line("    for (int _ss = 0; _ss < (_steady ? 50 : 1); _ss++) {");
            line("    boolean _moved = false;");
            line("    for (int _i = 0; _i < " + n + "; _i++) _y0[_i] = _st[_i][_k];");
            line("    for (int _it = 0; _it < 200; _it++) {");
            line("      _res_" + f.name() + "(_k, _steady, _y0, _r0);");
            line("      for (int _j = 0; _j < _n; _j++) {");
            line("        int _c = _rows[_j];");
            line("        double _x = _st[_c][_k];");
            line("        double _h = Math.max(Math.abs(_x) * 1e-7, 1e-12);");
            line("        _st[_c][_k] = _x + _h;");
            line("        _res_" + f.name() + "(_k, _steady, _y0, _r1);");
            line("        _st[_c][_k] = _x;");
            line("        for (int _i = 0; _i < _n; _i++) _jac[_i * _n + _j] = (_r1[_rows[_i]] - _r0[_rows[_i]]) / _h;");
            line("      }");
            line("      for (int _i = 0; _i < _n; _i++) _dx[_i] = -_r0[_rows[_i]];");
            line("      _gauss(_n);");
            line("      boolean _done = true;");
            line("      for (int _i = 0; _i < _n; _i++) {");
            line("        int _c = _rows[_i];");
            line("        double _x = _st[_c][_k] + _dx[_i];");
            line("        if (Math.abs(_dx[_i]) > 1e-15 + 1e-13 * Math.abs(_x)) _done = false;");
            line("        _st[_c][_k] = _x;");
            line("      }");
            line("      if (_done) break;");
            line("    }");
            line("    for (int _i = 0; _i < " + n + "; _i++) if (Math.abs(_st[_i][_k] - _y0[_i]) > 1e-14 * Math.abs(_y0[_i])) _moved = true;");
            line("    if (!_moved) break;");
            line("    }");
            line("    " + fname + "(_k, _dyw); // side effects (f_flux, assigned values) at the solution");
            line("  }");
            deferred.append(restore(save));
        }
        return "_implicit_" + f.name() + "(_k, " + steady + ")";
    }

    /** LINEAR/NONLINEAR: the equations {@code ~ lhs = rhs}, one per STATE, solved by Newton for the states. */
    private String linear(Func f) {
        String fname = "_lin_" + f.name();
        if (generatedSolvers.add(fname)) {
            StringBuilder save = swap();
            int n = stateElems.size();
            maxImplicit = Math.max(maxImplicit, n);
            Scope sc = newScope(f.body(), null);
            sc.deriv = f.name();
            sc.method = "linear";
            line("  private void _leq_" + f.name() + "(int _k, double[] _r) {");
            line("    java.util.Arrays.fill(_r, 0.0);");
            body(f.body(), sc, "    ");
            line("  }");
            if (sc.eqCount != n) {
                throw err(f.line(), f.col(), f.kind() + " " + f.name() + ": " + sc.eqCount + " equations for " + n
                        + " STATEs (dendrite solves a LINEAR/NONLINEAR block for all STATEs)");
            }
            line("  private void " + fname + "(int _k) {");
            line("    int _n = " + n + ";");
            line("    for (int _it = 0; _it < 200; _it++) {");
            line("      _leq_" + f.name() + "(_k, _r0);");
            line("      for (int _j = 0; _j < _n; _j++) {");
            line("        double _x = _st[_j][_k];");
            line("        double _h = Math.max(Math.abs(_x) * 1e-7, 1e-12);");
            line("        _st[_j][_k] = _x + _h;");
            line("        _leq_" + f.name() + "(_k, _r1);");
            line("        _st[_j][_k] = _x;");
            line("        for (int _i = 0; _i < _n; _i++) _jac[_i * _n + _j] = (_r1[_i] - _r0[_i]) / _h;");
            line("      }");
            line("      for (int _i = 0; _i < _n; _i++) _dx[_i] = -_r0[_i];");
            line("      _gauss(_n);");
            line("      boolean _done = true;");
            line("      for (int _i = 0; _i < _n; _i++) {");
            line("        double _x = _st[_i][_k] + _dx[_i];");
            line("        if (Math.abs(_dx[_i]) > 1e-15 + 1e-13 * Math.abs(_x)) _done = false;");
            line("        _st[_i][_k] = _x;");
            line("      }");
            line("      if (_done) break;");
            line("    }");
            line("  }");
            deferred.append(restore(save));
        }
        return fname + "(_k)";
    }

    private final StringBuilder deferred = new StringBuilder();
    private final List<Watch> watches = new ArrayList<>();

    /** WATCH: after activation, a false-to-true change of the condition sends a self-event with the flag (at t). */
    private void genWatch() {
        int nw = watches.size();
        line("  private static final int _NW = " + nw + ";");
        line("  private final boolean[] _wOn = new boolean[count * _NW], _wWas = new boolean[count * _NW];");
        line("  private final double[] _wFlag = new double[count * _NW];");
        line("  private void _wReset() { java.util.Arrays.fill(_wOn, false); }");
        line("  @Override public void watch(CellState s, EventContext ctx) {");
        line("    _s = s;");
        line("    for (int _k = 0; _k < count; _k++) {");
        line("      _nd = node[_k];");
        line("      _v = s.v[_nd];");
        ionsIn("      ", true);
        Scope sc = new Scope();
        for (int w = 0; w < nw; w++) {
            line("      if (_wOn[_k * _NW + " + w + "]) {");
            line("        boolean _c = " + cond(watches.get(w).cond(), sc) + ";");
            line("        if (_c && !_wWas[_k * _NW + " + w + "]) ctx.sendSelf(s.t, this, _k, _wFlag[_k * _NW + " + w + "]);");
            line("        _wWas[_k * _NW + " + w + "] = _c;");
            line("      }");
        }
        line("    }");
        line("  }");
    }

    private StringBuilder swap() {
        StringBuilder saved = new StringBuilder(out);
        out.setLength(0);
        return saved;
    }

    private String restore(StringBuilder saved) {
        String gen = out.toString();
        out.setLength(0);
        out.append(saved);
        return gen;
    }

    private void genNewton() {
        int n = Math.max(1, stateElems.size());
        line("  private final double[] _y0 = new double[" + n + "], _r0 = new double[" + n + "], _r1 = new double[" + n
                + "], _dyw = new double[" + n + "], _dx = new double[" + n + "], _jac = new double[" + (n * n) + "];");
        line("  /** Solves _jac * x = _dx in place (Gaussian elimination, partial pivoting). */");
        line("  private void _gauss(int n) {");
        line("    double[] a = _jac, b = _dx;");
        line("    for (int c = 0; c < n; c++) {");
        line("      int piv = c;");
        line("      for (int r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]) > Math.abs(a[piv * n + c])) piv = r;");
        line("      if (piv != c) {");
        line("        for (int j = 0; j < n; j++) { double t = a[c * n + j]; a[c * n + j] = a[piv * n + j]; a[piv * n + j] = t; }");
        line("        double t = b[c]; b[c] = b[piv]; b[piv] = t;");
        line("      }");
        line("      double p = a[c * n + c];");
        line("      for (int r = c + 1; r < n; r++) {");
        line("        double f = a[r * n + c] / p;");
        line("        if (f == 0) continue;");
        line("        for (int j = c; j < n; j++) a[r * n + j] -= f * a[c * n + j];");
        line("        b[r] -= f * b[c];");
        line("      }");
        line("    }");
        line("    for (int r = n - 1; r >= 0; r--) {");
        line("      double s = b[r];");
        line("      for (int j = r + 1; j < n; j++) s -= a[r * n + j] * b[j];");
        line("      b[r] = s / a[r * n + r];");
        line("    }");
        line("  }");
    }

    // ------------------------------------------------------------------ functions
    private Table tableOf(Func f) {
        for (Stmt st : f.body()) if (st instanceof Table t) return t;
        return null;
    }

    private final List<String> tableChecks = new ArrayList<>();

    /**
     * TABLE as nocmodl: n+1 points from FROM to TO (x advanced by += dx), rebuilt when a DEPEND value changed,
     * linear interpolation {@code t[i] + theta*(t[i+1]-t[i])}, end values outside; off when usetable_SUFFIX = 0.
     */
    private void genTable(Func f, Table t) {
        if (f.params().size() != 1) throw err(t.line(), 0, "TABLE in " + f.name() + ": needs exactly one argument");
        Scope sc = newScope(List.of(), null);
        int n = (int) Math.round(((Num) constFold(t.with())).value());
        String nm = f.name();
        boolean fn = f.kind().equals("FUNCTION");
        List<String> names = new ArrayList<>(t.names());
        if (fn) names.add(0, "_ret");
        for (String v : names) line("  private final double[] _t_" + nm + "_" + v + " = new double[" + (n + 1) + "];");
        line("  private double _tmin_" + nm + ", _mfac_" + nm + ";");
        line("  private boolean _mk_" + nm + " = true;");
        for (int i = 0; i < t.depend().size(); i++) line("  private double _sav_" + nm + "_" + i + " = Double.NaN;");
        int use = globalIndex("usetable");
        line("  private void _check_" + nm + "() {");
        line("    if (globals[" + use + "] == 0 || count == 0) return;");
        for (int i = 0; i < t.depend().size(); i++) {
            String d = expr(new Var(t.depend().get(i), null, t.line(), 0), sc);
            line("    if (!(_sav_" + nm + "_" + i + " == " + d + ")) _mk_" + nm + " = true;");
        }
        line("    if (!_mk_" + nm + ") return;");
        line("    _mk_" + nm + " = false;");
        line("    int _k = 0;");
        line("    _nd = node[0];");
        line("    _tmin_" + nm + " = " + expr(t.from(), sc) + ";");
        line("    double _tmax = " + expr(t.to(), sc) + ";");
        line("    double _dx = (_tmax - _tmin_" + nm + ") / " + lit(n) + ";");
        line("    _mfac_" + nm + " = 1. / _dx;");
        line("    double _x = _tmin_" + nm + ";");
        line("    for (int _i = 0; _i < " + (n + 1) + "; _x += _dx, _i++) {");
        line("      " + (fn ? "double _r = " : "") + "_fd_" + nm + "(0, _x);");
        for (String v : names) {
            line("      _t_" + nm + "_" + v + "[_i] = " + (v.equals("_ret") ? "_r" : lvalue(new Var(v, null, t.line(), 0), sc)) + ";");
        }
        line("    }");
        for (int i = 0; i < t.depend().size(); i++) {
            line("    _sav_" + nm + "_" + i + " = " + expr(new Var(t.depend().get(i), null, t.line(), 0), sc) + ";");
        }
        line("  }");
        tableChecks.add("_check_" + nm + "();");
        // the looked-up procedure/function
        line("  private double _f_" + nm + "(int _k, double _lv) {");
        line("    if (globals[" + use + "] == 0) return _fd_" + nm + "(_k, _lv);");
        line("    double _xi = _mfac_" + nm + " * (_lv - _tmin_" + nm + ");");
        line("    double _ret = 0.0;");
        String[] cases = {"Double.isNaN(_xi)", "_xi <= 0.", "_xi >= " + lit(n)};
        for (int c = 0; c < 3; c++) {
            line("    " + (c == 0 ? "" : "else ") + "if (" + cases[c] + ") {");
            for (String v : names) {
                String tgt = v.equals("_ret") ? "_ret" : lvalue(new Var(v, null, t.line(), 0), sc);
                String val = c == 0 ? "_xi" : "_t_" + nm + "_" + v + "[" + (c == 1 ? 0 : n) + "]";
                line("      " + tgt + " = " + val + ";");
            }
            line("      return " + (fn ? "_ret" : "0.0") + ";");
            line("    }");
        }
        line("    int _i = (int) _xi;");
        line("    double _theta = _xi - (double) _i;");
        for (String v : names) {
            String tgt = v.equals("_ret") ? "_ret" : lvalue(new Var(v, null, t.line(), 0), sc);
            String a = "_t_" + nm + "_" + v;
            line("    " + tgt + " = " + a + "[_i] + _theta * (" + a + "[_i + 1] - " + a + "[_i]);");
        }
        line("    return " + (fn ? "_ret" : "0.0") + ";");
        line("  }");
    }

    private static Expr constFold(Expr e) {
        if (e instanceof Num) return e;
        if (e instanceof Un u && u.op().equals("-") && constFold(u.e()) instanceof Num n) return new Num(-n.value());
        throw new IllegalArgumentException("TABLE WITH needs a number");
    }

    /** {@code callFunction}: a FUNCTION called from outside (HOC's {@code pp.f()}, probes) for one instance. */
    private void genCallFunction() {
        List<Func> fns = mod.funcs.values().stream().filter(f -> f.kind().equals("FUNCTION")).toList();
        if (fns.isEmpty()) return;
        line("  @Override public double callFunction(String name, int instance, double... args) {");
        line("    if (count == 0 || _s == null) return super.callFunction(name, instance, args);");
        line("    _nd = node[instance];");
        line("    _v = _s.v[_nd];");
        line("    switch (name) {");
        for (Func f : fns) {
            StringBuilder call = new StringBuilder("_f_" + f.name() + "(instance");
            for (int i = 0; i < f.params().size(); i++) call.append(", args[").append(i).append(']');
            line("      case \"" + f.name() + "\": if (args.length != " + f.params().size() + ") break; return " + call + ");");
        }
        line("      default: break;");
        line("    }");
        line("    return super.callFunction(name, instance, args);");
        line("  }");
    }

    private void genFunction(Func f) {
        Table tb = tableOf(f);
        if (tb != null) genTable(f, tb);
        StringBuilder sig = new StringBuilder("  private double _f" + (tb != null ? "d_" : "_") + f.name() + "(int _k");
        for (String p : f.params()) sig.append(", double _l_").append(p);
        line(sig + ") {");
        Scope sc = newScope(f.body(), f.params());
        if (f.kind().equals("FUNCTION")) {
            sc.function = f.name();
            line("    double _ret = 0.0;");
        }
        body(f.body(), sc, "    ");
        line(f.kind().equals("FUNCTION") ? "    return _ret;" : "    return 0.0;");
        line("  }");
    }

    private void genNetReceive() {
        Func f = mod.netReceive;
        line("  @Override public void receive(int _k, double _t, double[] _w, double _flag, EventContext _ctx) {");
        line("    boolean _wfirst = true;");
        line("    _nd = node[_k];");
        line("    _v = _s.v[_nd];");
        ionsIn("    ", true);
        for (int i = 0; i < f.params().size(); i++) {
            line("    double _l_" + f.params().get(i) + " = _w != null && _w.length > " + i + " ? _w[" + i + "] : 0.0;");
        }
        Scope sc = newScope(f.body(), f.params());
        sc.net = true;
        List<Stmt> b = f.body().stream().filter(s -> !(s instanceof InitialInNet)).toList();
        body(b, sc, "    ");
        for (int i = 0; i < f.params().size(); i++) {
            line("    if (_w != null && _w.length > " + i + ") _w[" + i + "] = _l_" + f.params().get(i) + ";");
        }
        concentrationsOut("    ");
        line("  }");
    }

    // ------------------------------------------------------------------ statements
    private void stmt(Stmt s, Scope sc, String ind) {
        if (s instanceof Local l) { } else if (s instanceof Verbatim vb) { } else if (s instanceof Ignored ig) { } else if (s instanceof Table tb) { /* TABLE: values computed directly (docs/nmodl.md) */ } else if (s instanceof Block b) {
                line(ind + "{");
                for (Stmt x : b.body()) stmt(x, sc, ind + "  ");
                line(ind + "}");
            } else if (s instanceof If i) {
                line(ind + "if (" + cond(i.cond(), sc) + ") {");
                for (Stmt x : i.then()) stmt(x, sc, ind + "  ");
                if (!i.otherwise().isEmpty()) {
                    line(ind + "} else {");
                    for (Stmt x : i.otherwise()) stmt(x, sc, ind + "  ");
                }
                line(ind + "}");
            } else if (s instanceof While w) {
                line(ind + "while (" + cond(w.cond(), sc) + ") {");
                for (Stmt x : w.body()) stmt(x, sc, ind + "  ");
                line(ind + "}");
            } else if (s instanceof FromLoop fl) {
                String v = "_l_" + fl.var();
                line(ind + "for (" + v + " = " + expr(fl.from(), sc) + "; " + v + " <= " + expr(fl.to(), sc) + "; " + v + " += 1.0) {");
                for (Stmt x : fl.body()) stmt(x, sc, ind + "  ");
                line(ind + "}");
            } else if (s instanceof Assign a) { assign(a, sc, ind); } else if (s instanceof ExprStmt es) {
                Call c = (Call) es.e();
                switch (c.name()) {
                    case "printf", "fprintf" -> { }
                    case "net_send" -> {
                        if (c.args().size() != 2) throw err(c.line(), c.col(), "net_send takes (delay, flag)");
                        String d = expr(c.args().get(0), sc), fl = expr(c.args().get(1), sc);
                        if (sc.net) line(ind + "_ctx.sendSelf(_t + " + d + ", this, _k, " + fl + ");");
                        else if (sc.initial) line(ind + "_pend(_k, _s.t + " + d + ", " + fl + ");");
                        else throw err(c.line(), c.col(), "net_send outside NET_RECEIVE and INITIAL");
                    }
                    case "net_event" -> {
                        if (!sc.net) throw err(c.line(), c.col(), "net_event outside NET_RECEIVE is not supported");
                        line(ind + "_ctx.spike(_src[_k], " + expr(c.args().get(0), sc) + ");");
                    }
                    case "net_move" -> {
                        if (!sc.net) throw err(c.line(), c.col(), "net_move outside NET_RECEIVE");
                        line(ind + "_ctx.moveSelf(this, _k, " + expr(c.args().get(0), sc) + ");");
                    }
                    default -> line(ind + expr(c, sc) + ";");
                }
            } else if (s instanceof Solve sv) {
                if (sv.steadyState() || sv.method() == null || true) line(ind + solveCall(sv, sv.steadyState()) + ";");
            } else if (s instanceof Reaction r) { reaction(r, sc, ind); } else if (s instanceof Conserve c) { conserve(c, sc, ind); } else if (s instanceof Compartment c) {
                if (sc.deriv == null) throw err(c.line(), 0, "COMPARTMENT outside KINETIC");
                String vol = expr(c.volume(), sc);
                for (String st : c.states()) {
                    Integer base = stateBase.get(st);
                    if (base == null) throw err(c.line(), 0, "COMPARTMENT: " + st + " is not a STATE");
                    Sym sy = m.syms.get(st);
                    if (c.index() != null) {
                        throw err(c.line(), 0, "COMPARTMENT with an index is not supported");
                    }
                    for (int i = 0; i < sy.length(); i++) line(ind + "_vol_" + sc.deriv + "[" + (base + i) + "] = " + vol + ";");
                }
            } else if (s instanceof Watch w) {
                if (!sc.net && !sc.initial) throw err(w.line(), 0, "WATCH outside NET_RECEIVE and INITIAL");
                int idx = watches.size();
                watches.add(w);
                line(ind + "if (_wfirst) { for (int _i = 0; _i < _NW; _i++) _wOn[_k * _NW + _i] = false; _wfirst = false; }");
                line(ind + "_wOn[_k * _NW + " + idx + "] = true;");
                line(ind + "_wFlag[_k * _NW + " + idx + "] = " + expr(w.flag(), sc) + ";");
                line(ind + "_wWas[_k * _NW + " + idx + "] = " + cond(w.cond(), sc) + ";");
            } else if (s instanceof LinEq le) {
                if (!"linear".equals(sc.method)) throw err(le.line(), 0, "~ equation outside a LINEAR/NONLINEAR block");
                line(ind + "_r[" + (sc.eqCount++) + "] = (" + expr(le.lhs(), sc) + ") - (" + expr(le.rhs(), sc) + ");");
            } else if (s instanceof InitialInNet in) { }
    }

    private void assign(Assign a, Scope sc, String ind) {
        Var lhs = a.lhs();
        if (a.prime()) {
            if (sc.deriv == null) throw err(a.line(), lhs.col(), lhs.name() + "' outside a DERIVATIVE block");
            Integer base = stateBase.get(lhs.name());
            if (base == null) throw err(a.line(), lhs.col(), lhs.name() + "' = ...: " + lhs.name() + " is not a STATE");
            String y = "_st[" + base + "][_k]";
            switch (sc.method) {
                case "cnexp" -> {
                    Expr b = Deriv.simplify(Deriv.d(a.rhs(), lhs.name()));
                    Expr a0 = Deriv.substitute(a.rhs(), lhs.name(), new Num(0));
                    if (b instanceof Num n && n.value() == 0) {
                        line(ind + y + " = " + y + " + _s.dt * (" + expr(a.rhs(), sc) + ");");
                    } else {
                        String bs = expr(b, sc);
                        line(ind + y + " = " + y + " + (1.0 - Math.exp(_s.dt * (" + bs + "))) * (-(" + expr(a0, sc)
                                + ") / (" + bs + ") - " + y + ");");
                    }
                }
                case "euler" -> line(ind + "_dy[" + base + "] = " + expr(a.rhs(), sc) + ";");
                default -> line(ind + "_dy[" + base + "] = " + expr(a.rhs(), sc) + ";");
            }
            return;
        }
        String target;
        if (sc.function != null && lhs.name().equals(sc.function) && lhs.index() == null) target = "_ret";
        else target = lvalue(lhs, sc);
        line(ind + target + " = " + expr(a.rhs(), sc) + ";");
    }

    private void reaction(Reaction r, Scope sc, String ind) {
        if (sc.deriv == null) throw err(r.line(), 0, "reaction outside KINETIC");
        String dy = "_dy";
        if (r.op().equals("<<")) {
            if (r.lhs().size() != 1) throw err(r.line(), 0, "~ x << (flux): one state on the left");
            line(ind + dy + "[" + stateIndex(r.lhs().get(0).state(), sc) + "] += " + expr(r.kf(), sc) + ";");
            return;
        }
        for (Term tm : r.lhs()) if (tm.state() == null) throw err(r.line(), 0, "expected a reaction");
        String ff = product(expr(r.kf(), sc), r.lhs(), sc);
        String bf = r.kb() == null ? "0.0" : product(expr(r.kb(), sc), r.rhs(), sc);
        line(ind + "_l_f_flux = " + ff + ";");
        line(ind + "_l_b_flux = " + bf + ";");
        for (Term tm : r.lhs()) line(ind + dy + "[" + stateIndex(tm.state(), sc) + "] -= " + (tm.stoich() == 1 ? "" : tm.stoich() + ".0 * ") + "(_l_f_flux - _l_b_flux);");
        for (Term tm : r.rhs()) line(ind + dy + "[" + stateIndex(tm.state(), sc) + "] += " + (tm.stoich() == 1 ? "" : tm.stoich() + ".0 * ") + "(_l_f_flux - _l_b_flux);");
    }

    private String product(String k, List<Term> terms, Scope sc) {
        StringBuilder sb = new StringBuilder("(" + k + ")");
        for (Term tm : terms) {
            String v = stateOrVar(tm.state(), sc);
            for (int i = 0; i < tm.stoich(); i++) sb.append(" * ").append(v);
        }
        return sb.toString();
    }

    private String stateOrVar(Var v, Scope sc) {
        return expr(v, sc);
    }

    private String stateIndex(Var v, Scope sc) {
        Integer base = stateBase.get(v.name());
        if (base == null) throw err(v.line(), v.col(), v.name() + " in a reaction is not a STATE");
        if (v.index() == null) return base.toString();
        return "(" + base + " + (int) (" + expr(v.index(), sc) + "))";
    }

    private void conserve(Conserve c, Scope sc, String ind) {
        if (sc.deriv == null) throw err(c.line(), 0, "CONSERVE outside KINETIC");
        // the equation of the last state named in the sum (not yet replaced) is replaced by the conservation law
        List<Integer> named = new ArrayList<>();
        collectStates(c.lhs(), named);
        Integer row = null;
        for (int i = named.size() - 1; i >= 0; i--) {
            if (!sc.conserveIndex.containsValue(named.get(i))) { row = named.get(i); break; }
        }
        if (row == null) throw err(c.line(), 0, "CONSERVE: no state left to replace");
        int idx = sc.conserveCount++;
        sc.conserveIndex.put("c" + idx, row);
        line(ind + "_consRow_" + sc.deriv + "[" + idx + "] = " + row + ";");
        sc.conserveLhs = true;
        String lhs = expr(c.lhs(), sc);
        sc.conserveLhs = false;
        line(ind + "_cons_" + sc.deriv + "[" + idx + "] = (" + lhs + ") - (" + expr(c.rhs(), sc) + ");");
    }

    private void collectStates(Expr e, List<Integer> out) {
        if (e instanceof Var v) {
                Integer b = stateBase.get(v.name());
                if (b != null) {
                    Sym s = m.syms.get(v.name());
                    if (v.index() instanceof Num n) out.add(b + (int) n.value());
                    else if (v.index() == null) for (int i = 0; i < s.length(); i++) out.add(b + i);
                }
            } else if (e instanceof Bin b) { collectStates(b.l(), out); collectStates(b.r(), out); } else if (e instanceof Un u) { collectStates(u.e(), out); } else if (e instanceof Call c) { c.args().forEach(a -> collectStates(a, out)); } else { }
    }

    // ------------------------------------------------------------------ expressions
    private String lvalue(Var v, Scope sc) {
        String n = v.name();
        if (sc.locals.contains(n)) {
            if (v.index() != null) throw err(v.line(), v.col(), "LOCAL arrays are not supported");
            return "_l_" + n;
        }
        if (mod.fileLocals.contains(n)) return "_fl_" + n;
        Sym s = m.syms.get(n);
        if (s == null) throw err(v.line(), v.col(), "undeclared variable " + n);
        return switch (s.where()) {
            case SPECIAL -> {
                if (n.equals("v")) yield "_v";
                throw err(v.line(), v.col(), "assignment to " + n + " is not supported");
            }
            case CONSTANT -> throw err(v.line(), v.col(), "assignment to the constant " + n);
            default -> access(s, v, sc);
        };
    }

    private String access(Sym s, Var v, Scope sc) {
        String n = s.name();
        switch (s.where()) {
            case INSTANCE, PRIVATE, ION -> {
                if (s.length() > 1 || v.index() != null) {
                    if (v.index() == null) throw err(v.line(), v.col(), n + " is an array: index it");
                    return "_p_" + n + "[(int) (" + expr(v.index(), sc) + ")][_k]";
                }
                return "_p_" + n + "[_k]";
            }
            case GLOBAL -> {
                if (s.length() > 1) return "_g_" + n + "[(int) (" + expr(v.index(), sc) + ")]";
                return "globals[" + globalIndex(n) + "]";
            }
            case CONSTANT -> { return "(" + lit(s.value()) + ")"; }
            case SPECIAL -> {
                return switch (n) {
                    case "v" -> "_v";
                    case "t" -> sc.net ? "_t" : "_s.t";
                    case "dt" -> "_s.dt";
                    case "celsius" -> "_s.celsius";
                    case "area" -> "_s.area[_nd]";
                    case "diam" -> "_s.diam[_nd]";
                    default -> throw err(v.line(), v.col(), n + " is not supported yet");
                };
            }
            case POINTER -> { return "_pa_" + n + "[_k][_pi_" + n + "[_k]]"; }
            default -> throw err(v.line(), v.col(), "cannot use " + n);
        }
    }

    String expr(Expr e, Scope sc) {
        if (e instanceof Num n) { return lit(n.value()); } else if (e instanceof Str s) { throw err(0, 0, "a string is only allowed in printf"); } else if (e instanceof Var v) {
                if (sc.net && v.name().equals("flag") && !sc.locals.contains("flag")) return "_flag";
                if (sc.locals.contains(v.name())) return "_l_" + v.name();
                if (mod.fileLocals.contains(v.name())) return "_fl_" + v.name();
                Sym s = m.syms.get(v.name());
                if (s == null) {
                    if (v.name().equals("PI")) return "Math.PI";
                    if (v.name().equals("FARADAY")) return lit(org.dendrite.engine.mechanism.Units.FARADAY);
                    if (v.name().equals("R")) return lit(org.dendrite.engine.mechanism.Units.GAS_CONSTANT);
                    throw err(v.line(), v.col(), "undeclared variable " + v.name());
                }
                if (sc.conserveLhs && stateBase.containsKey(v.name())) {
                    String idx = v.index() == null ? stateBase.get(v.name()).toString()
                            : "(" + stateBase.get(v.name()) + " + (int) (" + expr(v.index(), sc) + "))";
                    return "(_vol_" + sc.deriv + "[" + idx + "] * " + access(s, v, sc) + ")";
                }
                return access(s, v, sc);
            } else if (e instanceof Un u) {
                if (u.op().equals("!")) return "(" + cond(e, sc) + " ? 1.0 : 0.0)";
                return "(-" + expr(u.e(), sc) + ")";
            } else if (e instanceof Bin b) {
                switch (b.op()) {
                    case "+", "-", "*", "/", "%" -> { return "(" + expr(b.l(), sc) + " " + b.op() + " " + expr(b.r(), sc) + ")"; }
                    case "^" -> { return "Math.pow(" + expr(b.l(), sc) + ", " + expr(b.r(), sc) + ")"; }
                    default -> { return "(" + cond(e, sc) + " ? 1.0 : 0.0)"; }
                }
            } else if (e instanceof Call c) { return call(c, sc); }
        throw new IllegalStateException("unknown expression " + e);
    }

    private String cond(Expr e, Scope sc) {
        if (e instanceof Bin b) {
            switch (b.op()) {
                case "&&", "||" -> { return "(" + cond(b.l(), sc) + " " + b.op() + " " + cond(b.r(), sc) + ")"; }
                case "==", "!=", "<", ">", "<=", ">=" -> { return "(" + expr(b.l(), sc) + " " + b.op() + " " + expr(b.r(), sc) + ")"; }
                default -> { }
            }
        }
        if (e instanceof Un u && u.op().equals("!")) return "(!" + cond(u.e(), sc) + ")";
        return "(" + expr(e, sc) + " != 0.0)";
    }

    private static final Map<String, String> MATH = Map.ofEntries(Map.entry("exp", "Math.exp"), Map.entry("log", "Math.log"),
            Map.entry("log10", "Math.log10"), Map.entry("sqrt", "Math.sqrt"), Map.entry("fabs", "Math.abs"),
            Map.entry("pow", "Math.pow"), Map.entry("sin", "Math.sin"), Map.entry("cos", "Math.cos"),
            Map.entry("tan", "Math.tan"), Map.entry("atan", "Math.atan"), Map.entry("atan2", "Math.atan2"),
            Map.entry("asin", "Math.asin"), Map.entry("acos", "Math.acos"), Map.entry("sinh", "Math.sinh"),
            Map.entry("cosh", "Math.cosh"), Map.entry("tanh", "Math.tanh"), Map.entry("floor", "Math.floor"),
            Map.entry("ceil", "Math.ceil"), Map.entry("fmin", "Math.min"), Map.entry("fmax", "Math.max"),
            Map.entry("erf", "org.dendrite.io.nmodl.NmodlRuntime.erf"), Map.entry("fmod", "org.dendrite.io.nmodl.NmodlRuntime.fmod"));

    private String call(Call c, Scope sc) {
        Func f = mod.funcs.get(c.name());
        if (f != null && (f.kind().equals("FUNCTION") || f.kind().equals("PROCEDURE"))) {
            if (f.params().size() != c.args().size()) {
                throw err(c.line(), c.col(), c.name() + " takes " + f.params().size() + " arguments, called with " + c.args().size());
            }
            StringBuilder sb = new StringBuilder("_f_" + c.name() + "(_k");
            for (Expr a : c.args()) sb.append(", ").append(expr(a, sc));
            return sb.append(")").toString();
        }
        if (f != null) throw err(c.line(), c.col(), c.name() + " is a " + f.kind() + " (not supported as a call)");
        String mf = MATH.get(c.name());
        if (mf != null) {
            StringBuilder sb = new StringBuilder(mf + "(");
            for (int i = 0; i < c.args().size(); i++) sb.append(i == 0 ? "" : ", ").append(expr(c.args().get(i), sc));
            return sb.append(")").toString();
        }
        if (c.name().equals("nrn_ghk") && c.args().size() == 4) {
            return "org.dendrite.io.nmodl.NmodlRuntime.ghk(" + expr(c.args().get(0), sc) + ", " + expr(c.args().get(1), sc) + ", "
                    + expr(c.args().get(2), sc) + ", " + expr(c.args().get(3), sc) + ", _s.celsius)";
        }
        throw err(c.line(), c.col(), "function " + c.name() + "() is not supported");
    }

    // ------------------------------------------------------------------ for OdeGen (the variable step's derivative form)
    Mechanism mechanism() { return m; }
    List<String> stateElements() { return stateElems; }
    Map<String, Integer> stateBases() { return stateBase; }
    String stateElementName(int i) { return stateName(i); }
    boolean writesIon(Sym s) { return writes(s); }
    void emitLine(String s) { line(s); }
    void emitIonsIn(String ind) { ionsIn(ind, true); }
    void emitConcentrationsOut(String ind) { concentrationsOut(ind); }

    /** A DERIVATIVE body whose primed equations write {@code _dy[i]} (the caller names its array _dy). */
    void emitDerivativeBody(String deriv, List<Stmt> b, String ind) {
        Scope sc = newScope(b, null);
        sc.deriv = deriv;
        sc.method = "ode";
        body(b, sc, ind);
    }

    /** The name of a KINETIC block's flux method {@code (int _k, double[] _dy)}, generated if not yet. */
    String kineticRhs(Func f) {
        implicit(f, false);
        return "_rhs_" + f.name();
    }
}
