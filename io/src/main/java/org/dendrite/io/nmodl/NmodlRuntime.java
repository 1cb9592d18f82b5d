package org.dendrite.io.nmodl;

import org.dendrite.engine.mechanism.Units;

/** Library functions generated mechanisms call (NEURON's C library names). */
public final class NmodlRuntime {
    private NmodlRuntime() {}

    /** C's fmod: remainder with the sign of x (Java's % on doubles is exactly that). */
    public static double fmod(double x, double y) {
        return x % y;
    }

    /** NEURON's nrn_ghk(v, ci, co, z): GHK current density factor, mA/cm2 per cm/s... as NEURON computes it. */
    public static double ghk(double v, double ci, double co, double z, double celsius) {
        return Units.ghk(v, ci, co, (int) z, celsius);
    }

    /** NMODL's erf: the one the engine and HOC use. */
    public static double erf(double x) {
        return Units.erf(x);
    }
}
