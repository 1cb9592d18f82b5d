package org.dendrite.engine.mechanism;

/** Physical constants (CODATA 2018, NEURON's default units) and the formulas built on them. */
public final class Units {
    private Units() {}

    /** Faraday constant, C/mol (e * N_A). */
    public static final double FARADAY = 1.602176634e-19 * 6.02214076e23;
    /** Gas constant, J/(mol K) (k_B * N_A). */
    public static final double GAS_CONSTANT = 1.380649e-23 * 6.02214076e23;

    /** RT/F in mV at the given temperature (degC). */
    public static double ktf(double celsius) {
        return 1000.0 * GAS_CONSTANT * (celsius + 273.15) / FARADAY;
    }

    /** Nernst potential (mV) with NEURON's guards: z = 0 gives 0, ci <= 0 gives +1e6, co <= 0 gives -1e6. */
    public static double nernst(double celsius, int z, double ci, double co) {
        if (z == 0) return 0;
        if (ci <= 0) return 1e6;
        if (co <= 0) return -1e6;
        return ktf(celsius) / z * Math.log(co / ci);
    }

    /** GHK current helper (mA/cm2 per unit permeability), as NEURON's ghk(). */
    public static double ghk(double v, double ci, double co, int z, double celsius) {
        double u = z * v / ktf(celsius);
        return 0.001 * z * FARADAY * (ci * efun(-u) - co * efun(u));
    }

    /** x/(exp(x)-1) with its series near 0. */
    public static double efun(double x) {
        return Math.abs(x) < 1e-4 ? 1 - x / 2 : x / (Math.exp(x) - 1);
    }

    /**
     * The error function to about 1e-15 (series for |x| < 2.5, erfc by Lentz's continued fraction beyond): the
     * {@code erf} of HOC and of NMODL files.
     */
    public static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            double sum = ax, term = ax, x2 = ax * ax;
            for (int k = 1; k < 200; k++) {
                term *= -x2 / k;
                double add = term / (2 * k + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            // erfc via continued fraction (Lentz)
            double tiny = 1e-300;
            double f = ax, c = ax, d = 0;
            for (int k = 1; k < 300; k++) {
                double an = k / 2.0;
                d = ax + an * d;
                d = d == 0 ? tiny : d;
                c = ax + an / c;
                c = c == 0 ? tiny : c;
                d = 1 / d;
                double delta = c * d;
                f *= delta;
                if (Math.abs(delta - 1) < 1e-16) break;
            }
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        }
        return x < 0 ? -r : r;
    }
}
