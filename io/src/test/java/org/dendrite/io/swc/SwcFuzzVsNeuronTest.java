package org.dendrite.io.swc;

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
 * 80 random SWC trees (benchmarks/scripts/swc_fuzz_vs_neuron.py: branching somata, NeuroMorpho 3-point somata,
 * neurites from first/middle/last soma samples, type changes, repeated positions) against NEURON 8.2.2
 * Import3d: identical sections, parents, x, child order and stored floats; L and area to 1e-12 relative.
 */
@Tag("neuron-agreement")
class SwcFuzzVsNeuronTest {
    @Test
    void randomTreesGiveNeuronsSections() throws Exception {
        JsonNode all = new ObjectMapper().readTree(getClass().getResource("/neuron-swc-fuzz.json"));
        List<String> failures = new ArrayList<>();
        int k = 0;
        for (JsonNode c : all.get("cases")) {
            String name = "case" + k++ + ".swc";
            Morphology m = SwcReader.read(name, c.get("swc").asText().getBytes(StandardCharsets.UTF_8));
            List<String> d = NeuronListing.differences(m, c.get("neuron"), 1e-12);
            if (!d.isEmpty()) failures.add(name + ": " + d.get(0));
        }
        assertEquals(80, k);
        assertEquals(List.of(), failures);
    }
}
