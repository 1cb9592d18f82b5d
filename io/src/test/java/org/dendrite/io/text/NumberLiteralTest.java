package org.dendrite.io.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The literal extents the HOC and NMODL lexers rely on (as nrniv and nocmodl read them). */
@Tag("unit")
class NumberLiteralTest {
    @Test
    void digitsFractionAndAnExponentOnlyWithDigits() {
        assertEquals(2, NumberLiteral.end("12+x", 0));
        assertEquals(2, NumberLiteral.end(".5)", 0));
        assertEquals(2, NumberLiteral.end("3.", 0));
        assertEquals(4, NumberLiteral.end("1e-3x", 0));
        assertEquals(6, NumberLiteral.end("2.5E+8 ", 0));
        assertEquals(1, NumberLiteral.end("2e", 0), "2e is 2 followed by the name e");
        assertEquals(1, NumberLiteral.end("2e+", 0));
        assertEquals(6, NumberLiteral.end("x=1e10", 2), "from an offset");
    }
}
