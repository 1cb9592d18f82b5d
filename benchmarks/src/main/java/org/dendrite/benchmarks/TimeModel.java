package org.dendrite.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.model.ModelFiles;

/**
 * In-engine timing of one model for the side-by-side script: compiles once, then times
 * {@code finitialize + advanceTo(tstop)} several times after JIT warm-up and prints one line per run.
 *
 * <p>usage: TimeModel MODEL.json TSTOP_MS REPEATS
 */
public final class TimeModel {
    private TimeModel() {}

    public static void main(String[] args) throws Exception {
        ModelSpec spec = ModelFiles.read(Path.of(args[0]));
        double tstop = Double.parseDouble(args[1]);
        int repeats = Integer.parseInt(args[2]);
        spec.probes.clear();
        Simulation sim = Simulation.compile(spec);
        for (int w = 0; w < 3; w++) { // warm-up: let the JIT compile the step loop
            sim.finitialize(spec.run.vInit);
            sim.advanceTo(Math.min(tstop, 200), null);
        }
        double[] s = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            sim.finitialize(spec.run.vInit);
            sim.advanceTo(tstop, null);
            s[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(s);
        long segSteps = (long) sim.compartmentCount() * sim.steps();
        System.out.printf(Locale.ROOT, "dendrite %s compartments=%d steps=%d best_s=%.6f median_s=%.6f ns_per_compartment_step=%.3f%n",
                args[0], sim.compartmentCount(), sim.steps(), s[0], s[repeats / 2], s[0] * 1e9 / segSteps);
    }
}
