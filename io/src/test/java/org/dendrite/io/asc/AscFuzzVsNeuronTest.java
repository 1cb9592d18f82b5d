package org.dendrite.io.asc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.morph.NeuronListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Random Neurolucida cells (benchmarks/scripts/asc_fuzz_vs_neuron.py: star-shaped soma outlines, flat or tilted,
 * z-stacks, two somata, trees with splits and repeated branch points, trees outside the soma) against NEURON
 * 8.2.2 Import3d: identical sections, parents, x, child order and stored floats (soma centroids included);
 * L and area to 1e-12 relative.
 */
@Tag("neuron-agreement")
class AscFuzzVsNeuronTest {
    @Test
    void randomCellsGiveNeuronsSections() throws Exception {
        JsonNode all = new ObjectMapper().readTree(getClass().getResource("/neuron-asc-fuzz.json"));
        List<String> failures = new ArrayList<>();
        int k = 0;
        for (JsonNode c : all.get("cases")) {
            String name = "case" + k++ + ".asc";
            Morphology m = AscReader.read(name, c.get("asc").asText().getBytes(StandardCharsets.UTF_8));
            List<String> d = NeuronListing.differences(m, c.get("neuron"), 1e-12);
            if (!d.isEmpty()) failures.add(name + ": " + d.get(0));
        }
        assertEquals(List.of(), failures);
    }
}
