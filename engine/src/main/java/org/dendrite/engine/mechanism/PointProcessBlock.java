package org.dendrite.engine.mechanism;

import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * Instances of a point process. Currents are in nA and enter their node's equation scaled by
 * {@code f = 100/area} (neuron-numerics §5.3): membrane currents (synapses) as {@code rhs -= I f, d += g f},
 * electrode currents (clamps; positive depolarises) as {@code rhs += I f, d -= g f}.
 */
public abstract class PointProcessBlock extends MechanismBlock implements EventTarget {
    /** 100/area of each instance's node (1 at zero-area nodes). */
    protected final double[] f;

    protected PointProcessBlock(MechanismType type, int[] node, CellState s) {
        super(type, node);
        f = new double[count];
        for (int k = 0; k < count; k++) f[k] = 100.0 / s.area[node[k]];
    }

    /** Recomputes the area factors after the membrane areas changed during a run (a geometry edit). */
    public final void areaChanged(CellState s) {
        for (int k = 0; k < count; k++) f[k] = 100.0 / s.area[node[k]];
    }

    /** Default NET_RECEIVE: this point process takes no events. */
    @Override
    public void receive(int instance, double t, double[] weight, double flag, EventContext ctx) {
        throw new IllegalStateException(type.name() + " does not receive events");
    }

    /** Adds a membrane (outward-positive) current and its conductance, both already computed per instance. */
    protected final void addMembrane(CellState s, int k, double current, double conductance) {
        int n = node[k];
        s.rhs[n] -= current * f[k];
        s.d[n] += conductance * f[k];
    }

    /** Adds an electrode (inward-positive) current and its conductance. */
    protected final void addElectrode(CellState s, int k, double current, double conductance) {
        int n = node[k];
        s.rhs[n] += current * f[k];
        s.d[n] -= conductance * f[k];
    }
}
