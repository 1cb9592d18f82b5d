package org.dendrite.io.swc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.io.MorphologyFormatException;
import org.dendrite.engine.SharedData;
import org.dendrite.io.morph.MorphologyFiles;
import org.dendrite.io.morph.ReadResult;
import org.dendrite.io.morph.SectionGeometry;
import org.dendrite.io.morph.SomaReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * The two soma readings side by side on a 1-point, a NeuroMorpho 3-point and a stacked soma; every expected value
 * is worked out by hand in the comments (lateral frustum area pi (r1 + r2) sqrt((r1 - r2)^2 + h^2)).
 */
@Tag("data")
class SwcArborTest {
    private static final double PI = Math.PI;

    private static Morphology neuron(String text) {
        return SwcReader.read("t.swc", text.getBytes(StandardCharsets.US_ASCII));
    }

    private static Morphology arbor(String text) {
        return SwcArbor.toMorphology("t.swc", SwcReader.parse("t.swc", text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static double somaArea(Morphology m) {
        double a = 0;
        for (Section s : m.sections()) if (s.type().code() == 1) a += SectionGeometry.area(s, 1);
        return a;
    }

    private static double somaLength(Morphology m) {
        double l = 0;
        for (Section s : m.sections()) if (s.type().code() == 1) l += SectionGeometry.length(s);
        return l;
    }

    private static Section named(Morphology m, String name) {
        for (Section s : m.sections()) if (s.name().equals(name)) return s;
        throw new AssertionError("no section " + name);
    }

    // soma radius 5 at the origin; a dendrite of radius 1 going up y from 10 to 20 um
    private static final String ONE_POINT = """
            1 1 0 0 0 5 -1
            2 3 0 10 0 1 1
            3 3 0 20 0 1 2
            """;

    @Test
    void onePointSoma() {
        // NEURON: cylinder x -5..5, d 10: L 10, area pi*10*10 = 100 pi; the dendrite starts at its first sample
        // (wired to soma(0.5)): L 10, area pi*2*10 = 20 pi
        Morphology n = neuron(ONE_POINT);
        assertEquals(100 * PI, somaArea(n), 1e-9);
        assertEquals(10, somaLength(n), 1e-9);
        assertEquals(-5, n.section(0).x(0), 0);
        assertEquals(0, n.section(0).y(0), 0);
        Section nd = named(n, "dend[0]");
        assertEquals(10, SectionGeometry.length(nd), 1e-9);
        assertEquals(20 * PI, SectionGeometry.area(nd, 1), 1e-9);
        assertEquals(0.5, nd.parentX(), 0);

        // Arbor (NeuroMorpho rule for the single sample): cylinder along y, -5..5, d 10: L 10, area 100 pi, the
        // same totals as NEURON's; the dendrite starts at the soma centre with the soma radius: frustum r 5 -> 1
        // over 10 um (pi*6*sqrt(16 + 100) = 6 pi sqrt(116) = 203.0159...) then a cylinder (20 pi): L 20
        Morphology a = arbor(ONE_POINT);
        assertEquals(2, a.size());
        Section soma = a.section(0);
        assertEquals(100 * PI, somaArea(a), 1e-9);
        assertEquals(10, somaLength(a), 1e-9);
        assertEquals(0, soma.x(0), 0);
        assertEquals(-5, soma.y(0), 0);
        assertEquals(5, soma.y(2), 0);
        Section ad = named(a, "dend[0]");
        assertEquals(20, SectionGeometry.length(ad), 1e-9);
        assertEquals(6 * PI * Math.sqrt(116) + 20 * PI, SectionGeometry.area(ad, 1), 1e-9);
        assertEquals(203.01593, 6 * PI * Math.sqrt(116), 1e-5);
        assertEquals(0, ad.parent());
        assertEquals(0.5, ad.parentX(), 0);
        assertEquals(10, ad.diam(0), 0, "first point: the soma sample's diameter");
    }

    // NeuroMorpho three-point soma (radius 5, +- 5 along y), a dendrite from the centre along x
    private static final String THREE_POINT = """
            1 1 0 0 0 5 -1
            2 1 0 -5 0 5 1
            3 1 0 5 0 5 1
            4 3 10 0 0 1 1
            5 3 20 0 0 1 4
            """;

    @Test
    void threePointSoma() {
        // NEURON: recognised as the sphere: one soma section of L 10 and d 10 (area 100 pi); dendrite from its
        // first sample: L 10, 20 pi
        Morphology n = neuron(THREE_POINT);
        assertEquals(1, n.sections().stream().filter(s -> s.type().code() == 1).count());
        assertEquals(100 * PI, somaArea(n), 1e-9);
        assertEquals(10, somaLength(n), 1e-9);
        assertEquals(20 * PI, SectionGeometry.area(named(n, "dend[0]"), 1), 1e-9);

        // Arbor: two soma segments centre -> (0,-5) and centre -> (0,5), each a cylinder of length 5, d 10
        // (area pi*10*5 = 50 pi): two sections, 100 pi and L 10 in all; soma[1] and the dendrite hang from the
        // centre = soma[0](0); dendrite = frustum r 5 -> 1 over 10 um + cylinder: 6 pi sqrt(116) + 20 pi, L 20
        Morphology a = arbor(THREE_POINT);
        assertEquals(3, a.size());
        Section s0 = named(a, "soma[0]"), s1 = named(a, "soma[1]"), d = named(a, "dend[0]");
        assertEquals(50 * PI, SectionGeometry.area(s0, 1), 1e-9);
        assertEquals(50 * PI, SectionGeometry.area(s1, 1), 1e-9);
        assertEquals(100 * PI, somaArea(a), 1e-9);
        assertEquals(10, somaLength(a), 1e-9);
        assertEquals(-5, s0.y(1), 0);
        assertEquals(5, s1.y(1), 0);
        assertEquals(-1, s0.parent());
        assertEquals(0, s1.parent());
        assertEquals(0, s1.parentX(), 0);
        assertEquals(0, d.parent());
        assertEquals(0, d.parentX(), 0);
        assertEquals(20, SectionGeometry.length(d), 1e-9);
        assertEquals(6 * PI * Math.sqrt(116) + 20 * PI, SectionGeometry.area(d, 1), 1e-9);
    }

    // stacked soma: radii 4, 5, 3 at y = 0, 6, 12; a dendrite of radius 1 from the last soma sample up to y = 32
    private static final String STACKED = """
            1 1 0 0 0 4 -1
            2 1 0 6 0 5 1
            3 1 0 12 0 3 2
            4 3 0 22 0 1 3
            5 3 0 32 0 1 4
            """;

    @Test
    void stackedSoma() {
        // both readings: one soma section through the three samples, frusta r 4 -> 5 over 6 um
        // (pi*9*sqrt(1 + 36) = 9 pi sqrt(37)) and r 5 -> 3 over 6 um (pi*8*sqrt(4 + 36) = 8 pi sqrt(40)); L 12
        double soma = 9 * PI * Math.sqrt(37) + 8 * PI * Math.sqrt(40);
        assertEquals(330.93947, soma, 1e-5); // 171.9856 + 158.9539
        Morphology n = neuron(STACKED);
        Morphology a = arbor(STACKED);
        for (Morphology m : new Morphology[] {n, a}) {
            assertEquals(1, m.sections().stream().filter(s -> s.type().code() == 1).count());
            assertEquals(soma, somaArea(m), 1e-9);
            assertEquals(12, somaLength(m), 1e-9);
        }
        // NEURON (a soma that is not a sphere): the dendrite starts with a copy of the soma's last point (0,12)
        // carrying the dendrite's own diameter 2, on soma(1): a cylinder r 1 over 20 um, 40 pi
        Section nd = named(n, "dend[0]");
        assertEquals(20, SectionGeometry.length(nd), 1e-9);
        assertEquals(40 * PI, SectionGeometry.area(nd, 1), 1e-9);
        assertEquals(2, nd.diam(0), 0);
        assertEquals(1, nd.parentX(), 0);
        // Arbor: from the last soma sample (0,12), r 3, to (0,22), r 1: pi*4*sqrt(4 + 100) = 4 pi sqrt(104);
        // then 20 pi; L 20; on soma(1)
        Section ad = named(a, "dend[0]");
        assertEquals(20, SectionGeometry.length(ad), 1e-9);
        assertEquals(4 * PI * Math.sqrt(104) + 20 * PI, SectionGeometry.area(ad, 1), 1e-9);
        assertEquals(1, ad.parentX(), 0);
        assertEquals(6, ad.diam(0), 0, "Arbor: the soma sample's diameter");
    }

    @Test
    void forksAndTypeChangesStartSections() {
        // soma chain 1-2; axon 3-4 from sample 1; dendrite 5 from sample 2 forks into 6 and 7
        String text = """
                1 1 0 0 0 5 -1
                2 1 10 0 0 5 1
                3 2 -10 0 0 1 1
                4 2 -20 0 0 1 3
                5 3 20 0 0 1 2
                6 3 30 10 0 0.5 5
                7 3 30 -10 0 0.5 5
                """;
        Morphology a = arbor(text);
        // soma[0] = 1 -> 2 (cylinder L 10, d 10: 100 pi); its end forks nothing but changes type: dend[0] = 2 -> 5
        // on soma(1); dend[1], dend[2] on dend[0](1); axon[0] = 1 -> 3 -> 4 on soma[0](0)
        assertEquals(5, a.size());
        assertEquals(100 * PI, somaArea(a), 1e-9);
        Section axon = named(a, "axon[0]");
        assertEquals(0, axon.parentX(), 0);
        assertEquals(3, axon.pointCount());
        // axon: frustum r 5 -> 1 over 10 um (6 pi sqrt(116)) + cylinder r 1 over 10 um (20 pi)
        assertEquals(6 * PI * Math.sqrt(116) + 20 * PI, SectionGeometry.area(axon, 1), 1e-9);
        Section d0 = named(a, "dend[0]");
        assertEquals(1, d0.parentX(), 0);
        assertEquals(0, d0.parent());
        for (String c : new String[] {"dend[1]", "dend[2]"}) {
            Section s = named(a, c);
            assertEquals(a.sections().indexOf(d0), s.parent());
            assertEquals(1, s.parentX(), 0);
            // r 1 -> 0.5 over sqrt(200) um: pi*1.5*sqrt(0.25 + 200)
            assertEquals(1.5 * PI * Math.sqrt(200.25), SectionGeometry.area(s, 1), 1e-9);
        }
    }

    @Test
    void morphologyFilesSelectsTheReading(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("three.swc");
        Files.writeString(f, THREE_POINT);
        assertEquals(1, MorphologyFiles.read(f).sections().stream().filter(s -> s.type().code() == 1).count());
        assertEquals(1, MorphologyFiles.read(f, SomaReading.NEURON).sections().stream()
                .filter(s -> s.type().code() == 1).count());
        assertEquals(2, MorphologyFiles.read(f, SomaReading.ARBOR).sections().stream()
                .filter(s -> s.type().code() == 1).count());
        ReadResult r = MorphologyFiles.readChecked(f, SomaReading.ARBOR);
        assertTrue(r.somaReading().contains("3 soma samples read as 2 soma sections of 314.159 um2"),
                r.somaReading());
        assertEquals(SomaReading.ARBOR, SomaReading.parse("Arbor"));
        Path asc = SharedData.path("data/models-bluepyopt-l5pc/C060114A7.asc");
        MorphologyFormatException e = assertThrows(MorphologyFormatException.class,
                () -> MorphologyFiles.read(asc, SomaReading.ARBOR));
        assertTrue(e.getMessage().contains("SWC samples only"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> SomaReading.ARBOR.apply(MorphologyFiles.read(f)));
    }

    @Test
    void everySharedSwcFileReadsTheArborWay() throws IOException {
        // the samples are the same, only the soma rules differ: no section is lost and the neurites' total
        // length never shrinks (Arbor adds the stretch from the soma sample to the first neurite sample)
        int files = 0;
        try (var paths = Files.walk(SharedData.path("data"))) {
            for (Path p : (Iterable<Path>) paths.filter(q -> q.toString().endsWith(".swc"))::iterator) {
                Morphology n;
                try {
                    n = MorphologyFiles.read(p);
                } catch (MorphologyFormatException bad) {
                    continue;
                }
                Morphology a = MorphologyFiles.read(p, SomaReading.ARBOR);
                double ln = 0, la = 0;
                for (Section s : n.sections()) if (s.type().code() != 1) ln += SectionGeometry.length(s);
                for (Section s : a.sections()) if (s.type().code() != 1) la += SectionGeometry.length(s);
                assertTrue(la >= ln - 1e-6 * ln, p + ": " + la + " < " + ln);
                for (int i = 0; i < a.size(); i++) assertTrue(a.section(i).parent() < i, p.toString());
                files++;
            }
        }
        assertTrue(files >= 40, "files read: " + files);
    }
}
