package org.dendrite.io.nmodl;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.io.nmodl.Ast.*;
import org.dendrite.io.nmodl.Mechanism.Sym;
import org.dendrite.io.nmodl.Mechanism.Where;

/**
 * The derivative form of a generated mechanism ({@code org.dendrite.engine.mechanism.OdeStates}) for the
 * variable-step integrator, as NEURON's CVODE uses a .mod file: the states of every {@code SOLVE ... METHOD
 * cnexp / derivimplicit / euler} DERIVATIVE block and of every KINETIC block of the BREAKPOINT are the unknowns;
 * {@code derivatives} evaluates the blocks' equations at the current v, ion values and states (PROCEDUREs they
 * call included, e.g. {@code rates(v)}), {@code jacobianDiagonal} gives d(y_i')/dy_i and
 * {@code toleranceScales} the STATE declarations' {@code <tol>} (else 1).
 *
 * <p>Jacobian: for a DERIVATIVE equation {@code y' = f} the symbolic derivative df/dy of its right-hand side
 * (the one cnexp already uses; assigned values and locals held fixed, as nocmodl's CVODE matrix solve for
 * cnexp does), or, where {@link Deriv} cannot differentiate (a FUNCTION of the state), a one-sided difference of
 * that expression. For KINETIC blocks a one-sided difference of the fluxes per state. The diagonal only steers
 * the Newton iterations of the integrator (modified Newton), never the accepted solution, so either is exact
 * enough. KINETIC: {@code y_i' = flux_i / volume_i} with the COMPARTMENT volumes; CONSERVE statements are not
 * used (as with NEURON's CVODE: the equations conserve by themselves).
 *
 * <p>A mechanism is given the derivative form only when all its states come from such blocks: a SOLVE of a
 * PROCEDURE (explicit dt updates), LINEAR/NONLINEAR blocks, AFTER SOLVE blocks, STATE arrays, a BREAKPOINT
 * without currents whose statements run in the state update, or a state primed in two blocks leave it without;
 * the variable-step integrator then refuses the model naming the mechanism (no silent fixed-step fallback).
 */
final class OdeGen {
    private final CodeGen g;
    private final Mechanism m;
    private final ModFile mod;
    /** DERIVATIVE and KINETIC blocks solved by the BREAKPOINT, in SOLVE order. */
    private final List<Func> blocks = new ArrayList<>();
    /** Integrator states: indices into the generated class's {@code _st}, block by block. */
    private final List<Integer> states = new ArrayList<>();
    private final boolean eligible;

    OdeGen(CodeGen g) {
        this.g = g;
        this.m = g.mechanism();
        this.mod = m.mod;
        this.eligible = analyse();
    }

    /** Whether the generated class implements OdeStates. */
    boolean eligible() {
        return eligible;
    }

    private boolean analyse() {
        if (g.stateElements().isEmpty() || mod.breakpoint == null) return false;
        if (mod.ba.containsKey("AFTER SOLVE")) return false;
        boolean breakpointInState = m.currents.isEmpty()
                && mod.breakpoint.stream().anyMatch(st -> !(st instanceof Solve));
        if (breakpointInState) return false;
        for (Stmt s : mod.breakpoint) {
            if (!(s instanceof Solve sv)) continue;
            if (sv.steadyState()) return false;
            Func f = mod.funcs.get(sv.name());
            if (f == null) return false;
            String method = sv.method() == null ? "" : sv.method();
            switch (f.kind()) {
                case "DERIVATIVE" -> {
                    if (!List.of("cnexp", "derivimplicit", "euler", "", "runge", "adrunge", "clsoda", "after_cvode",
                            "cvode_t", "sparse").contains(method)) return false;
                    List<Integer> primed = new ArrayList<>();
                    if (!collectPrimes(f.body(), primed)) return false;
                    for (int i : primed) if (!addState(i)) return false;
                }
                case "KINETIC" -> {
                    // every state of the mechanism is a row of the kinetic system (as the implicit solver has it)
                    for (int i = 0; i < g.stateElements().size(); i++) if (!addState(i)) return false;
                }
                default -> { return false; }
            }
            if (blocks.contains(f)) return false;
            blocks.add(f);
        }
        if (states.isEmpty()) return false;
        // a STATE that no block integrates would stay frozen: no derivative form
        return states.size() == g.stateElements().size();
    }

    private boolean addState(int i) {
        if (states.contains(i)) return false;
        states.add(i);
        return true;
    }

    /** Primed states of a DERIVATIVE body (false for an array state or a non-STATE). */
    private boolean collectPrimes(List<Stmt> b, List<Integer> out) {
        for (Stmt s : b) {
            if (s instanceof Assign a && a.prime()) {
                Integer base = g.stateBases().get(a.lhs().name());
                Sym sy = m.syms.get(a.lhs().name());
                if (base == null || sy == null || sy.length() != 1 || a.lhs().index() != null) return false;
                if (!out.contains(base)) out.add(base);
            }
            if (s instanceof If i && (!collectPrimes(i.then(), out) || !collectPrimes(i.otherwise(), out))) return false;
            if (s instanceof Block bl && !collectPrimes(bl.body(), out)) return false;
            if (s instanceof While w && !collectPrimes(w.body(), out)) return false;
            if (s instanceof FromLoop fl && !collectPrimes(fl.body(), out)) return false;
        }
        return true;
    }

