package org.dendrite.benchmarks;

import java.nio.file.Path;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.morph.MorphologyFiles;

/**
 * Whole-process timing helper for benchmarks/scripts/morph_vs_neuron.sh: reads the file once and prints the
 * in-process read time and the section count (JVM start-up is measured by the script around this process).
 */
public final class MorphTiming {
    private MorphTiming() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Morphology m = MorphologyFiles.read(Path.of(args[0]));
        long t1 = System.nanoTime();
        System.out.printf("dendrite_read_s %.6f sections %d%n", (t1 - t0) * 1e-9, m.size());
    }
}
