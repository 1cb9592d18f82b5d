package org.dendrite.io.hoc;

import java.util.List;

/** Syntax tree of HOC. Every node knows where it came from (file, line, column). */
final class Ast {
    private Ast() {}

    abstract static class Node {
        final String file;
        final int line;
        final int column;

        Node(Token at, String file) {
            this.file = file;
            this.line = at.line;
            this.column = at.column;
        }

        HocException error(String msg) {
            return new HocException(file, line, column, msg);
        }
    }

    // ---------------------------------------------------------------- expressions
    abstract static class Expr extends Node {
        Expr(Token at, String file) { super(at, file); }
    }

    static final class Num extends Expr {
        final double value;
        Num(Token at, String file, double value) { super(at, file); this.value = value; }
    }

    static final class Str extends Expr {
        final String value;
        Str(Token at, String file, String value) { super(at, file); this.value = value; }
    }

    /**
     * A name, optionally indexed ({@code a[i][j]}) and optionally called ({@code f(args)}); with a
     * non-null {@link #target} it is a member access {@code target.name[i](args)}.
     */
    static final class Ref extends Expr {
        final Expr target;
        final String name;
        final List<Expr> index;   // null: not indexed
        final List<Expr> args;    // null: not a call
        Ref(Token at, String file, Expr target, String name, List<Expr> index, List<Expr> args) {
            super(at, file);
            this.target = target;
            this.name = name;
            this.index = index;
            this.args = args;
        }

        /** A reference that may name a section: no call, possibly indexed, possibly qualified. */
        boolean maySection() {
            return args == null;
        }
    }

    /** {@code $1}, {@code $s1}, {@code $o1}, {@code $&1}, or {@code $i} forms. */
    static final class Dollar extends Expr {
        final String kind;
        final int number;
        final String var;
        Dollar(Token at, String file, String kind, int number, String var) {
            super(at, file);
            this.kind = kind;
            this.number = number;
            this.var = var;
        }
    }

    static final class Unary extends Expr {
        final String op;
        final Expr operand;
        Unary(Token at, String file, String op, Expr operand) { super(at, file); this.op = op; this.operand = operand; }
    }

    static final class Binary extends Expr {
        final String op;
        final Expr left, right;
        Binary(Token at, String file, String op, Expr left, Expr right) {
            super(at, file);
            this.op = op;
            this.left = left;
            this.right = right;
        }
    }

    static final class Assign extends Expr {
        final Expr target;
        final String op;
        final Expr value;
        final Expr value2; // the y2 of "var(x1:x2) = y1:y2", else null
        Assign(Token at, String file, Expr target, String op, Expr value, Expr value2) {
            super(at, file);
            this.target = target;
            this.op = op;
            this.value = value;
            this.value2 = value2;
        }
    }

    static final class New extends Expr {
        final String template;
        final List<Expr> args;
        New(Token at, String file, String template, List<Expr> args) { super(at, file); this.template = template; this.args = args; }
    }

    static final class AddressOf extends Expr {
        final Expr target;
        AddressOf(Token at, String file, Expr target) { super(at, file); this.target = target; }
    }

    /** {@code x1:x2} as the argument of a range variable. */
    static final class RangeArg extends Expr {
        final Expr from, to;
        RangeArg(Token at, String file, Expr from, Expr to) { super(at, file); this.from = from; this.to = to; }
    }

    // ---------------------------------------------------------------- statements
    abstract static class Stmt extends Node {
        Stmt(Token at, String file) { super(at, file); }
    }

    static final class ExprStmt extends Stmt {
        final Expr expr;
        final boolean printResult;
        ExprStmt(Token at, String file, Expr expr, boolean printResult) { super(at, file); this.expr = expr; this.printResult = printResult; }
    }

    static final class Block extends Stmt {
        final List<Stmt> body;
        Block(Token at, String file, List<Stmt> body) { super(at, file); this.body = body; }
    }

    static final class If extends Stmt {
        final Expr cond;
        final Stmt then, otherwise;
        If(Token at, String file, Expr cond, Stmt then, Stmt otherwise) { super(at, file); this.cond = cond; this.then = then; this.otherwise = otherwise; }
    }

    static final class While extends Stmt {
        final Expr cond;
        final Stmt body;
        While(Token at, String file, Expr cond, Stmt body) { super(at, file); this.cond = cond; this.body = body; }
    }

