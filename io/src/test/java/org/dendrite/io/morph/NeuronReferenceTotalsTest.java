package org.dendrite.io.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/**
 * The 18 files of {@code ../shared/data/neuron-reference/} (NEURON 8.2.2 Import3d, written by another helper):
 * per section-name prefix the number of sections, summed L, summed area with nseg = 1 + 2 int(L/40) (the AllenSDK
 * rule) and number of 3-D points. The reference values are rounded to 6 decimals, hence the tolerance of
 * 5e-7 um / um2 plus 1e-12 relative.
 */
@Tag("neuron-agreement")
@Tag("data")
class NeuronReferenceTotalsTest {

    /** Reads ../shared: skipped (and counted) when it is absent. */
    @org.junit.jupiter.api.BeforeEach
    void needsShared() {
        org.dendrite.engine.SharedData.assumeAvailable();
    }
    static List<Object[]> files() throws Exception {
        return SharedData.rows(2, NeuronReferenceTotalsTest::listed);
    }

    private static List<Object[]> listed() throws IOException {
        JsonNode root = new ObjectMapper().readTree(
                SharedData.path("data/neuron-reference/neuron_import3d_reference.json").toFile());
        List<Object[]> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.get("morphologies").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(new Object[] {e.getKey(), e.getValue()});
        }
        return out;
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 5e-7 + 1e-12 * Math.abs(expected), what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void perTypeTotalsEqualNeuron(String file, JsonNode ref) {
        Morphology m = MorphologyFiles.read(SharedData.path("data/" + file));
        Iterator<Map.Entry<String, JsonNode>> types = ref.get("types").fields();
        double totalArea = 0;
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> t = types.next();
            int nsec = 0, n3d = 0;
            double len = 0, area = 0;
            for (Section s : m.sections()) {
                if (!s.name().startsWith(t.getKey() + "[")) continue;
                nsec++;
                n3d += s.pointCount();
                double l = SectionGeometry.length(s);
                len += l;
                area += SectionGeometry.area(s, 1 + 2 * (int) (l / 40));
            }
            totalArea += area;
            assertEquals(t.getValue().get("nsec").asInt(), nsec, t.getKey() + " sections");
            assertEquals(t.getValue().get("n3d").asInt(), n3d, t.getKey() + " points");
            close(t.getValue().get("L").asDouble(), len, t.getKey() + " total L");
            close(t.getValue().get("area").asDouble(), area, t.getKey() + " total area");
        }
        assertEquals(ref.get("nsec").asInt(), m.size(), "sections");
        close(ref.get("total_area").asDouble(), totalArea, "total area");
    }
}
