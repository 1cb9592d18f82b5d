package org.dendrite.engine.mechanism.builtin;

import java.util.List;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.ArtificialCell;
import org.dendrite.engine.mechanism.EventContext;
import org.dendrite.engine.mechanism.PointProcessBlock;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.VectorInput;

/**
 * An artificial cell that fires at an explicit list of times (ms), like NEURON's {@code VecStim} with
 * {@code play()}: each time t ≥ 0 becomes a spike at t (in increasing order; delivery to targets adds the
 * NetCon delay). Times are given per instance with {@link #setInput} (values null).
 */
public final class VecStim extends PointProcessBlock implements ArtificialCell, VectorInput {
    public static final MechanismType TYPE = new MechanismType("VecStim", MechanismKind.ARTIFICIAL_CELL,
            List.of(Variable.assigned("index", "1")), List.of(), VecStim::new).receivingEvents();

    private final double[][] times;
    private final int[] next;
    private final SpikeSource[] sources;

    private VecStim(MechanismType type, int[] node, CellState s) {
        super(type, node, s);
        times = new double[count][];
        next = new int[count];
        sources = new SpikeSource[count];
        for (int k = 0; k < count; k++) {
            times[k] = new double[0];
            sources[k] = new SpikeSource(type.name() + "[" + k + "]");
        }
    }

    /** The spike times of instance k (ms, {@code values} unused); sorted, negative times dropped. */
    @Override
    public void setInput(int k, double[] t, double[] values) {
        times[k] = java.util.Arrays.stream(t).filter(x -> x >= 0).sorted().toArray();
    }

    @Override
    public SpikeSource source(int k) {
        return sources[k];
    }

    @Override
    public void initialize(CellState s) {}

    @Override
    public void start(double t, EventContext ctx) {
        for (int k = 0; k < count; k++) {
            next[k] = 0;
            if (times[k].length > 0) ctx.sendSelf(times[k][0], this, k, 1);
        }
    }

    @Override
    public void current(CellState s) {}

    @Override
    public void receive(int k, double t, double[] weight, double flag, EventContext ctx) {
        if (flag != 1) return; // external events do not affect a spike list
        ctx.spike(sources[k], t);
        next[k]++;
        if (next[k] < times[k].length) ctx.sendSelf(times[k][next[k]], this, k, 1);
    }
}
