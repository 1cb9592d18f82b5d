package org.dendrite.io.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The Hay L5PC morphology ({@code cell1.asc}) loaded by a Hay-style template through Import3d gives NEURON's
 * sections, section lists, L, nseg, 3-D point counts, areas and distances ({@code hay_cell1.out}, made by
 * {@code benchmarks/scripts/hoc/make_expected_import3d.sh}). Uses the io ASC reader when it is on the
 * class path (it lives in another package of this module; the test is skipped without it).
 */
@Tag("neuron-agreement")
@Tag("data")
class HocImport3dHayTest {

    @Test
    void hayMorphologyImportsAsInNeuron() throws Exception {
        Path morph = SharedData.path("data/hay-l5pc/cell1.asc");
        Assumptions.assumeTrue(Files.isRegularFile(morph), "cell1.asc not in ../shared");
        Method read;
        try {
            read = Class.forName("org.dendrite.io.asc.AscReader").getMethod("read", Path.class);
        } catch (ClassNotFoundException e) {
            Assumptions.abort("no ASC reader (org.dendrite.io.asc.AscReader) in this build");
            return;
        }
        Method reader = read;
        HocInterpreter in = new HocInterpreter();
        in.setMorphologyLoader((file, format) -> {
            try {
                return (Morphology) reader.invoke(null, file);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new IllegalStateException(e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
        in.execute("strdef morph_file\nmorph_file = \"" + morph.toString().replace("\\", "/") + "\"\n", "setup");
        Path hoc = HocTestSupport.resource("import3d/hay_cell1.hoc");
        String actual = HocTestSupport.runFile(in, hoc);
        String expected = Files.readString(hoc.resolveSibling("hay_cell1.out"), StandardCharsets.UTF_8);
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) assertEquals(e[i], a[i], "line " + (i + 1));
        assertEquals(e.length, a.length, "number of lines");
    }
}
