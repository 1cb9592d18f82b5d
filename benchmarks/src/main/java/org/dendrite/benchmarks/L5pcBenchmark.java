package org.dendrite.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.params.BluePyOptModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ns per step of the BluePyOpt L5PC (699 compartments, release parameters, protocol Step1: holding current
 * plus the 0.458 nA step), built from {@code ../shared/data/models-bluepyopt-l5pc} by the BluePyOpt loader.
 * Each measured invocation advances 1000 steps (25 ms) from the state the previous one left, starting 700 ms
 * into the protocol, so the cell is firing (a spike every ~160 ms) as in the second half of the Step protocol.
 * Divide by 699 for ns per compartment-step.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar L5pcBenchmark -f 1 -wi 5 -i 5}
 * (set {@code -Ddendrite.shared=DIR} when ../shared is elsewhere).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class L5pcBenchmark {
    static final int STEPS = 1000;
    private Simulation sim;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = shared().resolve("data/models-bluepyopt-l5pc");
        ModelSpec spec = BluePyOptModel.load(dir);
        BluePyOptModel.applyProtocol(spec, dir.resolve("protocols.json"), "Step1");
        spec.probes.clear();
        spec.run.tstop = 1e9;
        sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
        sim.advanceTo(700, null);
    }

    static Path shared() {
        String p = System.getProperty("dendrite.shared");
        if (p != null) return Path.of(p);
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("../shared/data"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("../shared not found; set -Ddendrite.shared=DIR");
        return dir.resolve("../shared").normalize();
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double step() {
        for (int i = 0; i < STEPS; i++) sim.fadvance();
        if (sim.state().t > 2600) { // stay inside the current step: restart the protocol at 700 ms
            sim.finitialize(-65);
            sim.advanceTo(700, null);
        }
        return sim.state().v[0];
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.println("compartments: " + sim.compartmentCount());
    }
}
