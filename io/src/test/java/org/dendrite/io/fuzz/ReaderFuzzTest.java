package org.dendrite.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of every reader ({@link CoverageFuzzer}, JaCoCo probes): SWC, ASC, HOC, JSON model, CSV,
 * NMODL, and with {@code ../shared} present ABF, MAT and NWB (no committed seeds for those three). Seeds: committed
 * files, inline texts, the committed findings ({@code src/test/resources/fuzz/TARGET/}) and, when present, files of
 * {@code ../shared/data}. The default suite runs {@value #DEFAULT_EXECUTIONS} executions per text target (fewer for
 * the binary ones) from a fixed seed; long runs: {@code benchmarks/scripts/fuzz.sh SECONDS_PER_TARGET [SEED]}
 * ({@code -Ddendrite.fuzz.seconds}, {@code -Ddendrite.fuzz.seed}; corpus and findings under {@code io/target/}).
 * A target passes when no input ended in anything but a read or a DendriteException naming the file, and the
 * probes show the reader ran (a broken instrumentation would report 0).
 */
@Tag("unit")
class ReaderFuzzTest {
    static final int DEFAULT_EXECUTIONS = 1000;
    static final int EXECUTIONS = Integer.getInteger("dendrite.fuzz.executions", DEFAULT_EXECUTIONS);
    static final double SECONDS = Double.parseDouble(System.getProperty("dendrite.fuzz.seconds", "0"));
    static final long SEED = Long.getLong("dendrite.fuzz.seed", 20261203L);
    static final boolean LONG = SECONDS > 0;
    /** Seeds from ../shared per target in the default suite (all of them in long runs). */
    static final int SHARED_SEEDS = LONG ? 10_000 : 12;
    static final List<String> IO = List.of("org.dendrite.io.");

    @TempDir Path dir;

    static Path root() {
        return SharedData.projectRoot();
    }

    @Test
    void swc() throws Exception {
        List<byte[]> seeds = seeds("swc", List.of(root().resolve("models/validation/neuron/c91662.swc")),
                List.of("1 1 0 0 0 5 -1\n2 3 0 6 0 1 1\n3 3 0 9 0 1 2\n4 2 0 -6 0 0.5 1\n"), "morphologies-", ".swc", 64_000);
        fuzz("swc", ".swc", seeds, List.of(" 1 ", " -1 ", " 0 ", " 20 ", "\n1 1 0 0 0 1 -1\n", "# comment\n", " 1e-9 "), EXECUTIONS);
    }

    @Test
    void asc() throws Exception {
        List<byte[]> seeds = seeds("asc", List.of(), List.of("""
                ("CellBody" (Color Red) (CellBody)
                  (0 0 0 2) (2 0 0 2) (2 2 0 2) (0 2 0 2))
                ((Dendrite) (Color Blue)
                  (1 3 0 1) (1 10 0 1)
                  ((1 15 0 0.8) (3 20 0 0.6) | (1 15 0 0.8) (-2 22 0 0.5)))
                ((Axon) (0 -1 0 1) (0 -20 0 0.8) Normal)
                """), "morphologies-", ".asc", 64_000);
        fuzz("asc", ".asc", seeds, List.of("(CellBody)", "(Dendrite)", "(Axon)", "(Apical)", "(Color Red)", "|", "Normal",
                "Incomplete", "(Marker", "<(", ")>", "; c\n", "(0 0 0 1)", "((", "))", "(Spine)", "(Font"), EXECUTIONS);
    }

