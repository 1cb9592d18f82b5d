package org.dendrite.io.text;

/**
 * The extent of a C-style decimal literal ({@code 12}, {@code .5}, {@code 3.}, {@code 1e-3}, {@code 2.5E+8}) as HOC
 * and NMODL write numbers: digits, an optional fraction, an optional exponent that counts only when digits follow
 * it ({@code 2e} is the number 2 followed by the name {@code e}). Shared by the HOC and NMODL lexers.
 */
public final class NumberLiteral {
    private NumberLiteral() {}

    /** The index just past the literal starting at {@code start} (a digit, or a '.' followed by a digit). */
    public static int end(String src, int start) {
        int pos = start, n = src.length();
        while (pos < n && Character.isDigit(src.charAt(pos))) pos++;
        if (pos < n && src.charAt(pos) == '.') {
            pos++;
            while (pos < n && Character.isDigit(src.charAt(pos))) pos++;
        }
        if (pos < n && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int exp = pos + 1;
            if (exp < n && (src.charAt(exp) == '+' || src.charAt(exp) == '-')) exp++;
            if (exp < n && Character.isDigit(src.charAt(exp))) {
                while (exp < n && Character.isDigit(src.charAt(exp))) exp++;
                pos = exp;
            }
        }
        return pos;
    }
}
