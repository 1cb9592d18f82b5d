package org.dendrite.engine.build;

import java.util.function.DoubleUnaryOperator;

/**
 * A small arithmetic expression in one variable, {@code distance} (µm), compiled once to a function:
 * numbers, {@code + - * / ^} (also {@code **}), parentheses, unary minus, and the functions exp, log, sqrt,
 * abs, pow(a, b), min(a, b), max(a, b). For BluePyOpt's parameter files, {@code math.exp} is read as exp and
 * {@code {distance}} as distance; {@code {value}} must be substituted by the caller.
 */
public final class Expression {
    private final String text;
    private int pos;

    private Expression(String text) {
        this.text = text;
    }

    /** Compiles an expression in {@code distance}; errors name the position. */
    public static DoubleUnaryOperator compile(String expression) {
        String t = expression.replace("math.", "").replace("{distance}", "distance").replace("np.", "");
        Expression e = new Expression(t);
        DoubleUnaryOperator f = e.sum();
        e.skip();
        if (e.pos != t.length()) throw e.error("unexpected '" + t.charAt(e.pos) + "'");
        return f;
    }

    private IllegalArgumentException error(String msg) {
        return new IllegalArgumentException("expression \"" + text + "\" at character " + (pos + 1) + ": " + msg);
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private boolean eat(String s) {
        skip();
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private DoubleUnaryOperator sum() {
        DoubleUnaryOperator f = product();
        while (true) {
            if (eat("+")) {
                DoubleUnaryOperator a = f, b = product();
                f = d -> a.applyAsDouble(d) + b.applyAsDouble(d);
            } else if (eat("-")) {
                DoubleUnaryOperator a = f, b = product();
                f = d -> a.applyAsDouble(d) - b.applyAsDouble(d);
            } else {
                return f;
            }
        }
    }

    private DoubleUnaryOperator product() {
        DoubleUnaryOperator f = unary();
        while (true) {
            skip();
            if (text.startsWith("**", pos)) return f; // handled in power
            if (eat("*")) {
                DoubleUnaryOperator a = f, b = unary();
                f = d -> a.applyAsDouble(d) * b.applyAsDouble(d);
            } else if (eat("/")) {
                DoubleUnaryOperator a = f, b = unary();
                f = d -> a.applyAsDouble(d) / b.applyAsDouble(d);
            } else {
                return f;
            }
        }
    }

    private DoubleUnaryOperator unary() {
        if (eat("-")) {
            DoubleUnaryOperator a = unary();
            return d -> -a.applyAsDouble(d);
        }
        if (eat("+")) return unary();
        return power();
    }

    private DoubleUnaryOperator power() {
        DoubleUnaryOperator base = atom();
        if (eat("^") || eat("**")) {
            DoubleUnaryOperator e = unary();
            return d -> Math.pow(base.applyAsDouble(d), e.applyAsDouble(d));
        }
        return base;
    }

    private DoubleUnaryOperator atom() {
        skip();
        if (eat("(")) {
            DoubleUnaryOperator f = sum();
            if (!eat(")")) throw error("missing ')'");
            return f;
        }
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) pos++;
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int save = pos;
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
                if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
                } else {
                    pos = save;
                }
            }
            double v;
            try {
                v = Double.parseDouble(text.substring(start, pos));
            } catch (NumberFormatException ex) {
                throw error("bad number '" + text.substring(start, pos) + "'");
            }
            return d -> v;
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        String name = text.substring(start, pos);
        if (name.isEmpty()) throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "unexpected end");
        if (name.equals("distance")) return d -> d;
        if (!eat("(")) throw error("unknown name '" + name + "' (the variable is 'distance')");
        DoubleUnaryOperator a = sum();
        DoubleUnaryOperator b = eat(",") ? sum() : null;
        if (!eat(")")) throw error("missing ')' after arguments of " + name);
        DoubleUnaryOperator f = switch (name) {
            case "exp" -> d -> Math.exp(a.applyAsDouble(d));
            case "log" -> d -> Math.log(a.applyAsDouble(d));
            case "sqrt" -> d -> Math.sqrt(a.applyAsDouble(d));
            case "abs", "fabs" -> d -> Math.abs(a.applyAsDouble(d));
            case "pow" -> b == null ? null : d -> Math.pow(a.applyAsDouble(d), b.applyAsDouble(d));
            case "min" -> b == null ? null : d -> Math.min(a.applyAsDouble(d), b.applyAsDouble(d));
            case "max" -> b == null ? null : d -> Math.max(a.applyAsDouble(d), b.applyAsDouble(d));
            default -> throw error("unknown function '" + name + "'");
        };
        if (f == null) throw error(name + " needs two arguments");
        return f;
    }
}
