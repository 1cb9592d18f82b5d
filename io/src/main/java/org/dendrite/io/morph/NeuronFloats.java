package org.dendrite.io.morph;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The number conversions NEURON's Import3d applies to morphology values, reproduced exactly:
 * <ul>
 *   <li>{@link #parseFloat}: text to the nearest 32-bit float (how {@code sscanf("%f")} reads SWC fields);</li>
 *   <li>{@link #store}: a double formatted with 8 significant digits ({@code %.8g}), read back as a double and
 *       rounded to float, which is what {@code pt3dadd} ends up storing (neuron-numerics §10.1).</li>
 * </ul>
 * Both have a fast exact path and fall back to {@link BigDecimal}/{@link Float#parseFloat} in the rare cases
 * where the fast path cannot prove its result.
 */
public final class NeuronFloats {
    private NeuronFloats() {}

    private static final double[] POW10 = new double[23];
    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private static final MathContext EIGHT_DIGITS = new MathContext(8, RoundingMode.HALF_EVEN);

    /**
     * The value NEURON stores for a coordinate or diameter {@code v}: {@code (float) strtod(sprintf("%.8g", v))}.
     * For values read from text with at most 7 significant digits this is the same float.
     */
    public static float store(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) return (float) v;
        double a = Math.abs(v);
        // decimal exponent estimated from the binary one (may be one off; corrected below)
        int e = (int) Math.floor(Math.getExponent(a) * 0.30102999566398120);
        // scale so that the 8 significant digits are the integer part: a * 10^(7-e) in [1e7, 1e8)
        int k = 7 - e;
        if (k < -22 || k > 22) return slowStore(v);
        double scaled = k >= 0 ? a * POW10[k] : a / POW10[-k];
        if (scaled < 1e7) {
            k++;
            if (k > 22) return slowStore(v);
            scaled = a * POW10[k];
        } else if (scaled >= 1e8) {
            k--;
            if (k < -22) return slowStore(v);
            scaled = k >= 0 ? a * POW10[k] : a / POW10[-k];
        }
        if (scaled < 1e7 || scaled >= 1e8) return slowStore(v);
        double fl = Math.floor(scaled);
        double frac = scaled - fl;
        // the scaled value carries a rounding error of about 1e-8; stay clear of the half-way point
        if (Math.abs(frac - 0.5) < 1e-6) return slowStore(v);
        double digits = frac > 0.5 ? fl + 1 : fl;
        double back = k >= 0 ? digits / POW10[k] : digits * POW10[-k]; // one correctly rounded operation
        return (float) (v < 0 ? -back : back);
    }

    private static float slowStore(double v) {
        BigDecimal rounded = new BigDecimal(v).round(EIGHT_DIGITS);
        return (float) rounded.doubleValue();
    }

    /** {@link #store} applied to a float value widened to double. */
    public static float store(float v) {
        return store((double) v);
    }

    /**
     * Parses decimal text {@code s[from, to)} (optional sign, digits, optional fraction, optional exponent) to the
     * nearest float. Returns NaN when the text is not such a number (callers report the error).
     */
    public static float parseFloat(byte[] s, int from, int to) {
        int i = from;
        boolean neg = false;
        if (i < to && (s[i] == '-' || s[i] == '+')) {
            neg = s[i] == '-';
            i++;
        }
        long m = 0;
        int sig = 0;          // significant digits kept in m
        int dropped = 0;      // integer digits not kept (too many)
        int fracDigits = 0;
        boolean anyDigit = false;
        boolean inexact = false;
        while (i < to && s[i] >= '0' && s[i] <= '9') {
            anyDigit = true;
            int dgt = s[i] - '0';
            if (sig < 18) {
                m = m * 10 + dgt;
                if (m != 0) sig++;
            } else {
                dropped++;
                if (dgt != 0) inexact = true;
            }
            i++;
        }
        if (i < to && s[i] == '.') {
            i++;
            while (i < to && s[i] >= '0' && s[i] <= '9') {
                anyDigit = true;
                int dgt = s[i] - '0';
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
        if (!anyDigit) return Float.NaN;
        int exp = 0;
        if (i < to && (s[i] == 'e' || s[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < to && (s[i] == '-' || s[i] == '+')) {
                eneg = s[i] == '-';
                i++;
            }
            if (i >= to || s[i] < '0' || s[i] > '9') return Float.NaN;
            while (i < to && s[i] >= '0' && s[i] <= '9') {
                if (exp < 100000) exp = exp * 10 + (s[i] - '0');
                i++;
            }
            if (eneg) exp = -exp;
        }
        if (i != to) return Float.NaN;
        return toFloat(neg, m, exp - fracDigits + dropped, inexact, s, from, to);
    }

    /**
     * The float nearest to {@code (neg ? -1 : 1) * m * 10^k}, for a decimal already split by a scanner;
     * {@code text[from, to)} is the original text, used when the fast path cannot prove its result.
     */
    public static float toFloat(boolean neg, long m, int k, boolean inexact, byte[] text, int from, int to) {
        if (m == 0) return neg ? -0.0f : 0.0f;
        if (!inexact && m < (1L << 53) && k >= -22 && k <= 22) {
            double d = k >= 0 ? m * POW10[k] : m / POW10[-k];
            long bits = Double.doubleToRawLongBits(d);
            boolean floatMidpoint = (bits & 0x1FFFFFFFL) == 0x10000000L;
            if (!floatMidpoint && d > 1e-30 && d < 1e30) {
                float f = (float) d;
                return neg ? -f : f;
            }
        }
        return Float.parseFloat(new String(text, from, to - from, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** {@link #parseFloat(byte[], int, int)} for a string. */
    public static float parseFloat(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return parseFloat(b, 0, b.length);
    }
}
