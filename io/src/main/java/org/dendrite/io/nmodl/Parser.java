package org.dendrite.io.nmodl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dendrite.io.nmodl.Ast.*;
import org.dendrite.io.nmodl.Lexer.Kind;
import org.dendrite.io.nmodl.Lexer.Token;

/** Recursive-descent parser of NEURON 8.2 NMODL into {@link Ast.ModFile}; errors name file:line:col. */
final class Parser {
    private final List<Token> t;
    private int p;
    private final String file;
    private final Path path;
    private final ModFile mod;
    private final String src;

    private Parser(Path path, String displayName, String src, ModFile mod) {
        this.path = path;
        this.file = displayName;
        this.src = src;
        this.t = new Lexer(displayName, src).tokens;
        this.mod = mod;
    }

    /** Reads and parses one .mod file (and the files it INCLUDEs). */
    static ModFile parse(Path path) {
        String text;
        try {
            text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new NmodlException(path.toString(), 0, 0, "cannot read: " + e.getMessage());
        }
        return parse(path, path.toString(), text);
    }

    static ModFile parse(Path path, String displayName, String text) {
        ModFile m = new ModFile();
        m.path = displayName;
        String fn = path.getFileName().toString();
        m.file = fn;
        new Parser(path, displayName, text, m).top();
        if (m.suffix == null) m.suffix = fn.endsWith(".mod") ? fn.substring(0, fn.length() - 4) : fn;
        return m;
    }

    // ------------------------------------------------------------------ helpers
    private Token peek() { return t.get(p); }
    private Token peek(int k) { return t.get(Math.min(p + k, t.size() - 1)); }
    private Token next() { return t.get(p++); }
    private boolean at(String s) { return peek().is(s); }

    private boolean accept(String s) {
        if (at(s)) { p++; return true; }
        return false;
    }

    NmodlException error(Token tok, String expected) {
        return new NmodlException(file, tok.line(), tok.col(), "expected " + expected + " (found " + tok.describe() + ")");
    }

    private Token expect(String s) {
        if (!at(s)) throw error(peek(), "'" + s + "'");
        return next();
    }

    private String name() {
        Token k = peek();
        if (k.kind() != Kind.NAME) throw error(k, "a name");
        p++;
        return k.text();
    }

    private String where(Token k) {
        return file + ":" + k.line() + ":" + k.col();
    }

    // ------------------------------------------------------------------ top level
    private void top() {
        while (peek().kind() != Kind.EOF) {
            Token k = peek();
            if (k.kind() == Kind.VERBATIM) { p++; verbatim(k); continue; }
            if (k.kind() != Kind.NAME) throw error(k, "a block keyword (NEURON, PARAMETER, STATE, ...)");
            p++;
            switch (k.text()) {
                case "NEURON" -> neuron();
                case "UNITS" -> units();
                case "PARAMETER" -> decls(mod.parameters, true);
                case "ASSIGNED" -> decls(mod.assigned, false);
                case "STATE" -> decls(mod.states, false);
                case "CONSTANT" -> decls(mod.constants, true);
                case "INDEPENDENT", "DEPENDENT" -> skipBraces();
                case "INITIAL" -> mod.initial = block();
                case "BREAKPOINT" -> mod.breakpoint = block();
                case "DERIVATIVE", "KINETIC", "LINEAR", "NONLINEAR", "DISCRETE", "PARTIAL" -> {
                    Token nt = peek();
                    String n = name();
                    List<String> params = List.of();
                    if (at("(")) params = params();
                    if (k.text().equals("DISCRETE") || k.text().equals("PARTIAL")) {
                        mod.unsupported.add(where(k) + ": " + k.text() + " blocks are not supported (NEURON cannot SOLVE them either)");
                    }
                    mod.funcs.put(n, new Func(k.text(), n, params, block(), nt.line(), nt.col()));
                }
                case "PROCEDURE", "FUNCTION" -> {
                    Token nt = peek();
                    String n = name();
                    List<String> params = params();
                    if (at("(")) unitText(); // return units
                    mod.funcs.put(n, new Func(k.text(), n, params, block(), nt.line(), nt.col()));
                }
                case "FUNCTION_TABLE" -> {
                    Token nt = peek();
                    String n = name();
                    List<String> params = params();
                    if (at("(")) unitText();
                    mod.funcs.put(n, new Func("FUNCTION_TABLE", n, params, List.of(), nt.line(), nt.col()));
                }
                case "NET_RECEIVE" -> {
                    List<String> params = at("(") ? params() : List.of();
                    mod.netReceive = new Func("NET_RECEIVE", "NET_RECEIVE", params, block(), k.line(), k.col());
                }
                case "BEFORE", "AFTER" -> {
                    String when = name();
                    mod.ba.merge(k.text() + " " + when, block(), (a, b) -> { List<Stmt> l = new ArrayList<>(a); l.addAll(b); return l; });
                }
                case "LOCAL" -> {
                    do {
                        mod.fileLocals.add(name());
                        if (accept("[")) { next(); expect("]"); }
                    } while (accept(","));
                }
                case "INCLUDE" -> include(k);
                case "DEFINE" -> {
                    String n = name();
                    mod.defines.put(n, signedNumber());
                }
                case "ENDVERBATIM" -> { }
                case "CONSTRUCTOR", "DESTRUCTOR" -> {
                    List<Stmt> b = block();
                    if (!onlyTrivial(b)) mod.unsupported.add(where(k) + ": " + k.text() + " block (runs C at object creation)");
                }
                default -> throw error(k, "a block keyword (NEURON, PARAMETER, STATE, INITIAL, BREAKPOINT, ...)");
            }
        }
    }

