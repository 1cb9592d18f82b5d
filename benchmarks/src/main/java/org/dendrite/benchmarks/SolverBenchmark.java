package org.dendrite.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ns per step of the fixed-step integrator on (a) the c91662 reference cell of NEURON golden case 7
 * (1108 compartments, hh soma and axon, passive dendrites) and (b) a synthetic 10,000-segment passive binary
 * tree. Divide by the compartment count printed at tear-down for ns per compartment-step.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SolverBenchmark -f 1 -wi 5 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SolverBenchmark {
    static final int STEPS = 1000;

    @Param({"c91662", "passive_tree_10000"})
    public String model;

    private Simulation sim;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ModelSpec spec = model.equals("c91662") ? ModelFiles.read(projectRoot().resolve(
                "models/validation/neuron/case07_swc_c91662.json")) : passiveTree(1000, 10);
        spec.probes.clear();
        sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%n[%s: %d compartments]%n", model, sim.compartmentCount());
    }

    /** One operation = one fadvance; the IClamp pulses of case 7 repeat because t keeps growing past them. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double steps() {
        for (int i = 0; i < STEPS; i++) sim.fadvance();
        return sim.state().v[0];
    }

    /** A balanced binary tree of {@code sections} passive sections with {@code nseg} segments each. */
    static ModelSpec passiveTree(int sections, int nseg) {
        Morphology.Builder b = Morphology.builder("binary tree");
        b.add(Section.stylized("soma", SectionType.SOMA, -1, 0, 20, 20));
        for (int i = 1; i < sections; i++) {
            int parent = (i - 1) / 2;
            b.add(Section.stylized("dend[" + i + "]", SectionType.BASAL, parent, 1, 100, 2.0 / (1 + Math.log(i + 1))));
        }
        ModelSpec spec = new ModelSpec(b.build());
        for (int s = 0; s < sections; s++) {
            spec.setNseg(s, nseg);
            spec.setRa(s, 100);
            spec.insertions.add(new ModelSpec.Insertion("pas", s,
                    Map.of("g", SegmentValue.constant(1e-4), "e", SegmentValue.constant(-65))));
        }
        spec.points.add(new ModelSpec.PointSpec("stim", "IClamp", new Location(0, 0.5),
                Map.of("del", 1.0, "dur", 1e9, "amp", 0.5)));
        return spec;
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("models/validation"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("run from inside the dendrite checkout");
        return dir;
    }
}
