package org.dendrite.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every NEURON golden case, run from its committed model file (models/validation/neuron) and compared column by
 * column with NEURON 8.2.2's trace. Tolerances from neuron-numerics §12: Java's Math.exp/log may differ from
 * glibc by one ulp, which moves traces by at most ~2e-10; anything above 1e-9 (passive) or 1e-7 mV (active)
 * would be an algorithmic difference. Non-voltage columns: 1e-9 relative to the column's range (plus 1e-12
 * absolute for flat columns).
 */
class NeuronReferenceTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Path model(String c) {
        return SharedData.projectRoot().resolve("models/validation/neuron/" + c + ".json");
    }

    static Simulation run(String c) throws Exception {
        ModelSpec spec = ModelFiles.read(model(c));
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
        sim.advanceTo(spec.run.tstop, null);
        return sim;
    }

    @ParameterizedTest
    @ValueSource(strings = {"case01_passive_cylinder_be", "case01_passive_cylinder_cn", "case02_ytree_pt3d",
            "case02_ytree_pt3d_interior", "case03_hh_ball_stick_cn", "case03_hh_ball_stick_notable",
            "case03_hh_ball_stick_table", "case04_hh_celsius37", "case04_hh_celsius6p3",
            "case05_expsyn_exp2syn_netstim", "case06_seclamp_hh", "case07_swc_c91662"})
    void tracesMatchNeuron(String c) throws Exception {
        Path dir = SharedData.path("reference/neuron/data");
        ReferenceCsv ref = ReferenceCsv.read(dir.resolve(c + ".csv"));
        JsonNode meta = JSON.readTree(dir.resolve(c + ".json").toFile());
        boolean passive = c.startsWith("case01") || c.startsWith("case02") || c.startsWith("case05");
        double vTol = passive ? 1e-9 : 1e-7;
        Simulation sim = run(c);
        Traces tr = sim.traces();
        assertEquals(ref.columns()[0].length, tr.rows(), "row count");
        assertArrayEquals(ref.columns()[0], tr.time(), 0.0, "t must be NEURON's accumulated time exactly");
        List<String> report = new ArrayList<>();
        for (int col = 1; col < ref.names().size(); col++) {
            String name = ref.names().get(col);
            double[] mine = tr.column(name);
            assertTrue(mine != null, "no recording named " + name);
            double[] theirs = ref.columns()[col];
            double diff = ReferenceCsv.maxAbsDiff(mine, theirs);
            double tol = name.endsWith(".v") ? vTol : 1e-9 * ReferenceCsv.range(theirs) + 1e-12;
            report.add(name + " max|d|=" + diff);
            assertTrue(diff <= tol, c + " column " + name + ": max |difference| " + diff + " > " + tol);
        }
        checkSpikes(meta, sim);
        System.out.println(c + ": " + String.join("; ", report));
    }

    private static void checkSpikes(JsonNode meta, Simulation sim) {
        List<JsonNode> dets = new ArrayList<>();
        if (meta.has("spike_detector")) {
            JsonNode d = meta.get("spike_detector").deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) d).set("nrn_spike_times_ms", meta.get("nrn_spike_times_ms"));
            dets.add(d);
        }
        if (meta.has("spike_detectors")) meta.get("spike_detectors").forEach(dets::add);
        if (meta.has("nrn_netstim_event_times_ms")) {
            // NetStim spike times, including NEURON's start + interval - interval round-off (5.000000000000001)
            JsonNode ev = meta.get("nrn_netstim_event_times_ms");
            double[] expected = new double[ev.size()];
            for (int i = 0; i < expected.length; i++) expected[i] = ev.get(i).asDouble();
            String name = meta.get("artificial_cells").get(0).get("name").asText();
            assertArrayEquals(expected, sim.spikeSources().get(name).spikeTimes(), 0.0, "NetStim event times");
        }
        for (JsonNode d : dets) {
            JsonNode loc = d.get("location");
            String x = loc.get("x").asDouble() == Math.rint(loc.get("x").asDouble())
                    ? String.valueOf(loc.get("x").asInt()) : loc.get("x").asText();
            String name = loc.get("section").asText() + "(" + x + ")";
            SpikeSource src = sim.spikeSources().get(name);
            assertTrue(src != null, "spike detector " + name);
            double[] expected = new double[d.get("nrn_spike_times_ms").size()];
            for (int i = 0; i < expected.length; i++) expected[i] = d.get("nrn_spike_times_ms").get(i).asDouble();
            // spike times are t_n + 1e-10 with t_n NEURON's accumulated time: equal to round-off
            assertArrayEquals(expected, src.spikeTimes(), 1e-9, "spike times at " + name);
        }
    }
}
