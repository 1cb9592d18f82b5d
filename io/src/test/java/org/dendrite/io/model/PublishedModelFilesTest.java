package org.dendrite.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The whole-cell validation model files (models/validation/mechanisms/allen_468193142_step.json,
 * bpo_l5pc_step1.json), which build their cell from the published parameter sets through the loaders.
 */
@Tag("neuron-agreement")
@Tag("data")
class PublishedModelFilesTest {
    static Path model(String c) {
        return SharedData.projectRoot().resolve("models/validation/mechanisms/" + c + ".json");
    }

    /**
     * Allen 468193142, the whole 3 s protocol from the model file: every column of the reference CSV. Voltage
     * columns within 1e-6 mV (measured: 6.5e-9 mV, round-off amplified through 27 spikes), others 1e-6 relative to their range;
     * 27 spikes at the soma and axon detectors within 1e-3 ms (measured: identical).
     */
    @Test
    void allenModelFileReproducesNeuron() throws Exception {
        String c = "allen_468193142_step";
        SharedData.assumeAvailable(); // the model file points into ../shared/data/models-allen
        Path dir = SharedData.path("reference/mechanisms/data");
        ReferenceCsv ref = ReferenceCsv.read(dir.resolve(c + ".csv"));
        JsonNode meta = new ObjectMapper().readTree(dir.resolve(c + ".json").toFile());
        ModelSpec spec = ModelFiles.read(model(c));
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
        sim.advanceTo(spec.run.tstop, null);
        Traces tr = sim.traces();
        assertEquals(ref.columns()[0].length, tr.rows());
        StringBuilder report = new StringBuilder();
        for (int col = 1; col < ref.names().size(); col++) {
            String name = ref.names().get(col);
            double[] mine = tr.column(name);
            assertTrue(mine != null, "no recording " + name);
            double diff = ReferenceCsv.maxAbsDiff(mine, ref.columns()[col]);
            double tol = name.endsWith(".v") ? 1e-6 : 1e-6 * ReferenceCsv.range(ref.columns()[col]);
            report.append(name).append('=').append(String.format("%.1e ", diff));
            assertTrue(diff <= tol, name + ": " + diff);
        }
        System.out.println(c + ": " + report);
        for (JsonNode d : meta.get("spike_detectors")) {
            String at = d.get("location").get("section").asText() + "(" + d.get("location").get("x").asText() + ")";
            double[] expected = new double[d.get("nrn_spike_times_ms").size()];
            for (int i = 0; i < expected.length; i++) expected[i] = d.get("nrn_spike_times_ms").get(i).asDouble();
            assertArrayEquals(expected, sim.spikeSources().get(at).spikeTimes(), 1e-3, at);
        }
    }

    /** The BluePyOpt model file loads, compiles to the 699 segments of NEURON's cell and records its columns. */
    @Test
    void bluePyOptModelFileLoads() throws Exception {
        SharedData.assumeAvailable(); // the model file points into ../shared/data/models-bluepyopt-l5pc
        ModelSpec spec = ModelFiles.read(model("bpo_l5pc_step1"));
        assertEquals("hay", spec.mechanismLibrary);
        assertEquals(3000, spec.run.tstop);
        assertEquals(34, spec.run.celsius);
        Simulation sim = Simulation.compile(spec);
        assertEquals(699, sim.compartmentCount());
        ReferenceCsv ref = ReferenceCsv.read(SharedData.path("reference/mechanisms/data/bpo_l5pc_step1_window.csv"));
        for (int col = 1; col < ref.names().size(); col++) {
            assertTrue(sim.traces().column(ref.names().get(col)) != null, ref.names().get(col));
        }
    }
}