    /** Implements clause addition. */
    String implementsClause() {
        return eligible ? "org.dendrite.engine.mechanism.OdeStates" : null;
    }

    // ------------------------------------------------------------------ emission

    /** The OdeStates methods; call once, inside the class body, after the SOLVE code was generated. */
    void emit() {
        if (!eligible) return;
        int nAll = g.stateElements().size();
        int n = states.size();
        g.emitLine("  // ---- variable step: the derivative form (OdeGen)");
        g.emitLine("  private static final int _ODE_N = " + n + ";");
        g.emitLine("  private static final int[] _ODE_ST = " + states.toString().replace('[', '{').replace(']', '}') + ";");
        g.emitLine("  private final double[] _ode_dy = new double[" + nAll + "], _ode_jd = new double[" + nAll
                + "], _ode_dy1 = new double[" + nAll + "];");
        g.emitLine("  private final double[] _ode_jdc = new double[_ODE_N * count], _ode_ydot = new double[_ODE_N * count];");
        g.emitLine("  /** The Jacobian diagonal of the last derivatives() call is in _ode_jdc (cleared by scatter, used once). */");
        g.emitLine("  private boolean _ode_jdValid;");
        g.emitLine("  @Override public int stateCount() { return _ODE_N * count; }");
        g.emitLine("  @Override public void gather(double[] _y, int _off) {");
        g.emitLine("    for (int _j = 0; _j < _ODE_N; _j++) System.arraycopy(_st[_ODE_ST[_j]], 0, _y, _off + _j * count, count);");
        g.emitLine("  }");
        g.emitLine("  @Override public void scatter(double[] _y, int _off) {");
        g.emitLine("    _ode_jdValid = false;");
        g.emitLine("    for (int _j = 0; _j < _ODE_N; _j++) System.arraycopy(_y, _off + _j * count, _st[_ODE_ST[_j]], 0, count);");
        // concentration STATEs written to the ion (cai of a calcium pool): the pool holds the integrator's value
        // before the next current evaluation (eca by Nernst from it, readers of cai)
        List<Sym> ionStates = new ArrayList<>();
        for (int i : states) {
            Sym s = m.syms.get(g.stateElementName(i));
            if (s.where() == Where.ION && (s.ionKind() == 'i' || s.ionKind() == 'o') && g.writesIon(s)) ionStates.add(s);
        }
        if (!ionStates.isEmpty()) {
            g.emitLine("    for (int _k = 0; _k < count; _k++) {");
            g.emitLine("      _nd = node[_k];");
            for (Sym s : ionStates) {
                g.emitLine("      _ion_" + s.ion() + "." + (s.ionKind() == 'i' ? "ci" : "co") + "[_nd] = _p_" + s.name() + "[_k];");
            }
            g.emitLine("    }");
        }
        g.emitLine("  }");
        // the blocks' equations, per instance
        for (Func f : blocks) {
            if (f.kind().equals("DERIVATIVE")) emitDerivative(f);
        }
        g.emitLine("  /** y' and d(y')/dy of instance _k at the current v, ion values and states. */");
        g.emitLine("  private void _ode_eval(int _k) {");
        for (Func f : blocks) {
            if (f.kind().equals("DERIVATIVE")) {
                g.emitLine("    _ode_" + f.name() + "(_k, _ode_dy, _ode_jd);");
            } else {
                emitKinetic(f);
            }
        }
        g.emitLine("  }");
        g.emitLine("  @Override public void derivatives(CellState s, double[] _ydot, int _off) {");
        g.emitLine("    _s = s;");
        g.emitLine("    for (int _k = 0; _k < count; _k++) {");
        g.emitLine("      _nd = node[_k];");
        g.emitLine("      _v = s.v[_nd];");
        g.emitIonsIn("      ");
        g.emitLine("      _ode_eval(_k);");
        g.emitConcentrationsOut("      ");
        g.emitLine("      for (int _j = 0; _j < _ODE_N; _j++) {");
        g.emitLine("        _ydot[_off + _j * count + _k] = _ode_dy[_ODE_ST[_j]];");
        g.emitLine("        _ode_jdc[_j * count + _k] = _ode_jd[_ODE_ST[_j]];");
        g.emitLine("      }");
        g.emitLine("    }");
        g.emitLine("    _ode_jdValid = true;");
        g.emitLine("  }");
        g.emitLine("  @Override public void jacobianDiagonal(CellState s, double[] _jd, int _off) {");
        g.emitLine("    if (!_ode_jdValid) derivatives(s, _ode_ydot, 0);");
        g.emitLine("    _ode_jdValid = false;");
        g.emitLine("    System.arraycopy(_ode_jdc, 0, _jd, _off, _ODE_N * count);");
        g.emitLine("  }");
        boolean anyTol = states.stream().anyMatch(i -> mod.tolerances.containsKey(g.stateElementName(i)));
        if (anyTol) {
            g.emitLine("  @Override public void toleranceScales(double[] _scale, int _off) {");
            for (int j = 0; j < n; j++) {
                Double tol = mod.tolerances.get(g.stateElementName(states.get(j)));
                double sc = tol == null || !(tol > 0) ? 1.0 : tol;
                g.emitLine("    java.util.Arrays.fill(_scale, _off + " + j + " * count, _off + " + (j + 1) + " * count, "
                        + CodeGen.lit(sc) + ");");
            }
            g.emitLine("  }");
        }
    }

