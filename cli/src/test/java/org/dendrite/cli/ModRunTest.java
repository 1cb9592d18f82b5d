package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Users' .mod files through {@code "mod"} in a JSON model and {@code --mod} on the command line (issue 11). */
@Tag("cli")
class ModRunTest {
    @TempDir Path dir;
    final StringWriter out = new StringWriter(), err = new StringWriter();

    /** A leak written in NMODL the way users write one; numerically it is NEURON's pas. */
    static final String LEAK = """
            NEURON { SUFFIX myleak NONSPECIFIC_CURRENT i RANGE g, e }
            UNITS { (mV) = (millivolt) (mA) = (milliamp) (S) = (siemens) }
            PARAMETER { g = 0.001 (S/cm2) e = -70 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) }
            BREAKPOINT { i = g*(v - e) }
            """;

    /** HOC: a first line, a soma with the leak named three times (insert, g_, e_), a 0.05 nA step, v recorded, a last line. */
    static final String LEAK_CELL = """
            %s
            create soma
            soma { L = 20 diam = 20 nseg = 1 insert %s g_%s = 0.0005 e_%s = -60 }
            objref stim, vv
            soma stim = new IClamp(0.5)
            stim.del = 10
            stim.dur = 40
            stim.amp = 0.05
            vv = new Vector()
            vv.record(&soma.v(0.5))
            tstop = 60
            %s
            """;

    int run(String... args) {
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path model(String name, String mech, String modLine, String extra) throws Exception {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, """
                {"dendrite_model": 1, "name": "%s", %s
                 "morphology": {"sections": [{"name": "soma", "type": "soma", "L": 20, "diam": 20}]},
                 "simulation": {"tstop": 150, "dt": 0.025, "celsius": 6.3, "v_init": -65},
                 "mechanisms": [{"insert": "%s", "in": "soma", "params": {%s}}],
                 "point_processes": [{"name": "s1", "type": "IClamp", "at": "soma(0.5)", "params": {"del": 10, "dur": 40, "amp": 0.05}},
                                     {"name": "s2", "type": "IClamp", "at": "soma(0.5)", "params": {"del": 80, "dur": 40, "amp": 0.2}}],
                 "spike_detectors": [{"name": "soma", "at": "soma(0.5)", "threshold": -20}],
                 "recordings": ["soma(0.5).v"]}
                """.formatted(name, modLine, mech, extra));
        return f;
    }

    private double[] voltage(Path outDir) throws Exception {
        List<String> lines = Files.readAllLines(outDir.resolve("traces.csv"));
        return lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
    }

    @Test
    void aLeakFromAModFileEqualsTheBuiltInPasBitForBit() throws Exception {
        Files.createDirectories(dir.resolve("mechanisms"));
        Files.writeString(dir.resolve("mechanisms/myleak.mod"), LEAK);
        Path pas = model("pas", "pas", "", "\"g\": 0.0005, \"e\": -60");
        Path mine = model("mine", "myleak", "\"mod\": [\"mechanisms/\"],", "\"g\": 0.0005, \"e\": -60");
        assertEquals(0, run("run", pas.toString(), "--out", dir.resolve("o1").toString(), "--quiet"), err.toString());
        assertEquals(0, run("run", mine.toString(), "--out", dir.resolve("o2").toString(), "--quiet"), err.toString());
        double[] a = voltage(dir.resolve("o1")), b = voltage(dir.resolve("o2"));
        assertEquals(6001, a.length);
        // same finite-difference current and conductance, same order of operations: identical to the last bit
        assertArrayEquals(a, b, 0);
        assertTrue(a[a.length - 1] > -60, "the 0.2 nA step depolarises the leak above e");
    }

