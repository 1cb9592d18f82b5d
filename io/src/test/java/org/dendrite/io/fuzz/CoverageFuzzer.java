package org.dendrite.io.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.dendrite.engine.DendriteException;

/**
 * A small coverage-guided fuzzer (the AFL/libFuzzer loop) with JaCoCo's probes as the coverage signal: the
 * reader's classes are instrumented in an isolated class loader ({@link CoverageLoader}); every input is written to
 * a file and read; an input that sets a probe no earlier input set joins the corpus; new inputs are mutations of
 * corpus entries (byte and bit flips, digit and sign changes, inserted and overwriting dictionary tokens,
 * deletions, duplications, swaps, truncation, 32-bit fields set to extremes, splices of two entries).
 *
 * <p>An input must either read or fail with a {@link DendriteException} whose message names the file (the
 * readers' documented error, exit code 2). Anything else is a finding: another exception, an Error
 * (StackOverflowError, OutOfMemoryError), a message without the file name, or a read still running after
 * {@code timeoutMs}. Findings are minimised (chunks removed while the same failure remains) and written to
 * {@code findingsDir}. A run is reproducible for a given seed and execution budget.
 */
public final class CoverageFuzzer {
    /** One fuzzing run's settings. {@code seconds > 0} runs by wall clock (long runs), else {@code executions}. */
    public record Config(String target, String ext, List<String> instrumented, List<byte[]> seeds, List<String> dictionary,
                         long seed, int executions, double seconds, long timeoutMs, int maxLength, Path workDir,
                         Path findingsDir, Path corpusDir) {}

