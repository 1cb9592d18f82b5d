package org.dendrite.io.asc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.MorphologyFormatException;
import org.dendrite.io.morph.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Grammar details of the Neurolucida reader on small inline files. */
@Tag("unit")
class AscGrammarTest {
    private static ReadResult read(String text) {
        return AscReader.readChecked("t.asc", text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String SOMA = "(\"CellBody\" (Color Red) (CellBody)\n"
            + " (1 1 0 0.1 S1) (-1 1 0 0.1 S2) (-1 -1 0 0.1 S3) (1 -1 0 0.1 S4)\n) ; end of soma\n";

    @Test
    void treeWithMarkersSpinesCommentsAndEndWords() {
        ReadResult r = read("; header comment\n(Sections S1 \"a\" 0 0 0)\n(ImageCoords)\n" + SOMA
                + "( (Color Blue) (Set \"axons\") (Axon) ; type from the last property\n"
                + "  (0 -1.2 0 1) (0, -4, 0, 1) <(Class 4 \"thin\") (Color Red) (0.5 -4 0 0.2)>\n"
                + "  (FilledCircle (Color Green) (Name \"m\") (3 3 0 1))\n"
                + "  (0 -6 0 1)\n"
                + "  ( (1 -7 0 1) (2 -8 0 1) Normal\n  | (-1 -7 0 1) (-2 -8 0 1) Incomplete\n  )\n)\n"
                + "( (Font \"x\" 10) (5 5 0 1) \"a text annotation\" )\n");
        Morphology m = r.morphology();
        assertEquals(4, m.size());
        assertEquals("soma[0]", m.section(0).name());
        assertEquals("axon[0]", m.section(1).name());
        assertEquals("axon[1]", m.section(2).name());
        assertEquals("axon[2]", m.section(3).name());
        assertEquals(0.5, m.section(1).parentX(), 0.0, "trees hang from the soma's middle");
        assertEquals(1, m.section(2).parent());
        // the root section: its own three points (the soma centre wire is not a 3-D point)
        assertEquals(3, m.section(1).pointCount());
        // a child starts with a copy of the parent's last point, diameter of its own first point
        assertEquals(3, m.section(2).pointCount());
        assertEquals(-6f, m.section(2).y(0), 0f);
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("1 spine")), m.notes().toString());
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("1 marker")), m.notes().toString());
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("1 text")), m.notes().toString());
        assertEquals(0, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void repeatedBranchPointIsNotCopiedTwice() {
        Morphology m = read(SOMA + "((Dendrite) (0 2 0 1) (0 4 0 1) ( (0 4 0 1) (1 5 0 1) | (0 4 0 1) (-1 5 0 1) ) )")
                .morphology();
        assertEquals(2, m.section(2).pointCount(), "(0 4 0 1) repeated by the child is used once");
    }

    @Test
    void typeIsTheLastPropertyAsInNeuron() {
        ReadResult r = read(SOMA + "((Dendrite) (Color Red) (0 2 0 1) (0 4 0 1))");
        assertEquals("dend_0[0]", r.morphology().section(1).name());
        assertEquals("undefined-type", r.warnings().get(0).kind());
    }

    @Test
    void treeOutsideEverySomaIsConnectedToTheNearestCentreWithAWarning() {
        ReadResult r = read(SOMA + "((Apical) (0 20 0 1) (0 24 0 1))");
        assertEquals("apic[0]", r.morphology().section(1).name());
        assertEquals(0, r.morphology().section(1).parent());
        assertEquals("far-from-soma", r.warnings().get(0).kind());
    }

    @Test
    void errorsCarryLineAndColumn() {
        MorphologyFormatException e = assertThrows(MorphologyFormatException.class,
                () -> read(SOMA + "((Dendrite)\n (0 2 0 1)\n (0 4 0 1 \"oops\")\n)"));
        assertEquals(6, e.line());
        assertEquals(11, e.column());
        e = assertThrows(MorphologyFormatException.class, () -> read(SOMA + "((Dendrite)\n (0 2 0 1) $\n)"));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("unexpected character '$'"), e.getMessage());
        e = assertThrows(MorphologyFormatException.class, () -> read("(\"CellBody\" (1 1 0 1)"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }
}
