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

    /** Error function (Abramowitz-Stegun 7.1.26 is not precise enough; series/continued fraction to 1e-16). */
    public static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            double sum = ax, term = ax, x2 = ax * ax;
            for (int n = 1; n < 200; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            // continued fraction for erfc
            double f = 0;
            for (int n = 60; n >= 1; n--) f = n / 2.0 / (ax + f);
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
        }
        return x < 0 ? -r : r;
    }
}
