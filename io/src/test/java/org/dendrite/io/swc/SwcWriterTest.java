package org.dendrite.io.swc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.SharedData;
import org.dendrite.io.asc.AscReader;
import org.dendrite.io.morph.JsonListingWriter;
import org.dendrite.io.morph.NeuronListing;
import org.dendrite.io.morph.SectionGeometry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;

/** Writers: normalised SWC reads back to identical sections; section-based SWC and JSON keep the geometry. */
@Tag("data")
class SwcWriterTest {
    @ParameterizedTest
    @ValueSource(strings = {"morphologies-nrn/c91662.swc", "morphologies-jaxley/morph_ca1_n120.swc",
        "morphologies-neurom/simple_reversed.swc", "morphologies-jaxley/morph_flywire_t4_720575940626407426.swc",
        "morphologies-morphio/simple-windows-eol.swc"})
    void normalisedSwcReadsBackToTheSameSections(String file) throws Exception {
        var path = SharedData.path("data/" + file);
        SwcSamples s = SwcReader.readSamples(path);
        Morphology before = SwcReader.toMorphology("a", s);
        StringWriter w = new StringWriter();
        SwcWriter.write(s, file, w);
        SwcSamples back = SwcReader.parse("b", w.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(false, back.reordered, "written parents-first");
        for (int i = 0; i < back.n; i++) assertEquals(i + 1, back.id[i], "ids 1..N");
        Morphology after = SwcReader.toMorphology("b", back);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.section(i).name(), after.section(i).name());
            assertEquals(before.section(i).parent(), after.section(i).parent());
            assertEquals(before.section(i).parentX(), after.section(i).parentX());
            // exact: the written numbers read back to the same floats
            assertEquals(NeuronListing.pointHash(before.section(i)), NeuronListing.pointHash(after.section(i)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"models-bluepyopt-l5pc/C060114A7.asc", "morphologies-neurom/bio_neuron-000.asc"})
    void ascToSwcKeepsNeuriteLengths(String file) throws Exception {
        Morphology asc = AscReader.read(SharedData.path("data/" + file));
        StringWriter w = new StringWriter();
        SwcWriter.write(asc, file, w);
        Morphology swc = SwcReader.read("converted.swc", w.toString().getBytes(StandardCharsets.UTF_8));
        double lenAsc = 0, lenSwc = 0;
        for (var s : asc.sections()) if (s.type().code() != 1) lenAsc += s.length();
        for (var s : swc.sections()) if (s.type().code() != 1) lenSwc += s.length();
        // neurites keep every point; NEURON's soma wires are dropped in the SWC, so the SWC reading connects
        // each tree to its first point: lengths agree to float round-off of the positions (1e-6 relative)
        assertEquals(lenAsc, lenSwc, 1e-6 * lenAsc);
        assertTrue(swc.section(0).name().equals("soma[0]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"morphologies-nrn/c91662.swc"})
    void jsonListingHasEverySection(String file) throws Exception {
        Morphology m = SwcReader.read(SharedData.path("data/" + file));
        StringWriter w = new StringWriter();
        JsonListingWriter.write(m, w);
        JsonNode j = new ObjectMapper().readTree(w.toString());
        assertEquals(m.size(), j.get("sections").size());
        JsonNode s1 = j.get("sections").get(1);
        assertEquals(m.section(1).name(), s1.get("name").asText());
        assertEquals("soma[0]", s1.get("parent").asText());
        assertEquals(SectionGeometry.area(m.section(1), 1), s1.get("area_nseg1_um2").asDouble(), 0.0);
        assertEquals(m.section(1).x(0), (float) s1.get("points").get(0).get(0).asDouble(), 0f);
    }
}