    /**
     * A DERIVATIVE block as a function: the primed equations write {@code _dy[i]}; after each, a synthetic local
     * gets d(rhs)/dy, copied into {@code _jdv[i]} at the end (the block's other statements run as written).
     */
    private void emitDerivative(Func f) {
        List<String> jdLocals = new ArrayList<>();
        List<Stmt> body = withJacobian(f.body(), jdLocals);
        List<Stmt> withLocals = new ArrayList<>();
        withLocals.add(new Local(jdLocals, jdLocals.stream().map(x -> 1).toList()));
        withLocals.addAll(body);
        g.emitLine("  private void _ode_" + f.name() + "(int _k, double[] _dy, double[] _jdv) {");
        g.emitDerivativeBody(f.name(), withLocals, "    ");
        for (String l : jdLocals) g.emitLine("    _jdv[" + l.substring(JD.length()) + "] = _l_" + l + ";");
        g.emitLine("  }");
    }

    private static final String JD = "jd__ode_";

    private List<Stmt> withJacobian(List<Stmt> b, List<String> jdLocals) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : b) {
            if (s instanceof Assign a && a.prime()) {
                out.add(a);
                String y = a.lhs().name();
                int base = g.stateBases().get(y);
                String local = JD + base;
                if (!jdLocals.contains(local)) jdLocals.add(local);
                out.add(new Assign(new Var(local, null, a.line(), 0), jacobian(a.rhs(), y), false, a.line()));
            } else if (s instanceof If i) {
                out.add(new If(i.cond(), withJacobian(i.then(), jdLocals), withJacobian(i.otherwise(), jdLocals)));
            } else if (s instanceof Block bl) {
                out.add(new Block(withJacobian(bl.body(), jdLocals)));
            } else if (s instanceof While w) {
                out.add(new While(w.cond(), withJacobian(w.body(), jdLocals)));
            } else if (s instanceof FromLoop fl) {
                out.add(new FromLoop(fl.var(), fl.from(), fl.to(), withJacobian(fl.body(), jdLocals)));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** d(rhs)/dy: symbolic where Deriv can, else {@code (rhs(y + h) - rhs(y)) / h} with h = 1e-7 |y| + 1e-12. */
    private static Expr jacobian(Expr rhs, String y) {
        try {
            return Deriv.d(rhs, y);
        } catch (IllegalArgumentException notDifferentiable) {
            Var yv = new Var(y, null, 0, 0);
            Expr h = new Bin("+", new Bin("*", new Num(1e-7), new Call("fabs", List.of(yv), 0, 0)), new Num(1e-12));
            Expr shifted = Deriv.substitute(rhs, y, new Bin("+", yv, h));
            return new Bin("/", new Bin("-", shifted, rhs), h);
        }
    }

    /** KINETIC: fluxes over volumes, and a one-sided difference per state for the diagonal. */
    private void emitKinetic(Func f) {
        String rhs = g.kineticRhs(f);
        String vol = "_vol_" + f.name();
        int nAll = g.stateElements().size();
        g.emitLine("    " + rhs + "(_k, _ode_dy1);");
        g.emitLine("    for (int _i = 0; _i < " + nAll + "; _i++) _ode_dy[_i] = _ode_dy1[_i] / " + vol + "[_i];");
        g.emitLine("    for (int _i = 0; _i < " + nAll + "; _i++) {");
        g.emitLine("      double _x = _st[_i][_k];");
        g.emitLine("      double _h = Math.max(Math.abs(_x) * 1e-7, 1e-12);");
        g.emitLine("      _st[_i][_k] = _x + _h;");
        g.emitLine("      " + rhs + "(_k, _ode_dy1);");
        g.emitLine("      _st[_i][_k] = _x;");
        g.emitLine("      _ode_jd[_i] = (_ode_dy1[_i] / " + vol + "[_i] - _ode_dy[_i]) / _h;");
        g.emitLine("    }");
        g.emitLine("    " + rhs + "(_k, _ode_dy1); // side effects (f_flux, assigned values) at the state itself");
    }
}
