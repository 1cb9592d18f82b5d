package org.dendrite.engine.mechanism.builtin;

import java.util.List;

import org.dendrite.engine.mechanism.IonPool;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.IonUse;
import org.dendrite.engine.mechanism.MechanismKind;

/**
 * NEURON's built-in Hodgkin–Huxley squid axon channels {@code hh} (neuron-numerics §7.2): Na (m³h), K (n⁴)
 * and a leak; rates scaled by {@code q10 = 3^((celsius-6.3)/10)}. With {@code usetable_hh = 1} (NEURON's
 * default) the six rate values come from 201-point tables over -100..100 mV, linearly interpolated.
 */
public final class Hh extends MechanismBlock implements org.dendrite.engine.mechanism.OdeStates {
    public static final MechanismType TYPE = new MechanismType("hh", MechanismKind.DENSITY,
            List.of(Variable.parameter("gnabar", "S/cm2", 0.12), Variable.parameter("gkbar", "S/cm2", 0.036),
                    Variable.parameter("gl", "S/cm2", 0.0003), Variable.parameter("el", "mV", -54.3),
                    Variable.state("m", "1"), Variable.state("h", "1"), Variable.state("n", "1"),
                    Variable.assigned("gna", "S/cm2"), Variable.assigned("gk", "S/cm2"),
                    Variable.assigned("il", "mA/cm2"),
                    Variable.assigned("minf", "1"), Variable.assigned("hinf", "1"), Variable.assigned("ninf", "1"),
                    Variable.assigned("mtau", "ms"), Variable.assigned("htau", "ms"), Variable.assigned("ntau", "ms"),
                    Variable.global("usetable", "1", 1)),
            List.of(IonUse.channel("na"), IonUse.channel("k")), Hh::new);

    private final double[] gnabar = array("gnabar"), gkbar = array("gkbar"), gl = array("gl"), el = array("el"),
            m = array("m"), h = array("h"), n = array("n"), gna = array("gna"), gk = array("gk"), il = array("il"),
            minf = array("minf"), hinf = array("hinf"), ninf = array("ninf"),
            mtau = array("mtau"), htau = array("htau"), ntau = array("ntau");
    private final IonPool na, k;
    /** Index of the global {@code usetable_hh}: nonzero (NEURON's default) uses the rate tables. */
    private static final int USETABLE = 0;
    private boolean useTable = true;
    private final double[] rates = new double[6];
    private double[][] table;           // [6][201]: minf, mtau, hinf, htau, ninf, ntau
    private double tableCelsius = Double.NaN;

    private Hh(MechanismType type, int[] node, CellState s) {
        super(type, node);
        na = s.ion("na");
        k = s.ion("k");
    }

    @Override
    public void prepare(CellState s) {
        useTable = globals[USETABLE] != 0;
        if (useTable && s.celsius != tableCelsius) buildTable(s.celsius);
    }

    @Override
    public void initialize(CellState s) {
        prepare(s);
        double q10 = q10(s.celsius);
        for (int i = 0; i < count; i++) {
            rates(s.v[node[i]], q10);
            m[i] = rates[0];
            h[i] = rates[2];
            n[i] = rates[4];
            store(i);
        }
    }

    private static double q10(double celsius) {
        return Math.pow(3.0, (celsius - 6.3) / 10.0);
    }

    private static double vtrap(double x, double y) {
        return Math.abs(x / y) < 1e-6 ? y * (1 - x / y / 2) : x / (Math.exp(x / y) - 1);
    }

    /** Exact rate formulas into {@code out}: minf, mtau, hinf, htau, ninf, ntau. */
    private static void formulas(double v, double q10, double[] out) {
        double alpha = .1 * vtrap(-(v + 40), 10);
        double beta = 4 * Math.exp(-(v + 65) / 18);
        double sum = alpha + beta;
        out[1] = 1 / (q10 * sum);
        out[0] = alpha / sum;
        alpha = .07 * Math.exp(-(v + 65) / 20);
        beta = 1 / (Math.exp(-(v + 35) / 10) + 1);
        sum = alpha + beta;
        out[3] = 1 / (q10 * sum);
        out[2] = alpha / sum;
        alpha = .01 * vtrap(-(v + 55), 10);
        beta = .125 * Math.exp(-(v + 65) / 80);
        sum = alpha + beta;
        out[5] = 1 / (q10 * sum);
        out[4] = alpha / sum;
    }

    private void buildTable(double celsius) {
        double q10 = q10(celsius);
        table = new double[6][201];
        double[] tmp = new double[6];
        double x = -100;
        for (int j = 0; j <= 200; j++) {
            formulas(x, q10, tmp);
            for (int r = 0; r < 6; r++) table[r][j] = tmp[r];
            x += 1.0;
        }
        tableCelsius = celsius;
    }

