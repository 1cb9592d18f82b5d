package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bad-input corpus (issue 14): every case runs through the real command line in-process, as a new user
 * would type it, and must end with the documented exit code (2 bad input, 1 a simulation gone wrong), a message
 * that names the file (and line/column where there is one) or the option, no Java stack trace or exception
 * class name on stdout or stderr, and no file left behind. The warnings (exit 0) are checked for their text.
 * All inputs are made here (no ../shared), so this runs on a fresh clone.
 */
@Tag("cli")
class BadInputCorpusTest {
    @TempDir Path dir;
    Path swc;

    record Result(int exit, String text) {}

    @BeforeEach
    void files() throws IOException {
        swc = SharedData.projectRoot().resolve("models/validation/neuron/c91662.swc");
        Files.writeString(dir.resolve("trace.txt"), "0 -65\n1 -65\n2 -64\n3 -65\n4 -65\n");
        Files.writeString(dir.resolve("big.hoc"), "// too large for any heap\ndouble a[1000000000]\n");
        Files.writeString(dir.resolve("protocols.json"), "{\"Step1\": {\"stimuli\": [{\"delay\": 5, \"amp\": 0.2, "
                + "\"duration\": 40, \"totduration\": 60}]}}");
        Files.writeString(dir.resolve("features.json"), "{\"Step1\": {\"soma\": {\"Spikecount\": [3, 0.5]}}}");
        Files.writeString(dir.resolve("params.json"), "[{\"param_name\": \"gnabar_hh\", \"sectionlist\": \"somatic\", "
                + "\"type\": \"range\", \"bounds\": [0.06, 0.24]}]");
        Files.writeString(dir.resolve("truncated.json"), "{\"Step1\": {\"soma\": {\"Spikecount\": [3, 0.");
    }

    /** Runs the command with stdout/stderr captured (picocli's writers and System.out/err). */
    Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        ByteArrayOutputStream sys = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        int exit;
        try (PrintStream ps = new PrintStream(sys, true, StandardCharsets.UTF_8)) {
            System.setOut(ps);
            System.setErr(ps);
            CommandLine cl = DendriteCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            exit = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(exit, out + "\n" + err + "\n" + sys.toString(StandardCharsets.UTF_8));
    }

