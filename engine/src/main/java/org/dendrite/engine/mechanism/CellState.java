package org.dendrite.engine.mechanism;

import java.util.Map;

import org.dendrite.engine.mechanism.IonPool;

/**
 * The per-node arrays every mechanism reads and writes during a step, plus the clock. Node-indexed arrays
 * have one entry per matrix node (NEURON's numbering, parents before children).
 */
public final class CellState {
    /** Membrane potential, mV. */
    public final double[] v;
    /** Right-hand side of the node equations: mA/cm2 at membrane nodes, nA at zero-area nodes. */
    public final double[] rhs;
    /** Diagonal of the node equations: S/cm2 at membrane nodes, uS at zero-area nodes. */
    public final double[] d;
    /** Membrane area, um2; the conventional 100 at zero-area nodes (end and root nodes). */
    public final double[] area;
    /** Segment diameter, um (NMODL's {@code diam}); 0 at zero-area nodes. */
    public final double[] diam;
    private final Map<String, IonPool> ions;

    /** Simulation time, ms (advanced as two half steps, neuron-numerics §6.3). */
    public double t;
    /** Time step, ms. */
    public double dt;
    /** Temperature, degC. */
    public double celsius = 6.3;
    /** 0 backward Euler, 1 or 2 Crank–Nicolson (2 with the ion-current correction). */
    public int secondorder;

    public CellState(int nodeCount, double[] area, double[] diam, Map<String, IonPool> ions) {
        if (area.length != nodeCount || diam.length != nodeCount) {
            throw new IllegalArgumentException("area and diam need one value per node");
        }
        this.diam = diam;
        this.v = new double[nodeCount];
        this.rhs = new double[nodeCount];
        this.d = new double[nodeCount];
        this.area = area;
        this.ions = ions;
    }

    public int nodeCount() {
        return v.length;
    }

    /** The ion pool of that species; it exists when a mechanism declared it. */
    public IonPool ion(String name) {
        IonPool p = ions.get(name);
        if (p == null) throw new IllegalStateException("no mechanism uses ion " + name);
        return p;
    }

    public Map<String, IonPool> ions() {
        return ions;
    }
}