    private boolean onlyTrivial(List<Stmt> b) {
        return b.stream().allMatch(s -> s instanceof Verbatim || s instanceof Ignored);
    }

    private void include(Token k) {
        Token f = next();
        if (f.kind() != Kind.STRING) throw error(f, "a quoted file name after INCLUDE");
        Path inc;
        try {
            inc = path.resolveSibling(f.text());
        } catch (java.nio.file.InvalidPathException e) { // found by the fuzzer: INCLUDE "<NUL>"
            throw new NmodlException(file, f.line(), f.col(), "INCLUDE \"" + f.text() + "\": not a file name (" + e.getReason() + ")");
        }
        if (!Files.isRegularFile(inc)) {
            throw new NmodlException(file, f.line(), f.col(), "INCLUDE \"" + f.text() + "\": no such file " + inc);
        }
        String text;
        try {
            text = new String(Files.readAllBytes(inc), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new NmodlException(file, f.line(), f.col(), "INCLUDE \"" + f.text() + "\": " + e.getMessage());
        }
        mod.includes.add(inc.getFileName().toString());
        new Parser(inc, inc.toString(), text, mod).top();
    }

    private void verbatim(Token k) {
        String body = k.text().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n\\r]*", " ").trim();
        if (body.isEmpty() || body.matches("return\\s*0?\\s*;") || body.matches("return\\s*\\(\\s*0\\s*\\)\\s*;")) return;
        String first = body.split("[\\r\\n]")[0].trim();
        if (first.length() > 60) first = first.substring(0, 57) + "...";
        throw new NmodlException(file, k.line(), 0, "VERBATIM C code is not supported (" + first
                + "); dendrite runs .mod files without a C compiler: rewrite the block in NMODL");
    }

    private void skipBraces() {
        expect("{");
        int depth = 1;
        while (depth > 0) {
            Token k = next();
            if (k.kind() == Kind.EOF) throw error(k, "'}'");
            if (k.is("{")) depth++;
            if (k.is("}")) depth--;
        }
    }

    private List<String> params() {
        expect("(");
        List<String> out = new ArrayList<>();
        if (!at(")")) {
            do {
                out.add(name());
                if (at("(")) unitText();
                if (accept("[")) { next(); expect("]"); }
            } while (accept(","));
        }
        expect(")");
        return out;
    }