    static final class For extends Stmt {
        final Expr init, cond, step;
        final Stmt body;
        For(Token at, String file, Expr init, Expr cond, Stmt body, Expr step) {
            super(at, file);
            this.init = init;
            this.cond = cond;
            this.step = step;
            this.body = body;
        }
    }

    /** {@code for i = a, b stmt}. */
    static final class ForRange extends Stmt {
        final Expr var, from, to;
        final Stmt body;
        ForRange(Token at, String file, Expr var, Expr from, Expr to, Stmt body) { super(at, file); this.var = var; this.from = from; this.to = to; this.body = body; }
    }

    /** {@code for (x) stmt} / {@code for (x, e) stmt}: over the segment centres of the current section. */
    static final class ForSeg extends Stmt {
        final Expr var;
        final Expr ends; // null: include the 0 and 1 ends
        final Stmt body;
        ForSeg(Token at, String file, Expr var, Expr ends, Stmt body) { super(at, file); this.var = var; this.ends = ends; this.body = body; }
    }

    /** {@code for iter(args) stmt}: runs the iterator, whose iterator_statement runs stmt in the caller. */
    static final class ForIterator extends Stmt {
        final Ref call;
        final Stmt body;
        ForIterator(Token at, String file, Ref call, Stmt body) { super(at, file); this.call = call; this.body = body; }
    }

    /** {@code iterator_statement} inside an iterator. */
    static final class IteratorStatement extends Stmt {
        IteratorStatement(Token at, String file) { super(at, file); }
    }

    static final class Jump extends Stmt {
        final String kind; // break, continue, stop
        Jump(Token at, String file, String kind) { super(at, file); this.kind = kind; }
    }

    static final class Return extends Stmt {
        final Expr value;
        Return(Token at, String file, Expr value) { super(at, file); this.value = value; }
    }

    /** objref, strdef, double, local, localobj, create, public, external. */
    static final class Decl extends Stmt {
        final String kind;
        final List<String> names;
        final List<List<Expr>> dims; // per name, null when scalar
        Decl(Token at, String file, String kind, List<String> names, List<List<Expr>> dims) { super(at, file); this.kind = kind; this.names = names; this.dims = dims; }
    }

    static final class ProcDef extends Stmt {
        final String name;
        final String kind; // proc, func, obfunc
        final Stmt body;
        ProcDef(Token at, String file, String name, String kind, Stmt body) { super(at, file); this.name = name; this.kind = kind; this.body = body; }
    }

    static final class TemplateDef extends Stmt {
        final String name;
        final List<Stmt> body;
        TemplateDef(Token at, String file, String name, List<Stmt> body) { super(at, file); this.name = name; this.body = body; }
    }

    /** {@code sec stmt} and {@code sec { ... }}: run the body with sec pushed on the section stack. */
    static final class SectionStmt extends Stmt {
        final Ref section;
        final Stmt body;
        SectionStmt(Token at, String file, Ref section, Stmt body) { super(at, file); this.section = section; this.body = body; }
    }

    static final class Access extends Stmt {
        final Expr section;
        Access(Token at, String file, Expr section) { super(at, file); this.section = section; }
    }

    /** {@code connect child(end), parent(x)} or {@code connect child(end), x}. */
    static final class Connect extends Stmt {
        final Expr child, parent;
        Connect(Token at, String file, Expr child, Expr parent) { super(at, file); this.child = child; this.parent = parent; }
    }

    /** {@code setpointer pp.name, sec.var(x)}. */
    static final class SetPointer extends Stmt {
        final Expr pointer, target;
        SetPointer(Token at, String file, Expr pointer, Expr target) { super(at, file); this.pointer = pointer; this.target = target; }
    }

    static final class Insert extends Stmt {
        final String mechanism;
        final boolean remove;
        Insert(Token at, String file, String mechanism, boolean remove) { super(at, file); this.mechanism = mechanism; this.remove = remove; }
    }

    /** forall / forsec / ifsec. */
    static final class SecLoop extends Stmt {
        final String kind;
        final Expr selector; // null for forall
        final Stmt body;
        SecLoop(Token at, String file, String kind, Expr selector, Stmt body) { super(at, file); this.kind = kind; this.selector = selector; this.body = body; }
    }

    static final class Print extends Stmt {
        final List<Expr> items;
        Print(Token at, String file, List<Expr> items) { super(at, file); this.items = items; }
    }

    static final class Empty extends Stmt {
        Empty(Token at, String file) { super(at, file); }
    }
}
