package org.dendrite.io.hoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dendrite.io.hoc.Ast.*;

/**
 * Hand-written recursive-descent parser for HOC. The interpreter pulls one top-level statement at a time
 * ({@link #next()}) and runs it before parsing the next, as NEURON does, so that a file can define a
 * procedure and call it a few lines later, or {@code load_file} another file half-way.
 */
final class Parser {
    private static final Set<String> STATEMENT_KEYWORDS = Set.of("if", "else", "while", "for", "break", "continue",
            "return", "proc", "func", "obfunc", "iterator", "begintemplate", "endtemplate", "objref", "objectvar",
            "strdef", "double", "local", "localobj", "create", "public", "external", "access", "connect", "insert",
            "uninsert", "forall", "forsec", "ifsec", "print", "stop", "iterator_statement", "setpointer", "depvar",
            "eqn", "parallel", "help", "delete");
    private static final Set<String> UNSUPPORTED = Set.of("depvar",
            "eqn", "parallel", "help");

    private final List<Token> tokens;
    private final String file;
    private int pos;
    private int parenDepth;
    /** Depth of proc/func bodies and braces: expression statements print only at depth 0. */
    private int nesting;

    Parser(List<Token> tokens, String file) {
        this.tokens = tokens;
        this.file = file;
    }

    // ---------------------------------------------------------------- token helpers
    private Token peek() {
        if (parenDepth > 0) {
            while (tokens.get(pos).type == Token.Type.NEWLINE) pos++;
        }
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        int p = pos;
        int k = 0;
        while (true) {
            Token t = tokens.get(p);
            if (t.type == Token.Type.EOF) return t;
            if (parenDepth > 0 && t.type == Token.Type.NEWLINE) {
                p++;
                continue;
            }
            if (k == ahead) return t;
            k++;
            p++;
        }
    }

    private Token advance() {
        Token t = peek();
        if (t.type != Token.Type.EOF) pos++;
        return t;
    }

    private boolean atOp(String op) {
        return peek().isOp(op);
    }

    private boolean atWord(String w) {
        Token t = peek();
        return t.type == Token.Type.IDENT && t.text.equals(w);
    }

    private Token expectOp(String op) {
        Token t = peek();
        if (!t.isOp(op)) throw error(t, "expected '" + op + "' but found " + t);
        return advance();
    }

    private String expectIdent(String what) {
        Token t = peek();
        if (t.type != Token.Type.IDENT) throw error(t, "expected " + what + " but found " + t);
        advance();
        return t.text;
    }

    private void skipNewlines() {
        while (tokens.get(pos).type == Token.Type.NEWLINE || tokens.get(pos).isOp(";")) pos++;
    }

    private HocException error(Token t, String msg) {
        return new HocException(file, t.line, t.column, msg);
    }

    // ---------------------------------------------------------------- statements
    /** Whether all input has been consumed (after skipping separators). */
    boolean atEnd() {
        skipNewlines();
        return tokens.get(pos).type == Token.Type.EOF;
    }

    /** The next top-level statement (call {@link #atEnd()} first). */
    Stmt next() {
        skipNewlines();
        return statement();
    }

    private Stmt statement() {
        Token t = peek();
        if (t.type == Token.Type.EOF) throw error(t, "unexpected end of file (a '}' is missing?)");
        if (t.isOp("{")) return block();
        if (t.isOp(";")) {
            advance();
            return new Empty(t, file);
        }
        if (t.type == Token.Type.IDENT && STATEMENT_KEYWORDS.contains(t.text)) return keywordStatement(t);
        Expr e = expression();
        Token n = tokens.get(pos);
        if (e instanceof Ref && ((Ref) e).maySection() && (n.isOp("{") || startsStatement(n))) {
            nesting++;
            Stmt body = statement();
            nesting--;
            return new SectionStmt(t, file, (Ref) e, body);
        }
        return new ExprStmt(t, file, e, nesting == 0 && !(e instanceof Assign));
    }

    /** Whether a token on the same line after a section name begins the statement that the name prefixes. */
    private static boolean startsStatement(Token n) {
        return n.type == Token.Type.IDENT || n.type == Token.Type.DOLLAR;
    }