    @Test
    void modOptionLoadsAFileAndAUsersNameReplacesABundledOneWithANote() throws Exception {
        Path file = Files.writeString(dir.resolve("pas.mod"), LEAK.replace("SUFFIX myleak", "SUFFIX pas"));
        Path m = model("replaced", "pas", "", "\"g\": 0.0005, \"e\": -60");
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            assertEquals(0, run("run", m.toString(), "--mod", file.toString(), "--out", dir.resolve("o3").toString(),
                    "--quiet"), err.toString());
        } finally {
            System.setErr(old);
        }
        assertTrue(captured.toString().contains("replaces pas from built-in"), captured.toString());
    }

    @Test
    void nrnLoadDllInHocCompilesTheFolderAndItsMechanismInserts() throws Exception {
        Path mech = Files.createDirectories(dir.resolve("mods"));
        Files.writeString(mech.resolve("myleak.mod"), LEAK);
        Path mine = Files.writeString(dir.resolve("mine.hoc"), LEAK_CELL.formatted(
                "nrn_load_dll(\"" + mech.toAbsolutePath().toString().replace("\\", "/") + "/x86_64/.libs/libnrnmech.so\")",
                "myleak", "myleak", "myleak", "run()"));
        Path pas = Files.writeString(dir.resolve("pas.hoc"), LEAK_CELL.formatted("", "pas", "pas", "pas", "run()"));
        assertEquals(0, run("run", mine.toString(), "--out", dir.resolve("h1").toString(), "--quiet"), err.toString());
        assertEquals(0, run("run", pas.toString(), "--out", dir.resolve("h2").toString(), "--quiet"), err.toString());
        double[] a = voltage(dir.resolve("h1")), b = voltage(dir.resolve("h2"));
        assertEquals(2401, a.length);
        assertArrayEquals(b, a, 0, "the NMODL leak loaded by nrn_load_dll (a NEURON build path) equals pas");
    }

    /** A HOC model with a user's mechanism (--mod) converts to JSON naming that .mod, and the JSON runs alike. */
    @Test
    void convertWithModCarriesTheModFilesIntoTheJson() throws Exception {
        Path mech = Files.createDirectories(dir.resolve("mods"));
        Files.writeString(mech.resolve("myleak.mod"), LEAK);
        Path hoc = Files.writeString(dir.resolve("cell.hoc"), LEAK_CELL.formatted("", "myleak", "myleak", "myleak", ""));
        Path json = dir.resolve("cell.json");
        assertEquals(2, run("convert", hoc.toString(), "--out", json.toString()), "without --mod myleak is unknown");
        assertTrue(err.toString().contains("myleak"), err.toString());
        assertEquals(0, run("convert", hoc.toString(), "--mod", mech.toString(), "--out", json.toString()), err.toString());
        JsonNode mod = new ObjectMapper().readTree(json.toFile()).get("mod");
        assertEquals(mech.toAbsolutePath().toString(), mod.get(0).asText());
        assertEquals(0, run("run", hoc.toString(), "--mod", mech.toString(), "--out", dir.resolve("c1").toString(), "--quiet"),
                err.toString());
        assertEquals(0, run("run", json.toString(), "--out", dir.resolve("c2").toString(), "--quiet"), err.toString());
        double[] a = voltage(dir.resolve("c1")), b = voltage(dir.resolve("c2"));
        assertEquals(2401, a.length);
        assertArrayEquals(a, b, 0, "the converted JSON loads the same .mod and gives the HOC run's trace");
    }

    /** A point process's NMODL POINTER bound from the JSON "pointers" key reads the voltage it names. */
    @Test
    void jsonPointersBindAPointProcessPointerToARangeVariable() throws Exception {
        Files.writeString(dir.resolve("vprobe.mod"), """
                NEURON { POINT_PROCESS vprobe POINTER vp RANGE seen }
                UNITS { (mV) = (millivolt) }
                ASSIGNED { vp (mV) seen (mV) }
                BREAKPOINT { seen = vp }
                """);
        Path m = dir.resolve("ptr.json");
        String model = """
                {"dendrite_model": 1, "name": "ptr", "mod": ["vprobe.mod"],
                 "morphology": {"sections": [{"name": "soma", "type": "soma", "L": 20, "diam": 20},
                                              {"name": "dend", "parent": "soma", "L": 200, "diam": 1}]},
                 "simulation": {"tstop": 20, "dt": 0.025, "v_init": -65},
                 "mechanisms": [{"insert": "hh", "in": "soma"}, {"insert": "pas", "in": "dend"}],
                 "point_processes": [{"name": "stim", "type": "IClamp", "at": "soma(0.5)", "params": {"del": 2, "dur": 5, "amp": 0.3}},
                                     {"name": "probe", "type": "vprobe", "at": "soma(0.5)"}],
                 "pointers": [{"point": "probe", "pointer": "vp", "to": "%s"}],
                 "recordings": ["dend(0.5).v", "probe.seen"]}
                """;
        Files.writeString(m, model.formatted("dend(0.5).v"));
        assertEquals(0, run("run", m.toString(), "--out", dir.resolve("p1").toString(), "--quiet"), err.toString());
        List<String> lines = Files.readAllLines(dir.resolve("p1/traces.csv"));
        double maxV = -1e9;
        for (int k = 2; k < lines.size(); k++) {
            String[] now = lines.get(k).split(",");
            // as in NEURON (nocmodl), a BREAKPOINT that writes no current runs after the voltage update: seen = v, exactly
            assertEquals(Double.parseDouble(now[1]), Double.parseDouble(now[2]), 0, lines.get(k));
            maxV = Math.max(maxV, Double.parseDouble(now[1]));
        }
        // NEURON 8.2.2, the same cell with h.setpointer(dend(0.5)._ref_v, 'vp', probe): seen at 0.025 and 2.5 ms
        assertEquals(-65.11259796169354, Double.parseDouble(lines.get(2).split(",")[2]), 1e-12);
        assertEquals(-63.225982078970915, Double.parseDouble(lines.get(101).split(",")[2]), 1e-12);
        assertTrue(maxV > -60, "the soma's spike reaches the dendrite, so the pointer follows a moving voltage: " + maxV);
        Files.writeString(m, model.formatted("soma.v"));
        assertEquals(2, run("run", m.toString(), "--out", dir.resolve("p2").toString(), "--quiet"));
        assertTrue(err.toString().contains("$.pointers[0].to"), err.toString());
        Files.writeString(m, model.formatted("dend(0.5).v").replace("\"point\": \"probe\"", "\"point\": \"nope\""));
        assertEquals(2, run("run", m.toString(), "--out", dir.resolve("p3").toString(), "--quiet"));
        assertTrue(err.toString().contains("pointer nope.vp: no point process named 'nope'"), err.toString());
    }

    /** HOC's {@code setpointer pp.vp, dend.v(0.5)} binds the POINTER as the JSON "pointers" key does. */
    @Test
    @Tag("neuron-agreement")
    void hocSetpointerBindsAPointProcessPointerAsJsonDoes() throws Exception {
        Path mech = Files.createDirectories(dir.resolve("pmods"));
        Files.writeString(mech.resolve("vprobe.mod"), """
                NEURON { POINT_PROCESS vprobe POINTER vp RANGE seen }
                UNITS { (mV) = (millivolt) }
                ASSIGNED { vp (mV) seen (mV) }
                BREAKPOINT { seen = vp }
                """);
        String cell = """
                nrn_load_dll("%s/x86_64/.libs/libnrnmech.so")
                create soma, dend
                connect dend(0), soma(1)
                soma { L = 20  diam = 20  insert hh }
                dend { L = 200  diam = 1  insert pas }
                objref stim, probe
                soma stim = new IClamp(0.5)
                stim.del = 2
                stim.dur = 5
                stim.amp = 0.3
                soma probe = new vprobe(0.5)
                %s
                dt = 0.025
                finitialize(-65)
                fadvance()
                printf("%%.17g %%.17g\\n", t, probe.seen)
                while (t < 2.5 - dt/2) fadvance()
                printf("%%.17g %%.17g\\n", t, probe.seen)
                """;
        String folder = mech.toAbsolutePath().toString().replace("\\", "/");
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        org.dendrite.cli.hoc.HocRun run = new org.dendrite.cli.hoc.HocRun(
                org.dendrite.engine.mechanism.MechanismLibrary.standard(), List.of(), new java.io.PrintStream(buf, true));
        run.interpreter().execute(cell.formatted(folder, "setpointer probe.vp, dend.v(0.5)"), "ptr.hoc");
        String[] lines = buf.toString().lines().filter(l -> !l.startsWith("\t")).toArray(String[]::new);
        // NEURON 8.2.2, this script under nrniv (vprobe.mod built by nrnivmodl): the same 17 digits at both times
        assertEquals(List.of("0.025000000000000001 -65.112597961693538", "2.5000000000000018 -63.225982078970915"),
                List.of(lines), buf.toString());
        Path bad = Files.writeString(dir.resolve("bad.hoc"), cell.formatted(folder, "setpointer probe.vp, t"));
        assertEquals(2, run("run", bad.toString(), "--out", dir.resolve("pb").toString(), "--quiet"));
        assertTrue(err.toString().contains("bad.hoc:12") && err.toString().contains("must be a section variable"), err.toString());
    }

    @Test
    @Tag("neuron-agreement")
    @Tag("data")
    void hodhuxFromTheCorpusSpikesWhenNeuronDoes() throws Exception {
        Path folder = SharedData.path("data/nmodl-corpus/nmodl_hodgkin_huxley");
        JsonNode ref = new ObjectMapper().readTree(SharedData.path("reference/nmodl/cases/nmodl_hodhux_ic.json").toFile());
        Path m = model("hodhux", "hodhux", "\"mod\": [\"" + folder.toAbsolutePath().toString().replace("\\", "/") + "\"],", "");
        assertEquals(0, run("run", m.toString(), "--out", dir.resolve("o4").toString(), "--quiet"), err.toString());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("o4/summary.json").toFile());
        JsonNode expected = ref.at("/oracles/sweeps/0/spike_times_ms");
        JsonNode got = summary.findValue("soma");
        assertEquals(expected.size(), got.size(), summary.toString());
        // the exact tier of shared/reference/nmodl: spike times within 1e-6 ms
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i).asDouble(), got.get(i).asDouble(), 1e-6);
    }
}
