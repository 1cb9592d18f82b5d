package org.dendrite.io.swc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.MorphologyFormatException;
import org.dendrite.engine.SharedData;
import org.dendrite.io.morph.NeuronListing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/**
 * Every SWC file of the shared data folder against NEURON 8.2.2 Import3d's listing of it. Sections, names,
 * parents, attachment x and child order must be equal and every stored float identical; L and area at nseg 1
 * agree to 1e-12 relative (same floats and the same formulas; the margin only covers the order of additions).
 */
@Tag("neuron-agreement")
@Tag("data")
class SwcVsNeuronTest {
    /**
     * Files NEURON imports but dendrite rejects on purpose: several roots, a missing parent (NEURON silently
     * hangs such trees on the soma's middle) and a soma sample under a neurite sample.
     */
    static final Set<String> REJECTED = Set.of(
            "morphologies-neurom/Neuron_disconnected_components.swc",
            "morphologies-morphio/disconnected_neurite.swc",
            "morphologies-morphio/multiple_soma.swc",
            "morphologies-morphio/malformed-from-tests/neurite_followed_by_soma.swc",
            "morphologies-neurom/soma_with_neurite_parent.swc",
            "morphologies-neurom/Neuron_missing_ids.swc");
    /** Files NEURON refuses (parents listed after children) that dendrite reads by renumbering. */
    static final Set<String> RENUMBERED = Set.of(
            "morphologies-jaxley/morph_flywire_t4_720575940626407426.swc",
            "morphologies-morphio/valid-from-tests/children_before_parents.swc",
            "morphologies-morphio/valid-from-tests/weird_ids_unordered.swc",
            "morphologies-neurom/simple_reversed.swc");

    static List<Object[]> listings() throws Exception {
        return NeuronListing.all().stream().filter(o -> ((String) o[0]).endsWith(".swc")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void sameSectionsAsNeuron(String file, JsonNode ref) {
        Path path = SharedData.path("data/" + file);
        if (REJECTED.contains(file)) {
            assertEquals("ok", ref.get("status").asText());
            assertThrows(MorphologyFormatException.class, () -> SwcReader.read(path));
        } else if (RENUMBERED.contains(file)) {
            assertEquals("error", ref.get("status").asText());
            Morphology m = SwcReader.read(path);
            assertTrue(m.size() > 0);
            assertTrue(m.notes().stream().anyMatch(n -> n.contains("renumbered")), "a note says so");
        } else if (ref.get("status").asText().equals("error")) {
            assertThrows(MorphologyFormatException.class, () -> SwcReader.read(path));
        } else {
            Morphology m = SwcReader.read(path);
            List<String> diffs = NeuronListing.differences(m, ref, 1e-12);
            assertEquals(List.of(), diffs.subList(0, Math.min(diffs.size(), 10)), file);
        }
    }
}
