package org.dendrite.io.swc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.MorphologyFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Small SWC texts for format details the shared files do not cover. */
@Tag("unit")
class SwcInlineTest {
    private static Morphology read(String text) {
        return SwcReader.read("t.swc", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void byteOrderMarkCrlfTabsAndTrailingCommentsAreAccepted() {
        Morphology m = read("\uFEFF# header\r\n1\t1 0 0 0 5 -1 # soma\r\n2 3 0 6 0 1 1\r\n3 3 0 9 0 1 2 extra 7\r\n\r\n");
        assertEquals(2, m.size());
        assertEquals("dend[0]", m.section(1).name());
        // single-point soma: cylinder of length and diameter 10 um along x, dendrite wired to its middle
        assertEquals(10f, m.section(0).diam(0), 0f);
        assertEquals(-5f, m.section(0).x(0), 0f);
        assertEquals(0.5, m.section(1).parentX(), 0.0);
        assertEquals(2, m.section(1).pointCount(), "a wire: the soma centre is not a point of the dendrite");
    }

    @Test
    void singleSampleIsASphere() {
        Morphology m = read("1 1 1.5 2 3 4 -1\n");
        assertEquals(1, m.size());
        assertEquals(3, m.section(0).pointCount());
        assertEquals(-2.5f, m.section(0).x(0), 0f);
        assertEquals(5.5f, m.section(0).x(2), 0f);
        assertEquals(8.0, m.section(0).length(), 0.0);
    }

    @Test
    void wholeNumberFieldsAndNumberSyntax() {
        assertEquals(2, read("1.0 1 0 0 0 1 -1\n2 3. 0 5e0 0 1 1.\n3 3 0 1E1 0 1 2\n").size());
        MorphologyFormatException e = assertThrows(MorphologyFormatException.class,
                () -> read("1 1 0 0 0 1 -1\n2 3 0 5 0 1 1.5\n"));
        assertEquals(2, e.line());
        assertEquals(13, e.column());
        assertTrue(e.getMessage().contains("parent must be a whole number"), e.getMessage());
        e = assertThrows(MorphologyFormatException.class, () -> read("1 1 0 0 0 1 -1\n2 3 0 5,0 0 1 1\n"));
        assertEquals(7, e.column());
        assertTrue(e.getMessage().contains("'5,0' is not a number"), e.getMessage());
        e = assertThrows(MorphologyFormatException.class, () -> read("1 1 0 0 0 -1 -1\n"));
        assertTrue(e.getMessage().contains("negative radius"), e.getMessage());
        e = assertThrows(MorphologyFormatException.class, () -> read("# only a comment\n\n"));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("no samples"), e.getMessage());
    }

    @Test
    void cycleWithoutRootIsReported() {
        MorphologyFormatException e = assertThrows(MorphologyFormatException.class,
                () -> read("1 1 0 0 0 1 2\n2 3 0 5 0 1 1\n"));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        e = assertThrows(MorphologyFormatException.class,
                () -> read("1 1 0 0 0 1 -1\n2 3 0 5 0 1 3\n3 3 0 6 0 1 2\n"));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }
}
