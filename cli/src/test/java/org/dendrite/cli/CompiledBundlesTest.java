package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dendrite.engine.SharedData;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.model.ModelFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 60 single-compartment mechanism references (models/validation/mechanisms, NEURON 8.2.2 with the upstream
 * .mod files) run through dendrite's own NMODL files of the Hay and Allen libraries, compiled at load
 * ({@code hay-nmodl}, {@code allen-nmodl}), at the tolerance the hand-written library meets (1e-7 mV; other
 * columns 1e-7 of their range), with the spike rows identical; and the difference from the hand-written Java
 * library is printed (the Java channels go once it is zero everywhere).
 */
@Tag("neuron-agreement")
@Tag("data")
class CompiledBundlesTest {

    /** The bundles with NMODL counterparts (mechanisms/hay, mechanisms/allen in the models module). */
    static final List<String> LIBRARIES = List.of("hay", "allen");

    static Stream<String> cases() throws Exception {
        Path dir = SharedData.projectRoot().resolve("models/validation/mechanisms");
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .filter(n -> !n.startsWith("allen_4681") && !n.startsWith("bpo_"))
                    .filter(n -> LIBRARIES.stream().anyMatch(l -> n.startsWith(l + "_")))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void compiledLibraryMatchesNeuron(String c) throws Exception {
        List<String> lines = Files.readAllLines(SharedData.path("reference/mechanisms/data").resolve(c + ".csv"));
        ModelSpec spec = ModelFiles.read(SharedData.projectRoot().resolve("models/validation/mechanisms/" + c + ".json"));
        Traces java = run(spec, MechanismLibrary.named(spec.mechanismLibrary));
        Traces compiled = run(spec, MechanismLibrary.named(spec.mechanismLibrary + "-nmodl"));
        String[] names = lines.get(0).split(",");
        double worstJava = 0;
        for (int col = 1; col < names.length; col++) {
            String name = names[col].trim().replaceAll(" \\[.*\\]$", "");
            double[] theirs = column(lines, col);
            double[] mine = compiled.column(name);
            assertTrue(mine != null, "no recording named " + name);
            assertEquals(theirs.length, mine.length, "rows");
            boolean voltage = name.equals("v") || name.endsWith("/v") || name.endsWith(".v");
            double range = 0, lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (double x : theirs) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
            range = hi - lo;
            double tol = voltage ? 1e-7 : 1e-7 * range + 1e-15;
            double diff = 0;
            for (int i = 0; i < theirs.length; i++) diff = Math.max(diff, Math.abs(mine[i] - theirs[i]));
            assertTrue(diff <= tol, c + " " + name + ": max |compiled - NEURON| " + diff + " > " + tol);
            double[] hand = java.column(name);
            for (int i = 0; i < hand.length; i++) worstJava = Math.max(worstJava, Math.abs(mine[i] - hand[i]));
        }
        System.out.println(c + ": max |compiled - hand-written Java| over all columns = " + worstJava);
    }

    private static Traces run(ModelSpec spec, MechanismLibrary library) {
        Simulation sim = Simulation.compile(spec, library);
        sim.finitialize(spec.run.vInit);
        sim.advanceTo(spec.run.tstop, null);
        return sim.traces();
    }

    private static double[] column(List<String> lines, int col) {
        List<Double> out = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            if (lines.get(r).isBlank()) continue;
            out.add(Double.parseDouble(lines.get(r).split(",")[col].trim()));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
