package org.dendrite.io.swc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.NeuronGolden;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * c91662.swc against NEURON 8.2.2's Import3d listing of golden case 7: every section's name, parent, attachment
 * x, child order and every stored 3-D value must be identical (tolerance 0: both sides are the same floats).
 */
@Tag("neuron-agreement")
class SwcCase07Test {
    @Test
    void sectionsPointsAndParentsEqualNeuronImport3d() throws IOException {
        JsonNode ref = new ObjectMapper().readTree(NeuronGolden.text("case07_swc_c91662.json"));
        Morphology m = SwcReader.read(SharedData.projectRoot().resolve("models/validation/neuron/c91662.swc"));
        JsonNode secs = ref.get("sections");
        assertEquals(secs.size(), m.size(), "number of sections");
        for (JsonNode js : secs) {
            String name = js.get("name").asText();
            int i = m.indexOf(name);
            assertEquals(true, i >= 0, "section " + name + " exists");
            Section s = m.section(i);
            JsonNode parent = js.get("parent");
            if (parent.isNull()) {
                assertEquals(-1, s.parent(), name + " is a root");
            } else {
                assertEquals(parent.get("section").asText(), m.section(s.parent()).name(), name + " parent");
                assertEquals(parent.get("x").asDouble(), s.parentX(), 0.0, name + " parent x");
            }
            JsonNode pts = js.get("pt3d");
            assertEquals(pts.size(), s.pointCount(), name + " point count");
            for (int k = 0; k < pts.size(); k++) {
                JsonNode p = pts.get(k);
                assertEquals((float) p.get(0).asDouble(), s.x(k), 0f, name + " x" + k);
                assertEquals((float) p.get(1).asDouble(), s.y(k), 0f, name + " y" + k);
                assertEquals((float) p.get(2).asDouble(), s.z(k), 0f, name + " z" + k);
                assertEquals((float) p.get(3).asDouble(), s.diam(k), 0f, name + " diam" + k);
            }
            List<String> children = new ArrayList<>();
            for (int c : m.childrenInNeuronOrder().get(i)) children.add(m.section(c).name());
            List<String> refChildren = new ArrayList<>();
            js.get("children").forEach(c -> refChildren.add(c.asText()));
            assertEquals(refChildren, children, name + " children in NEURON's order");
        }
        // L of soma[0] from the reference geometry oracle (exact: same floats, same arithmetic)
        assertEquals(secs.get(0).get("geometry_oracle").get("L_um").asDouble(),
                m.section(m.indexOf("soma[0]")).length(), 0.0);
    }

    @Test
    void sectionsAreInConnectionOrderWithParentsFirst() {
        Morphology m = SwcReader.read(SharedData.projectRoot().resolve("models/validation/neuron/c91662.swc"));
        assertEquals("soma[0]", m.section(0).name());
        // the first neurite in the file is apical (line 11), so apic[0] is connected first
        assertEquals("apic[0]", m.section(1).name());
        for (int i = 1; i < m.size(); i++) {
            assertEquals(true, m.section(i).parent() < i, "parent of " + m.section(i) + " comes first");
        }
    }
}
