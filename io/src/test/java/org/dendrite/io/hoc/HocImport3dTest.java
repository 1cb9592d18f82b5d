package org.dendrite.io.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Import3d_Neurolucida3 / Import3d_GUI.instantiate(this) with a stand-in morphology reader. */
@Tag("unit")
class HocImport3dTest {

    /** soma with two dendrites, an apical trunk with two branches, and an axon. */
    static Morphology morphology() {
        Morphology.Builder b = Morphology.builder("fake.asc");
        int soma = b.add(Section.withPoints("soma", SectionType.SOMA, -1, 0,
                new double[][] {{0, -5, 0, 10}, {0, 0, 0, 12}, {0, 5, 0, 10}}));
        b.add(Section.withPoints("axon", SectionType.AXON, soma, 0.5, new double[][] {{0, -5, 0, 1}, {0, -60, 0, 1}}));
        b.add(Section.withPoints("dend0", SectionType.BASAL, soma, 0.5, new double[][] {{3, 0, 0, 2}, {40, -20, 0, 1}}));
        int apic = b.add(Section.withPoints("apic0", SectionType.APICAL, soma, 1, new double[][] {{0, 5, 0, 3}, {0, 90, 0, 2.5}}));
        b.add(Section.withPoints("apic1", SectionType.APICAL, apic, 1, new double[][] {{0, 90, 0, 2}, {-30, 150, 0, 1}}));
        b.add(Section.withPoints("apic2", SectionType.APICAL, apic, 1, new double[][] {{0, 90, 0, 2}, {30, 160, 0, 1}}));
        b.add(Section.withPoints("dend1", SectionType.BASAL, soma, 0.5, new double[][] {{-3, 0, 0, 2}, {-40, -20, 0, 1}}));
        return b.build();
    }

    @Test
    void instantiateCreatesTypedArraysListsAndConnections() {
        HocInterpreter in = new HocInterpreter();
        List<String> loaded = new ArrayList<>();
        in.setMorphologyLoader((file, format) -> {
            loaded.add(file.getFileName() + " " + format);
            return morphology();
        });
        HocTestSupport.runFile(in, HocTestSupport.resource("import3d/hay_like.hoc"));
        String out = HocTestSupport.run(in, String.join("\n",
                "objref cell",
                "cell = new Cell(\"" + HocTestSupport.resource("import3d/fake.asc") + "\")",
                "forsec cell.all print secname()",
                "print cell.nSecAll",
                "forsec cell.basal print \"basal \", secname()",
                "forsec cell.axonal print \"axonal \", secname(), L",
                "cell.apic[2] { print n3d(), x3d(1), diam3d(1) }",
                "print secname()",
                ""));
        assertEquals(List.of("fake.asc asc"), loaded);
        assertEquals(String.join("\n",
                "Cell[0].soma[0]", "Cell[0].dend[0]", "Cell[0].apic[0]", "Cell[0].apic[1]", "Cell[0].apic[2]",
                "Cell[0].dend[1]", "Cell[0].axon[0]", "Cell[0].axon[1]",
                "8 ",
                "basal Cell[0].dend[0]", "basal Cell[0].dend[1]",
                "axonal Cell[0].axon[0]30 ", "axonal Cell[0].axon[1]30 ",
                "2 30 1 ",
                "Cell[0].soma[0]", ""), out);
        HocSection apic2 = in.section("Cell[0].apic[2]");
        assertSame(in.section("Cell[0].apic[0]"), apic2.parent());
        assertEquals(1, apic2.parentX());
        HocSection ax0 = in.section("Cell[0].axon[0]");
        assertSame(in.section("Cell[0].soma[0]"), ax0.parent());
        assertEquals(0.5, ax0.parentX());
        assertEquals(1, ax0.diam(0)); // the original axon's diameter
        assertEquals(8, in.world().sections().size());
        assertTrue(in.world().sections().stream().allMatch(s -> s.owner() == in.getObject("cell")));
    }

    @Test
    void withoutAReaderInputFailsClearly() {
        HocInterpreter in = new HocInterpreter();
        HocTestSupport.runFile(in, HocTestSupport.resource("import3d/hay_like.hoc"));
        HocException e = org.junit.jupiter.api.Assertions.assertThrows(HocException.class,
                () -> HocTestSupport.run(in, "objref cell\ncell = new Cell(\"fake.asc\")\n"));
        assertTrue(e.getMessage().contains("hay_like.hoc:16:6: Import3d_Neurolucida3.input: no morphology reader"),
                e.getMessage());
    }
}