    /** {@code ( units )}: the raw text between the parentheses. */
    private String unitText() {
        Token open = expect("(");
        int depth = 1;
        Token last = open;
        while (true) {
            Token k = next();
            if (k.kind() == Kind.EOF) throw error(k, "')' closing the units opened at line " + open.line());
            if (k.is("(")) depth++;
            if (k.is(")") && --depth == 0) {
                return src.substring(open.end(), k.start()).trim().replaceAll("\\s+", " ");
            }
            last = k;
        }
    }

    private static final Set<String> NEURON_KW = Set.of("SUFFIX", "POINT_PROCESS", "ARTIFICIAL_CELL", "USEION",
            "RANGE", "GLOBAL", "NONSPECIFIC_CURRENT", "ELECTRODE_CURRENT", "POINTER", "BBCOREPOINTER", "EXTERNAL",
            "THREADSAFE", "SECTION", "REPRESENTS", "RANDOM");

    private void neuron() {
        expect("{");
        while (!accept("}")) {
            Token k = peek();
            if (k.kind() == Kind.VERBATIM) { p++; verbatim(k); continue; }
            String kw = name();
            switch (kw) {
                case "SUFFIX", "POINT_PROCESS", "ARTIFICIAL_CELL" -> {
                    mod.suffix = name();
                    mod.kind = kw;
                    mod.kindLine = k.line();
                }
                case "USEION" -> {
                    String ion = name();
                    List<String> read = new ArrayList<>(), write = new ArrayList<>();
                    Integer valence = null;
                    while (true) {
                        if (accept("READ")) nameList(read);
                        else if (accept("WRITE")) nameList(write);
                        else if (accept("VALENCE")) {
                            boolean neg = accept("-");
                            if (accept("+")) neg = false;
                            Token num = next();
                            if (num.kind() != Kind.NUMBER) throw error(num, "a number after VALENCE");
                            valence = (int) Math.round(Double.parseDouble(num.text())) * (neg ? -1 : 1);
                        } else if (accept("REPRESENTS")) { next(); }
                        else break;
                    }
                    mod.ions.add(new UseIon(ion, read, write, valence, k.line()));
                }
                case "RANGE" -> nameList(mod.range);
                case "GLOBAL" -> nameList(mod.global);
                case "NONSPECIFIC_CURRENT" -> nameList(mod.nonspecific);
                case "ELECTRODE_CURRENT" -> nameList(mod.electrode);
                case "POINTER" -> nameList(mod.pointer);
                case "BBCOREPOINTER" -> nameList(mod.bbcorepointer);
                case "EXTERNAL" -> nameList(mod.external);
                case "SECTION" -> nameList(new ArrayList<>());
                case "RANDOM" -> {
                    throw new NmodlException(file, k.line(), k.col(), "RANDOM is NEURON 9 syntax, not NEURON 8.2 NMODL");
                }
                case "REPRESENTS" -> next();
                case "THREADSAFE" -> {
                    mod.threadsafe = true;
                    if (peek().kind() == Kind.NAME && !NEURON_KW.contains(peek().text())) nameList(new ArrayList<>());
                }
                default -> throw error(k, "a NEURON block statement (SUFFIX, USEION, RANGE, GLOBAL, ...)");
            }
        }
    }

    private void nameList(List<String> out) {
        do {
            out.add(name());
        } while (accept(","));
    }

    private void units() {
        expect("{");
        while (!accept("}")) {
            if (at("(")) {
                unitText();
                expect("=");
                unitText();
                continue;
            }
            Token nt = peek();
            String n = name();
            expect("=");
            if (at("(")) {
                String a = unitText();
                String b = at("(") ? unitText() : "1";
                Double v = UnitTable.constant(a, b);
                if (v == null) {
                    mod.unsupported.add(where(nt) + ": UNITS constant " + n + " = (" + a + ") (" + b
                            + ") is not in dendrite's unit table");
                    v = Double.NaN;
                }
                mod.unitConstants.put(n, v);
            } else {
                double v = signedNumber();
                if (at("(")) unitText();
                mod.unitConstants.put(n, v);
            }
        }
    }

