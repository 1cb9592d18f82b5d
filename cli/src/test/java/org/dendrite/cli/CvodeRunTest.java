package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --method cvode} and HOC's {@code cvode.active(1)} on the hh ball and stick. NEURON 8.2.2 CVode at atol
 * 1e-3 (benchmarks/scripts/cvode_refs.py, fixture engine/src/test/resources/cvode/ball_and_stick_neuron.json):
 * spikes at 7.3525, 24.9360, 42.4939 ms in 464 steps.
 */
@Tag("cli")
class CvodeRunTest {
    static final double[] NEURON_SPIKES = {7.352526449226628, 24.93601157736421, 42.49386752027516};
    static final int NEURON_STEPS = 464;
    @TempDir Path dir;

    int run(String... args) {
        CommandLine cl = DendriteCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void methodCvodeWritesStatisticsAndNeuronsSpikes() throws Exception {
        assertEquals(0, run("run", "ball_and_stick", "--method", "cvode", "--out", dir.toString(), "-q", "--no-plot"));
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals("cvode", s.get("method").asText());
        JsonNode cv = s.get("cvode");
        assertEquals(1e-3, cv.get("atol").asDouble(), 0);
        long steps = cv.get("steps").asLong();
        assertTrue(steps >= NEURON_STEPS / 2 && steps <= 2 * NEURON_STEPS, "steps " + steps);
        assertTrue(cv.get("f_evaluations").asLong() >= steps && cv.get("newton_iterations").asLong() >= steps);
        JsonNode sp = s.get("spike_times_ms").get("soma");
        assertEquals(3, sp.size());
        for (int i = 0; i < 3; i++) assertEquals(NEURON_SPIKES[i], sp.get(i).asDouble(), 0.1, "spike " + i);
        // recorded every dt = 0.025 ms from 0 to 60: 2401 rows plus the header
        assertEquals(2402, Files.readAllLines(dir.resolve("traces.csv")).size());
    }

    @Test
    void recordStepsWritesOneRowPerVariableStep() throws Exception {
        assertEquals(0, run("run", "ball_and_stick", "--method", "cvode", "--record-steps", "--out", dir.toString(),
                "-q", "--no-plot"));
        JsonNode cv = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("cvode");
        long steps = cv.get("steps").asLong();
        // t = 0 plus one row per step, plus the header
        java.util.List<String> rows = Files.readAllLines(dir.resolve("traces.csv"));
        assertEquals(steps + 2, rows.size());
        assertEquals(60, Double.parseDouble(rows.get(rows.size() - 1).split(",")[0]), 1e-9, "last row at tstop (ms)");
        assertEquals("every step", cv.get("recorded").asText());
        // the start and the IClamp's onset (5 ms) and offset (45 ms) restart the history
        assertEquals(3, cv.get("restarts").asLong());
        // fixed step: refused, exit code 2
        assertEquals(2, run("run", "ball_and_stick", "--record-steps", "--out", dir.toString(), "-q"));
    }

    @Test
    void hocFadvanceLoopTakesOneVariableStepPerCall() throws Exception {
        // NEURON 8.2.2 on this file (nrniv; the same model as io's cvode/syn_feedback_neuron.json at atol 1e-3):
        // 831 fadvance calls to t >= 60 ms, the last ending at 60.109 ms; spikes 8.0216, 26.5504, 44.5460 ms
        Path hoc = SharedData.projectRoot().resolve("cli/src/test/resources/hoc/cvode_syn_feedback.hoc");
        assertEquals(0, run("run", hoc.toString(), "--out", dir.resolve("o").toString(), "-q", "--no-plot"));
        JsonNode s = new ObjectMapper().readTree(dir.resolve("o/summary.json").toFile());
        long steps = s.get("cvode").get("steps").asLong();
        assertTrue(steps >= 831 / 2 && steps <= 2 * 831, "steps " + steps);
        // t advances by the step taken: the loop's last step passes 60 ms, by less than one step (NEURON: 0.109)
        assertTrue(s.get("tstop_ms").asDouble() > 60 && s.get("tstop_ms").asDouble() < 61, "t " + s.get("tstop_ms"));
        double[] nrn = {8.021602235, 26.55036847, 44.54598239};
        JsonNode sp = s.get("spike_times_ms").get("NetCon[1]");
        assertEquals(3, sp.size(), "spike count");
        for (int i = 0; i < 3; i++) assertEquals(nrn[i], sp.get(i).asDouble(), 0.1, "spike " + i);
        // tvec.record(&t) and vvec.record(&v(0.5)) at every step: t = 0 and one row per step
        java.util.List<String> rows = Files.readAllLines(dir.resolve("o/traces.csv"));
        assertEquals(steps + 2, rows.size());
    }

    @Test
    void badMethodIsAnErrorWithExitCode2() {
        assertEquals(2, run("run", "ball_and_stick", "--method", "rk4", "--out", dir.toString(), "-q"));
        assertEquals(2, run("run", "ball_and_stick", "--method", "cvode", "--atol", "0", "--out", dir.toString(), "-q"));
    }

    @Test
    void hocCvodeActiveRunsTheVariableStep() throws Exception {
        Path src = SharedData.projectRoot().resolve("cli/src/test/resources/hoc/ball_and_stick.hoc");
        String text = Files.readString(src).replace("run()", "objref cvx\ncvx = new CVode()\ncvx.active(1)\nrun()");
        Path hoc = dir.resolve("cell.hoc");
        Files.writeString(hoc, text);
        assertEquals(0, run("run", hoc.toString(), "--out", dir.resolve("o").toString(), "-q", "--no-plot"));
        JsonNode s = new ObjectMapper().readTree(dir.resolve("o/summary.json").toFile());
        long steps = s.get("steps").asLong();
        assertEquals(steps, s.get("cvode").get("steps").asLong(), "cvode statistics in summary.json");
        // the variable step's count, not the 2400 fixed steps of dt = 0.025 ms
        assertTrue(steps >= NEURON_STEPS / 2 && steps <= 2 * NEURON_STEPS, "steps " + steps);
        // Vector.record without an interval records at every step under cvode (as NEURON): t = 0 plus one row
        // per step, plus the header; the times are the steps' ends, increasing and not evenly spaced
        java.util.List<String> rows = Files.readAllLines(dir.resolve("o/traces.csv"));
        assertEquals(steps + 2, rows.size());
        double prev = -1, minGap = 1e9, maxGap = 0;
        for (String row : rows.subList(1, rows.size())) {
            double t = Double.parseDouble(row.split(",")[0]);
            assertTrue(t > prev, "times increase: " + t + " after " + prev);
            if (prev >= 0) {
                minGap = Math.min(minGap, t - prev);
                maxGap = Math.max(maxGap, t - prev);
            }
            prev = t;
        }
        assertEquals(60, prev, 1e-9, "last step ends at tstop exactly (ms)");
        assertTrue(maxGap > 10 * minGap, "variable steps: " + minGap + " .. " + maxGap + " ms");
    }
}
