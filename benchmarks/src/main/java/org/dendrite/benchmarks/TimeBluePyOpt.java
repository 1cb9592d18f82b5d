package org.dendrite.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.params.BluePyOptModel;

/**
 * In-engine timing of the BluePyOpt L5PC (release parameters) on one protocol, for the side-by-side script
 * {@code benchmarks/scripts/l5pc_vs_neuron.sh}: builds and compiles once, warms the JIT up, then times
 * {@code finitialize + advanceTo(tstop)} REPEATS times and prints best and median.
 *
 * <p>usage: TimeBluePyOpt L5PC_DIR PROTOCOL TSTOP_MS REPEATS
 */
public final class TimeBluePyOpt {
    private TimeBluePyOpt() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ModelSpec spec = BluePyOptModel.load(dir);
        BluePyOptModel.applyProtocol(spec, dir.resolve("protocols.json"), args[1]);
        double tstop = Double.parseDouble(args[2]);
        int repeats = Integer.parseInt(args[3]);
        spec.probes.clear();
        Simulation sim = Simulation.compile(spec);
        for (int w = 0; w < 2; w++) {
            sim.finitialize(spec.run.vInit);
            sim.advanceTo(Math.min(tstop, 300), null);
        }
        double[] s = new double[repeats], cpu = new double[repeats];
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        int spikes = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            sim.finitialize(spec.run.vInit);
            sim.advanceTo(tstop, null);
            s[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            spikes = sim.spikeSources().get("soma_spikes").spikeTimes().length;
        }
        Arrays.sort(s);
        Arrays.sort(cpu);
        long segSteps = (long) sim.compartmentCount() * sim.steps();
        System.out.printf(Locale.ROOT, "dendrite l5pc %s tstop=%.0f compartments=%d steps=%d spikes=%d best_s=%.4f "
                        + "median_s=%.4f cpu_best_s=%.4f ns_per_compartment_step=%.2f cpu_ns_per_compartment_step=%.2f%n",
                args[1], tstop, sim.compartmentCount(), sim.steps(), spikes, s[0], s[repeats / 2], cpu[0],
                s[0] * 1e9 / segSteps, cpu[0] * 1e9 / segSteps);
    }
}