    private int arrayLength() {
        Token num = next();
        if (num.kind() == Kind.NAME && mod.defines.containsKey(num.text())) return (int) Math.round(mod.defines.get(num.text()));
        if (num.kind() != Kind.NUMBER) throw error(num, "an array length");
        return (int) Double.parseDouble(num.text());
    }

    private double signedNumber() {
        boolean neg = false;
        while (at("-") || at("+")) if (next().is("-")) neg = !neg;
        Token num = next();
        if (num.kind() != Kind.NUMBER) throw error(num, "a number");
        double v = Double.parseDouble(num.text());
        return neg ? -v : v;
    }

    private void decls(List<Decl> out, boolean values) {
        expect("{");
        while (!accept("}")) {
            Token nt = peek();
            if (nt.kind() == Kind.VERBATIM) { p++; verbatim(nt); continue; }
            String n = name();
            int len = 1;
            if (accept("[")) {
                len = arrayLength();
                expect("]");
            }
            Double value = null;
            if (accept("=")) value = signedNumber();
            String unit = null;
            if (at("(")) unit = unitText();
            if (accept("FROM")) { signedNumber(); expect("TO"); signedNumber(); }
            if (at("<")) {
                next();
                double first = signedNumber();
                if (accept(",")) signedNumber();
                // STATE { cai (mM) <1e-4> }: the state's absolute-tolerance scale for the variable step
                else if (out == mod.states) mod.tolerances.put(n, first);
                expect(">");
            }
            if (accept("START")) signedNumber();
            out.add(new Decl(n, len, value, unit, nt.line(), nt.col()));
        }
    }

    // ------------------------------------------------------------------ statements
    private List<Stmt> block() {
        expect("{");
        List<Stmt> out = new ArrayList<>();
        while (!accept("}")) {
            if (peek().kind() == Kind.EOF) throw error(peek(), "'}'");
            Stmt s = statement();
            if (s != null) out.add(s);
        }
        return out;
    }

