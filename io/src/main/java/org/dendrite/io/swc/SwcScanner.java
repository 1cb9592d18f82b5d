package org.dendrite.io.swc;

import java.nio.charset.StandardCharsets;

import org.dendrite.io.MorphologyFormatException;
import org.dendrite.io.morph.NeuronFloats;

/**
 * Single-pass scanner over SWC bytes: numbers are converted while the line is read (no separate token pass).
 * Fields are separated by blanks (space, tab, CR, FF, VT); {@code #} starts a comment anywhere.
 */
final class SwcScanner {
    private final String file;
    private final byte[] b;
    int pos;
    int line = 1;
    int lineStart;
    /** Digits in the last number read (99 when it had an exponent). */
    int digits;
    /** Start of the last number read. */
    int numberStart;

    private static final String[] FIELD = {"id", "type", "x", "y", "z", "radius", "parent"};

    SwcScanner(String file, byte[] b) {
        this.file = file;
        this.b = b;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            pos = 3;             // UTF-8 byte-order mark written by some Windows editors
            lineStart = 3;
        }
    }

    static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
    }

    boolean atEnd() {
        return pos >= b.length;
    }

    /** Skips blanks; returns the next byte without consuming it, or -1 at the end of the file. */
    int peekAfterBlanks() {
        final byte[] bytes = b;
        int p = pos;
        while (p < bytes.length) {
            byte c = bytes[p];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != 0x0B) break;
            p++;
        }
        pos = p;
        return p < bytes.length ? bytes[p] : -1;
    }

    /** Consumes the rest of the current line and its '\n'. */
    void nextLine() {
        final byte[] bytes = b;
        int p = pos;
        while (p < bytes.length && bytes[p] != '\n') p++;
        pos = p < bytes.length ? p + 1 : p;
        line++;
        lineStart = pos;
    }

    /** The rest of the current line from pos (without trailing blanks), consuming it. */
    String restOfLine() {
        int from = pos;
        while (pos < b.length && b[pos] != '\n') pos++;
        int to = pos;
        while (to > from && isBlank(b[to - 1])) to--;
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (pos < b.length) pos++;
        line++;
        lineStart = pos;
        return s;
    }

    int column(int at) {
        return at - lineStart + 1;
    }

    private MorphologyFormatException missing(int field, int found) {
        return new MorphologyFormatException(file, line, column(pos), "expected 7 values (id type x y z radius"
                + " parent), found " + found + (found == 0 ? "" : " (the " + FIELD[field] + " is missing)"));
    }

    /** Reads field {@code field} as a number; {@code whole} demands a whole number (a zero fraction is allowed). */
    float number(int field, boolean whole) {
        int c = peekAfterBlanks();
        if (c == -1 || c == '\n' || c == '#') throw missing(field, field);
        int from = pos;
        numberStart = from;
        int i = pos;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        long m = 0;
        int sig = 0, fracDigits = 0, dropped = 0, count = 0;
        boolean any = false, inexact = false, fractionNonZero = false;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            any = true;
            count++;
            int dgt = b[i] - '0';
            if (sig < 18) {
                m = m * 10 + dgt;
                if (m != 0) sig++;
            } else {
                dropped++;
                if (dgt != 0) inexact = true;
            }
            i++;
        }
        if (i < b.length && b[i] == '.') {
            i++;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                any = true;
                count++;
                int dgt = b[i] - '0';
                if (dgt != 0) fractionNonZero = true;
                if (sig < 18) {
                    m = m * 10 + dgt;
                    if (m != 0) sig++;
                    fracDigits++;
                } else if (dgt != 0) {
                    inexact = true;
                }
                i++;
            }
        }
        int exp = 0;
        boolean hasExp = false;
        if (any && i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            int j = i + 1;
            boolean eneg = false;
            if (j < b.length && (b[j] == '-' || b[j] == '+')) {
                eneg = b[j] == '-';
                j++;
            }
            if (j < b.length && b[j] >= '0' && b[j] <= '9') {
                hasExp = true;
                while (j < b.length && b[j] >= '0' && b[j] <= '9') {
                    if (exp < 100000) exp = exp * 10 + (b[j] - '0');
                    j++;
                }
                if (eneg) exp = -exp;
                i = j;
            }
        }
        // the number must end at a blank, a comment, the end of the line or of the file
        if (!any || (i < b.length && !isBlank(b[i]) && b[i] != '\n' && b[i] != '#')) {
            int end = i;
            while (end < b.length && !isBlank(b[end]) && b[end] != '\n' && b[end] != '#') end++;
            String tok = new String(b, from, end - from, StandardCharsets.UTF_8);
            throw new MorphologyFormatException(file, line, column(from), whole
                    ? "the " + FIELD[field] + " must be a whole number, found '" + tok + "'"
                    : "the " + FIELD[field] + " value '" + tok + "' is not a number");
        }
        pos = i;
        digits = hasExp ? 99 : count;
        if (whole && (fractionNonZero || hasExp)) {
            String tok = new String(b, from, i - from, StandardCharsets.UTF_8);
            throw new MorphologyFormatException(file, line, column(from), "the " + FIELD[field]
                    + " must be a whole number, found '" + tok + "'");
        }
        float f = NeuronFloats.toFloat(neg, m, exp - fracDigits + dropped, inexact, b, from, i);
        if (Float.isInfinite(f)) {
            throw new MorphologyFormatException(file, line, column(from), "the " + FIELD[field] + " value '"
                    + new String(b, from, i - from, StandardCharsets.UTF_8) + "' is out of range");
        }
        return f;
    }

    /** Reads a whole-number field exactly (ids may exceed a float's 24-bit precision); "3" and "3.0" are 3. */
    long whole(int field) {
        int c = peekAfterBlanks();
        if (c == -1 || c == '\n' || c == '#') throw missing(field, field);
        final byte[] bytes = b;
        int i = pos;
        numberStart = i;
        boolean neg = false;
        if (bytes[i] == '-' || bytes[i] == '+') {
            neg = bytes[i] == '-';
            i++;
        }
        long v = 0;
        int nd = 0;
        while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9' && nd < 18) {
            v = v * 10 + (bytes[i] - '0');
            i++;
            nd++;
        }
        if (i < bytes.length && bytes[i] == '.') {
            i++;
            while (i < bytes.length && bytes[i] == '0') i++;
        }
        if (nd > 0 && (i >= bytes.length || isBlank(bytes[i]) || bytes[i] == '\n' || bytes[i] == '#')) {
            pos = i;
            return neg ? -v : v;
        }
        number(field, true);   // not a plain whole number: let the general reader report the problem
        throw new MorphologyFormatException(file, line, column(numberStart), "the " + FIELD[field]
                + " must be a whole number");
    }
}
