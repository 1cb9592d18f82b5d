package org.dendrite.cli.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.cli.DendriteCommand;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.Tag;

/** dendrite fit: BluePyOpt-format targets, a recording target, checkpoint and exact resume through the files. */
@Tag("cli")
@Tag("data")
class FitCommandTest {
    @TempDir Path dir;
    final StringWriter out = new StringWriter(), err = new StringWriter();

    int run(String... args) {
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** Features of the bundled model at gnabar 0.12, gkbar 0.036 (measured by a sweep), as BluePyOpt files. */
    void bluePyOptFiles() throws Exception {
        Files.writeString(dir.resolve("protocols.json"), "{\"Step1\": {\"stimuli\": [{\"delay\": 5, \"amp\": 0.2, "
                + "\"duration\": 40, \"totduration\": 60}]}, \"Step2\": {\"stimuli\": [{\"delay\": 5, \"amp\": 0.4, "
                + "\"duration\": 40, \"totduration\": 60}]}}");
        assertEquals(0, run("sweep", "ball_and_stick", "--param", "stim.amp=0.2,0.4", "--feature", "Spikecount,mean_frequency,time_to_first_spike",
                "--out", dir.resolve("truth").toString(), "-q"), err.toString());
        List<JsonNode> rows = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("truth/results.jsonl"))) rows.add(new ObjectMapper().readTree(l));
        StringBuilder f = new StringBuilder("{");
        for (int p = 0; p < 2; p++) {
            JsonNode feats = rows.get(p).get("features");
            f.append(p == 0 ? "" : ",").append("\"Step").append(p + 1).append("\": {\"soma\": {")
                    .append("\"Spikecount\": [").append(feats.get("Spikecount").get(0)).append(", 0.5],")
                    .append("\"mean_frequency\": [").append(feats.get("mean_frequency").get(0)).append(", 2],")
                    .append("\"time_to_first_spike\": [").append(feats.get("time_to_first_spike").get(0)).append(", 0.2]}}");
        }
        Files.writeString(dir.resolve("features.json"), f.append("}").toString());
        Files.writeString(dir.resolve("params.json"), "[{\"param_name\": \"gnabar_hh\", \"sectionlist\": \"somatic\", "
                + "\"type\": \"range\", \"bounds\": [0.06, 0.24]}, {\"param_name\": \"gkbar_hh\", \"sectionlist\": "
                + "\"somatic\", \"type\": \"range\", \"bounds\": [0.018, 0.072]}, {\"param_name\": \"celsius\", "
                + "\"type\": \"global\", \"value\": 6.3}]");
    }

    static double mean(JsonNode a) {
        double s = 0;
        for (JsonNode x : a) s += x.asDouble();
        return s / a.size();
    }

    String[] fit(Path outDir, String... more) {
        List<String> a = new ArrayList<>(List.of("fit", "ball_and_stick", "--target", dir.resolve("features.json").toString(), "--protocols",
                dir.resolve("protocols.json").toString(), "--params", dir.resolve("params.json").toString(),
                "--seed", "5", "-P", "8", "--out", outDir.toString(), "-q"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void bluePyOptFeatureTargetsAreMetAndResumeIsExact() throws Exception {
        bluePyOptFiles();
        assertEquals(0, run(fit(dir.resolve("whole"), "-G", "30", "-j", "2")), err.toString());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("whole/report.json").toFile());
        for (JsonNode f : report.get("features")) {
            assertTrue(f.get("z_score").asDouble() < 0.5, f.toString());
        }
        for (String file : new String[] {"best_parameters.json", "features.csv", "hall_of_fame.csv", "convergence.png", "overlay.png"}) {
            assertTrue(Files.size(dir.resolve("whole").resolve(file)) > 10, file);
        }
        // stopped after 4 generations, then resumed on one thread
        Path part = dir.resolve("part");
        assertEquals(0, run(fit(part, "-G", "30", "--stop-after", "4", "-j", "2")), err.toString());
        assertNotEquals(0, run(fit(part, "-G", "30")));
        assertTrue(err.toString().contains("--resume"), err.toString());
        assertEquals(0, run(fit(part, "-G", "30", "--resume", "-j", "1")), err.toString());
        assertEquals(Files.readString(dir.resolve("whole/checkpoint.json")), Files.readString(part.resolve("checkpoint.json")));
        assertEquals(Files.readString(dir.resolve("whole/hall_of_fame.csv")), Files.readString(part.resolve("hall_of_fame.csv")));
        assertEquals(Files.readString(dir.resolve("whole/best_parameters.json")), Files.readString(part.resolve("best_parameters.json")));
    }

    @Test
    void nsga2ResumesExactly() throws Exception {
        bluePyOptFiles();
        assertEquals(0, run(fit(dir.resolve("w"), "-G", "4", "--optimizer", "nsga2")), err.toString());
        assertEquals(0, run(fit(dir.resolve("p"), "-G", "4", "--optimizer", "nsga2", "--stop-after", "2")), err.toString());
        assertEquals(0, run(fit(dir.resolve("p"), "-G", "4", "--optimizer", "nsga2", "--resume")), err.toString());
        assertEquals(Files.readString(dir.resolve("w/checkpoint.json")), Files.readString(dir.resolve("p/checkpoint.json")));
    }

    @Test
    void recordingTargetReplaysTheAbfCommand() throws Exception {
        Path abf = SharedData.path("data/abf-pyabf/File_axon_5.abf");
        Files.writeString(dir.resolve("p.json"), "{\"somatic.gl_hh\": [1e-5, 1e-3], \"somatic.el_hh\": [-90, -50], \"all.cm\": [0.5, 3]}");
        assertEquals(0, run("fit", "ball_and_stick", "--target", abf.toString(), "--sweeps", "0,4", "--params", dir.resolve("p.json").toString(),
                "--objective", "trace", "--set", "dt=0.1", "-G", "2", "-P", "6", "--out", dir.resolve("abf").toString(), "-q"),
                err.toString());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("abf/report.json").toFile());
        assertEquals(2, report.get("objectives").size());
        assertTrue(report.get("objectives").has("sweep0.soma.rms"), report.toString());
        assertTrue(Files.size(dir.resolve("abf/overlay.png")) > 1000);
    }

    @Test
    void badParameterNamesAreClearErrors() throws Exception {
        bluePyOptFiles();
        Files.writeString(dir.resolve("params.json"), "{\"apical.gnabar_hh\": [0, 1]}");
        assertEquals(2, run(fit(dir.resolve("bad"), "-G", "1")));
        assertTrue(err.toString().contains("apical"), err.toString());
    }
}
