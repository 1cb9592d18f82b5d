package org.dendrite.io.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.engine.sim.Topology;

/** Helpers comparing a compiled whole cell with a reference JSON's per-segment listing. */
final class WholeCellReference {
    private WholeCellReference() {}

    static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    /**
     * Compares every mechanism parameter of every segment with the reference (relative tolerance), and the
     * per-segment area; returns the number of values compared.
     */
    static int compareSegments(JsonNode ref, Simulation sim, double relTol) {
        Morphology m = sim.morphology();
        Topology topo = sim.topology();
        int compared = 0;
        List<String> errors = new ArrayList<>();
        assertEquals(ref.get("sections").size(), m.size(), "section count");
        for (JsonNode sec : ref.get("sections")) {
            String name = sec.get("name").asText();
            int s = m.indexOf(name);
            assertTrue(s >= 0, "no section " + name);
            assertEquals(sec.get("nseg").asInt(), topo.nseg(s), "nseg of " + name);
            for (Iterator<Map.Entry<String, JsonNode>> it = sec.get("mechanisms").fields(); it.hasNext(); ) {
                var mech = it.next();
                MechanismBlock blk = sim.mechanisms().stream().filter(b -> b.type().name().equals(mech.getKey()))
                        .findFirst().orElse(null);
                assertTrue(blk != null, "mechanism " + mech.getKey() + " not inserted");
                for (Iterator<Map.Entry<String, JsonNode>> pit = mech.getValue().fields(); pit.hasNext(); ) {
                    var par = pit.next();
                    double[] arr = blk.variable(par.getKey());
                    assertTrue(arr != null, mech.getKey() + " has no " + par.getKey());
                    for (int j = 0; j < topo.nseg(s); j++) {
                        int nd = topo.firstNode(s) + j;
                        int inst = -1;
                        for (int k = 0; k < blk.count(); k++) if (blk.node(k) == nd) inst = k;
                        double expected = par.getValue().get(j).asDouble();
                        double got = inst < 0 ? Double.NaN : arr[inst];
                        if (!(Math.abs(got - expected) <= relTol * Math.abs(expected))) {
                            errors.add(name + "(" + j + ") " + mech.getKey() + "." + par.getKey() + " = " + got
                                    + ", NEURON " + expected);
                        }
                        compared++;
                    }
                }
            }
        }
        assertTrue(errors.isEmpty(), errors.size() + " differing values, e.g. " + errors.subList(0, Math.min(5, errors.size())));
        return compared;
    }

    static double[] spikeTimes(JsonNode ref, int detector) {
        JsonNode t = ref.get("spike_detectors").get(detector).get("nrn_spike_times_ms");
        double[] out = new double[t.size()];
        for (int i = 0; i < out.length; i++) out[i] = t.get(i).asDouble();
        return out;
    }
}
