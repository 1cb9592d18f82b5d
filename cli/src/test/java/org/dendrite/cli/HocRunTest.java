package org.dendrite.cli;

import org.dendrite.engine.NeuronGolden;
import org.dendrite.engine.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.Tag;

/** {@code dendrite run FILE.hoc}: HOC built in the interpreter, simulated by the engine. */
@Tag("cli")
@Tag("neuron-agreement")
class HocRunTest {
    @TempDir Path dir;

    @Test
    void hocBallAndStickMatchesNeuronGoldenCase3() throws Exception {
        Path hoc = SharedData.projectRoot().resolve("cli/src/test/resources/hoc/ball_and_stick.hoc");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("run", hoc.toString(), "--out", dir.toString(), "--record", "dend(0.5).v", "-q"),
                err.toString());
        List<String> mine = Files.readAllLines(dir.resolve("traces.csv"));
        assertEquals("t [ms],vsoma [mV],vdend [mV],dend(0.5).v [mV]", mine.get(0));
        List<String> ref = NeuronGolden.lines("case03_hh_ball_stick_table.csv");
        assertEquals(ref.size(), mine.size());
        double maxSoma = 0, maxDend = 0;
        for (int r = 1; r < ref.size(); r++) {
            String[] a = mine.get(r).split(","), b = ref.get(r).split(",");
            assertEquals(Double.parseDouble(b[0]), Double.parseDouble(a[0]), 0.0, "t row " + r);
            maxSoma = Math.max(maxSoma, Math.abs(Double.parseDouble(a[1]) - Double.parseDouble(b[1])));
            maxDend = Math.max(maxDend, Math.abs(Double.parseDouble(a[2]) - Double.parseDouble(b[3])));
            maxDend = Math.max(maxDend, Math.abs(Double.parseDouble(a[3]) - Double.parseDouble(b[2])));
        }
        // same tolerance as the JSON route of the golden test: active case, 1e-7 mV
        assertTrue(maxSoma < 1e-7 && maxDend < 1e-7, "soma " + maxSoma + " dend " + maxDend);
    }

    @Test
    void convertedModelRunsIdentically() throws Exception {
        Path hoc = SharedData.projectRoot().resolve("cli/src/test/resources/hoc/ball_and_stick.hoc");
        Path json = dir.resolve("cell.json");
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("convert", hoc.toString(), "--out", json.toString()));
        assertEquals(0, cl.execute("run", json.toString(), "--out", dir.resolve("a").toString(), "-q", "--no-plot"));
        assertEquals(0, cl.execute("run", hoc.toString(), "--out", dir.resolve("b").toString(), "-q", "--no-plot"));
        List<String> a = Files.readAllLines(dir.resolve("a/traces.csv"));
        List<String> b = Files.readAllLines(dir.resolve("b/traces.csv"));
        assertEquals("t [ms],vsoma [mV],vdend [mV]", a.get(0));
        assertEquals(b, a, "JSON converted from HOC must give the HOC run's traces exactly");
    }

    @Test
    void hocImport3dOfC91662MatchesNeuronGoldenCase7() throws Exception {
        Path hoc = SharedData.projectRoot().resolve("cli/src/test/resources/hoc/c91662_case07.hoc");
        CommandLine cl = DendriteCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("run", hoc.toString(), "--out", dir.toString(), "-q", "--no-plot"), err.toString());
        List<String> mine = Files.readAllLines(dir.resolve("traces.csv"));
        List<String> ref = NeuronGolden.lines("case07_swc_c91662.csv");
        assertEquals("t [ms],vs [mV],va [mV]", mine.get(0));
        assertEquals(ref.size(), mine.size());
        double max = 0;
        for (int r = 1; r < ref.size(); r++) {
            String[] a = mine.get(r).split(","), b = ref.get(r).split(",");
            max = Math.max(max, Math.abs(Double.parseDouble(a[1]) - Double.parseDouble(b[1])));
            max = Math.max(max, Math.abs(Double.parseDouble(a[2]) - Double.parseDouble(b[3])));
        }
        assertTrue(max < 1e-7, "max |dv| " + max + " mV");
    }
}
