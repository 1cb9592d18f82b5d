package org.dendrite.io.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The fast paths of NeuronFloats against their definitions (exact: tolerance 0). */
@Tag("neuron-agreement")
class NeuronFloatsTest {
    /** Definition: format with 8 significant digits (round half even on the exact binary value), strtod, float. */
    private static float storeByDefinition(double v) {
        if (v == 0) return (float) v;
        return (float) new BigDecimal(v).round(new MathContext(8, RoundingMode.HALF_EVEN)).doubleValue();
    }

    @Test
    void storeEqualsPercent8gRoundTrip() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double mag = Math.pow(10, r.nextInt(-12, 12));
            double v = (r.nextDouble() - 0.5) * mag;
            if (i % 2 == 0) v = (float) v;   // most inputs are floats
            assertEquals(storeByDefinition(v), NeuronFloats.store(v), 0f, "store(" + v + ")");
        }
        // known cases: 8 significant digits survive, the 9th is rounded away
        assertEquals(302788.03f, NeuronFloats.store(302788.03f), 0f);
        assertEquals((float) 1.2345679, NeuronFloats.store(1.23456789), 0f);
        assertEquals((float) -8.8677, NeuronFloats.store(-8.8677 - 1e-12), 0f);
    }

    @Test
    void parseFloatIsCorrectlyRounded() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            int digits = r.nextInt(1, 12);
            String s = String.format(Locale.ROOT, "%." + digits + "f", (r.nextDouble() - 0.5)
                    * Math.pow(10, r.nextInt(-3, 8)));
            if (i % 5 == 0) s = s + "e" + r.nextInt(-5, 5);
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Float.parseFloat(s), NeuronFloats.parseFloat(b, 0, b.length), 0f, s);
        }
        assertEquals(Float.NaN, NeuronFloats.parseFloat("1.2.3"), 0f);
        assertEquals(Float.NaN, NeuronFloats.parseFloat("abc"), 0f);
        assertEquals(1f, NeuronFloats.parseFloat("+1"), 0f);
    }
}
