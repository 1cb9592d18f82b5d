package org.dendrite.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.asc.AscReader;
import org.dendrite.io.swc.SwcReader;
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
 * Reading a morphology file into NEURON Import3d's sections, steady state (file in the page cache):
 * {@code synthetic} is a 1,000,000-sample SWC written at setup ({@link SyntheticSwc}, seed 1); {@code flywire}
 * the FlyWire EM skeleton and {@code l5pc} the BluePyOpt L5PC Neurolucida file from ../shared/data (skipped
 * when absent). Run: {@code java -jar benchmarks/target/benchmarks.jar MorphologyReadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MorphologyReadBenchmark {
    @Param({"synthetic", "flywire", "l5pc"})
    public String file;

    private Path path;
    private Path tmp;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        switch (file) {
            case "synthetic" -> {
                tmp = Files.createTempFile("dendrite-synthetic-", ".swc");
                SyntheticSwc.write(tmp, 1_000_000, 1);
                path = tmp;
            }
            case "flywire" -> path = shared("morphologies-jaxley/morph_flywire_t4_720575940626407426.swc");
            case "l5pc" -> path = shared("models-bluepyopt-l5pc/C060114A7.asc");
            default -> throw new IllegalArgumentException(file);
        }
    }

    private static Path shared(String rel) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolveSibling("shared").resolve("data").resolve(rel);
            if (Files.isRegularFile(p)) return p;
            Path q = dir.resolve("shared").resolve("data").resolve(rel);
            if (Files.isRegularFile(q)) return q;
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find ../shared/data/" + rel + " from the working directory");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (tmp != null) Files.deleteIfExists(tmp);
    }

    @Benchmark
    public Morphology read() {
        return path.toString().endsWith(".asc") ? AscReader.read(path) : SwcReader.read(path);
    }
}
