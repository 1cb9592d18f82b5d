package org.dendrite.cli.hoc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.fit.ModelParameters;
import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.model.ModelReader;
import org.dendrite.io.model.ModelWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GLOBAL declared by a mechanism of the bundled libraries, set three ways — in HOC ({@code ehcn_Ih = 30}),
 * in a JSON model's {@code "globals"}, and as a {@code --set}/sweep/fit parameter — must change the somatic trace,
 * and identically (bit for bit) in all three: the three front ends address one declared global.
 */
@Tag("cli")
class GlobalsEverywhereTest {
    @TempDir
    Path dir;

    static Stream<Arguments> globals() {
        List<Arguments> out = new ArrayList<>();
        for (String lib : List.of("hay", "allen")) {
            for (MechanismType t : MechanismLibrary.named(lib).all()) {
                if (t.kind() != MechanismKind.DENSITY) continue;
                for (Variable g : t.globals()) out.add(Arguments.of(lib, t.name(), g.name(), changed(g)));
            }
        }
        return out.stream();
    }

    /** A value far enough from the default to show in the trace (usetable 1 → 0 changes only the last bits). */
    private static double changed(Variable g) {
        if (g.name().equals("usetable")) return 0;
        return g.defaultValue() == 0 ? 5 : g.defaultValue() * 1.5;
    }

    @ParameterizedTest(name = "{0}: {2}_{1}")
    @MethodSource("globals")
    void sameChangeFromHocJsonAndSet(String lib, String mech, String global, double value) throws Exception {
        MechanismLibrary library = MechanismLibrary.named(lib);
        String name = global + "_" + mech;
        HocRun base = run(library, hoc(library, mech, null));
        double[] baseline = soma(base.bridge().simulation());
        double[] fromHoc = soma(run(library, hoc(library, mech, name + " = " + value)).bridge().simulation());

        ModelSpec spec = base.bridge().spec();
        spec.mechanismLibrary = lib;
        Path json = dir.resolve("cell.json");
        ModelSpec withGlobal = ModelParameters.copy(spec);
        withGlobal.globals.put(name, value);
        ModelWriter.write(withGlobal, json);
        double[] fromJson = soma(simulate(ModelReader.read(json, p -> { throw new AssertionError(p); }), library));
        double[] fromSet = soma(simulate(new ModelParameters(spec, library).apply(Map.of(name, value)), library));

        assertFalse(Arrays.equals(baseline, fromHoc), name + " set in HOC leaves the trace unchanged");
        assertArrayEquals(fromHoc, fromJson, 0, name + ": JSON and HOC differ");
        assertArrayEquals(fromHoc, fromSet, 0, name + ": --set and HOC differ");
    }

    /** One soma with hh for spikes, the mechanism, and a calcium source for calcium-gated ones; 0.3 nA for 20 ms. */
    private String hoc(MechanismLibrary library, String mech, String globalLine) {
        MechanismType t = library.get(mech);
        String gbar = t.variables().get(0).name();
        boolean needsCa = t.ions().stream().anyMatch(u -> u.ion().equals("ca") && u.readsConcentration());
        String pool = library.contains("CaDynamics_E2") ? "CaDynamics_E2" : "CaDynamics";
        StringBuilder s = new StringBuilder("create soma\nsoma { L = 20 diam = 20 nseg = 1 insert hh");
        if (!mech.equals("hh")) s.append(" insert ").append(mech).append(' ').append(gbar).append('_').append(mech).append(" = 0.002");
        if (needsCa) {
            String caGbar = library.get("Ca_HVA").variables().get(0).name(); // gCa_HVAbar (Hay) or gbar (Allen)
            s.append(" insert Ca_HVA insert ").append(pool).append(' ').append(caGbar).append("_Ca_HVA = 0.001");
        }
        s.append(" }\nobjref stim\nsoma stim = new IClamp(0.5)\nstim.del = 2\nstim.dur = 20\nstim.amp = 0.3\n");
        s.append("tstop = 25\ndt = 0.025\n");
        if (globalLine != null) s.append(globalLine).append('\n');
        return s.toString();
    }

    private HocRun run(MechanismLibrary library, String script) throws Exception {
        Path f = Files.createTempFile(dir, "cell", ".hoc");
        Files.writeString(f, script);
        HocRun r = new HocRun(library, List.of("soma(0.5).v"), new PrintStream(OutputStream.nullOutputStream()));
        r.execute(List.of(f), null);
        return r;
    }

    private static Simulation simulate(ModelSpec spec, MechanismLibrary library) {
        spec.probes.clear();
        spec.probes.add(new ModelSpec.ProbeSpec("v", new org.dendrite.engine.build.Location(0, 0.5), null, "v"));
        Simulation sim = Simulation.compile(spec, library);
        sim.finitialize(spec.run.vInit);
        sim.advanceTo(spec.run.tstop, null);
        return sim;
    }

    private static double[] soma(Simulation sim) {
        var traces = sim.traces();
        for (int c = 0; c < traces.probes().size(); c++) {
            if (traces.probes().get(c).name().contains("v")) return traces.column(c);
        }
        throw new AssertionError("no voltage probe");
    }
}
