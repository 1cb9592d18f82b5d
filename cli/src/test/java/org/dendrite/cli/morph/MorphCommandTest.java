package org.dendrite.cli.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.cli.DendriteCommand;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.Tag;

/** The {@code dendrite morph} verbs end to end, through the real command line (in-process). */
@Tag("cli")
@Tag("data")
class MorphCommandTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = DendriteCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String data(String rel) {
        return SharedData.path("data").resolve(rel).toString();
    }

    @Test
    void infoJsonHasTheDocumentedKeysAndNeuronsNumbers() throws Exception {
        Path f = SharedData.path("data/morphologies-nrn/c91662.swc");
        Run r = run("morph", "info", f.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String k : new String[] {"sections", "points", "total_length_um", "total_area_um2", "per_type"}) {
            assertTrue(j.has(k), "key " + k);
        }
        assertEquals(194, j.get("sections").asInt());
        // NEURON 8.2.2 (test resource listing of this file): 194 sections; soma area at nseg 1 = pi d^2 with
        // d = 17.7354 um (golden case 7 soma segment area 988.1703336133776 um2, exact same arithmetic)
        assertEquals(988.1703336133776, j.get("per_type").get("soma").get("total_area_um2").asDouble(), 1e-9);
        for (String t : new String[] {"soma", "axon", "dend", "apic"}) {
            JsonNode p = j.get("per_type").get(t);
            for (String k : new String[] {"sections", "points", "total_length_um", "total_area_um2"}) {
                assertTrue(p.has(k), t + "." + k);
            }
        }
        double sum = 0;
        for (JsonNode p : j.get("per_type")) sum += p.get("total_length_um").asDouble();
        assertEquals(j.get("total_length_um").asDouble(), sum, 1e-9 * sum);
        assertTrue(j.get("soma_reading").asText().contains("three-point"));
        assertTrue(j.get("max_path_length_um").asDouble() > 0);
    }

    @Test
    void sphereSomaReadingKeepsTheArea() throws Exception {
        String f = data("morphologies-jaxley/morph_ca1_n120.swc");
        JsonNode neuron = new ObjectMapper().readTree(run("morph", "info", f, "--json").out());
        Run r = run("morph", "info", f, "--json", "--soma", "sphere");
        assertEquals(0, r.exit(), r.err());
        JsonNode sphere = new ObjectMapper().readTree(r.out());
        assertEquals(2, neuron.get("per_type").get("soma").get("sections").asInt(), "NEURON: 2 soma sections");
        assertEquals(1, sphere.get("per_type").get("soma").get("sections").asInt());
        double a = neuron.get("total_area_um2").asDouble();
        // same membrane area; the new soma diameter is stored as a float (1e-7 relative)
        assertEquals(a, sphere.get("total_area_um2").asDouble(), 1e-6 * a);
        assertTrue(sphere.get("soma_reading").asText().startsWith("sphere"));
        Run none = run("morph", "info", data("morphologies-neurom/Single_apical_no_soma.swc"), "--soma", "sphere");
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.out().contains("no soma to replace"), none.out());
        Run bad = run("morph", "info", f, "--soma", "ellipsoid");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--soma: unknown soma reading 'ellipsoid'"), bad.err());
    }

    @Test
    void arborSomaReadingSplitsTheThreePointSoma(@TempDir Path tmp) throws Exception {
        // c91662: NeuroMorpho three-point soma, r = 8.8677, side samples at +-(1.13, 8.71, 1.2) from the centre.
        // NEURON: one sphere-like section, area pi d^2 = 988.1703336133776. Arbor: two cylinders of diameter 2r
        // from the centre to each side sample, length |(1.13, 8.71, 1.2)| = sqrt(78.5810) = 8.86459 (not quite r):
        // 2 * pi * 2r * 8.86459 = 987.824, 0.035 % less than NEURON's
        String f = data("morphologies-nrn/c91662.swc");
        Run r = run("morph", "info", f, "--json", "--soma", "arbor");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2, j.get("per_type").get("soma").get("sections").asInt());
        double len = Math.sqrt(1.13 * 1.13 + 8.71 * 8.71 + 1.2 * 1.2);
        assertEquals(2 * Math.PI * 2 * 8.8677 * len, j.get("per_type").get("soma").get("total_area_um2").asDouble(),
                1e-6 * 988);
        assertEquals(987.824, j.get("per_type").get("soma").get("total_area_um2").asDouble(), 1e-3);
        assertEquals(2 * len, j.get("per_type").get("soma").get("total_length_um").asDouble(), 1e-5);
        assertTrue(j.get("soma_reading").asText().contains("Arbor interpretation"), j.get("soma_reading").asText());
        // neurites begin at the soma centre under Arbor: longer in total than NEURON's
        JsonNode n = new ObjectMapper().readTree(run("morph", "info", f, "--json").out());
        assertTrue(j.get("per_type").get("dend").get("total_length_um").asDouble()
                > n.get("per_type").get("dend").get("total_length_um").asDouble());
        Run asc = run("morph", "info", data("models-bluepyopt-l5pc/C060114A7.asc"), "--soma", "arbor");
        assertEquals(2, asc.exit());
        assertTrue(asc.err().contains("defined for SWC samples only"), asc.err());
        Path out = tmp.resolve("a.swc");
        Run conv = run("morph", "convert", f, out.toString(), "--soma", "arbor");
        assertEquals(0, conv.exit(), conv.err());
        assertTrue(conv.out().contains("(" + j.get("sections").asInt() + " sections)"), conv.out());
        Path png = tmp.resolve("a.svg");
        assertEquals(0, run("morph", "plot", f, "--out", png.toString(), "--soma", "arbor").exit());
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void infoOnZeroDiametersStaysFinite() throws Exception {
        Run r = run("morph", "info", data("morphologies-neurom/soma_zero_radius.swc"), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        // the zero-diameter soma has no length constant: capped at NEURON's largest nseg
        assertEquals(32767, j.get("per_type").get("soma").get("nseg_dlambda").asInt());
        assertTrue(j.get("warnings").asInt() > 0);
    }

    @Test
    void infoTableForAsc() {
        Run r = run("morph", "info", data("morphologies-neurom/bio_neuron-000.asc"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("soma contour of 14 points"), r.out());
        assertTrue(r.out().contains("axon"), r.out());
    }

    @Test
    void checkReportsWarningsAndStrictFailsWithExitCode2() {
        Run ok = run("morph", "check", data("morphologies-neurom/z_jump.swc"));
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("line 14: warning: sample 11 jumps 89.0 um along z"), ok.out());
        Run strict = run("morph", "check", "--strict", data("morphologies-neurom/z_jump.swc"));
        assertEquals(2, strict.exit());
        assertTrue(strict.err().startsWith("dendrite: error: "), strict.err());
        assertTrue(strict.err().contains("line 14"), strict.err());
    }

    @Test
    void malformedFileGivesOneLineErrorNoStackTraceExit2() {
        Run r = run("morph", "check", data("morphologies-morphio/malformed-from-tests/repeated_id.swc"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("repeated_id.swc line 6, column 1: duplicate sample id 4"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void convertAscToSwcAndJson(@TempDir Path tmp) throws Exception {
        Path swc = tmp.resolve("cell.swc"), json = tmp.resolve("cell.json");
        String asc = data("models-bluepyopt-l5pc/C060114A7.asc");
        assertEquals(0, run("morph", "convert", asc, swc.toString()).exit());
        assertEquals(0, run("morph", "convert", asc, json.toString()).exit());
        Run info = run("morph", "info", swc.toString(), "--json");
        assertEquals(0, info.exit(), info.err());
        JsonNode j = new ObjectMapper().readTree(info.out());
        JsonNode listing = new ObjectMapper().readTree(json.toFile());
        assertEquals(325, listing.get("sections").size(), "NEURON makes 325 sections of C060114A7.asc");
        // the file has one split with a single child (apic[51] -> apic[52]); SWC cannot break a section without
        // a branch point or a type change, so the SWC reading joins those two: 324 sections, same total length
        assertEquals(324, j.get("sections").asInt());
        double len = 0;
        for (JsonNode s : listing.get("sections")) len += s.get("L_um").asDouble();
        // lengths: same float points; the sum differs only by the joined section's arithmetic (1e-9 relative)
        assertEquals(len, j.get("total_length_um").asDouble(), 1e-9 * len);
        Run bad = run("morph", "convert", asc, tmp.resolve("cell.txt").toString());
        assertEquals(2, bad.exit());
    }

    @Test
    void plotWritesPngAndSvg(@TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("c.png"), svg = tmp.resolve("c.svg");
        String f = data("morphologies-nrn/c91662.swc");
        assertEquals(0, run("morph", "plot", f, "--out", png.toString(), "--size", "300").exit());
        assertEquals(0, run("morph", "plot", f, "--out", svg.toString(), "--plane", "xz").exit());
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(300, img.getWidth());
        String s = Files.readString(svg);
        assertTrue(s.startsWith("<svg"));
        // one <line> per pair of consecutive 3-D points, plus the scale bar
        long lines = s.lines().filter(l -> l.startsWith("<line")).count();
        assertTrue(lines > 1000, "lines: " + lines);
        assertTrue(s.contains("stroke=\"#943fbd\""), "apical dendrites in purple");
    }
}
