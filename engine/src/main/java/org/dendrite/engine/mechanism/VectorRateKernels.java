package org.dendrite.engine.mechanism;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link RateKernels} with the Java Vector API; loaded reflectively only when the module is present. */
final class VectorRateKernels implements RateKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private static DoubleVector exp(DoubleVector x) {
        return x.lanewise(VectorOperators.EXP);
    }

    /** NEURON's cnexp arrangement: y + (1 - exp(dt·b))·(-(inf/tau)/b - y), b = -1/tau. */
    private static DoubleVector cnexp(DoubleVector y, DoubleVector inf, DoubleVector tau, double dt) {
        DoubleVector b = DoubleVector.broadcast(S, -1.0).div(tau);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        return y.add(one.sub(exp(b.mul(dt))).mul(inf.div(tau).neg().div(b).sub(y)));
    }

    @Override
    public void naTransient(double[] v, int[] node, int count, double mHalf, double hHalf, double qt, double dt,
                            double[] m, double[] h) {
        for (int k = 0; k < count; k += S.length()) {
            VectorMask<Double> in = S.indexInRange(k, count);
            DoubleVector vv = DoubleVector.fromArray(S, v, 0, node, k, in);
            vv = vv.blend(vv.add(1e-4), vv.eq(mHalf));
            DoubleVector a = vv.sub(mHalf);
            DoubleVector ma = a.mul(0.182).div(DoubleVector.broadcast(S, 1).sub(exp(a.neg().div(6))));
            DoubleVector mb = a.neg().mul(0.124).div(DoubleVector.broadcast(S, 1).sub(exp(a.div(6))));
            DoubleVector sum = ma.add(mb);
            DoubleVector minf = ma.div(sum);
            DoubleVector mtau = DoubleVector.broadcast(S, 1).div(sum).div(qt);
            vv = vv.blend(vv.add(1e-4), vv.eq(hHalf));
            DoubleVector b = vv.sub(hHalf);
            DoubleVector ha = b.mul(-0.015).div(DoubleVector.broadcast(S, 1).sub(exp(b.div(6))));
            DoubleVector hb = b.mul(0.015).div(DoubleVector.broadcast(S, 1).sub(exp(b.neg().div(6))));
            DoubleVector hsum = ha.add(hb);
            DoubleVector hinf = ha.div(hsum);
            DoubleVector htau = DoubleVector.broadcast(S, 1).div(hsum).div(qt);
            cnexp(DoubleVector.fromArray(S, m, k, in), minf, mtau, dt).intoArray(m, k, in);
            cnexp(DoubleVector.fromArray(S, h, k, in), hinf, htau, dt).intoArray(h, k, in);
        }
    }

    @Override
    public void ih(double[] v, int[] node, int count, double dt, double[] m) {
        for (int k = 0; k < count; k += S.length()) {
            VectorMask<Double> in = S.indexInRange(k, count);
            DoubleVector vv = DoubleVector.fromArray(S, v, 0, node, k, in);
            vv = vv.blend(vv.add(0.0001), vv.eq(-154.9));
            DoubleVector w = vv.add(154.9);
            DoubleVector ma = w.mul(0.001 * 6.43).div(exp(w.div(11.9)).sub(1));
            DoubleVector mb = exp(vv.div(33.1)).mul(0.001 * 193);
            DoubleVector sum = ma.add(mb);
            cnexp(DoubleVector.fromArray(S, m, k, in), ma.div(sum), DoubleVector.broadcast(S, 1).div(sum), dt)
                    .intoArray(m, k, in);
        }
    }

    @Override
    public void im(double[] v, int[] node, int count, double qt, double dt, double[] m) {
        for (int k = 0; k < count; k += S.length()) {
            VectorMask<Double> in = S.indexInRange(k, count);
            DoubleVector w = DoubleVector.fromArray(S, v, 0, node, k, in).sub(-35);
            DoubleVector ma = exp(w.mul(2.5 * 0.04)).mul(3.3e-3);
            DoubleVector mb = exp(w.mul(-2.5 * 0.04)).mul(3.3e-3);
            DoubleVector sum = ma.add(mb);
            cnexp(DoubleVector.fromArray(S, m, k, in), ma.div(sum), DoubleVector.broadcast(S, 1).div(sum).div(qt), dt)
                    .intoArray(m, k, in);
        }
    }

    @Override
    public void skv31(double[] v, int[] node, int count, double vshift, double dt, double[] m) {
        for (int k = 0; k < count; k += S.length()) {
            VectorMask<Double> in = S.indexInRange(k, count);
            DoubleVector vv = DoubleVector.fromArray(S, v, 0, node, k, in);
            DoubleVector one = DoubleVector.broadcast(S, 1);
            DoubleVector minf = one.div(exp(vv.sub(18.700 + vshift).div(-9.700)).add(1));
            DoubleVector mtau = DoubleVector.broadcast(S, 0.2 * 20.000).div(exp(vv.sub(-46.560 + vshift).div(-44.140)).add(1));
            cnexp(DoubleVector.fromArray(S, m, k, in), minf, mtau, dt).intoArray(m, k, in);
        }
    }
}