    private Stmt statement() {
        Token k = peek();
        if (k.kind() == Kind.VERBATIM) {
            p++;
            verbatim(k);
            return new Verbatim(k.text(), k.line());
        }
        if (k.is("{")) return new Block(block());
        if (k.is("~")) return reaction();
        if (k.kind() == Kind.PRIME) {
            p++;
            expect("=");
            return new Assign(new Var(k.text(), null, k.line(), k.col()), expr(), true, k.line());
        }
        if (k.kind() != Kind.NAME) throw error(k, "a statement");
        switch (k.text()) {
            case "LOCAL" -> {
                p++;
                List<String> names = new ArrayList<>();
                List<Integer> lens = new ArrayList<>();
                do {
                    names.add(name());
                    int len = 1;
                    if (accept("[")) {
                        len = arrayLength();
                        expect("]");
                    }
                    lens.add(len);
                } while (accept(","));
                return new Local(names, lens);
            }
            case "if" -> {
                p++;
                expect("(");
                Expr c = expr();
                expect(")");
                List<Stmt> then = block();
                List<Stmt> other = List.of();
                if (accept("else")) {
                    if (at("if")) other = List.of(statement());
                    else other = block();
                }
                return new If(c, then, other);
            }
            case "while" -> {
                p++;
                expect("(");
                Expr c = expr();
                expect(")");
                return new While(c, block());
            }
            case "FROM" -> {
                p++;
                String v = name();
                expect("=");
                Expr a = expr();
                expect("TO");
                Expr b = expr();
                if (accept("BY")) {
                    throw new NmodlException(file, k.line(), k.col(), "FROM ... BY is not supported");
                }
                return new FromLoop(v, a, b, block());
            }
            case "SOLVE" -> {
                p++;
                Token nt = peek();
                String n = name();
                String method = null;
                boolean ss = false;
                if (accept("METHOD")) method = name();
                if (accept("STEADYSTATE")) { method = name(); ss = true; }
                if (accept("IFERROR")) block();
                return new Solve(n, method, ss, nt.line(), nt.col());
            }
            case "TABLE" -> {
                p++;
                List<String> names = new ArrayList<>(), dep = new ArrayList<>();
                if (!at("DEPEND") && !at("FROM")) nameList(names);
                if (accept("DEPEND")) nameList(dep);
                expect("FROM");
                Expr a = expr();
                expect("TO");
                Expr b = expr();
                expect("WITH");
                Expr w = expr();
                return new Table(names, dep, a, b, w, k.line());
            }
            case "CONSERVE" -> {
                p++;
                Expr l = expr();
                expect("=");
                return new Conserve(l, expr(), k.line());
            }
            case "COMPARTMENT" -> {
                p++;
                String idx = null;
                if (peek().kind() == Kind.NAME && peek(1).is(",")) { idx = name(); expect(","); }
                Expr vol = expr();
                expect("{");
                List<String> st = new ArrayList<>();
                while (!accept("}")) {
                    st.add(name());
                    accept(",");
                }
                return new Compartment(idx, vol, st, k.line());
            }
            case "LONGITUDINAL_DIFFUSION" -> {
                p++;
                mod.unsupported.add(where(k) + ": LONGITUDINAL_DIFFUSION (needs 3-D ion diffusion)");
                if (peek().kind() == Kind.NAME && peek(1).is(",")) { name(); expect(","); }
                expr();
                expect("{");
                while (!accept("}")) {
                    if (peek().kind() == Kind.EOF) throw error(peek(), "'}'"); // found by the fuzzer: ran past the end
                    next();
                }
                return new Ignored("LONGITUDINAL_DIFFUSION");
            }
            case "WATCH" -> {
                p++;
                List<Stmt> ws = new ArrayList<>();
                do {
                    expect("(");
                    Expr c = expr();
                    expect(")");
                    Expr flag = expr();
                    ws.add(new Watch(c, flag, k.line()));
                } while (accept(","));
                return ws.size() == 1 ? ws.get(0) : new Block(ws);
            }
            case "PROTECT" -> {
                p++;
                return statement();
            }
            case "MUTEXLOCK", "MUTEXUNLOCK" -> {
                p++;
                return new Ignored(k.text());
            }
            case "INITIAL" -> {
                p++;
                return new InitialInNet(block());
            }
            case "LAG", "SENS", "MATCH", "PUTQ", "GETQ", "RESET", "TERMINAL", "PLOT", "FORALL" -> {
                throw new NmodlException(file, k.line(), k.col(), k.text() + " is not supported");
            }
            default -> { }
        }
        // assignment or call
        Expr e = expr();
        if (accept("=")) {
            if (!(e instanceof Var v)) throw new NmodlException(file, k.line(), k.col(), "expected a variable on the left of '='");
            return new Assign(v, expr(), false, k.line());
        }
        if (!(e instanceof Call)) throw error(peek(), "'=' or a call");
        return new ExprStmt(e, k.line());
    }

    private Stmt reaction() {
        Token tilde = expect("~");
        // LINEAR/NONLINEAR equation or reaction: decide by the operator after the left side
        int save = p;
        List<Term> lhs = terms();
        if (at("<->") || at("<<") || at("->")) {
            String op = next().text();
            if (op.equals("<<")) {
                expect("(");
                Expr flux = expr();
                expect(")");
                return new Reaction(lhs, List.of(), "<<", flux, null, tilde.line());
            }
            List<Term> rhs = terms();
            requireStates(lhs, tilde);
            requireStates(rhs, tilde);
            expect("(");
            Expr kf = expr();
            Expr kb = null;
            if (accept(",")) kb = expr();
            expect(")");
            return new Reaction(lhs, rhs, op, kf, kb, tilde.line());
        }
        p = save;
        Expr l = expr();
        expect("=");
        return new LinEq(l, expr(), tilde.line());
    }

    /** Every side of a reaction names states ({@code 2A + B}); a number alone is no reactant. */
    private void requireStates(List<Term> side, Token tilde) {
        for (Term t : side) {
            if (t.state() == null) {
                throw new NmodlException(file, peek().line(), peek().col(), "expected a STATE name in the reaction on line "
                        + tilde.line() + " (found " + peek().text() + ")");
            }
        }
    }

