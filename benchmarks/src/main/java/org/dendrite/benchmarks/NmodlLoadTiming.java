package org.dendrite.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.io.nmodl.NmodlLoader;

/**
 * Wall time of {@code NmodlLoader.load} for a folder of .mod files (default: the BluePyOpt/Hay L5PC files of
 * shared/data/nmodl-corpus/bluepyopt_l5pc), cold (empty class cache: parse + generate + javac) and from the
 * cache (parse + generate + define classes), each in a fresh cache folder and as the first load of this JVM
 * (the realistic CLI case) and after warm-up. Not a test: figures go to docs/nmodl.md.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.dendrite.benchmarks.NmodlLoadTiming [FOLDER]</pre>
 */
public final class NmodlLoadTiming {
    private NmodlLoadTiming() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/nmodl-corpus/bluepyopt_l5pc");
        Path cache = Files.createTempDirectory("nmodl-bench");
        System.setProperty("dendrite.nmodl.cache", cache.toString());
        long t0 = System.nanoTime();
        List<MechanismType> types = NmodlLoader.load(List.of(folder), n -> { });
        long t1 = System.nanoTime();
        NmodlLoader.load(List.of(folder), n -> { });
        long t2 = System.nanoTime();
        report("first load in this JVM, cold cache (compile)", types.size(), t1 - t0);
        report("second load, from cache", types.size(), t2 - t1);
        double cold = Double.MAX_VALUE, warm = Double.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
            Path c = Files.createTempDirectory("nmodl-bench");
            System.setProperty("dendrite.nmodl.cache", c.toString());
            long a = System.nanoTime();
            NmodlLoader.load(List.of(folder), n -> { });
            long b = System.nanoTime();
            NmodlLoader.load(List.of(folder), n -> { });
            long d = System.nanoTime();
            cold = Math.min(cold, (b - a) / 1e6);
            warm = Math.min(warm, (d - b) / 1e6);
        }
        System.out.printf(Locale.ROOT, "warmed-up JVM, best of 5: cold %.1f ms, from cache %.1f ms (%d files of %s)%n",
                cold, warm, types.size(), folder);
    }

    private static void report(String what, int n, long nanos) {
        System.out.printf(Locale.ROOT, "%s: %d mechanisms in %.1f ms%n", what, n, nanos / 1e6);
    }
}