    @Test
    void hoc() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(root().resolve("io/src/test/resources/hoc/neuron"))) {
            s.filter(p -> p.toString().endsWith(".hoc")).sorted().forEach(files::add);
        }
        List<byte[]> seeds = seeds("hoc", files, List.of("create soma\nsoma { L = 10 diam = 10 insert hh }\n"
                + "proc p() { local i\n for i = 0, $1 { print i } }\np(3)\n"), null, null, 0);
        fuzz("hoc", ".hoc", seeds, List.of("create ", "access ", "for i = 0, 1e9 ", "while (1) ", "{", "}", "proc p() ",
                "func f() ", "objref ", "new Vector(1e8)", "double a[", "connect ", "(0), ", "(1)", "pt3dadd(", "nseg = ",
                "if (", "else ", "return ", "$1", "$o1", "strdef ", "sprint(", "begintemplate ", "endtemplate ", "forall ",
                "forsec ", "iterator ", "iterator_statement", "p()", "f(f(f(1)))", ".x[", ".resize(", ".indgen("), EXECUTIONS);
    }

    @Test
    void jsonModel() throws Exception {
        List<byte[]> seeds = seeds("json", List.of(root().resolve("models/src/main/resources/models/ball_and_stick/model.json"),
                root().resolve("models/src/main/resources/models/pyramidal/model.json"),
                root().resolve("models/validation/neuron/case05_expsyn_exp2syn_netstim.json")), List.of(), null, null, 0);
        fuzz("json", ".json", seeds, List.of("{}", "[]", "\"\"", "true", "\"nseg\"", "\"sections\"", "\"mechanisms\"",
                "\"stimuli\"", "\"parent\"", ": -1", ": 1e400", "\"mod\": []", "\"ms\"", "\"mV\""), EXECUTIONS);
    }

    @Test
    void csv() throws Exception {
        StringBuilder s = new StringBuilder("t [ms],v [mV],i [nA]\n");
        for (int k = 0; k < 40; k++) s.append(k * 0.1).append(',').append(-65 + k % 7).append(',').append(k > 10 ? 0.2 : 0).append('\n');
        List<byte[]> seeds = seeds("csv", List.of(), List.of(s.toString()), "csv-traces", ".csv", 64_000);
        fuzz("csv", ".csv", seeds, List.of(",", ";", "\t", "t [s]", "[pA]", "v", "\"a,b\"", "1e400", ",,", "\n\n"), EXECUTIONS);
    }

    @Test
    void nmodl() throws Exception {
        List<Path> mods = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root().resolve("models/src/main/resources/mechanisms"))) {
            s.filter(p -> p.toString().endsWith(".mod")).sorted().limit(LONG ? Long.MAX_VALUE : 6).forEach(mods::add);
        }
        List<byte[]> seeds = seeds("nmodl", mods, List.of(), "nmodl-corpus", ".mod", 16_000);
        fuzz("nmodl", ".mod", seeds, List.of("NEURON {", "PARAMETER {", "STATE {", "ASSIGNED {", "BREAKPOINT {", "INITIAL {",
                "SOLVE states METHOD cnexp", "DERIVATIVE states {", "KINETIC k {", "~ a <-> b (1, 2)", "FUNCTION f(x) {",
                "PROCEDURE p() {", "TABLE", "USEION ca READ ica WRITE cai", "RANGE ", "GLOBAL ", "exp(", "'", "^", "(mV)",
                "VERBATIM", "ENDVERBATIM", "LOCAL ", "if (", "FROM -100 TO 100 WITH 200", "CONSERVE", "NONSPECIFIC_CURRENT"),
                EXECUTIONS);
    }

    static final List<String> BINARY = List.of("ABF2", "ABF ", "MATLAB 5.0", "IM", "MI", "\u0089HDF\r\n\u001a\n",
            "\u0000\u0000\u0000\u0000", "\u00ff\u00ff\u00ff\u00ff", "\u0000\u0000\u0080\u007f");

    @Test
    @Tag("data")
    void abf() throws Exception {
        fuzz("abf", ".abf", sharedOnly("abf", "abf-pyabf", ".abf", 100_000), BINARY, EXECUTIONS / 5);
    }

    @Test
    @Tag("data")
    void mat() throws Exception {
        fuzz("mat", ".mat", sharedOnly("mat", "mat-matjl", ".mat", 100_000), BINARY, EXECUTIONS / 5);
    }

    @Test
    @Tag("data")
    void nwb() throws Exception {
        fuzz("nwb", ".nwb", sharedOnly("nwb", "nwb-bluepyefe", ".nwb", 1_000_000), BINARY, EXECUTIONS / 15);
    }

    private List<byte[]> sharedOnly(String target, String folder, String ext, long maxBytes) throws IOException {
        Assumptions.assumeTrue(SharedData.available(), SharedData.ABSENT + ": no " + target + " seeds");
        List<byte[]> s = seeds(target, List.of(), List.of(), folder, ext, maxBytes);
        Assumptions.assumeFalse(s.isEmpty(), "no " + target + " seeds under ../shared/data/" + folder);
        return s;
    }

    /**
     * Committed seed files, inline texts, the committed findings of {@code target} and, when ../shared is present,
     * up to {@link #SHARED_SEEDS} files of ../shared/data/{@code sharedFolder}* ending in {@code ext}, at most
     * {@code maxBytes} each, spread over the sorted list.
     */
    static List<byte[]> seeds(String target, List<Path> files, List<String> texts, String sharedFolder, String ext,
                              long maxBytes) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path p : files) seeds.add(Files.readAllBytes(p));
        for (String t : texts) seeds.add(t.getBytes(StandardCharsets.UTF_8));
        for (Path p : FuzzFixturesTest.fixtures(target)) seeds.add(Files.readAllBytes(p));
        if (sharedFolder != null && SharedData.available()) {
            Path data = SharedData.path("data");
            List<Path> found = new ArrayList<>();
            try (Stream<Path> s = Files.walk(data)) {
                s.filter(p -> data.relativize(p).toString().startsWith(sharedFolder) && p.toString().endsWith(ext))
                        .filter(p -> p.toFile().length() <= maxBytes).sorted().forEach(found::add);
            }
            int step = Math.max(1, found.size() / SHARED_SEEDS);
            for (int k = 0, n = 0; k < found.size() && n < SHARED_SEEDS; k += step, n++) seeds.add(Files.readAllBytes(found.get(k)));
        }
        return seeds;
    }

    void fuzz(String target, String ext, List<byte[]> seeds, List<String> dictionary, int executions) throws Exception {
        assertTrue(!seeds.isEmpty(), "seeds for " + target);
        int longest = seeds.stream().mapToInt(b -> b.length).max().orElse(0);
        Path out = Path.of("target");
        var cfg = new CoverageFuzzer.Config(target, ext, IO, seeds, dictionary, SEED, executions, SECONDS,
                Long.getLong("dendrite.fuzz.timeoutMs", 10_000), Math.max(4096, 2 * longest), dir,
                out.resolve("fuzz-findings"), LONG ? out.resolve("fuzz-corpus") : null);
        CoverageFuzzer.Result r = CoverageFuzzer.run(cfg);
        System.out.println(r + " (" + seeds.size() + " seeds)");
        assertTrue(r.probesCovered() > 0, "the instrumented reader reported no probes");
        assertEquals(List.of(), r.findings(), "reader findings (minimised inputs in io/target/fuzz-findings)");
    }
}