    Set<String> tree() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            Set<String> out = new TreeSet<>();
            s.forEach(p -> out.add(dir.relativize(p).toString()));
            return out;
        }
    }

    /** One bad-input case: exit code, the words the message must contain, and nothing new on disk. */
    void bad(int exit, List<String> mustName, String... args) throws IOException {
        Set<String> before = tree();
        Result r = run(args);
        String what = String.join(" ", args) + " ->\n" + r.text();
        assertEquals(exit, r.exit(), what);
        for (String s : mustName) assertTrue(r.text().contains(s), "message must name '" + s + "': " + what);
        noStackTrace(r.text(), what);
        Set<String> after = tree();
        after.removeAll(before);
        after.removeIf(p -> p.endsWith("sweep.lock"));
        assertEquals(Set.of(), after, "files left behind by " + what);
    }

    static void noStackTrace(String text, String what) {
        assertFalse(text.matches("(?s).*\\n\\s+at [\\w.$]+\\(.*"), "stack trace: " + what);
        for (String bad : new String[] {"Exception", "Error:", "[Source:", "java.", "internal error"}) {
            assertFalse(text.contains(bad), "'" + bad + "' in: " + what);
        }
    }

    String p(String name) {
        return dir.resolve(name).toString();
    }

    // ------------------------------------------------------------------ run

    @Test
    void tstopTooLongForMemoryIsRejectedBeforeRunning() throws IOException {
        // 1e9 ms at 0.025 ms = 4e10 samples per column: terabytes; rejected at once (was OutOfMemoryError after 40 s)
        bad(2, List.of("tstop = 1.00000e+09 ms", "GB"), "run", "ball_and_stick", "--tstop", "1e9", "--out", p("o"), "-q");
    }

    @Test
    void nonFiniteTstopIsRejected() throws IOException {
        bad(2, List.of("--tstop Infinity", "finite"), "run", "ball_and_stick", "--tstop", "Infinity", "--out", p("o"), "-q");
        bad(2, List.of("--tstop Infinity", "1.8e308"), "run", "ball_and_stick", "--tstop", "1e400", "--out", p("o"), "-q");
        bad(2, List.of("--tstop NaN"), "run", "ball_and_stick", "--tstop", "NaN", "--out", p("o"), "-q");
        bad(2, List.of("--dt"), "run", "ball_and_stick", "--dt", "0", "--out", p("o"), "-q");
    }

    @Test
    void hocArrayLargerThanTheHeapNamesFileAndLine() throws IOException {
        bad(2, List.of("big.hoc:2", "'a'", "1000000000 elements"), "run", p("big.hoc"), "--out", p("o"), "-q");
    }

    @Test
    void outputFolderThatCannotBeCreated() throws IOException {
        bad(2, List.of("/proc/dendrite-x"), "run", "ball_and_stick", "--out", "/proc/dendrite-x", "-q");
    }

    // ------------------------------------------------------------------ morph

    @Test
    void morphPlotAndConvertIntoAFolderThatCannotBeWritten() throws IOException {
        bad(2, List.of("/proc/dendrite-x"), "morph", "plot", swc.toString(), "--out", "/proc/dendrite-x/c.png");
        bad(2, List.of("/proc/dendrite-x"), "morph", "plot", swc.toString(), "--out", "/proc/dendrite-x/c.svg");
        bad(2, List.of("/proc/dendrite-x"), "morph", "convert", swc.toString(), "/proc/dendrite-x/c.swc");
        bad(2, List.of("/proc/dendrite-x"), "morph", "convert", swc.toString(), "/proc/dendrite-x/c.json");
    }

    @Test
    void morphWritesAreAtomic() throws IOException {
        // a file in place of the output stays as it was when the write fails (here: the output is a folder)
        Files.createDirectories(dir.resolve("taken.png"));
        bad(2, List.of("taken.png"), "morph", "plot", swc.toString(), "--out", p("taken.png"));
        Result ok = run("morph", "convert", swc.toString(), p("c.swc"));
        assertEquals(0, ok.exit(), ok.text());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(f -> f.getFileName().toString().endsWith(".part")).count(), "no temporary file left");
        }
    }

    // ------------------------------------------------------------------ features

    @Test
    void interpolationStepTooFineForMemory() throws IOException {
        bad(2, List.of("trace.txt", "interp_step"), "features", p("trace.txt"), "--setting", "interp_step=1e-9");
    }

    @Test
    void stimulusWindowOutsideTheTraceWarns() {
        Result r = run("features", p("trace.txt"), "--stim-start", "-5", "--stim-end", "100");
        assertEquals(0, r.exit(), r.text());
        assertTrue(r.text().contains("warning: " + p("trace.txt") + ": stimulus window -5.0-100.0 ms reaches outside the trace (0.0-4.0 ms)"), r.text());
    }

    // ------------------------------------------------------------------ recordings

    @Test
    void truncatedMatFileNamesTheFileWithoutEofException() throws IOException {
        // a MAT v5 header (text, subsystem offset, version 0x0100, 'IM') and a miMATRIX element cut short
        ByteBuffer b = ByteBuffer.allocate(128 + 16).order(ByteOrder.LITTLE_ENDIAN);
        byte[] text = "MATLAB 5.0 MAT-file, Platform: GLNXA64, Created on: Thu Dec  3 12:00:00 2026".getBytes(StandardCharsets.US_ASCII);
        b.put(text);
        for (int i = text.length; i < 116; i++) b.put((byte) ' ');
        b.putLong(0).putShort((short) 0x0100).put((byte) 'I').put((byte) 'M');
        b.putInt(14).putInt(1000).putInt(6).putInt(8);
        Files.write(dir.resolve("cut.mat"), b.array());
        bad(2, List.of("cut.mat", "truncated"), "recording", "info", p("cut.mat"));
        bad(2, List.of("cut.mat", "truncated"), "features", p("cut.mat"));
    }

    // ------------------------------------------------------------------ fit

    @Test
    void populationTooSmall() throws IOException {
        bad(2, List.of("-P/--population 1", "at least 2"), "fit", "ball_and_stick", "--target", p("features.json"),
                "--protocols", p("protocols.json"), "--params", p("params.json"), "-P", "1", "--out", p("fit"), "-q");
        bad(2, List.of("-P/--population 3", "at least 4"), "fit", "ball_and_stick", "--target", p("features.json"),
                "--protocols", p("protocols.json"), "--params", p("params.json"), "-P", "3", "--optimizer", "nsga2",
                "--out", p("fit"), "-q");
    }

    @Test
    void truncatedFeaturesJsonNamesLineAndColumn() throws IOException {
        bad(2, List.of("truncated.json: line 1, column ", "ends early"), "fit", "ball_and_stick", "--target",
                p("truncated.json"), "--protocols", p("protocols.json"), "--params", p("params.json"), "--out", p("fit"), "-q");
    }

    @Test
    void truncatedAndEmptyCheckpoints() throws IOException {
        Files.createDirectories(dir.resolve("fit"));
        Files.writeString(dir.resolve("fit/checkpoint.json"), "{\"fit\": {\"model\": \"abc\", \"params\": [1, 2");
        bad(2, List.of("checkpoint.json: line 1, column ", "ends early"), "fit", "ball_and_stick", "--target",
                p("features.json"), "--protocols", p("protocols.json"), "--params", p("params.json"), "--out", p("fit"),
                "--resume", "-q");
        Files.writeString(dir.resolve("fit/checkpoint.json"), "");
        bad(2, List.of("checkpoint.json: empty file"), "fit", "ball_and_stick", "--target", p("features.json"),
                "--protocols", p("protocols.json"), "--params", p("params.json"), "--out", p("fit"), "--resume", "-q");
    }

    @Test
    void resumeWithNothingToResumeWarnsAndStartsAFit() {
        Result r = run("fit", "ball_and_stick", "--target", p("features.json"), "--protocols", p("protocols.json"),
                "--params", p("params.json"), "-P", "4", "-G", "1", "-j", "1", "--out", p("fresh"), "--resume", "-q");
        assertEquals(0, r.exit(), r.text());
        assertTrue(r.text().contains("warning: --resume: " + p("fresh/checkpoint.json") + " does not exist, nothing to resume"), r.text());
        assertTrue(Files.exists(dir.resolve("fresh/checkpoint.json")));
    }

    // ------------------------------------------------------------------ sweep

    @Test
    void emptyOrForeignSweepJsonInTheOutputFolder() throws IOException {
        Files.createDirectories(dir.resolve("sw"));
        Files.writeString(dir.resolve("sw/sweep.json"), "");
        bad(2, List.of("sweep.json: empty file"), "sweep", "ball_and_stick", "--param", "somatic.gnabar_hh=0.06:0.18:2",
                "--out", p("sw"), "-q");
        Files.writeString(dir.resolve("sw/sweep.json"), "[1, 2]");
        bad(2, List.of("sweep.json: not a sweep definition"), "sweep", "ball_and_stick", "--param",
                "somatic.gnabar_hh=0.06:0.18:2", "--out", p("sw"), "-q");
        Files.writeString(dir.resolve("sw/sweep.json"), "{\"model\": ");
        bad(2, List.of("sweep.json: line 1, column ", "ends early"), "sweep", "ball_and_stick", "--param",
                "somatic.gnabar_hh=0.06:0.18:2", "--out", p("sw"), "-q");
    }

    @Test
    void gridLargerThanASweepHolds() throws IOException {
        // 100000^3 = 1e15 overflows an int; 100000^2 = 1e10 is beyond the 1e7 runs a sweep holds
        bad(2, List.of("a grid of 100000 x 100000 x 100000 runs"), "sweep", "ball_and_stick",
                "--param", "somatic.gnabar_hh=0:1:100000", "--param", "stim.amp=0:1:100000", "--param", "stim.dur=1:2:100000",
                "--out", p("sw"), "-q");
    }

    @Test
    void twoSweepsIntoOneFolder() throws IOException {
        Files.createDirectories(dir.resolve("sw"));
        try (FileChannel ch = FileChannel.open(dir.resolve("sw/sweep.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            bad(2, List.of(p("sw") + " is in use by another sweep"), "sweep", "ball_and_stick", "--param",
                    "somatic.gnabar_hh=0.06:0.18:2", "--out", p("sw"), "-q");
        }
        // released: the sweep runs
        Result r = run("sweep", "ball_and_stick", "--param", "somatic.gnabar_hh=0.06:0.18:2", "--out", p("sw"), "-q");
        assertEquals(0, r.exit(), r.text());
    }

    // ------------------------------------------------------------------ results that are wrong

    @Test
    void runawayVoltageExitsOneNamingSectionAndTime() throws IOException {
        Files.writeString(dir.resolve("m.json"), """
                {"morphology": {"sections": [{"name": "soma", "L": 20, "diam": 20}]},
                 "simulation": {"tstop": 10, "dt": 0.025},
                 "mechanisms": [{"insert": "pas", "in": "soma", "params": {"g": -0.039, "e": 0}}]}""");
        bad(1, List.of("ran away", "soma(0.5)", "t = 0.0500 ms"), "run", p("m.json"), "--out", p("o"), "-q");
    }

    @Test
    void crankNicolsonOscillationExitsOne() throws IOException {
        Files.writeString(dir.resolve("cn.json"), """
                {"morphology": {"sections": [{"name": "dend", "L": 200, "diam": 0.5}]},
                 "properties": [{"in": "dend", "nseg": 201}],
                 "simulation": {"tstop": 100, "dt": 1, "method": "cn", "v_init": -65},
                 "mechanisms": [{"insert": "pas", "in": "all", "params": {"g": 1e-4, "e": -65}}],
                 "point_processes": [{"name": "stim", "type": "IClamp", "at": "dend(0.5)",
                                      "params": {"del": 1, "dur": 1e9, "amp": 2}}]}""");
        bad(1, List.of("oscillates", "dend(0.5", "--method be"), "run", p("cn.json"), "--out", p("o"), "-q");
    }

    @Test
    void zeroDiameterCellBlowUpNamesTheZeroDiameters() throws IOException {
        // an SWC dendrite of radius-0 samples: zero area, infinite axial resistance; NaN at the first step
        Files.writeString(dir.resolve("z.swc"), "1 1 0 0 0 5 -1\n2 3 10 0 0 0 1\n3 3 20 0 0 0 2\n");
        Files.writeString(dir.resolve("z.json"), """
                {"morphology": {"file": "z.swc"}, "simulation": {"tstop": 5},
                 "mechanisms": [{"insert": "hh", "in": "all"}],
                 "point_processes": [{"name": "stim", "type": "IClamp", "at": "soma[0](0.5)",
                                      "params": {"del": 1, "dur": 2, "amp": 0.5}}]}""");
        bad(1, List.of("blew up", "t = 0.0250 ms", "zero diameter (dend[0])"), "run", p("z.json"), "--out", p("o"), "-q");
    }
}
