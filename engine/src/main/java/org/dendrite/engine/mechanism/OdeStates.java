package org.dendrite.engine.mechanism;

/**
 * The derivative form of a mechanism's states (NMODL's DERIVATIVE block), for the variable-step integrator
 * ({@link org.dendrite.engine.sim.VariableStep}). A mechanism block with states that does not implement it
 * cannot run variable step. Layout: the block's states occupy {@code stateCount()} consecutive entries of the
 * integrator's flat vector from {@code offset}, in an order the block chooses (state-major is fine).
 */
public interface OdeStates {
    /** Number of state values of the whole block (states per instance x instances). */
    int stateCount();

    /** Copies the block's states into {@code y[offset ..]}. */
    void gather(double[] y, int offset);

    /** Copies {@code y[offset ..]} into the block's states. */
    void scatter(double[] y, int offset);

    /** dy/dt (per ms) of every state at the current {@code s.v} and states, into {@code ydot[offset ..]}. */
    void derivatives(CellState s, double[] ydot, int offset);

    /** The diagonal of the states' Jacobian, d(dy_i/dt)/dy_i (1/ms), into {@code jd[offset ..]}. */
    void jacobianDiagonal(CellState s, double[] jd, int offset);

    /**
     * Per-state absolute-tolerance scales into {@code scale[offset ..]}: the integrator uses {@code atol * scale}
     * for that state (NEURON: an NMODL {@code STATE { cai (mM) <1e-4> }} declaration, or
     * {@code cvode.atolscale("cai", 1e-4)}). The default leaves every scale at 1.
     */
    default void toleranceScales(double[] scale, int offset) {
        java.util.Arrays.fill(scale, offset, offset + stateCount(), 1.0);
    }

    /**
     * NEURON's name of state {@code i} of the block (0 &lt;= i &lt; stateCount()), the one
     * {@code cvode.atolscale} takes: {@code m_hh} for a density mechanism, {@code ExpSyn.g} for a point process,
     * {@code cai} for an ion concentration; null when the block does not name its states (then atolscale does
     * not reach them).
     */
    default String stateName(int i) {
        return null;
    }

    /** {@code state_SUFFIX} for a density mechanism, {@code Type.state} for a point process (NEURON's names). */
    static String neuronName(MechanismType type, String state) {
        return type.kind() == MechanismKind.DENSITY ? state + "_" + type.name() : type.name() + "." + state;
    }
}
