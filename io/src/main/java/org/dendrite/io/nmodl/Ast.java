package org.dendrite.io.nmodl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The syntax tree of one .mod file (NEURON 8.2 NMODL). */
final class Ast {
    private Ast() {}

    // ------------------------------------------------------------------ expressions
    sealed interface Expr permits Num, Var, Call, Un, Bin, Str {}
    record Num(double value) implements Expr {}
    record Str(String text) implements Expr {}
    record Var(String name, Expr index, int line, int col) implements Expr {}
    record Call(String name, List<Expr> args, int line, int col) implements Expr {}
    record Un(String op, Expr e) implements Expr {}
    record Bin(String op, Expr l, Expr r) implements Expr {}

    // ------------------------------------------------------------------ statements
    sealed interface Stmt permits Assign, ExprStmt, If, While, Local, Solve, Table, Reaction, Conserve,
            Compartment, Verbatim, Block, Watch, FromLoop, LinEq, Ignored, InitialInNet {}
    record Assign(Var lhs, Expr rhs, boolean prime, int line) implements Stmt {}
    record ExprStmt(Expr e, int line) implements Stmt {}
    record If(Expr cond, List<Stmt> then, List<Stmt> otherwise) implements Stmt {}
    record While(Expr cond, List<Stmt> body) implements Stmt {}
    record Local(List<String> names, List<Integer> lengths) implements Stmt {}
    record Solve(String name, String method, boolean steadyState, int line, int col) implements Stmt {}
    record Table(List<String> names, List<String> depend, Expr from, Expr to, Expr with, int line) implements Stmt {}
    /** {@code ~ lhs <-> rhs (kf, kb)}, {@code ~ x << (flux)} (op "<<": kf is the flux, lhs one state). */
    record Reaction(List<Term> lhs, List<Term> rhs, String op, Expr kf, Expr kb, int line) implements Stmt {}
    record Term(int stoich, Var state) {}
    record Conserve(Expr lhs, Expr rhs, int line) implements Stmt {}
    record Compartment(String index, Expr volume, List<String> states, int line) implements Stmt {}
    record Verbatim(String text, int line) implements Stmt {}
    record Block(List<Stmt> body) implements Stmt {}
    record Watch(Expr cond, Expr flag, int line) implements Stmt {}
    record FromLoop(String var, Expr from, Expr to, List<Stmt> body) implements Stmt {}
    /** LINEAR/NONLINEAR equation {@code ~ lhs = rhs}. */
    record LinEq(Expr lhs, Expr rhs, int line) implements Stmt {}
    record Ignored(String what) implements Stmt {}
    record InitialInNet(List<Stmt> body) implements Stmt {}

    // ------------------------------------------------------------------ declarations
    record Decl(String name, int length, Double value, String unit, int line, int col) {}

    record UseIon(String ion, List<String> read, List<String> write, Integer valence, int line) {}

    /** PROCEDURE, FUNCTION, DERIVATIVE, KINETIC, LINEAR, NONLINEAR, FUNCTION_TABLE. */
    record Func(String kind, String name, List<String> params, List<Stmt> body, int line, int col) {}

    static final class ModFile {
        String file, path;
        String suffix;              // SUFFIX / POINT_PROCESS / ARTIFICIAL_CELL name
        String kind = "SUFFIX";     // SUFFIX, POINT_PROCESS, ARTIFICIAL_CELL
        int kindLine;
        final List<UseIon> ions = new ArrayList<>();
        final List<String> range = new ArrayList<>(), global = new ArrayList<>(), nonspecific = new ArrayList<>(),
                electrode = new ArrayList<>(), pointer = new ArrayList<>(), bbcorepointer = new ArrayList<>(),
                external = new ArrayList<>();
        boolean threadsafe;
        final List<Decl> parameters = new ArrayList<>(), assigned = new ArrayList<>(), states = new ArrayList<>(),
                constants = new ArrayList<>();
        /** Named constants of the UNITS block with their values (FARADAY, R, PI...). */
        final Map<String, Double> unitConstants = new LinkedHashMap<>();
        final Map<String, Func> funcs = new LinkedHashMap<>();
        List<Stmt> initial, breakpoint;
        Func netReceive;
        /** BEFORE/AFTER blocks by "BEFORE BREAKPOINT", "AFTER SOLVE"... */
        final Map<String, List<Stmt>> ba = new LinkedHashMap<>();
        /** Top-level LOCAL variables (file scope). */
        final List<String> fileLocals = new ArrayList<>();
        /** Constructs that cannot run, with file:line:col: message. */
        final List<String> unsupported = new ArrayList<>();
        /** Warnings like nocmodl's. */
        final List<String> notes = new ArrayList<>();
        final List<String> includes = new ArrayList<>();
        final Map<String, Double> defines = new LinkedHashMap<>();
        /** STATE tolerances {@code cai (mM) <1e-4>}: the variable step's absolute-tolerance scale per state. */
        final Map<String, Double> tolerances = new LinkedHashMap<>();
    }
}