    private List<Term> terms() {
        List<Term> out = new ArrayList<>();
        do {
            int st = 1;
            if (peek().kind() == Kind.NUMBER) {
                Token n = next();
                double c = Double.parseDouble(n.text());
                if (!(c >= 1 && c <= 1000 && c == Math.rint(c))) {
                    throw new NmodlException(file, n.line(), n.col(), "a stoichiometric coefficient is a whole number"
                            + " from 1 to 1000 (found " + n.text() + ")");
                }
                st = (int) c;
            }
            Token nt = peek();
            if (nt.kind() != Kind.NAME) {
                // not a reaction term list: let the caller try an equation
                out.add(new Term(st, null));
                return out;
            }
            p++;
            Expr idx = null;
            if (accept("[")) { idx = expr(); expect("]"); }
            out.add(new Term(st, new Var(nt.text(), idx, nt.line(), nt.col())));
        } while (accept("+"));
        return out;
    }

    // ------------------------------------------------------------------ expressions
    Expr expr() { return or(); }

    private Expr or() {
        Expr l = and();
        while (at("||")) { next(); l = new Bin("||", l, and()); }
        return l;
    }

    private Expr and() {
        Expr l = cmp();
        while (at("&&")) { next(); l = new Bin("&&", l, cmp()); }
        return l;
    }

    private Expr cmp() {
        Expr l = add();
        while (at("==") || at("!=") || at("<") || at(">") || at("<=") || at(">=")) {
            String op = next().text();
            l = new Bin(op, l, add());
        }
        return l;
    }

    private Expr add() {
        Expr l = mul();
        while (at("+") || at("-")) {
            String op = next().text();
            l = new Bin(op, l, mul());
        }
        return l;
    }

    private Expr mul() {
        Expr l = unary();
        while (at("*") || at("/") || at("%")) {
            String op = next().text();
            l = new Bin(op, l, unary());
        }
        return l;
    }

    private Expr unary() {
        if (at("-")) { next(); return new Un("-", unary()); }
        if (at("+")) { next(); return unary(); }
        if (at("!")) { next(); return new Un("!", unary()); }
        return pow();
    }

    private Expr pow() {
        Expr base = primary();
        if (at("^")) {
            next();
            return new Bin("^", base, unary());
        }
        return base;
    }

    private Expr primary() {
        Token k = next();
        switch (k.kind()) {
            case NUMBER -> {
                Expr n = new Num(Double.parseDouble(k.text()));
                // a unit after a number: `-40 (mV)` (a number is never followed by '(' otherwise)
                if (at("(") && looksLikeUnit()) unitText();
                return n;
            }
            case STRING -> { return new Str(k.text()); }
            case NAME -> {
                if (mod.defines.containsKey(k.text()) && !at("(")) return new Num(mod.defines.get(k.text()));
                if (at("(")) {
                    next();
                    List<Expr> args = new ArrayList<>();
                    if (!at(")")) {
                        do args.add(expr()); while (accept(","));
                    }
                    expect(")");
                    return new Call(k.text(), args, k.line(), k.col());
                }
                Expr idx = null;
                if (accept("[")) { idx = expr(); expect("]"); }
                return new Var(k.text(), idx, k.line(), k.col());
            }
            case OP -> {
                if (k.is("(")) {
                    Expr e = expr();
                    expect(")");
                    if (at("(") && looksLikeUnit()) unitText();
                    return e;
                }
            }
            default -> { }
        }
        throw error(k, "an expression");
    }

    /** After a number or parenthesised expression, '(' starts a unit when it holds only names, numbers, / - * and ^. */
    private boolean looksLikeUnit() {
        int q = p + 1;
        boolean any = false;
        while (q < t.size()) {
            Token k = t.get(q);
            if (k.is(")")) return any;
            if (k.kind() == Kind.NAME) { any = true; q++; continue; }
            if (k.kind() == Kind.NUMBER || k.is("/") || k.is("-") || k.is("*")) { q++; continue; }
            return false;
        }
        return false;
    }
}
