package org.dendrite.io.hoc;

/** One lexical token of HOC source with its position (1-based line and column). */
final class Token {
    enum Type { NUMBER, STRING, IDENT, DOLLAR, OP, NEWLINE, EOF }

    final Type type;
    /** Identifier name, operator text, string contents, or the kind letter of a $ argument ("", "s", "o", "&"). */
    final String text;
    /** Numeric value of a NUMBER, or the argument number of a DOLLAR (0 when it names a variable). */
    final double number;
    /** For a DOLLAR token with a variable index ({@code $i}): the variable name, else null. */
    final String dollarVar;
    final int line;
    final int column;

    Token(Type type, String text, double number, String dollarVar, int line, int column) {
        this.type = type;
        this.text = text;
        this.number = number;
        this.dollarVar = dollarVar;
        this.line = line;
        this.column = column;
    }

    boolean is(String op) {
        return (type == Type.OP || type == Type.IDENT) && text.equals(op);
    }

    boolean isOp(String op) {
        return type == Type.OP && text.equals(op);
    }

    @Override
    public String toString() {
        switch (type) {
            case NUMBER: return "number " + text;
            case STRING: return "string \"" + text + "\"";
            case IDENT: return "'" + text + "'";
            case DOLLAR: return "'$" + text + (dollarVar != null ? dollarVar : String.valueOf((int) number)) + "'";
            case OP: return "'" + text + "'";
            case NEWLINE: return "end of line";
            default: return "end of file";
        }
    }
}
