package org.dendrite.engine.mechanism;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dendrite.engine.mechanism.CellState;

/**
 * All instances of one mechanism type in a cell, as structure-of-arrays: {@code node[k]} is the matrix node
 * of instance k and every variable is a {@code double[count]}. The simulator calls the three loops once per
 * step for the whole block; there is no per-instance virtual call.
 */
public abstract class MechanismBlock {
    protected final MechanismType type;
    protected final int count;
    protected final int[] node;
    private final Map<String, double[]> arrays = new LinkedHashMap<>();

    protected MechanismBlock(MechanismType type, int[] node) {
        this.type = type;
        this.node = node.clone();
        this.count = node.length;
        for (Variable v : type.variables()) {
            double[] a = new double[count];
            java.util.Arrays.fill(a, v.defaultValue());
            arrays.put(v.name(), a);
        }
    }

    /** The array of a declared variable (shared, not a copy: probes and parameter setters write through it). */
    protected final double[] array(String name) {
        double[] a = arrays.get(name);
        if (a == null) throw new IllegalArgumentException(type.name() + " has no variable " + name);
        return a;
    }

    public MechanismType type() { return type; }
    public int count() { return count; }
    public int node(int instance) { return node[instance]; }
    public int[] nodes() { return node.clone(); }

    /** The variable's per-instance array, or null when the mechanism has no such variable. */
    public double[] variable(String name) {
        return arrays.get(name);
    }

    /** finitialize: set states from parameters and the initial voltage. */
    public abstract void initialize(CellState s);

    /**
     * Adds membrane currents to {@code s.rhs}, conductances to {@code s.d}, and ion currents to the ion pools
     * (neuron-numerics §5.3: conductance from {@code (I(v+0.001)-I(v))/0.001}).
     */
    public abstract void current(CellState s);

    /** Advances the states over one step using the new voltage (§6.2 step 9). */
    public void advanceStates(CellState s) {}

    /** Called at finitialize before {@link #initialize} when a global (e.g. celsius) may have changed. */
    public void prepare(CellState s) {}

    /**
     * Sets a GLOBAL parameter of this mechanism type (one value for all instances, NEURON name
     * {@code <param>_<SUFFIX>}, e.g. {@code ehcn_Ih}).
     *
     * @return false when this mechanism has no such global
     */
    public boolean setGlobal(String name, double value) {
        return false;
    }

    /** Sets a per-instance variable, after checking its name (used by model builders). */
    public void set(String name, int instance, double value) {
        array(name)[instance] = value;
    }
}