    private void rates(double v, double q10) {
        if (!useTable) {
            formulas(v, q10, rates);
            return;
        }
        double xi = 1.0 * (v - (-100.0));
        if (Double.isNaN(xi)) {
            java.util.Arrays.fill(rates, Double.NaN);
            return;
        }
        if (xi <= 0) {
            for (int r = 0; r < 6; r++) rates[r] = table[r][0];
        } else if (xi >= 200) {
            for (int r = 0; r < 6; r++) rates[r] = table[r][200];
        } else {
            int i = (int) xi;
            double theta = xi - i;
            for (int r = 0; r < 6; r++) rates[r] = table[r][i] + theta * (table[r][i + 1] - table[r][i]);
        }
    }

    private void store(int i) {
        minf[i] = rates[0];
        mtau[i] = rates[1];
        hinf[i] = rates[2];
        htau[i] = rates[3];
        ninf[i] = rates[4];
        ntau[i] = rates[5];
    }

    @Override
    public void current(CellState s) {
        double[] v = s.v, rhs = s.rhs, d = s.d;
        double[] ena = na.e, ek = k.e, ina = na.i, ik = k.i, dina = na.didv, dik = k.didv;
        for (int i = 0; i < count; i++) {
            int nd = node[i];
            double vv = v[nd];
            double mm = m[i], hh = h[i], nn = n[i];
            // at v + 0.001
            double gna1 = gnabar[i] * mm * mm * mm * hh;
            double ina1 = gna1 * (vv + 0.001 - ena[nd]);
            double gk1 = gkbar[i] * nn * nn * nn * nn;
            double ik1 = gk1 * (vv + 0.001 - ek[nd]);
            double il1 = gl[i] * (vv + 0.001 - el[i]);
            double i1 = ina1 + ik1 + il1;
            // at v
            double gna0 = gnabar[i] * mm * mm * mm * hh;
            double ina0 = gna0 * (vv - ena[nd]);
            double gk0 = gkbar[i] * nn * nn * nn * nn;
            double ik0 = gk0 * (vv - ek[nd]);
            double il0 = gl[i] * (vv - el[i]);
            double i0 = ina0 + ik0 + il0;
            gna[i] = gna0;
            gk[i] = gk0;
            il[i] = il0;
            dina[nd] += (ina1 - ina0) / 0.001;
            dik[nd] += (ik1 - ik0) / 0.001;
            ina[nd] += ina0;
            ik[nd] += ik0;
            rhs[nd] -= i0;
            d[nd] += (i1 - i0) / 0.001;
        }
    }

    @Override
    public void advanceStates(CellState s) {
        double q10 = q10(s.celsius);
        double dt = s.dt;
        double[] v = s.v;
        for (int i = 0; i < count; i++) {
            rates(v[node[i]], q10);
            store(i);
            m[i] = cnexp(m[i], rates[0], rates[1], dt);
            h[i] = cnexp(h[i], rates[2], rates[3], dt);
            n[i] = cnexp(n[i], rates[4], rates[5], dt);
        }
    }

    @Override
    public int stateCount() { return 3 * count; }

    @Override
    public String stateName(int i) { return new String[] {"m_hh", "h_hh", "n_hh"}[i / count]; }

    @Override
    public void gather(double[] y, int off) {
        System.arraycopy(m, 0, y, off, count);
        System.arraycopy(h, 0, y, off + count, count);
        System.arraycopy(n, 0, y, off + 2 * count, count);
    }

    @Override
    public void scatter(double[] y, int off) {
        System.arraycopy(y, off, m, 0, count);
        System.arraycopy(y, off + count, h, 0, count);
        System.arraycopy(y, off + 2 * count, n, 0, count);
    }

    /** {@code dy/dt = (inf - y)/tau} for m, h, n at the node's voltage (the rate tables when usetable_hh). */
    @Override
    public void derivatives(CellState s, double[] ydot, int off) {
        double q10 = q10(s.celsius);
        for (int i = 0; i < count; i++) {
            rates(s.v[node[i]], q10);
            store(i);
            ydot[off + i] = (rates[0] - m[i]) / rates[1];
            ydot[off + count + i] = (rates[2] - h[i]) / rates[3];
            ydot[off + 2 * count + i] = (rates[4] - n[i]) / rates[5];
        }
    }

    @Override
    public void jacobianDiagonal(CellState s, double[] jd, int off) {
        double q10 = q10(s.celsius);
        for (int i = 0; i < count; i++) {
            rates(s.v[node[i]], q10);
            jd[off + i] = -1 / rates[1];
            jd[off + count + i] = -1 / rates[3];
            jd[off + 2 * count + i] = -1 / rates[5];
        }
    }

    /** NMODL cnexp update of {@code y' = (inf - y)/tau}, arranged as NEURON's generated code (§7.2). */
    public static double cnexp(double y, double inf, double tau, double dt) {
        double b = (-1.0) / tau;
        return y + (1.0 - Math.exp(dt * b)) * (-(inf / tau) / b - y);
    }
}
