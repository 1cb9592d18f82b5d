package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.cli.hoc.HocRun;
import org.dendrite.engine.SharedData;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HOC reads and writes the engine's live state inside a {@code fadvance} loop, as NEURON's do. The expected
 * outputs were printed by NEURON 8.2.2 ({@code nrniv -nobanner FILE.hoc -c 'quit()'}, lines of return values
 * dropped) from the same scripts; every number is printed with {@code %.10g}.
 */
@Tag("neuron-agreement")
class HocLiveStateTest {
    private static final Path DIR = SharedData.projectRoot().resolve("cli/src/test/resources/hoc/live");

    /** Lines HOC printed, without the echoed return values of top-level expressions (they start with a tab). */
    private static List<String> printed(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) if (!l.startsWith("\t") && !l.isBlank()) out.add(l);
        return out;
    }

    private static String runFile(String name, HocRun[] keep) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        HocRun run = new HocRun(MechanismLibrary.standard(), List.of(), new PrintStream(buf, true, StandardCharsets.UTF_8));
        run.interpreter().loadFile(DIR.resolve(name));
        if (keep != null) keep[0] = run;
        return buf.toString(StandardCharsets.UTF_8);
    }

    /**
     * Compares printed numbers. Tolerance: 1e-8 relative (plus 1e-12 absolute): the scripts print 10 significant
     * digits and the engine reproduces NEURON's arithmetic; stale values (the bug this guards against) differ in
     * the first digit.
     */
    private static void assertSameNumbers(List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size(), "printed lines\nexpected " + expected + "\nactual " + actual);
        for (int i = 0; i < expected.size(); i++) {
            String[] e = expected.get(i).trim().split("\\s+"), a = actual.get(i).trim().split("\\s+");
            assertEquals(e.length, a.length, "line " + (i + 1) + ": " + actual.get(i));
            for (int k = 0; k < e.length; k++) {
                double x, y;
                try {
                    x = Double.parseDouble(e[k]);
                } catch (NumberFormatException notNumber) {
                    assertEquals(e[k], a[k], "line " + (i + 1));
                    continue;
                }
                y = Double.parseDouble(a[k]);
                assertEquals(x, y, 1e-12 + 1e-8 * Math.abs(x), "line " + (i + 1) + " field " + (k + 1) + ": " + actual.get(i));
            }
        }
    }

    @Test
    void fadvanceLoopReadsLiveVoltageStatesAndClampCurrent() throws Exception {
        HocRun[] run = new HocRun[1];
        List<String> mine = printed(runFile("fadvance_loop.hoc", run));
        assertSameNumbers(Files.readAllLines(DIR.resolve("fadvance_loop.nrniv.txt")), mine);
        // the script calls finitialize twice on an unchanged cell: compiled once
        assertEquals(1, run[0].bridge().compileCount());
    }

    @Test
    void writesBetweenStepsReachTheEngine() throws Exception {
        // NetCon weight, gnabar_hh(0.5), IClamp amp written at t = 10 ms; per-segment cm; ExpSyn g and IClamp i read
        List<String> mine = printed(runFile("writes_between_steps.hoc", null));
        assertSameNumbers(Files.readAllLines(DIR.resolve("writes_between_steps.nrniv.txt")), mine);
    }

    @Test
    void promptPrintsTheRealTrajectory() throws Exception {
        HocRun run = new HocRun(MechanismLibrary.standard(), List.of(), new PrintStream(new ByteArrayOutputStream()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String script = Files.readString(DIR.resolve("fadvance_loop.hoc"));
        HocCommand.repl(run.interpreter(), new BufferedReader(new StringReader(script)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        List<String> mine = printed(out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).isEmpty() || !err.toString().contains("error"), err.toString());
        assertSameNumbers(Files.readAllLines(DIR.resolve("fadvance_loop.nrniv.txt")), mine);
    }

    @Test
    void perSegmentDiametersOfStylizedSectionsReachTheEngine() throws Exception {
        // diam(0:1) = 3:1, diam(x) in for (x, 0), d3.diam(0.3) = 4, d2.cm(0.9) = 2.5: areas, ri and the
        // dendrites' voltages during a step (the compiled cell had one diameter per section before)
        List<String> mine = printed(runFile("stylized_diam.hoc", null));
        assertSameNumbers(Files.readAllLines(DIR.resolve("stylized_diam.nrniv.txt")), mine);
    }

    @Test
    void vectorsWithTheirOwnTimeBases() throws Exception {
        // vec.record(&v, 0.1), vec.record(&v, tvec) (tvec read), cvode.record(&m_hh, yvec, tvec) (tvec written)
        List<String> mine = printed(runFile("time_bases.hoc", null));
        assertSameNumbers(Files.readAllLines(DIR.resolve("time_bases.nrniv.txt")), mine);
    }

    @Test
    void oneCsvPerTimeBaseWithoutEmptyCells(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        picocli.CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(0, cl.execute("run", DIR.resolve("time_bases.hoc").toString(), "--out", dir.toString(), "-q", "--no-plot"));
        // traces.csv: the 0.1 ms base of v1 (first recording) and tv (same times); 0..4 ms = 41 rows
        List<String> main = Files.readAllLines(dir.resolve("traces.csv"));
        assertEquals("t [ms],v1 [mV],tv [ms]", main.get(0));
        assertEquals(42, main.size());
        // traces_2.csv: the 4 times of tq; traces_3.csv: every step (cvode.record), 160 steps + t = 0
        assertEquals(List.of("t [ms],v2 [mV]", 5), List.of(Files.readAllLines(dir.resolve("traces_2.csv")).get(0),
                Files.readAllLines(dir.resolve("traces_2.csv")).size()));
        assertEquals(162, Files.readAllLines(dir.resolve("traces_3.csv")).size());
        for (String f : List.of("traces.csv", "traces_2.csv", "traces_3.csv")) {
            for (String line : Files.readAllLines(dir.resolve(f))) {
                assertTrue(!line.contains(",,") && !line.endsWith(","), f + " has an empty cell: " + line);
            }
        }
        for (int r = 1; r < main.size(); r++) {
            String[] c = main.get(r).split(",");
            assertEquals(Double.parseDouble(c[0]), Double.parseDouble(c[2]), 0.0, "t column and recorded &t agree");
        }
    }

    @Test
    void cvodeActiveNotedByRunConvertAndPrompt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String note = "dendrite: note: cvode.active(1): variable time step (BDF) in run()/continuerun() for mechanisms with a "
                + "derivative form (hh, pas, Hay/Allen channels, .mod DERIVATIVE/KINETIC), recorded every dt; fadvance() loops stay fixed step";
        Path hoc = DIR.resolve("cvode_active.hoc");
        for (List<String> args : List.of(List.of("run", hoc.toString(), "--out", dir.resolve("r").toString(), "-q", "--no-plot"),
                List.of("convert", hoc.toString(), "--out", dir.resolve("c.json").toString()))) {
            picocli.CommandLine cl = DendriteCommand.commandLine();
            java.io.StringWriter err = new java.io.StringWriter();
            cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
            cl.setErr(new java.io.PrintWriter(err));
            assertEquals(0, cl.execute(args.toArray(new String[0])), err.toString());
            assertTrue(err.toString().contains(note), args.get(0) + " stderr: " + err);
        }
        HocRun run = new HocRun(MechanismLibrary.standard(), List.of(), new PrintStream(new ByteArrayOutputStream()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HocCommand.repl(run.interpreter(), new BufferedReader(new StringReader(Files.readString(hoc))),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.split(java.util.regex.Pattern.quote(note), -1).length - 1, "one note at the prompt: " + e);
    }

    /** Soma v (mV) every step of a 20 ms run with Ih, with {@code before} run before and {@code after} after finitialize. */
    private static double[] ihRun(String before, String after) {
        HocRun run = new HocRun(MechanismLibrary.standard(), List.of(), new PrintStream(new ByteArrayOutputStream()));
        run.interpreter().execute(String.join("\n",
                "create soma", "access soma", "soma { L = 20  diam = 20  insert pas  insert Ih  gIhbar_Ih = 0.001 }",
                "objref vs", "vs = new Vector()", "vs.record(&soma.v(0.5))", before,
                "finitialize(-65)", after, "while (t < 20 - dt/2) { fadvance() }", ""), "ih");
        return run.interpreter().vectorVariables().get("vs").toArray();
    }

    @Test
    void globalWrittenAfterFinitializeReachesTheEngine() {
        double[] base = ihRun("", "");
        double[] before = ihRun("ehcn_Ih = 30", "");
        double[] after = ihRun("", "ehcn_Ih = 30");
        // Ih's INITIAL does not read ehcn: set before or right after finitialize, the trajectories are identical
        assertTrue(java.util.Arrays.equals(before, after), "ehcn_Ih after finitialize differs from before");
        // and it matters: with ehcn 30 mV instead of -45 mV the cell depolarises (0.94 mV more by 20 ms)
        assertTrue(after[after.length - 1] - base[base.length - 1] > 0.5, "ehcn_Ih ignored: " + after[after.length - 1]);
    }
}
