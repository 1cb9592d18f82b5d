package org.dendrite.engine.mechanism.allen;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.engine.mechanism.IonPool;
import org.dendrite.engine.mechanism.Channels;
import org.dendrite.engine.mechanism.IonUse;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;

/**
 * Allen {@code NaV}: 12-state Markov Na channel (Carter et al. 2012; mechanisms.md §7.3.8). States C1…C5, O,
 * I1…I6 (fractions summing to 1); {@code ina = gbar O (v - ena)}. With a = e^(v/x1), b = e^(v/x2) and every rate
 * times qt = 2.3^((celsius-37)/10): C_k→C_k+1 = (5-k)αa, C_k+1→C_k = kβb; C5↔O = γ, δ; the I chain the same
 * with αa·alfac and βb/btfac; I5↔I6 = γ, δ; C_k↔I_k = Con·alfac^(k-1), Coff/btfac^(k-1); O↔I6 = Oon, Ooff.
 *
 * <p>Update: one backward-Euler step at the new v, {@code (I/dt - Q) Δ = Q y}, with I6's row replaced by
 * conservation {@code ΣΔ = 1 - Σy}; dense Gaussian elimination with partial pivoting (12×12). Initial state:
 * the model's steady-state linear system as published, including its typo (I3's balance takes the inflow from
 * I4 with rate Coff/btfac² instead of 3βb/btfac), so that the first milliseconds match NEURON.
 */
public final class NaV extends MechanismBlock implements org.dendrite.engine.mechanism.OdeStates {
    static final String[] STATES = {"C1", "C2", "C3", "C4", "C5", "O", "I1", "I2", "I3", "I4", "I5", "I6"};
    private static final int N = 12, O = 5, I1 = 6, I6 = 11;

    public static final MechanismType TYPE;

    static {
        List<Variable> vars = new ArrayList<>();
        vars.add(Variable.parameter("gbar", "S/cm2", 0.015));
        for (String st : STATES) vars.add(Variable.state(st, "1"));
        vars.add(Variable.assigned("ina", "mA/cm2"));
        vars.add(Variable.assigned("g", "S/cm2"));
        for (Variable gv : List.of(Variable.global("alpha", "1/ms", 400), Variable.global("beta", "1/ms", 12), Variable.global("gamma", "1/ms", 250), Variable.global("delta", "1/ms", 60), Variable.global("Con", "1/ms", 0.01), Variable.global("Coff", "1/ms", 40), Variable.global("Oon", "1/ms", 8), Variable.global("Ooff", "1/ms", 0.05), Variable.global("alfac", "1", 2.51), Variable.global("btfac", "1", 5.32), Variable.global("x1", "mV", 24), Variable.global("x2", "mV", -24))) vars.add(gv);
        TYPE = new MechanismType("NaV", MechanismKind.DENSITY, vars,
                List.of(IonUse.channel("na")), NaV::new);
    }

    /** The globals, loaded from {@link #globals} in {@link #prepare}. */
    private double alpha, beta, gamma, delta, con, coff, oon, ooff, alfac, btfac, x1, x2;
    private final double[] gbar = array("gbar"), ina = array("ina"), g = array("g");
    private final double[][] y = new double[N][];
    private final IonPool na;
    private final double[][] q = new double[N][N], m = new double[N][N + 1];
    private final double[] sol = new double[N];

    private NaV(MechanismType type, int[] node, CellState s) {
        super(type, node);
        for (int j = 0; j < N; j++) y[j] = array(STATES[j]);
        na = s.ion("na");
    }

    @Override
    public void prepare(CellState s) {
        alpha = globals[0];
        beta = globals[1];
        gamma = globals[2];
        delta = globals[3];
        con = globals[4];
        coff = globals[5];
        oon = globals[6];
        ooff = globals[7];
        alfac = globals[8];
        btfac = globals[9];
        x1 = globals[10];
        x2 = globals[11];
    }

    /** Fills q with the rate matrix at v: q[to][from] = rate from→to (1/ms); diagonal = -outflow. */
    private void rateMatrix(double v, double qt) {
        for (double[] row : q) java.util.Arrays.fill(row, 0);
        double a = alpha * Math.exp(v / x1) * qt, b = beta * Math.exp(v / x2) * qt;
        for (int k = 0; k < 4; k++) { // closed chain C(k) <-> C(k+1), inactivated chain I(k) <-> I(k+1)
            link(k, k + 1, (4 - k) * a, (k + 1) * b);
            link(I1 + k, I1 + k + 1, (4 - k) * a * alfac, (k + 1) * b / btfac);
        }
        link(4, O, gamma * qt, delta * qt);
        link(I1 + 4, I6, gamma * qt, delta * qt);
        for (int k = 0; k < 5; k++) link(k, I1 + k, con * Math.pow(alfac, k) * qt, coff / Math.pow(btfac, k) * qt);
        link(O, I6, oon * qt, ooff * qt);
    }

