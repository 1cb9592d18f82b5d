package org.dendrite.engine.mechanism;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RateKernels} with the Java Vector API; loaded reflectively only when the module is present. Full
 * vectors only (masked gathers and blends are not compiled to SIMD instructions on AVX2 by JDK 17): the last
 * partial vector is run through padded scratch copies, and the exact-voltage nudges of the Hay files take a
 * blend only in the (rare) vectors where a lane hits the singular voltage.
 */
final class VectorRateKernels implements RateKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Padded copies of the last partial vector; per thread, as simulations may run in parallel threads. */
    private static final class Tail {
        final int[] node = new int[L];
        final double[] a = new double[L], b = new double[L];
    }

    private static final ThreadLocal<Tail> TAIL = ThreadLocal.withInitial(Tail::new);

    /**
     * e^x from IEEE additions, multiplications and bit operations only, so that every lane gives the same bits
     * whether the JIT has compiled this code to SIMD instructions or not. ({@code lanewise(EXP)} does not: its
     * compiled intrinsic and its interpreted fallback may differ in the last bit, which made results depend on JIT
     * timing.) Cody–Waite reduction x = k·ln2 + r, |r| ≤ ln2/2, a degree-13 Taylor polynomial for e^r (truncation
     * below 1e-17 relative), then scaling by 2^k built in the exponent bits. Within ~2 ulp of Math.exp; x is
     * clamped to [-708, 709] (e^-708 ≈ 3e-308 stands for the underflow to 0, irrelevant in rate functions).
     */
    static DoubleVector exp(DoubleVector x) {
        if (FAST_EXP) return x.lanewise(VectorOperators.EXP);
        DoubleVector xc = x.max(X_MIN).min(X_MAX);
        // k = round(x / ln2): adding and removing 1.5·2^52 rounds to the nearest integer in IEEE arithmetic
        DoubleVector t = xc.fma(V_LOG2E, V_ROUND);
        DoubleVector k = t.sub(V_ROUND);
        DoubleVector r = xc.sub(k.mul(V_LN2_HI)).sub(k.mul(V_LN2_LO));
        // Horner with fused multiply-adds: one rounding each, exactly specified, so identical when interpreted
        DoubleVector p = r.fma(C13, C12).fma(r, C11).fma(r, C10).fma(r, C9).fma(r, C8).fma(r, C7).fma(r, C6)
                .fma(r, C5).fma(r, C4).fma(r, C3).fma(r, C2).fma(r, C1).fma(r, C1);
        // 2^k: k sits in the low bits of t (t = 1.5·2^52 + k), so no double-to-long conversion is needed (AVX2
        // has none); the biased exponent k + 1023 is shifted into place
        var bits = t.reinterpretAsLongs().sub(ROUND_BITS - 1023L).lanewise(VectorOperators.LSHL, 52);
        return p.mul(bits.reinterpretAsDoubles());
    }

    /**
     * {@code -Ddendrite.fastExp=true}: the JDK's vectorised exponential (SVML), about 1.6x faster on the Hay
     * channels but not bit-reproducible between JIT states, so fits and sweeps lose their exact
     * resume/determinism guarantees for models with these channels. Off by default.
     */
    static final boolean FAST_EXP = Boolean.getBoolean("dendrite.fastExp");

    private static final double LOG2E = 1.4426950408889634;
    private static final double ROUND = 6755399441055744.0; // 1.5 * 2^52
    private static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);
    /** ln 2 split so that k·LN2_HI is exact for |k| < 2^11. */
    private static final double LN2_HI = 0.6931471803691238, LN2_LO = 1.9082149292705877e-10;
    /** Vector constants (kept out of the method body so that it stays small enough to be inlined). */
    private static final DoubleVector X_MIN = DoubleVector.broadcast(S, -708.0), X_MAX = DoubleVector.broadcast(S, 709.0),
            V_LOG2E = DoubleVector.broadcast(S, LOG2E), V_ROUND = DoubleVector.broadcast(S, ROUND),
            V_LN2_HI = DoubleVector.broadcast(S, LN2_HI), V_LN2_LO = DoubleVector.broadcast(S, LN2_LO);
    /** 1/n! for the Taylor polynomial (C1 = 1/0! = 1/1!). */
    private static final DoubleVector C1 = DoubleVector.broadcast(S, 1.0), C2 = DoubleVector.broadcast(S, 1.0 / 2),
            C3 = DoubleVector.broadcast(S, 1.0 / 6), C4 = DoubleVector.broadcast(S, 1.0 / 24),
            C5 = DoubleVector.broadcast(S, 1.0 / 120), C6 = DoubleVector.broadcast(S, 1.0 / 720),
            C7 = DoubleVector.broadcast(S, 1.0 / 5040), C8 = DoubleVector.broadcast(S, 1.0 / 40320),
            C9 = DoubleVector.broadcast(S, 1.0 / 362880), C10 = DoubleVector.broadcast(S, 1.0 / 3628800),
            C11 = DoubleVector.broadcast(S, 1.0 / 39916800), C12 = DoubleVector.broadcast(S, 1.0 / 479001600),
            C13 = DoubleVector.broadcast(S, 1.0 / 6227020800.0);

    /** NEURON's cnexp arrangement: y + (1 - exp(dt·b))·(-(inf/tau)/b - y), b = -1/tau. */
    private static DoubleVector cnexp(DoubleVector y, DoubleVector inf, DoubleVector tau, double dt) {
        DoubleVector b = DoubleVector.broadcast(S, -1.0).div(tau);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        return y.add(one.sub(exp(b.mul(dt))).mul(inf.div(tau).neg().div(b).sub(y)));
    }

    private static DoubleVector nudge(DoubleVector v, double at, double by) {
        var hit = v.eq(at);
        return hit.anyTrue() ? v.blend(v.add(by), hit) : v;
    }

    /** Copies the tail instances [from, count) into padded scratch arrays (node repeated, states copied). */
    private static Tail tail(int[] node, int from, int count, double[] a, double[] b) {
        Tail t = TAIL.get();
        int n = count - from;
        for (int j = 0; j < L; j++) {
            int k = from + Math.min(j, n - 1);
            t.node[j] = node[k];
            t.a[j] = a[k];
            if (b != null) t.b[j] = b[k];
        }
        return t;
    }

    private static void untail(Tail t, int from, int count, double[] a, double[] b) {
        for (int j = 0; j < count - from; j++) {
            a[from + j] = t.a[j];
            if (b != null) b[from + j] = t.b[j];
        }
    }

    @Override
    public void naTransient(double[] v, int[] node, int count, double mHalf, double hHalf, double qt, double dt,
                            double[] m, double[] h) {
        int k = 0;
        for (; k < S.loopBound(count); k += L) naBody(v, node, k, m, h, k, mHalf, hHalf, qt, dt);
        if (k < count) {
            Tail t = tail(node, k, count, m, h);
            naBody(v, t.node, 0, t.a, t.b, 0, mHalf, hHalf, qt, dt);
            untail(t, k, count, m, h);
        }
    }

    private static void naBody(double[] v, int[] node, int nodeOff, double[] m, double[] h, int k, double mHalf,
                               double hHalf, double qt, double dt) {
        DoubleVector one = DoubleVector.broadcast(S, 1);
        DoubleVector vv = nudge(DoubleVector.fromArray(S, v, 0, node, nodeOff), mHalf, 1e-4);
        DoubleVector a = vv.sub(mHalf);
        DoubleVector ma = a.mul(0.182).div(one.sub(exp(a.neg().div(6))));
        DoubleVector mb = a.neg().mul(0.124).div(one.sub(exp(a.div(6))));
        DoubleVector sum = ma.add(mb);
        DoubleVector minf = ma.div(sum);
        DoubleVector mtau = one.div(sum).div(qt);
        vv = nudge(vv, hHalf, 1e-4);
        DoubleVector b = vv.sub(hHalf);
        DoubleVector ha = b.mul(-0.015).div(one.sub(exp(b.div(6))));
        DoubleVector hb = b.mul(0.015).div(one.sub(exp(b.neg().div(6))));
        DoubleVector hsum = ha.add(hb);
        DoubleVector hinf = ha.div(hsum);
        DoubleVector htau = one.div(hsum).div(qt);
        cnexp(DoubleVector.fromArray(S, m, k), minf, mtau, dt).intoArray(m, k);
        cnexp(DoubleVector.fromArray(S, h, k), hinf, htau, dt).intoArray(h, k);
    }

    @Override
    public void ih(double[] v, int[] node, int count, double dt, double[] m) {
        int k = 0;
        for (; k < S.loopBound(count); k += L) ihBody(v, node, k, m, k, dt);
        if (k < count) {
            Tail t = tail(node, k, count, m, null);
            ihBody(v, t.node, 0, t.a, 0, dt);
            untail(t, k, count, m, null);
        }
    }

    private static void ihBody(double[] v, int[] node, int nodeOff, double[] m, int k, double dt) {
        DoubleVector vv = nudge(DoubleVector.fromArray(S, v, 0, node, nodeOff), -154.9, 0.0001);
        DoubleVector w = vv.add(154.9);
        DoubleVector ma = w.mul(0.001 * 6.43).div(exp(w.div(11.9)).sub(1));
        DoubleVector mb = exp(vv.div(33.1)).mul(0.001 * 193);
        DoubleVector sum = ma.add(mb);
        cnexp(DoubleVector.fromArray(S, m, k), ma.div(sum), DoubleVector.broadcast(S, 1).div(sum), dt).intoArray(m, k);
    }

    @Override
    public void im(double[] v, int[] node, int count, double qt, double dt, double[] m) {
        int k = 0;
        for (; k < S.loopBound(count); k += L) imBody(v, node, k, m, k, qt, dt);
        if (k < count) {
            Tail t = tail(node, k, count, m, null);
            imBody(v, t.node, 0, t.a, 0, qt, dt);
            untail(t, k, count, m, null);
        }
    }

    private static void imBody(double[] v, int[] node, int nodeOff, double[] m, int k, double qt, double dt) {
        DoubleVector w = DoubleVector.fromArray(S, v, 0, node, nodeOff).sub(-35);
        DoubleVector ma = exp(w.mul(2.5 * 0.04)).mul(3.3e-3);
        DoubleVector mb = exp(w.mul(-2.5 * 0.04)).mul(3.3e-3);
        DoubleVector sum = ma.add(mb);
        cnexp(DoubleVector.fromArray(S, m, k), ma.div(sum), DoubleVector.broadcast(S, 1).div(sum).div(qt), dt)
                .intoArray(m, k);
    }

    @Override
    public void skv31(double[] v, int[] node, int count, double vshift, double dt, double[] m) {
        int k = 0;
        for (; k < S.loopBound(count); k += L) skBody(v, node, k, m, k, vshift, dt);
        if (k < count) {
            Tail t = tail(node, k, count, m, null);
            skBody(v, t.node, 0, t.a, 0, vshift, dt);
            untail(t, k, count, m, null);
        }
    }

    private static void skBody(double[] v, int[] node, int nodeOff, double[] m, int k, double vshift, double dt) {
        DoubleVector vv = DoubleVector.fromArray(S, v, 0, node, nodeOff);
        DoubleVector minf = DoubleVector.broadcast(S, 1).div(exp(vv.sub(18.700 + vshift).div(-9.700)).add(1));
        DoubleVector mtau = DoubleVector.broadcast(S, 0.2 * 20.000).div(exp(vv.sub(-46.560 + vshift).div(-44.140)).add(1));
        cnexp(DoubleVector.fromArray(S, m, k), minf, mtau, dt).intoArray(m, k);
    }
}
