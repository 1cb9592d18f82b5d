package org.dendrite.io.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.SharedData;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.engine.sim.VariableStep;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The BluePyOpt L5PC (hand-written Hay channels, CaDynamics_E2, 699 compartments, Step1, 3 s at 34 degC) under
 * the variable step against NEURON 8.2.2's CVode (fixture cvode/l5pc_step1_neuron.json, see PROVENANCE.md).
 * At atol 1e-5 both integrators are near the converged answer and agree spike by spike; at NEURON's default
 * 1e-3 each drifts from it by its own tolerance-level error, accumulated over 14 spikes with adaptation
 * (NEURON's own 1e-3 run is up to 1.2 ms from its 1e-5 run, dendrite's 1e-3 run up to 0.62 ms), so there the times are
 * compared at that scale.
 */
@Tag("neuron-agreement")
@Tag("data")
class VariableStepL5pcTest {
    @org.junit.jupiter.api.BeforeEach
    void needsShared() {
        SharedData.assumeAvailable();
    }

    @ParameterizedTest(name = "atol {0}")
    @CsvSource({"1e-5, 0.1", "1e-3, 1.5"})
    void spikeTimesAndStepsMatchNeuronCvode(double atol, double timeTolMs) throws Exception {
        JsonNode ref = null;
        try (InputStream in = getClass().getResourceAsStream("/cvode/l5pc_step1_neuron.json")) {
            for (JsonNode r : new ObjectMapper().readTree(in).get("runs")) if (r.get("atol").asDouble() == atol) ref = r;
        }
        ModelSpec spec = BluePyOptModel.load(BluePyOptModelTest.DIR);
        BluePyOptModel.applyProtocol(spec, BluePyOptModelTest.DIR.resolve("protocols.json"), "Step1");
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
        VariableStep vs = sim.runVariableStep(3000, atol, 0);
        double[] got = sim.spikeSources().get("soma_spikes").spikeTimes();
        JsonNode want = ref.get("spike_times_ms");
        assertEquals(want.size(), got.length, "spike count (14)");
        // measured: within 0.006 ms at 1e-5; within 0.96 ms at 1e-3
        for (int i = 0; i < got.length; i++) assertEquals(want.get(i).asDouble(), got[i], timeTolMs, "spike " + i);
        double nrnSteps = ref.get("fadvance_steps").asDouble();
        // within 2x of NEURON's steps (measured 6104 vs 6190 at 1e-3, 9115 vs 13529 at 1e-5)
        assertTrue(vs.steps() <= 2 * nrnSteps && vs.steps() >= nrnSteps / 2, "steps " + vs.steps() + " vs " + nrnSteps);
    }
}
