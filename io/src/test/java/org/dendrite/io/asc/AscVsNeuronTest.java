package org.dendrite.io.asc;

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
 * Every Neurolucida ASC file of the shared data folder against NEURON 8.2.2 Import3d's listing of it: same
 * sections, names, parents, attachment x, child order and stored floats; L and area at nseg 1 to 1e-12
 * relative. Files NEURON reads as nothing (its parser stops silently) must give dendrite's error, except the
 * ones listed as readable below.
 */
@Tag("neuron-agreement")
@Tag("data")
class AscVsNeuronTest {
    /** NEURON's parser stops on these (and builds nothing); dendrite reads them (MorphIO does too). */
    static final Set<String> READ_WHERE_NEURON_FAILS = Set.of(
            "morphologies-morphio/annotations.asc");

    static List<Object[]> listings() throws Exception {
        return NeuronListing.all().stream().filter(o -> ((String) o[0]).endsWith(".asc")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void sameSectionsAsNeuron(String file, JsonNode ref) {
        Path path = SharedData.path("data/" + file);
        boolean neuronFailed = ref.get("status").asText().equals("error") || ref.get("nsec").asInt() == 0;
        if (READ_WHERE_NEURON_FAILS.contains(file)) {
            Morphology m = AscReader.read(path);
            assertTrue(m.size() > 0);
        } else if (neuronFailed) {
            assertThrows(MorphologyFormatException.class, () -> AscReader.read(path));
        } else {
            Morphology m = AscReader.read(path);
            List<String> diffs = NeuronListing.differences(m, ref, 1e-12);
            assertEquals(List.of(), diffs.subList(0, Math.min(diffs.size(), 10)), file);
        }
    }
}
