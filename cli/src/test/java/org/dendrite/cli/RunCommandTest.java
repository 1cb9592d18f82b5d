package org.dendrite.cli;

import org.dendrite.engine.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.Tag;

@Tag("cli")
@Tag("data")
class RunCommandTest {
    @TempDir Path dir;
    final StringWriter out = new StringWriter(), err = new StringWriter();

    int run(String... args) {
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void ballAndStickFiresAndWritesThreeFiles() throws Exception {
        assertEquals(0, run("run", "ball_and_stick", "--out", dir.toString()));
        assertTrue(out.toString().contains("spikes at soma: 3"), out.toString());
        List<String> csv = Files.readAllLines(dir.resolve("traces.csv"));
        assertEquals("t [ms],soma(0.5).v [mV],dend(0.5).v [mV],dend(1).v [mV],stim.i [nA]", csv.get(0));
        assertEquals(2402, csv.size()); // header + row 0 + 2400 steps
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(2400, summary.get("steps").asInt());
        assertEquals(3, summary.get("spike_times_ms").get("soma").size());
        // same model as NEURON golden case 3 (usetable_hh on, nseg by d_lambda = 13): first spike 7.375 ms
        assertEquals(7.375000000100071, summary.get("spike_times_ms").get("soma").get(0).asDouble(), 1e-9);
        byte[] png = Files.readAllBytes(dir.resolve("traces.png"));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }

    @Test
    void optionsOverrideTheModelAndAddRecordings() throws Exception {
        assertEquals(0, run("run", "ball_and_stick", "--out", dir.toString(), "--tstop", "10", "--dt", "0.05", "--method", "cn",
                "--record", "soma(0.5).hh.m", "--no-plot"));
        List<String> csv = Files.readAllLines(dir.resolve("traces.csv"));
        assertTrue(csv.get(0).endsWith(",soma(0.5).hh.m [1]"), csv.get(0));
        assertEquals(202, csv.size());
        assertFalse(Files.exists(dir.resolve("traces.png")));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals("crank_nicolson", summary.get("method").asText());
    }

    @Test
    void badInputGivesOneLineAndExitCode2() throws Exception {
        assertEquals(2, run("run", dir.resolve("nope.json").toString()));
        assertTrue(err.toString().startsWith("dendrite: error: "), err.toString());
        assertTrue(err.toString().contains("nope.json: file not found"));
        assertFalse(err.toString().contains("Exception"), err.toString());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"morphology\": {\"sections\": [{\"name\": \"soma\", \"L\": 20, \"diam\": 20}]},"
                + " \"recordings\": [\"soma(0.5).hh.m\"]}");
        err.getBuffer().setLength(0);
        assertEquals(2, run("run", bad.toString(), "--out", dir.resolve("o").toString()));
        assertTrue(err.toString().contains("mechanism hh is not inserted anywhere"), err.toString());
        assertFalse(Files.exists(dir.resolve("o").resolve("traces.csv")), "no half-written output");
        err.getBuffer().setLength(0);
        assertEquals(2, run("run", "ball_and_stick", "--record", "axon(0.5).v", "--out", dir.toString()));
        assertTrue(err.toString().contains("no section named 'axon'"), err.toString());
    }

    @Test
    void defaultModelShowsABackpropagatingActionPotential() throws Exception {
        assertEquals(0, run("run", "--out", dir.toString(), "--no-plot"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals("pyramidal_bap", summary.get("model").asText());
        assertTrue(summary.get("spike_times_ms").get("soma").size() >= 1);
        List<String> csv = Files.readAllLines(dir.resolve("traces.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        int soma = header.indexOf("soma [mV]"), far = header.indexOf("apical_400um [mV]"), near = header.indexOf("apical_100um [mV]");
        assertTrue(soma > 0 && far > 0 && near > 0, header.toString());
        double[] peak = new double[header.size()];
        double[] when = new double[header.size()];
        java.util.Arrays.fill(peak, -1e9);
        for (int r = 1; r < csv.size(); r++) {
            String[] f = csv.get(r).split(",");
            double t = Double.parseDouble(f[0]);
            if (t < 150 || t > 158) continue; // the first action potential and its back-propagation
            for (int c : new int[] {soma, near, far}) {
                double v = Double.parseDouble(f[c]);
                if (v > peak[c]) {
                    peak[c] = v;
                    when[c] = t;
                }
            }
        }
        // back-propagation: the peak shrinks and comes later with distance from the soma
        assertTrue(peak[soma] > peak[near] && peak[near] > peak[far], java.util.Arrays.toString(peak));
        assertTrue(when[soma] < when[near] && when[near] < when[far], java.util.Arrays.toString(when));
    }

    @Test
    void allenFitRunsFromTheCommandLine() throws Exception {
        Path fit = SharedData.path("data/models-allen/468193142_fit.json");
        Path swc = SharedData.path("data/models-allen/Scnn1a-Tg3-Cre_Ai14-177297.06.01.01_491120155_m.swc");
        assertEquals(0, run("run", "--allen", fit.toString(), "--morphology", swc.toString(), "--protocol", "step",
                "--out", dir.toString(), "--no-plot"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        // AllenSDK's regression protocol (0.35 nA, 1000-2000 ms): the upstream expected count is 27 spikes
        JsonNode spikes = summary.get("spike_times_ms").elements().next();
        assertEquals(27, spikes.size());
        assertTrue(spikes.get(0).asDouble() > 1000 && spikes.get(26).asDouble() < 2000);
    }

    @Test
    void bluePyOptFolderRunsANamedProtocol() throws Exception {
        Path folder = SharedData.path("data/models-bluepyopt-l5pc");
        assertEquals(0, run("run", folder.toString(), "--protocol", "Step1", "--tstop", "20", "--out", dir.toString(),
                "--no-plot"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(699, summary.get("compartments").asInt()); // BluePyOpt's nseg rule on C060114A7 + axon stub
        assertEquals(34.0, summary.get("celsius_degC").asDouble());
        err.getBuffer().setLength(0);
        assertEquals(2, run("run", folder.toString(), "--protocol", "NoSuchProtocol", "--out", dir.toString()));
        assertTrue(err.toString().contains("NoSuchProtocol"), err.toString());
    }

    @Test
    void setAndOverrideChangeParametersByName() throws Exception {
        Path values = dir.resolve("best.json");
        Files.writeString(values, "{\"somatic.gnabar_hh\": 0.2}");
        assertEquals(0, run("run", "ball_and_stick", "--override", values.toString(), "--set", "stim.amp=0.5",
                "--out", dir.toString(), "--no-plot"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        // 0.5 nA instead of 0.2 nA and more Na conductance: more spikes than the 3 of the unchanged model
        assertTrue(summary.get("spike_times_ms").get("soma").size() > 3, summary.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("run", "ball_and_stick", "--set", "stim.ampp=1", "--out", dir.toString()));
        assertTrue(err.toString().contains("IClamp has no parameter 'ampp'"), err.toString());
    }
}
