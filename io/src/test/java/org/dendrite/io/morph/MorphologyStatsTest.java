package org.dendrite.io.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.NeuronGolden;
import org.dendrite.engine.SharedData;
import org.dendrite.io.swc.SwcReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * MorphologyStats against golden case 7 (NEURON 8.2.2, c91662.swc, Ra 100 ohm cm, cm 1 uF/cm2, d_lambda nseg):
 * total nseg exactly, total membrane area to 1e-12 relative (same formulas; only the order of the final
 * additions differs).
 */
@Tag("neuron-agreement")
class MorphologyStatsTest {
    @Test
    void dLambdaNsegAndAreaEqualGoldenCase7() throws Exception {
        JsonNode ref = new ObjectMapper().readTree(NeuronGolden.text("case07_swc_c91662.json"));
        Morphology m = SwcReader.read(SharedData.projectRoot().resolve("models/validation/neuron/c91662.swc"));
        MorphologyStats st = MorphologyStats.of(m, 100, 1);
        assertEquals(ref.get("total_nseg").asInt(), st.total.nsegDLambda());
        double area = ref.get("nrn_total_membrane_area_um2").asDouble();
        assertEquals(area, st.total.areaDLambdaUm2(), 1e-12 * area);
        for (JsonNode s : ref.get("sections")) {
            int i = m.indexOf(s.get("name").asText());
            assertEquals(s.get("nseg").asInt(), SectionGeometry.dLambdaNseg(m.section(i), 100, 1), s.get("name").asText());
        }
        assertEquals(194, st.total.sections());
        assertEquals(4, st.perType.size());
        assertEquals(1, st.perType.get("soma").sections());
    }
}