    private void link(int from, int to, double forward, double backward) {
        q[to][from] += forward;
        q[from][from] -= forward;
        q[from][to] += backward;
        q[to][to] -= backward;
    }

    @Override
    public void initialize(CellState s) {
        double qt = Channels.qt(s.celsius, 37);
        for (int k = 0; k < count; k++) {
            double v = s.v[node[k]];
            rateMatrix(v, qt);
            // the published steady-state system: balance rows of C1..C5, O, I1..I5, with I3's inflow from I4 mis-typed
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) m[i][j] = q[i][j];
                m[i][N] = 0;
            }
            m[I1 + 2][I1 + 3] = coff / Math.pow(btfac, 2) * qt;
            for (int j = 0; j < N; j++) m[I6][j] = 1;
            m[I6][N] = 1;
            solve();
            for (int j = 0; j < N; j++) y[j][k] = sol[j];
        }
    }

    @Override
    public void current(CellState s) {
        for (int k = 0; k < count; k++) {
            double gg = gbar[k] * y[O][k];
            g[k] = gg;
            ina[k] = Channels.addIonCurrent(s, na, node[k], gg);
        }
    }

    @Override
    public void advanceStates(CellState s) {
        double qt = Channels.qt(s.celsius, 37);
        double dt = s.dt;
        for (int k = 0; k < count; k++) {
            rateMatrix(s.v[node[k]], qt);
            double total = 0;
            for (int j = 0; j < N; j++) total += y[j][k];
            for (int i = 0; i < N; i++) {
                double rhs = 0;
                for (int j = 0; j < N; j++) {
                    m[i][j] = (i == j ? 1.0 / dt : 0) - q[i][j];
                    rhs += q[i][j] * y[j][k];
                }
                m[i][N] = rhs;
            }
            for (int j = 0; j < N; j++) m[I6][j] = 1;
            m[I6][N] = 1 - total;
            solve();
            for (int j = 0; j < N; j++) y[j][k] += sol[j];
        }
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix m; result in sol. */
    private void solve() {
        for (int c = 0; c < N; c++) {
            int p = c;
            for (int r = c + 1; r < N; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            for (int r = c + 1; r < N; r++) {
                double f = m[r][c] / m[c][c];
                if (f == 0) continue;
                for (int j = c; j <= N; j++) m[r][j] -= f * m[c][j];
            }
        }
        for (int r = N - 1; r >= 0; r--) {
            double acc = m[r][N];
            for (int j = r + 1; j < N; j++) acc -= m[r][j] * sol[j];
            sol[r] = acc / m[r][r];
        }
    }

    // variable step: y' = Q(v) y for the 12 occupancies, state-major (state j of instance k at offset + j*count + k)
    @Override public int stateCount() { return N * count; }
    @Override public String stateName(int i) { return org.dendrite.engine.mechanism.OdeStates.neuronName(type, STATES[i / count]); }

    @Override
    public void gather(double[] yy, int offset) {
        for (int j = 0; j < N; j++) System.arraycopy(y[j], 0, yy, offset + j * count, count);
    }

    @Override
    public void scatter(double[] yy, int offset) {
        for (int j = 0; j < N; j++) System.arraycopy(yy, offset + j * count, y[j], 0, count);
    }

    @Override
    public void derivatives(CellState s, double[] ydot, int offset) {
        double qt = Channels.qt(s.celsius, 37);
        for (int k = 0; k < count; k++) {
            rateMatrix(s.v[node[k]], qt);
            for (int i = 0; i < N; i++) {
                double acc = 0;
                double[] qi = q[i];
                for (int j = 0; j < N; j++) acc += qi[j] * y[j][k];
                ydot[offset + i * count + k] = acc;
            }
        }
    }

    @Override
    public void jacobianDiagonal(CellState s, double[] jd, int offset) {
        double qt = Channels.qt(s.celsius, 37);
        for (int k = 0; k < count; k++) {
            rateMatrix(s.v[node[k]], qt);
            for (int i = 0; i < N; i++) jd[offset + i * count + k] = q[i][i];
        }
    }
}
