package org.dendrite.cli;

import org.dendrite.engine.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.Tag;

/**
 * A bundled model against a real current-clamp ABF (17o05028_ic_steps.abf: steps of -50..+100 pA). The small
 * ball-and-stick keeps this CI-sized (3 s of simulated time); the default pyramidal model works the same way.
 */
@Tag("cli")
@Tag("data")
class CompareCommandTest {
    @TempDir Path dir;

    @Test
    void bundledModelAgainstCurrentClampSteps() throws Exception {
        Path abf = SharedData.path("data/abf-pyabf/17o05028_ic_steps.abf");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("compare", "ball_and_stick", abf.toString(), "--sweep", "12", "--out", dir.toString()), err.toString());
        JsonNode r = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        JsonNode s = r.get("sweeps").get(0);
        assertEquals(12, s.get("sweep").asInt());
        // sweep 12 of the protocol steps to +70 pA (-50 pA + 12 x 10 pA) from 0 pA holding
        assertEquals(0.07, s.get("stimulus_amplitude_nA").asDouble(), 1e-9);
        assertEquals(0.0, s.get("stimulus_holding_nA").asDouble(), 1e-9);
        assertTrue(s.get("stimulus_start_ms").asDouble() > 100 && s.get("stimulus_end_ms").asDouble() < 700, s.toString());
        // the recorded neuron fires a train; the HH ball-and-stick fires only at the step onsets
        assertTrue(s.get("recording_spike_times_ms").size() > 10);
        assertTrue(s.get("model_spike_times_ms").size() >= 1);
        assertTrue(s.get("rmse_mV").asDouble() > 1 && s.get("rmse_mV").asDouble() < 100);
        assertTrue(s.get("features").has("Spikecount"));
        assertTrue(s.get("features").get("Spikecount").get("recording").get(0).asInt() > 10);
        assertTrue(Files.size(dir.resolve("sweep_12.png")) > 1000);
    }
}