    private Block block() {
        Token open = expectOp("{");
        int saveDepth = parenDepth;
        parenDepth = 0;
        nesting++;
        List<Stmt> body = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token t = peek();
            if (t.isOp("}")) {
                advance();
                break;
            }
            if (t.type == Token.Type.EOF) throw error(open, "'{' is never closed");
            body.add(statement());
        }
        nesting--;
        parenDepth = saveDepth;
        return new Block(open, file, body);
    }

    /** The body of if/while/for/forall/...: a statement that may start on the next line. */
    private Stmt body() {
        skipNewlinesOnly();
        nesting++;
        try {
            return statement();
        } finally {
            nesting--;
        }
    }

    private void skipNewlinesOnly() {
        while (tokens.get(pos).type == Token.Type.NEWLINE) pos++;
    }

    private Stmt keywordStatement(Token t) {
        String w = t.text;
        if (UNSUPPORTED.contains(w)) throw error(t, "unsupported HOC construct '" + w + "'");
        switch (w) {
            case "if": {
                advance();
                Expr cond = parenthesized();
                Stmt then = body();
                int save = pos;
                skipNewlines();
                if (atWord("else")) {
                    advance();
                    return new If(t, file, cond, then, body());
                }
                pos = save;
                return new If(t, file, cond, then, null);
            }
            case "else":
                throw error(t, "'else' without 'if'");
            case "while": {
                advance();
                Expr cond = parenthesized();
                return new While(t, file, cond, body());
            }
            case "for":
                return forStatement(t);
            case "break": case "continue": case "stop":
                advance();
                return new Jump(t, file, w);
            case "return": {
                advance();
                Token n = tokens.get(pos);
                if (n.type == Token.Type.NEWLINE || n.type == Token.Type.EOF || n.isOp("}") || n.isOp(";")) {
                    return new Return(t, file, null);
                }
                return new Return(t, file, expression());
            }
            case "iterator_statement":
                advance();
                return new IteratorStatement(t, file);
            case "proc": case "func": case "obfunc": case "iterator": {
                advance();
                String name = expectIdent("a procedure name");
                expectOp("(");
                expectOp(")");
                nesting++;
                skipNewlinesOnly();
                Stmt b = statement();
                nesting--;
                return new ProcDef(t, file, name, w, b);
            }
            case "begintemplate":
                return template(t);
            case "endtemplate":
                throw error(t, "'endtemplate' without 'begintemplate'");
            case "objref": case "objectvar": case "double": case "create":
                advance();
                return declaration(t, w.equals("objectvar") ? "objref" : w, true);
            case "strdef": case "local": case "localobj": case "public": case "external":
                advance();
                return declaration(t, w, w.equals("local"));
            case "access": {
                advance();
                return new Access(t, file, postfix());
            }
            case "connect": {
                advance();
                Expr child = postfix();
                expectOp(",");
                Expr parent = additive();
                return new Connect(t, file, child, parent);
            }
            case "insert": case "uninsert": {
                advance();
                String mech = expectIdent("a mechanism name");
                return new Insert(t, file, mech, w.equals("uninsert"));
            }
            case "forall": {
                advance();
                return new SecLoop(t, file, "forall", null, body());
            }
            case "forsec": case "ifsec": {
                advance();
                Expr sel = postfixOrString();
                return new SecLoop(t, file, w, sel, body());
            }
            case "print": {
                advance();
                List<Expr> items = new ArrayList<>();
                Token n = tokens.get(pos);
                if (!(n.type == Token.Type.NEWLINE || n.type == Token.Type.EOF || n.isOp("}") || n.isOp(";"))) {
                    items.add(expression());
                    while (atOp(",")) {
                        advance();
                        items.add(expression());
                    }
                }
                return new Print(t, file, items);
            }
            case "setpointer": {
                // setpointer pp.ptr, sec.var(x): an NMODL POINTER of a point process bound to a range variable
                advance();
                Expr pointer = postfix();
                expectOp(",");
                Expr target = postfix();
                return new SetPointer(t, file, pointer, target);
            }
            case "delete":
                throw error(t, "unsupported HOC construct 'delete' (use delete_section())");
            default:
                throw error(t, "unsupported HOC construct '" + w + "'");
        }
    }

    private Expr postfixOrString() {
        Token t = peek();
        if (t.type == Token.Type.STRING) {
            advance();
            return new Str(t, file, t.text);
        }
        return postfix();
    }

    private Stmt forStatement(Token t) {
        advance();
        if (atOp("(")) {
            // for (x) / for (x, e) / for (init; cond; step)
            Token a = peekAt(1), b = peekAt(2);
            if ((a.type == Token.Type.IDENT || a.type == Token.Type.DOLLAR) && (b.isOp(")") || b.isOp(","))) {
                advance();
                parenDepth++;
                Expr var = primary();
                Expr ends = null;
                if (atOp(",")) {
                    advance();
                    ends = expression();
                }
                parenDepth--;
                expectOp(")");
                return new ForSeg(t, file, var, ends, body());
            }
            advance();
            parenDepth++;
            Expr init = atOp(";") ? null : expression();
            expectOp(";");
            Expr cond = atOp(";") ? null : expression();
            expectOp(";");
            Expr step = atOp(")") ? null : expression();
            parenDepth--;
            expectOp(")");
            return new For(t, file, init, cond, body(), step);
        }
        Expr var = postfix();
        if (var instanceof Ref && ((Ref) var).args != null) {
            // for iter(args) stmt: an iterator call (user iterator, or stdlib's case(&x, values...))
            return new ForIterator(t, file, (Ref) var, body());
        }
        expectOp("=");
        Expr from = expression();
        expectOp(",");
        Expr to = expression();
        return new ForRange(t, file, var, from, to, body());
    }

    private Decl declaration(Token t, String kind, boolean allowDims) {
        List<String> names = new ArrayList<>();
        List<List<Expr>> dims = new ArrayList<>();
        do {
            if (!names.isEmpty()) advance(); // the comma
            String name = expectIdent("a name");
            List<Expr> d = null;
            while (atOp("[")) {
                if (!allowDims) throw error(peek(), "'" + kind + "' does not take array dimensions here");
                advance();
                parenDepth++;
                if (d == null) d = new ArrayList<>();
                d.add(expression());
                parenDepth--;
                expectOp("]");
            }
            names.add(name);
            dims.add(d);
        } while (atOp(","));
        return new Decl(t, file, kind, names, dims);
    }

    private TemplateDef template(Token t) {
        advance();
        String name = expectIdent("a template name");
        List<Stmt> body = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token n = peek();
            if (n.type == Token.Type.EOF) throw error(t, "template " + name + " has no endtemplate");
            if (n.type == Token.Type.IDENT && n.text.equals("endtemplate")) {
                advance();
                String end = expectIdent("the template name");
                if (!end.equals(name)) throw error(n, "endtemplate " + end + " does not match begintemplate " + name);
                break;
            }
            if (n.type == Token.Type.IDENT && n.text.equals("begintemplate")) {
                throw error(n, "templates cannot be nested");
            }
            body.add(statement());
        }
        return new TemplateDef(t, file, name, body);
    }

    private Expr parenthesized() {
        expectOp("(");
        parenDepth++;
        Expr e = expression();
        parenDepth--;
        expectOp(")");
        return e;
    }

    // ---------------------------------------------------------------- expressions
    Expr expression() {
        Expr left = or();
        Token t = peek();
        if (t.type == Token.Type.OP && (t.text.equals("=") || t.text.equals("+=") || t.text.equals("-=")
                || t.text.equals("*=") || t.text.equals("/="))) {
            if (!(left instanceof Ref || left instanceof Dollar)) throw error(t, "cannot assign to this expression");
            advance();
            skipNewlinesOnly();
            Expr value = expression();
            Expr value2 = null;
            if (atOp(":")) {
                advance();
                value2 = or();
            }
            return new Assign(t, file, left, t.text, value, value2);
        }
        return left;
    }

    private Expr or() {
        Expr e = and();
        while (atOp("||")) {
            Token t = advance();
            skipNewlinesOnly();
            e = new Binary(t, file, "||", e, and());
        }
        return e;
    }

    private Expr and() {
        Expr e = equality();
        while (atOp("&&")) {
            Token t = advance();
            skipNewlinesOnly();
            e = new Binary(t, file, "&&", e, equality());
        }
        return e;
    }

    private Expr equality() {
        Expr e = relational();
        while (atOp("==") || atOp("!=")) {
            Token t = advance();
            skipNewlinesOnly();
            e = new Binary(t, file, t.text, e, relational());
        }
        return e;
    }

    private Expr relational() {
        Expr e = additive();
        while (atOp("<") || atOp("<=") || atOp(">") || atOp(">=")) {
            Token t = advance();
            skipNewlinesOnly();
            e = new Binary(t, file, t.text, e, additive());
        }
        return e;
    }

    private Expr additive() {
        Expr e = multiplicative();
        while (atOp("+") || atOp("-")) {
            Token t = advance();
            skipNewlinesOnly();
            e = new Binary(t, file, t.text, e, multiplicative());
        }
        return e;
    }

    private Expr multiplicative() {
        Expr e = unary();
        while (atOp("*") || atOp("/") || atOp("%")) {
            Token t = advance();
            skipNewlinesOnly();
            e = new Binary(t, file, t.text, e, unary());
        }
        return e;
    }

    private Expr unary() {
        Token t = peek();
        if (t.isOp("-") || t.isOp("!") || t.isOp("+")) {
            advance();
            Expr operand = unary();
            return t.isOp("+") ? operand : new Unary(t, file, t.text, operand);
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (atOp("^")) {
            Token t = advance();
            Expr exp = unary(); // right associative; binds tighter than unary minus on its left
            return new Binary(t, file, "^", base, exp);
        }
        return base;
    }

    private Expr postfix() {
        Expr e = primary();
        while (atOp(".")) {
            advance();
            Token nameTok = peek();
            String name = expectIdent("a member name after '.'");
            List<Expr> index = indices();
            List<Expr> args = atOp("(") ? arguments() : null;
            e = new Ref(nameTok, file, e, name, index, args);
        }
        return e;
    }

    private List<Expr> indices() {
        List<Expr> index = null;
        while (atOp("[")) {
            advance();
            parenDepth++;
            if (index == null) index = new ArrayList<>();
            index.add(expression());
            parenDepth--;
            expectOp("]");
        }
        return index;
    }

    private List<Expr> arguments() {
        expectOp("(");
        parenDepth++;
        List<Expr> args = new ArrayList<>();
        if (!atOp(")")) {
            do {
                if (!args.isEmpty()) advance();
                Token at = peek();
                Expr a = expression();
                if (atOp(":")) {
                    advance();
                    a = new RangeArg(at, file, a, expression());
                }
                args.add(a);
            } while (atOp(","));
        }
        parenDepth--;
        expectOp(")");
        return args;
    }

    private Expr primary() {
        Token t = peek();
        switch (t.type) {
            case NUMBER:
                advance();
                return new Num(t, file, t.number);
            case STRING:
                advance();
                return new Str(t, file, t.text);
            case DOLLAR:
                advance();
                return new Dollar(t, file, t.text, (int) t.number, t.dollarVar);
            case IDENT: {
                if (t.text.equals("new")) {
                    advance();
                    String tmpl = expectIdent("a template name after 'new'");
                    List<Expr> args = atOp("(") ? arguments() : List.of();
                    return new New(t, file, tmpl, args);
                }
                if (STATEMENT_KEYWORDS.contains(t.text) && !t.text.equals("delete")) {
                    throw error(t, "'" + t.text + "' cannot be used in an expression");
                }
                advance();
                List<Expr> index = indices();
                List<Expr> args = atOp("(") ? arguments() : null;
                return new Ref(t, file, null, t.text, index, args);
            }
            case OP:
                if (t.text.equals("(")) return parenthesized();
                if (t.text.equals("&")) {
                    advance();
                    return new AddressOf(t, file, postfix());
                }
                throw error(t, "unexpected " + t);
            case NEWLINE:
                throw error(t, "unexpected end of line (expression incomplete)");
            default:
                throw error(t, "unexpected end of file (expression incomplete)");
        }
    }
}
