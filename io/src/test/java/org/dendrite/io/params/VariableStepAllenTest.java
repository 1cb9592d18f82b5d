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
 * The Allen perisomatic 468193142 (hand-written Allen channels with the 12-state NaV Markov scheme, CaDynamics,
 * 161 compartments, 0.35 nA for 1 s, 34 degC) under the variable step against NEURON 8.2.2's CVode (fixture
 * cvode/allen_468193142_neuron.json, see PROVENANCE.md).
 */
@Tag("neuron-agreement")
@Tag("data")
class VariableStepAllenTest {
    @org.junit.jupiter.api.BeforeEach
    void needsShared() {
        SharedData.assumeAvailable();
    }

    @ParameterizedTest(name = "atol {0}")
    @CsvSource({"1e-3", "1e-5"})
    void spikeTimesAndStepsMatchNeuronCvode(double atol) throws Exception {
        JsonNode ref = null;
        try (InputStream in = getClass().getResourceAsStream("/cvode/allen_468193142_neuron.json")) {
            for (JsonNode r : new ObjectMapper().readTree(in).get("runs")) if (r.get("atol").asDouble() == atol) ref = r;
        }
        ModelSpec spec = AllenModel.build(AllenModelTest.DIR.resolve("468193142_fit.json"),
                AllenModelTest.DIR.resolve("Scnn1a-Tg3-Cre_Ai14-177297.06.01.01_491120155_m.swc"));
        AllenModel.stepProtocol(spec, 0.35, 1000, 1000, 3000);
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
        VariableStep vs = sim.runVariableStep(3000, atol, 0);
        double[] got = sim.spikeSources().get("soma_spikes").spikeTimes();
        JsonNode want = ref.get("spike_times_ms");
        assertEquals(want.size(), got.length, "spike count (27)");
        // the acceptance: within 0.1 ms (measured: 0.097 ms at 1e-3, 0.014 ms at 1e-5)
        for (int i = 0; i < got.length; i++) assertEquals(want.get(i).asDouble(), got[i], 0.1, "spike " + i);
        double nrnSteps = ref.get("fadvance_steps").asDouble();
        // within 2x of NEURON's steps (measured 4851 vs 7277 at 1e-3)
        assertTrue(vs.steps() <= 2 * nrnSteps && vs.steps() >= nrnSteps / 2, "steps " + vs.steps() + " vs " + nrnSteps);
    }
}
