package org.dendrite.io.nmodl;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.io.nmodl.Ast.*;

/**
 * Symbolic derivative of an expression with respect to one variable, as cnexp needs it ({@code y' = f(y)}
 * becomes {@code y += (1 - exp(dt*b))*(-a/b - y)} with {@code b = df/dy} and {@code a = f(0)}), simplified so
 * that the common HH form gives nocmodl's operands: {@code (inf - y)/tau} -> {@code b = (-1)/tau}, {@code a = inf/tau}.
 */
final class Deriv {
    private Deriv() {}

    static final Num ZERO = new Num(0), ONE = new Num(1);

    static boolean depends(Expr e, String y) {
        if (e instanceof Var v) { return v.name().equals(y) || (v.index() != null && depends(v.index(), y)); } else if (e instanceof Bin b) { return depends(b.l(), y) || depends(b.r(), y); } else if (e instanceof Un u) { return depends(u.e(), y); } else if (e instanceof Call c) { return c.args().stream().anyMatch(a -> depends(a, y)); } else { return false; }
    }

    static Expr d(Expr e, String y) {
        if (!depends(e, y)) return ZERO;
        if (e instanceof Var v) { return ONE; } else if (e instanceof Un u) { return neg(d(u.e(), y)); } else if (e instanceof Bin b) {
                Expr dl = d(b.l(), y), dr = d(b.r(), y);
                switch (b.op()) {
                    case "+" -> { return add(dl, dr); }
                    case "-" -> { return sub(dl, dr); }
                    case "*" -> { return add(mul(dl, b.r()), mul(b.l(), dr)); }
                    case "/" -> {
                        if (!depends(b.r(), y)) return div(dl, b.r());
                        // (dl*r - l*dr)/r^2
                        return div(sub(mul(dl, b.r()), mul(b.l(), dr)), mul(b.r(), b.r()));
                    }
                    case "^" -> {
                        if (!depends(b.r(), y)) {
                            return mul(mul(b.r(), new Bin("^", b.l(), sub(b.r(), ONE))), dl);
                        }
                        return mul(e, add(mul(dr, new Call("log", List.of(b.l()), 0, 0)), div(mul(b.r(), dl), b.l())));
                    }
                    default -> throw new IllegalArgumentException("cannot differentiate " + b.op());
                }
            } else if (e instanceof Call c) {
                if (c.args().size() != 1) throw new IllegalArgumentException("cannot differentiate " + c.name());
                Expr u = c.args().get(0), du = d(u, y);
                return switch (c.name()) {
                    case "exp" -> mul(e, du);
                    case "log" -> div(du, u);
                    case "sqrt" -> div(du, mul(new Num(2), e));
                    case "sin" -> mul(new Call("cos", List.of(u), 0, 0), du);
                    case "cos" -> neg(mul(new Call("sin", List.of(u), 0, 0), du));
                    default -> throw new IllegalArgumentException("cannot differentiate " + c.name() + "()");
                };
            } else { return ZERO; }
    }

    private static boolean isNum(Expr e, double v) {
        return e instanceof Num n && n.value() == v;
    }

    static Expr neg(Expr e) {
        if (e instanceof Num n) return new Num(-n.value());
        if (e instanceof Un u && u.op().equals("-")) return u.e();
        return new Un("-", e);
    }

    static Expr add(Expr a, Expr b) {
        if (isNum(a, 0)) return b;
        if (isNum(b, 0)) return a;
        if (b instanceof Un u && u.op().equals("-")) return new Bin("-", a, u.e());
        if (b instanceof Num n && n.value() < 0) return new Bin("-", a, new Num(-n.value()));
        return new Bin("+", a, b);
    }

    static Expr sub(Expr a, Expr b) {
        if (isNum(b, 0)) return a;
        if (isNum(a, 0)) return neg(b);
        return new Bin("-", a, b);
    }

    static Expr mul(Expr a, Expr b) {
        if (isNum(a, 0) || isNum(b, 0)) return ZERO;
        if (isNum(a, 1)) return b;
        if (isNum(b, 1)) return a;
        if (isNum(a, -1)) return neg(b);
        if (isNum(b, -1)) return neg(a);
        return new Bin("*", a, b);
    }

    static Expr div(Expr a, Expr b) {
        if (isNum(a, 0)) return ZERO;
        if (isNum(b, 1)) return a;
        return new Bin("/", a, b);
    }

    static Expr simplify(Expr e) {
        return e;
    }

    /** e with every occurrence of variable y replaced by r. */
    static Expr substitute(Expr e, String y, Expr r) {
        if (e instanceof Var v) { return v.name().equals(y) && v.index() == null ? r : v; } else if (e instanceof Bin b) { return new Bin(b.op(), substitute(b.l(), y, r), substitute(b.r(), y, r)); } else if (e instanceof Un u) { return new Un(u.op(), substitute(u.e(), y, r)); } else if (e instanceof Call c) {
                List<Expr> args = new ArrayList<>();
                for (Expr a : c.args()) args.add(substitute(a, y, r));
                return new Call(c.name(), args, c.line(), c.col());
            } else { return e; }
    }
}