    /** What a run did. */
    public record Result(String target, long executions, int corpus, int probesCovered, int probesLoaded,
                         List<String> findings, double seconds) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "fuzz %-5s %8d executions in %6.1f s, corpus %4d, probes %6d of %6d"
                    + " in the loaded classes, %d finding(s)", target, executions, seconds, corpus, probesCovered,
                    probesLoaded, findings.size());
        }
    }

    static final List<String> GENERIC_TOKENS = List.of("-1", "0", "1e308", "-1e308", "NaN", "Infinity", "1e-320",
            "99999999999999999999", "(", ")", "\"", "{", "}", "[", "]", ",", ":", "#", "\n", "\r\n", "\t", " ", "\u0000",
            "\u00ff", "1.5.3", "e", "-", "null", "2147483648", "\\");

    private final Config cfg;
    private final Random rnd;
    private final Path file;
    private final List<byte[]> corpus = new ArrayList<>();
    private final List<boolean[]> seen = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final List<String> signatures = new ArrayList<>();
    private final byte[][] tokens;
    private FuzzEntry entry;
    private long executions;

    private CoverageFuzzer(Config cfg) {
        this.cfg = cfg;
        this.rnd = new Random(cfg.seed() ^ cfg.target().hashCode());
        this.file = cfg.workDir().resolve("fuzz" + cfg.ext());
        List<String> d = new ArrayList<>(cfg.dictionary());
        d.addAll(GENERIC_TOKENS);
        tokens = d.stream().map(t -> t.getBytes(StandardCharsets.ISO_8859_1)).toArray(byte[][]::new);
    }

    /** Runs one target; a reader's misbehaviour does not throw: it is in the result's findings. */
    public static Result run(Config cfg) throws Exception {
        return new CoverageFuzzer(cfg).fuzz();
    }

    private Result fuzz() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(cfg.workDir());
        Probes.clear();
        ClassLoader loader = new CoverageLoader(CoverageFuzzer.class.getClassLoader(), cfg.instrumented());
        entry = (FuzzEntry) loader.loadClass(CoverageLoader.TARGETS + "Readers").getDeclaredConstructor().newInstance();
        for (byte[] s : cfg.seeds()) {
            byte[] in = s.length > cfg.maxLength() ? Arrays.copyOf(s, cfg.maxLength()) : s;
            if (execute(in) == Outcome.NEW || corpus.isEmpty()) corpus.add(in);
        }
        long deadline = t0 + (long) (cfg.seconds() * 1e9);
        for (long i = 0; cfg.seconds() > 0 ? System.nanoTime() < deadline : i < cfg.executions(); i++) {
            byte[] in = mutate();
            if (execute(in) == Outcome.NEW) corpus.add(in);
        }
        if (cfg.corpusDir() != null) {
            Path dir = cfg.corpusDir().resolve(cfg.target());
            Files.createDirectories(dir);
            for (int k = 0; k < corpus.size(); k++) Files.write(dir.resolve(String.format("%05d%s", k, cfg.ext())), corpus.get(k));
        }
        int covered = 0, loaded = 0;
        for (boolean[] s : seen) {
            loaded += s.length;
            for (boolean b : s) if (b) covered++;
        }
        return new Result(cfg.target(), executions, corpus.size(), covered, loaded, findings, (System.nanoTime() - t0) / 1e9);
    }

    private enum Outcome { OLD, NEW, FINDING }

    /** Reads one input; adds a finding when it misbehaves; tells whether it reached new probes. */
    private Outcome execute(byte[] in) throws Exception {
        String failure = failure(in);
        boolean fresh = collect();
        if (failure != null) {
            String sig = signature(failure);
            if (!signatures.contains(sig)) {
                signatures.add(sig);
                byte[] small = failure.startsWith("hang") ? in : minimise(in, sig);
                findings.add(save(small, failure));
            }
            return Outcome.FINDING;
        }
        return fresh ? Outcome.NEW : Outcome.OLD;
    }

    /** null when the reader behaved (read, or a DendriteException naming the file), else what went wrong. */
    private String failure(byte[] in) throws Exception {
        executions++;
        Files.write(file, in);
        FutureTask<Throwable> task = new FutureTask<>(() -> {
            try {
                entry.read(cfg.target(), file);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread t = new Thread(null, task, "fuzz-" + cfg.target(), 64L << 20);
        t.setDaemon(true);
        t.start();
        Throwable thrown;
        try {
            thrown = task.get(cfg.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(t);
            return "hang: still reading after " + cfg.timeoutMs() + " ms";
        } catch (ExecutionException e) {
            thrown = e.getCause();
        }
        if (thrown == null) return null;
        if (thrown instanceof DendriteException) {
            String msg = String.valueOf(thrown.getMessage());
            return msg.contains(file.getFileName().toString()) ? null : "message does not name the file: " + msg;
        }
        StackTraceElement top = null;
        for (StackTraceElement e : thrown.getStackTrace()) {
            if (e.getClassName().startsWith("org.dendrite.")) {
                top = e;
                break;
            }
        }
        return thrown + (top == null ? "" : " at " + top);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        t.interrupt();
        try {
            t.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) t.stop(); // Java 17: a reader stuck in a loop has no other way out
    }

    /** The failure's kind and place, without the message's details: one finding per bug, not per input. */
    private static String signature(String failure) {
        int colon = failure.indexOf(':');
        String kind = colon < 0 ? failure : failure.substring(0, colon);
        int at = failure.lastIndexOf(" at ");
        return kind + (at < 0 ? "" : failure.substring(at));
    }

    /** Merges the probe arrays into the seen set and clears them; true when some probe was set for the first time. */
    private boolean collect() {
        List<boolean[]> arrays = Probes.arrays();
        boolean fresh = false;
        for (int i = 0; i < arrays.size(); i++) {
            boolean[] a = arrays.get(i);
            if (i == seen.size()) seen.add(new boolean[a.length]);
            boolean[] s = seen.get(i);
            for (int j = 0; j < a.length; j++) {
                if (a[j]) {
                    if (!s[j]) {
                        s[j] = true;
                        fresh = true;
                    }
                    a[j] = false;
                }
            }
        }
        return fresh;
    }

    /** Delta debugging, light: removes chunks (halves down to single bytes) while the failure keeps its signature. */
    private byte[] minimise(byte[] in, String sig) throws Exception {
        byte[] best = in;
        int tries = 0;
        for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && tries < 3000; chunk /= 2) {
            for (int pos = 0; pos < best.length && tries < 3000; ) {
                byte[] cand = splice(best, pos, Math.min(chunk, best.length - pos), new byte[0]);
                tries++;
                String f = failure(cand);
                collect();
                if (f != null && signature(f).equals(sig)) best = cand;
                else pos += chunk;
            }
        }
        return best;
    }

    private String save(byte[] in, String what) throws IOException {
        Files.createDirectories(cfg.findingsDir());
        Path f = cfg.findingsDir().resolve(cfg.target() + "-" + cfg.seed() + "-" + findings.size() + cfg.ext());
        Files.write(f, in);
        return f + ": " + what;
    }

    // ------------------------------------------------------------------ mutations

    private byte[] mutate() {
        byte[] b = corpus.get(rnd.nextInt(corpus.size())).clone();
        int ops = 1 << rnd.nextInt(4); // 1, 2, 4 or 8 stacked mutations
        for (int o = 0; o < ops; o++) b = mutateOnce(b);
        return b.length > cfg.maxLength() ? Arrays.copyOf(b, cfg.maxLength()) : b;
    }

    private byte[] mutateOnce(byte[] b) {
        if (b.length == 0) return tokens[rnd.nextInt(tokens.length)].clone();
        int pos = rnd.nextInt(b.length);
        switch (rnd.nextInt(11)) {
            case 0 -> b[pos] = (byte) rnd.nextInt(256); // random byte
            case 1 -> b[pos] ^= (byte) (1 << rnd.nextInt(8)); // bit flip
            case 2 -> { // digit / sign change
                if (b[pos] >= '0' && b[pos] <= '9') b[pos] = (byte) ('0' + rnd.nextInt(10));
                else b[pos] = (byte) "-+.e9".charAt(rnd.nextInt(5));
            }
            case 3 -> b = splice(b, pos, 0, tokens[rnd.nextInt(tokens.length)]); // dictionary token inserted
            case 4 -> { // dictionary token overwriting
                byte[] t = tokens[rnd.nextInt(tokens.length)];
                b = splice(b, pos, Math.min(t.length, b.length - pos), t);
            }
            case 5 -> b = Arrays.copyOf(b, pos); // truncation
            case 6 -> b = splice(b, pos, Math.min(b.length - pos, 1 + rnd.nextInt(40)), new byte[0]); // deletion
            case 7 -> { // a stretch duplicated (a line or more)
                int len = Math.min(b.length - pos, 1 + rnd.nextInt(80));
                b = splice(b, pos, 0, Arrays.copyOfRange(b, pos, pos + len));
            }
            case 8 -> { // a 32-bit field (either byte order) set to an extreme
                if (pos + 4 <= b.length) {
                    int v = new int[] {-1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0, 1 << 30, 65535}[rnd.nextInt(6)];
                    boolean little = rnd.nextBoolean();
                    for (int k = 0; k < 4; k++) b[pos + k] = (byte) (v >>> (8 * (little ? k : 3 - k)));
                }
            }
            case 9 -> { // two stretches swapped
                int q = rnd.nextInt(b.length), len = Math.min(Math.min(b.length - pos, b.length - q), 1 + rnd.nextInt(20));
                for (int k = 0; k < len; k++) {
                    byte t = b[pos + k];
                    b[pos + k] = b[q + k];
                    b[q + k] = t;
                }
            }
            default -> { // splice: this entry's head with another entry's tail
                byte[] other = corpus.get(rnd.nextInt(corpus.size()));
                if (other.length > 0) {
                    int from = rnd.nextInt(other.length);
                    byte[] out = Arrays.copyOf(b, pos + other.length - from);
                    System.arraycopy(other, from, out, pos, other.length - from);
                    b = out;
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
