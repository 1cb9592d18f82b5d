package org.dendrite.io.hoc;

/** A user-defined proc, func or obfunc. */
final class Procedure {
    final String name;
    /** "proc", "func" or "obfunc". */
    final String kind;
    final Ast.Stmt body;
    /** The template it belongs to, or null at top level. */
    final Template template;

    Procedure(String name, String kind, Ast.Stmt body, Template template) {
        this.name = name;
        this.kind = kind;
        this.body = body;
        this.template = template;
    }
}
