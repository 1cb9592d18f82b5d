package org.dendrite.engine.mechanism;

/**
 * State updates of the most frequent dendritic channels computed several instances at a time with SIMD
 * exponentials (the Java Vector API, {@code jdk.incubator.vector}). Each kernel performs exactly the
 * arithmetic of the scalar code of its mechanism, in the same order, so results agree with it (and with NEURON)
 * to the ulp of the exponential. Available only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (and not disabled with {@code -Ddendrite.vector=false});
 * otherwise {@link #INSTANCE} is null and the mechanisms use their scalar loops.
 */
public interface RateKernels {
    /** The vector kernels, or null when the Vector API module is not present. */
    RateKernels INSTANCE = load();

    private static RateKernels load() {
        if ("false".equals(System.getProperty("dendrite.vector"))) return null;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return null;
        try {
            return (RateKernels) Class.forName("org.dendrite.engine.mechanism.VectorRateKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Hay NaTa_t/NaTs2_t: m, h by cnexp at v[node[k]] (half-points mHalf, hHalf; nudge +1e-4 at equality). */
    void naTransient(double[] v, int[] node, int count, double mHalf, double hHalf, double qt, double dt,
                     double[] m, double[] h);

    /** Hay Ih (nudge variant): m by cnexp. */
    void ih(double[] v, int[] node, int count, double dt, double[] m);

    /** Im: m by cnexp with temperature factor qt. */
    void im(double[] v, int[] node, int count, double qt, double dt, double[] m);

    /** SKv3_1 / Kv3_1: m by cnexp with half-point shift vshift. */
    void skv31(double[] v, int[] node, int count, double vshift, double dt, double[] m);
}
