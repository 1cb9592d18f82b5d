package org.dendrite.engine.discretization;

import org.dendrite.engine.morphology.Section;

/** Cable-theory quantities of a section, as NEURON computes them. */
public final class Cable {
    private Cable() {}

    /**
     * NEURON's {@code lambda_f(f)}: the AC length constant at frequency {@code f} (Hz), in um
     * (neuron-numerics §4.1). Stylized sections use their diameter; 3-D sections use every point.
     */
    public static double lambdaF(Section s, double frequencyHz, double raOhmCm, double cmUfCm2) {
        if (cmUfCm2 == 0) return 1e10;
        if (!s.hasPoints()) {
            return 1e5 * Math.sqrt(s.stylizedDiam() / (4 * Math.PI * frequencyHz * raOhmCm * cmUfCm2));
        }
        double[] arc = s.arcLengths();
        double sum = 0;
        for (int k = 1; k < arc.length; k++) {
            double d = (double) s.diam(k - 1) + (double) s.diam(k);
            if (d == 0) {
                throw new IllegalArgumentException("section " + s.name() + ": zero diameter at 3-D points "
                        + (k - 1) + " and " + k + "; lambda_f is undefined");
            }
            sum += (arc[k] - arc[k - 1]) / Math.sqrt(d);
        }
        sum *= Math.sqrt(2) * 1e-5 * Math.sqrt(4 * Math.PI * frequencyHz * raOhmCm * cmUfCm2);
        return arc[arc.length - 1] / sum;
    }
}
