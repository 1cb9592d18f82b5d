package org.dendrite.engine.mechanism;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All instances of one mechanism type in a cell, as structure-of-arrays: {@code node[k]} is the matrix node of
 * instance k, every per-instance variable is a {@code double[count]}, and the type's GLOBALs are one array
 * {@link #globals} (declaration order). The simulator calls each loop once per step for the whole block, in
 * the library's run order; there is no per-instance virtual call. See docs/mechanisms.md for how to write one.
 *
 * <p>The calls, per {@code finitialize}: {@link #prepare}, then (after ions) {@link #initialize}; per
 * {@code fadvance}: {@link #prepare}, {@link #current} (matrix assembly), the voltage update,
 * {@link #advanceStates}; {@link #watch} at the start of each step. Point processes that take NetCon or self events also implement
 * {@link EventTarget}; artificial cells {@link ArtificialCell}; blocks that take sampled data {@link VectorInput}.
 */
public abstract class MechanismBlock {
    protected final MechanismType type;
    protected final int count;
    protected final int[] node;
    /** The type's GLOBAL values (one per {@link MechanismType#globals()} entry), defaults until set. */
    protected final double[] globals;
    private final Map<String, double[]> arrays = new LinkedHashMap<>();

    protected MechanismBlock(MechanismType type, int[] node) {
        this.type = type;
        this.node = node.clone();
        this.count = node.length;
        for (Variable v : type.variables()) {
            if (v.isGlobal()) continue;
            for (String element : v.elementNames()) {
                double[] a = new double[count];
                java.util.Arrays.fill(a, v.defaultValue());
                arrays.put(element, a);
            }
        }
        List<Variable> g = type.globals();
        globals = new double[g.size()];
        for (int i = 0; i < globals.length; i++) globals[i] = g.get(i).defaultValue();
    }

    /** The array of a declared variable (shared, not a copy: probes and parameter setters write through it). */
    protected final double[] array(String name) {
        double[] a = arrays.get(name);
        if (a == null) throw new IllegalArgumentException(type.name() + " has no variable " + name);
        return a;
    }

    /** Index of a declared GLOBAL in {@link #globals} (for subclasses to keep as a constant). */
    protected final int globalIndex(String name) {
        int i = type.globalIndex(name);
        if (i < 0) throw new IllegalArgumentException(type.name() + " has no global " + name);
        return i;
    }

    public MechanismType type() { return type; }
    public int count() { return count; }
    public int node(int instance) { return node[instance]; }
    public int[] nodes() { return node.clone(); }

    /** The variable's per-instance array, or null when the mechanism has no such variable. */
    public double[] variable(String name) {
        return arrays.get(name);
    }

    /** finitialize: set states from parameters and the initial voltage (NMODL's INITIAL). */
    public abstract void initialize(CellState s);

    /**
     * Adds membrane currents to {@code s.rhs}, conductances to {@code s.d}, and ion currents to the ion pools
     * (neuron-numerics §5.3: conductance from {@code (I(v+0.001)-I(v))/0.001}). NMODL's BREAKPOINT currents.
     */
    public abstract void current(CellState s);

    /** Advances the states over one step using the new voltage (§6.2 step 9; NMODL's SOLVE). */
    public void advanceStates(CellState s) {}

    /**
     * Called before {@link #initialize} and before every {@link #current}: the place for values that depend on
     * globals or the temperature (rate tables, temperature factors), which may change between runs.
     */
    public void prepare(CellState s) {}

    /**
     * NMODL's WATCH conditions: called at the start of every step, where NEURON checks NetCon thresholds (before
     * the step's events are delivered), so an event sent from here at {@code s.t} is delivered in this step.
     */
    public void watch(CellState s, EventContext ctx) {}

    /**
     * Sets a declared GLOBAL (one value for all instances, NEURON name {@code <param>_<SUFFIX>} or plain).
     *
     * @return false when this mechanism declares no such global
     */
    public boolean setGlobal(String name, double value) {
        int i = type.globalIndex(name);
        if (i < 0) return false;
        globals[i] = value;
        return true;
    }

    /** The value of a declared GLOBAL, or NaN when there is none of that name. */
    public double global(String name) {
        int i = type.globalIndex(name);
        return i < 0 ? Double.NaN : globals[i];
    }

    /**
     * Connects an NMODL POINTER of instance {@code instance} to {@code array[index]} (HOC's {@code setpointer}).
     *
     * @throws IllegalArgumentException when the mechanism has no such POINTER
     */
    public void bindPointer(String pointerName, int instance, double[] array, int index) {
        throw new IllegalArgumentException(type.name() + " has no POINTER " + pointerName);
    }

    /**
     * Calls an NMODL FUNCTION of instance {@code instance} with the current state (HOC's {@code pp.name(args)}, a
     * FUNCTION recorded as a probe). Valid after {@code finitialize}.
     *
     * @throws IllegalArgumentException when the mechanism has no FUNCTION of that name taking that many arguments
     */
    public double callFunction(String name, int instance, double... args) {
        throw new IllegalArgumentException(type.name() + " has no FUNCTION " + name + " of " + args.length + " argument(s)");
    }

    /** Sets a per-instance variable, after checking its name (used by model builders). */
    public void set(String name, int instance, double value) {
        array(name)[instance] = value;
    }
}
