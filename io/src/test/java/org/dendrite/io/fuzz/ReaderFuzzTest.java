package org.dendrite.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.SharedData;
import org.dendrite.io.asc.AscReader;
import org.dendrite.io.model.ModelFiles;
import org.dendrite.io.recording.RecordingReaders;
import org.dendrite.io.swc.SwcReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded structural mutation fuzzer (not coverage-guided: Jazzer is not in this build's repository) over the
 * readers: each seed file is mutated (byte flips, digit and sign changes, deleted/duplicated/swapped lines,
 * inserted tokens, truncation, huge numbers) and read. Every outcome must be a result or a DendriteException
 * (exit 2) naming the file; anything else (NullPointerException, IndexOutOfBounds, OutOfMemoryError, a hang)
 * is a finding, written to target/fuzz-findings/ to become a fixture. The default suite runs
 * {@value #DEFAULT_ITERATIONS} mutants per seed with a fixed seed (reproducible); long runs:
 * {@code benchmarks/scripts/fuzz.sh} (-Ddendrite.fuzz.iterations=N -Ddendrite.fuzz.seed=S).
 */
@Tag("unit")
class ReaderFuzzTest {
    static final int DEFAULT_ITERATIONS = 150;
    static final int ITERATIONS = Integer.getInteger("dendrite.fuzz.iterations", DEFAULT_ITERATIONS);
    static final long SEED = Long.getLong("dendrite.fuzz.seed", 20261203L);
    static final String[] TOKENS = {"-1", "0", "1e308", "-1e308", "NaN", "Infinity", "99999999999999999999", "(", ")",
            "\"", "{", "}", "[", "]", ",", ":", "#", "\n", "\t", " ", "\u0000", "\u00ff", "1.5.3", "e", "-", "null"};

    @TempDir Path dir;

    interface Reader {
        void read(Path file) throws Exception;
    }

    static Path root() {
        return SharedData.projectRoot();
    }

    @Test
    void swc() throws Exception {
        fuzz("swc", ".swc", f -> SwcReader.read(f), List.of(root().resolve("models/validation/neuron/c91662.swc")),
                List.of("1 1 0 0 0 5 -1\n2 3 0 6 0 1 1\n3 3 0 9 0 1 2\n4 2 0 -6 0 0.5 1\n"));
    }

    @Test
    void asc() throws Exception {
        fuzz("asc", ".asc", f -> AscReader.read(f), List.of(), List.of("""
                ("CellBody" (Color Red) (CellBody)
                  (0 0 0 2) (2 0 0 2) (2 2 0 2) (0 2 0 2))
                ((Dendrite) (Color Blue)
                  (1 3 0 1) (1 10 0 1)
                  ((1 15 0 0.8) (3 20 0 0.6) | (1 15 0 0.8) (-2 22 0 0.5)))
                ((Axon) (0 -1 0 1) (0 -20 0 0.8) Normal)
                """));
    }

    @Test
    void jsonModel() throws Exception {
        List<Path> seeds = new ArrayList<>();
        seeds.add(root().resolve("models/src/main/resources/models/ball_and_stick/model.json"));
        seeds.add(root().resolve("models/validation/neuron/case05_expsyn_exp2syn_netstim.json"));
        fuzz("json", ".json", f -> ModelFiles.read(f), seeds, List.of());
    }

    @Test
    void csvTrace() throws Exception {
        StringBuilder s = new StringBuilder("t [ms],v [mV],i [nA]\n");
        for (int k = 0; k < 40; k++) s.append(k * 0.1).append(',').append(-65 + k % 7).append(',').append(k > 10 ? 0.2 : 0).append('\n');
        fuzz("csv", ".csv", f -> RecordingReaders.read(f), List.of(), List.of(s.toString()));
    }

    /**
     * NMODL: dendrite's own .mod files mutated, then parsed, checked and translated to Java (not compiled): a mutant
     * either passes or is refused with a message naming the file, never another exception.
     */
    @Test
    void nmodl() throws Exception {
        Path mods = root().resolve("models/src/main/resources/mechanisms");
        List<Path> seeds = List.of(mods.resolve("hay/Ih.mod"), mods.resolve("hay/CaDynamics_E2.mod"),
                mods.resolve("hay/epsp.mod"), mods.resolve("allen/NaV.mod"));
        fuzz("nmodl", ".mod", f -> {
            var report = org.dendrite.io.nmodl.NmodlLoader.check(List.of(f)).get(0);
            if (report.refusal() != null) throw new DendriteException(report.refusal());
        }, seeds, List.of());
    }

    @Test
    @Tag("data")
    void recordingsFromShared() throws Exception {
        Path data = SharedData.path("data");
        List<Path> seeds = new ArrayList<>();
        for (String rel : new String[] {"abf-pyabf/17o05028_ic_steps.abf", "abf-pyabf/14o08011_ic_pair.abf"}) {
            if (Files.isRegularFile(data.resolve(rel))) seeds.add(data.resolve(rel));
        }
        fuzz("abf", ".abf", f -> RecordingReaders.read(f), seeds, List.of(), Math.max(1, ITERATIONS / 3)); // MB-sized seeds
        Path nwb = data.resolve("nwb-bluepyefe/99111002.nwb");
        if (Files.isRegularFile(nwb)) fuzz("nwb", ".nwb", f -> RecordingReaders.read(f), List.of(nwb), List.of(), Math.max(1, ITERATIONS / 5));
        List<Path> mats = new ArrayList<>();
        try (Stream<Path> s = Files.walk(data.resolve("mat-matjl"))) {
            s.filter(p -> p.toString().endsWith(".mat")).sorted().limit(3).forEach(mats::add);
        }
        fuzz("mat", ".mat", f -> RecordingReaders.read(f), mats, List.of(), Math.max(1, ITERATIONS / 3));
    }

    /** Mutates every seed {@link #ITERATIONS} times and reads each mutant; fails listing the findings. */
    void fuzz(String name, String ext, Reader reader, List<Path> seedFiles, List<String> seedTexts) throws Exception {
        fuzz(name, ext, reader, seedFiles, seedTexts, ITERATIONS);
    }

    void fuzz(String name, String ext, Reader reader, List<Path> seedFiles, List<String> seedTexts, int iterations)
            throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (Path p : seedFiles) seeds.add(Files.readAllBytes(p));
        for (String t : seedTexts) seeds.add(t.getBytes(StandardCharsets.UTF_8));
        assertTrue(!seeds.isEmpty());
        Random rnd = new Random(SEED ^ name.hashCode());
        Path file = dir.resolve("fuzz" + ext);
        List<String> findings = new ArrayList<>();
        int read = 0, rejected = 0;
        for (byte[] seed : seeds) {
            for (int it = -1; it < iterations; it++) {
                byte[] m = it < 0 ? seed : mutate(seed, rnd); // the seed itself first
                Files.write(file, m);
                try {
                    reader.read(file);
                    read++;
                } catch (DendriteException e) {
                    rejected++;
                    String msg = String.valueOf(e.getMessage());
                    if (!msg.contains(file.getFileName().toString())) findings.add(save(name, it, m, "message does not name the file: " + msg));
                } catch (Throwable t) {
                    findings.add(save(name, it, m, t.toString()));
                }
            }
        }
        System.out.println("fuzz " + name + ": " + seeds.size() + " seeds x " + iterations + " mutants: " + read
                + " read, " + rejected + " rejected cleanly, " + findings.size() + " findings");
        assertEquals(List.of(), findings, "reader findings (mutants in target/fuzz-findings)");
    }

    static String save(String name, int it, byte[] m, String what) throws IOException {
        Path out = Path.of("target", "fuzz-findings");
        Files.createDirectories(out);
        Path f = out.resolve(name + "-" + SEED + "-" + it + ".bin");
        Files.write(f, m);
        return f + ": " + what;
    }

    static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        int ops = 1 + rnd.nextInt(4);
        for (int o = 0; o < ops; o++) {
            if (b.length == 0) return b;
            int pos = rnd.nextInt(b.length);
            switch (rnd.nextInt(8)) {
                case 0 -> b[pos] = (byte) rnd.nextInt(256); // random byte
                case 1 -> { // digit / sign change
                    if (b[pos] >= '0' && b[pos] <= '9') b[pos] = (byte) ('0' + rnd.nextInt(10));
                    else b[pos] = (byte) "-+.e9".charAt(rnd.nextInt(5));
                }
                case 2 -> b = splice(b, pos, 0, TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 3 -> b = java.util.Arrays.copyOf(b, pos); // truncation
                case 4 -> b = splice(b, pos, Math.min(b.length - pos, 1 + rnd.nextInt(40)), new byte[0]); // deletion
                case 5 -> { // duplicate a stretch (a line or more)
                    int len = Math.min(b.length - pos, 1 + rnd.nextInt(80));
                    b = splice(b, pos, 0, java.util.Arrays.copyOfRange(b, pos, pos + len));
                }
                case 6 -> { // a 32-bit field of a binary file set to an extreme
                    if (pos + 4 <= b.length) {
                        int v = new int[] {-1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0, 1 << 30}[rnd.nextInt(5)];
                        for (int k = 0; k < 4; k++) b[pos + k] = (byte) (v >>> (8 * k));
                    }
                }
                default -> { // swap two stretches
                    int q = rnd.nextInt(b.length), len = Math.min(Math.min(b.length - pos, b.length - q), 1 + rnd.nextInt(20));
                    for (int k = 0; k < len; k++) {
                        byte t = b[pos + k];
                        b[pos + k] = b[q + k];
                        b[q + k] = t;
                    }
                }
            }
        }
        return b;
    }

    static byte[] splice(byte[] b, int pos, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, pos);
        System.arraycopy(insert, 0, out, pos, insert.length);
        System.arraycopy(b, pos + remove, out, pos + insert.length, b.length - pos - remove);
        return out;
    }
}
