package org.dendrite.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.dendrite.engine.recording.Recording;
import org.dendrite.io.recording.RecordingReaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading ABF files into a {@link Recording}: {@code open} (header, protocol, sweep layout; only the header's bytes are read,
 * samples are read and converted on first use) and {@code readAllSamples} (open, then int16 scaling to doubles of every sweep).
 * {@code copies=1} reads the real 2 MB recording {@code 17o05028_ic_steps.abf} (16 sweeps x 60000 samples); larger
 * values read a file built from it by repeating its data section (episodes x copies), e.g. 20 copies: 320 sweeps,
 * 19.2 M samples, 38 MB. Figures are in-engine (steady state, JVM start excluded); quote them as ms per file and
 * ns per sample. Shared data are found at {@code -Ddendrite.shared=DIR} or {@code ../shared} from the working directory.
 *
 * <pre>java -Xmx3g -jar benchmarks/target/benchmarks.jar AbfReadBenchmark -f 1 -wi 5 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class AbfReadBenchmark {
    @Param({"1", "20"})
    public int copies;

    private Path file;
    private Path temp;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path source = sharedDir().resolve("data/abf-pyabf/17o05028_ic_steps.abf");
        if (copies == 1) {
            file = source;
            return;
        }
        temp = Files.createTempFile("dendrite-bench-", ".abf");
        file = temp;
        enlarge(source, temp, copies);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (temp != null) Files.deleteIfExists(temp);
    }

    /** Open the file: header, protocol, tags, sweep layout (samples are converted when first used). */
    @Benchmark
    public Recording open() {
        return RecordingReaders.read(file);
    }

    /** Open and convert every sample of every sweep to doubles in its unit (what a full read costs). */
    @Benchmark
    public double readAllSamples() {
        Recording r = RecordingReaders.read(file);
        double sum = 0;
        for (var s : r.sweeps()) {
            for (int c = 0; c < s.channelCount(); c++) sum += s.value(c, s.size() - 1);
        }
        return sum;
    }

    static Path sharedDir() {
        String p = System.getProperty("dendrite.shared");
        if (p != null) return Path.of(p);
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared/data/abf-pyabf"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("cannot find shared/data/abf-pyabf upward from " + Path.of("").toAbsolutePath()
                + "; pass -Ddendrite.shared=DIR");
        return dir.resolve("shared");
    }

    /**
     * An episodic ABF2 file with {@code copies} times the episodes: header and sections up to the data, the data
     * section repeated, the section map's Data entry count and lActualEpisodes multiplied, the synch array (which
     * followed the data) dropped: episodic files of fixed length do not need it.
     */
    static void enlarge(Path source, Path target, int copies) throws IOException {
        byte[] b = Files.readAllBytes(source);
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long dataBlock = Integer.toUnsignedLong(h.getInt(236));
        int sampleBytes = h.getInt(240);
        long samples = h.getLong(244);
        int start = (int) (dataBlock * 512);
        int length = (int) (samples * sampleBytes);
        ByteBuffer out = ByteBuffer.allocate(start + length * copies).order(ByteOrder.LITTLE_ENDIAN);
        out.put(b, 0, start);
        for (int k = 0; k < copies; k++) out.put(b, start, length);
        out.putLong(244, samples * copies);
        out.putInt(12, h.getInt(12) * copies);
        for (int i = 316; i < 332; i++) out.put(i, (byte) 0);
        Files.write(target, out.array());
    }
}
