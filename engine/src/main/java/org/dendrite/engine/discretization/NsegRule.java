package org.dendrite.engine.discretization;

import org.dendrite.engine.morphology.Section;

/** How many segments a section gets (neuron-numerics §4). */
public interface NsegRule {
    /**
     * @param s        the section
     * @param raOhmCm  its axial resistivity (ohm*cm)
     * @param cmUfCm2  its specific capacitance (uF/cm2)
     */
    int nseg(Section s, double raOhmCm, double cmUfCm2);

    /** The same nseg for every section. */
    static NsegRule fixed(int n) {
        if (n < 1) throw new IllegalArgumentException("nseg must be >= 1, is " + n);
        return (s, ra, cm) -> n;
    }

    /**
     * NEURON's d_lambda rule (fixnseg.hoc's geom_nseg): {@code nseg = int((L/(d_lambda*lambda_f)+0.9)/2)*2+1},
     * always odd. Defaults in the field: f = 100 Hz, d_lambda = 0.1.
     */
    static NsegRule dLambda(double frequencyHz, double dLambda) {
        return (s, ra, cm) -> {
            double lambda = Cable.lambdaF(s, frequencyHz, ra, cm);
            return (int) ((s.length() / (dLambda * lambda) + 0.9) / 2) * 2 + 1;
        };
    }

    /**
     * BluePyOpt's rule {@code nseg = 1 + 2*int(L/length)} (its "nseg_frequency", default 40, is a length in um).
     */
    static NsegRule bluePyOpt(double lengthUm) {
        if (!(lengthUm > 0)) throw new IllegalArgumentException("BluePyOpt nseg length must be > 0 um");
        return (s, ra, cm) -> 1 + 2 * (int) (s.length() / lengthUm);
    }
}
