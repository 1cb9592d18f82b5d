package org.dendrite.benchmarks;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dendrite.cli.hoc.HocRun;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.model.ModelFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same ball-and-stick model (NEURON golden case 3) built from HOC (cli/src/test/resources/hoc) and from its
 * JSON model file: ns per step must be equal, because HOC only builds the model and never runs in the step loop.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HocVsJsonBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HocVsJsonBenchmark {
    static final int STEPS = 2000;

    @Param({"hoc", "json"})
    public String source;

    private Simulation sim;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        var root = SolverBenchmark.projectRoot();
        if (source.equals("hoc")) {
            HocRun run = new HocRun(MechanismLibrary.standard(), List.of(),
                    new PrintStream(OutputStream.nullOutputStream()));
            sim = run.execute(List.of(root.resolve("cli/src/test/resources/hoc/ball_and_stick.hoc")), null);
        } else {
            ModelSpec spec = ModelFiles.read(root.resolve("models/validation/neuron/case03_hh_ball_stick_table.json"));
            spec.probes.clear();
            // the HOC file records the same two voltages
            spec.probes.add(org.dendrite.engine.build.Recordings.parse(spec.morphology(), "soma(0.5).v"));
            spec.probes.add(org.dendrite.engine.build.Recordings.parse(spec.morphology(), "dend(1).v"));
            sim = Simulation.compile(spec);
            sim.finitialize(-65);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double steps() {
        for (int i = 0; i < STEPS; i++) sim.fadvance();
        return sim.state().v[1];
    }
}
