package org.dendrite.cli.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.cli.DendriteCommand;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.Tag;

/** {@code dendrite recording info|export} end to end through the command line. */
@Tag("cli")
@Tag("data")
class RecordingCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = DendriteCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void infoJsonHasTheAgreedKeys() throws IOException {
        Path abf = SharedData.path("data/abf-pyabf/17o05028_ic_steps.abf");
        Run r = run("recording", "info", abf.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("ABF", j.get("format").asText());
        assertEquals("2.6.0.0", j.get("version").asText());
        assertEquals(16, j.get("sweeps").asInt());
        assertEquals(1, j.get("channels").asInt());
        assertEquals(20000.0, j.get("sample_rate_hz").asDouble());
        assertEquals("mV", j.get("units").get(0).asText());
        assertEquals("0112 steps dual -50 to 150 step 10", j.get("protocol").get("name").asText());
        JsonNode epochB = j.get("protocol").get("dacs").get(0).get("epochs").get(1);
        assertEquals("B", epochB.get("epoch").asText());
        assertEquals(-50.0, epochB.get("first_level").asDouble());
        assertEquals(10.0, epochB.get("delta_level").asDouble());
        // sweep-0 stretches in ms: epoch B from sample 2937 at 20 kHz
        JsonNode seg = j.get("epochs").get(2);
        assertEquals("B", seg.get("epoch").asText());
        assertEquals(146.85, seg.get("start_ms").asDouble(), 1e-9);
        assertEquals(646.85, seg.get("end_ms").asDouble(), 1e-9);
        assertEquals(0, j.get("tags").size());
        assertEquals(48000.0, j.get("duration_ms").asDouble(), 1e-6);
    }

    @Test
    void infoTextAndTags() {
        Run r = run("recording", "info", SharedData.path("data/abf-pyabf/2020_07_29_0062.abf").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("format:       ABF 2.9.0.0"), r.out());
        assertTrue(r.out().contains("  0  Potential [mV]"), r.out());
        assertTrue(r.out().contains("  1  I_Com [pA]"), r.out());
        assertTrue(r.out().contains("sample rate:  10000 Hz (dt 0.1 ms)"), r.out());
        assertTrue(r.out().contains("921.6 ms (sweep 0, comment): Digital Outputs => 00000001"), r.out());
    }

    @Test
    void exportWritesTimeChannelsAndCommandAtFullPrecision() throws IOException {
        Path abf = SharedData.path("data/abf-pyabf/17o05028_ic_steps.abf");
        Path csv = tmp.resolve("sweep3.csv");
        Run r = run("recording", "export", abf.toString(), "--sweep", "3", "--channel", "IN 0", "--command", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("t [ms],IN 0 [mV],Cmd 0 [pA]", lines.get(0));
        assertEquals(60001, lines.size());
        String[] row = lines.get(2938).split(",");
        assertEquals(2937 * 0.05, Double.parseDouble(row[0]), 1e-12);
        assertEquals(-20.0, Double.parseDouble(row[2]), 1e-4, "epoch B of sweep 3: -50 + 3 x 10 pA");
        // full precision: the value reads back to the reader's double exactly
        double v = org.dendrite.io.recording.RecordingReaders.read(abf).sweep(3).value(0, 2937);
        assertEquals(v, Double.parseDouble(row[1]));
        assertFalse(Files.list(tmp).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }

    @Test
    void exportByChannelNumberFromNwb() throws IOException {
        Path csv = tmp.resolve("nwb.csv");
        Run r = run("recording", "export", SharedData.path("data/nwb-bluepyefe/99111002.nwb").toString(), "--sweep", "0", "--channel", "0",
                "--command", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("t [ms],V [mV],ics__Step__1 [nA]", lines.get(0));
        assertEquals(7169, lines.size());
        assertEquals(-2.0, Double.parseDouble(lines.get(313).split(",")[2]), 1e-9);
    }

    @Test
    void badSweepOrChannelIsAClearErrorAndLeavesNoFile() throws IOException {
        Path abf = SharedData.path("data/abf-pyabf/18807005.abf");
        Path csv = tmp.resolve("x.csv");
        Run r = run("recording", "export", abf.toString(), "--sweep", "5", "--out", csv.toString());
        assertEquals(2, r.code());
        assertEquals("dendrite: error: " + abf + ": no sweep 5: the recording has 2 sweep(s), numbered 0 to 1", r.err().strip());
        r = run("recording", "export", abf.toString(), "--sweep", "0", "--channel", "Vm", "--out", csv.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no channel 'Vm': channels are [IN 0]"), r.err());
        assertFalse(Files.exists(csv));
        assertEquals(0, Files.list(tmp).count(), "nothing written");
    }

    @Test
    void unreadableFileExitsTwo() throws IOException {
        Path bad = tmp.resolve("bad.abf");
        Files.writeString(bad, "not an abf");
        Run r = run("recording", "info", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("dendrite: error: " + bad + ": byte 0: expected the ABF signature"), r.err());
    }

    @Test
    void helpStatesUnits() {
        Run r = run("recording", "export", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("t [ms]"), r.out());
        assertTrue(r.out().contains("counted from 0"), r.out());
        Run i = run("recording", "--help");
        assertTrue(i.out().contains("time in ms, sample rate in Hz"), i.out());
    }
}
