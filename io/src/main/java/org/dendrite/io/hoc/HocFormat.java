package org.dendrite.io.hoc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** C-style number formatting as HOC's print, printf and sprint produce it (glibc rounding: exact value, half-even). */
final class HocFormat {
    private HocFormat() {}

    /** {@code %.<precision>g}. */
    static String g(double v, int precision) {
        return formatG(v, precision, false);
    }

    private static String special(double v) {
        if (Double.isNaN(v)) return "nan";
        return v > 0 ? "inf" : "-inf";
    }

    static String formatG(double v, int precision, boolean alternate) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return special(v);
        int p = precision == 0 ? 1 : precision;
        if (v == 0) {
            String z = (1 / v < 0) ? "-0" : "0";
            if (alternate) return z + "." + "0".repeat(p - 1);
            return z;
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int x = rounded.precision() - rounded.scale() - 1; // decimal exponent after rounding
        String s;
        if (x < -4 || x >= p) {
            s = formatE(v, p - 1);
            if (!alternate) {
                int e = s.indexOf('e');
                s = stripZeros(s.substring(0, e)) + s.substring(e);
            }
        } else {
            s = formatF(v, p - 1 - x);
            if (!alternate) s = stripZeros(s);
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    static String formatF(double v, int precision) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return special(v);
        BigDecimal b = new BigDecimal(v).setScale(precision, RoundingMode.HALF_EVEN);
        String s = b.toPlainString();
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            if (!s.startsWith("-")) s = "-" + s;
        }
        return s;
    }

    static String formatE(double v, int precision) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return special(v);
        String sign = (v < 0 || (v == 0 && 1 / v < 0)) ? "-" : "";
        double a = Math.abs(v);
        String digits;
        int exp;
        if (a == 0) {
            digits = "0".repeat(precision + 1);
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(a).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            exp = r.precision() - r.scale() - 1;
            digits = r.unscaledValue().toString();
            while (digits.length() < precision + 1) digits += "0";
            digits = digits.substring(0, precision + 1);
        }
        StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
        if (precision > 0) sb.append('.').append(digits, 1, precision + 1);
        sb.append('e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) sb.append('0');
        sb.append(ae);
        return sb.toString();
    }

    /** C printf with HOC arguments (numbers as Double, strings as String). */
    static String printf(String fmt, List<Object> args, Ast.Node at) {
        StringBuilder out = new StringBuilder();
        int ai = 0;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 < n && fmt.charAt(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int j = i + 1;
            boolean left = false, plus = false, space = false, zero = false, alt = false;
            for (; j < n; j++) {
                char f = fmt.charAt(j);
                if (f == '-') left = true;
                else if (f == '+') plus = true;
                else if (f == ' ') space = true;
                else if (f == '0') zero = true;
                else if (f == '#') alt = true;
                else break;
            }
            int width = 0;
            while (j < n && Character.isDigit(fmt.charAt(j))) width = width * 10 + (fmt.charAt(j++) - '0');
            int prec = -1;
            if (j < n && fmt.charAt(j) == '.') {
                j++;
                prec = 0;
                while (j < n && Character.isDigit(fmt.charAt(j))) prec = prec * 10 + (fmt.charAt(j++) - '0');
            }
            while (j < n && (fmt.charAt(j) == 'l' || fmt.charAt(j) == 'h')) j++;
            if (j >= n) throw at.error("incomplete format '" + fmt.substring(i) + "'");
            char conv = fmt.charAt(j);
            i = j;
            String body;
            boolean numeric = true;
            if (conv == 's') {
                numeric = false;
                if (ai >= args.size()) throw at.error("format '" + fmt + "' needs more arguments");
                Object a = args.get(ai++);
                body = a instanceof Double ? g((Double) a, 6) : String.valueOf(a);
                if (prec >= 0 && body.length() > prec) body = body.substring(0, prec);
            } else {
                if (ai >= args.size()) throw at.error("format '" + fmt + "' needs more arguments");
                Object a = args.get(ai++);
                if (!(a instanceof Double)) throw at.error("format %" + conv + " needs a number, got a string");
                double v = (Double) a;
                switch (conv) {
                    case 'd': case 'i': body = Long.toString((long) v); break;
                    case 'u': body = Long.toString((long) v); break;
                    case 'x': body = Long.toHexString((long) v); break;
                    case 'X': body = Long.toHexString((long) v).toUpperCase(); break;
                    case 'o': body = Long.toOctalString((long) v); break;
                    case 'c': body = String.valueOf((char) (long) v); numeric = false; break;
                    case 'f': case 'F': body = formatF(v, prec < 0 ? 6 : prec); break;
                    case 'e': case 'E': {
                        body = formatE(v, prec < 0 ? 6 : prec);
                        if (conv == 'E') body = body.toUpperCase();
                        break;
                    }
                    case 'g': case 'G': {
                        body = formatG(v, prec < 0 ? 6 : prec, alt);
                        if (conv == 'G') body = body.toUpperCase();
                        break;
                    }
                    default:
                        throw at.error("unsupported printf conversion '%" + conv + "'");
                }
                if (numeric && !body.startsWith("-")) {
                    if (plus) body = "+" + body;
                    else if (space) body = " " + body;
                }
            }
            if (body.length() < width) {
                int pad = width - body.length();
                if (left) {
                    body = body + " ".repeat(pad);
                } else if (zero && numeric) {
                    int signLen = (body.startsWith("-") || body.startsWith("+") || body.startsWith(" ")) ? 1 : 0;
                    body = body.substring(0, signLen) + "0".repeat(pad) + body.substring(signLen);
                } else {
                    body = " ".repeat(pad) + body;
                }
            }
            out.append(body);
        }
        return out.toString();
    }
}
