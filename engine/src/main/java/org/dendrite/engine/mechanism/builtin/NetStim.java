package org.dendrite.engine.mechanism.builtin;

import java.util.List;
import java.util.SplittableRandom;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.mechanism.EventContext;
import org.dendrite.engine.mechanism.ArtificialCell;
import org.dendrite.engine.mechanism.PointProcessBlock;

/**
 * NEURON's NetStim artificial cell (neuron-numerics §9.5): {@code number} spikes, the first near
 * {@code start}, then every {@code interval} ms; with {@code noise} in (0, 1] intervals are partly
 * exponential. The random stream is dendrite's own (a seeded SplittableRandom per instance, seed from
 * parameter {@code seed}), so noisy spike trains are reproducible but not NEURON's.
 */
public final class NetStim extends PointProcessBlock implements ArtificialCell {
    public static final MechanismType TYPE = new MechanismType("NetStim", MechanismKind.ARTIFICIAL_CELL,
            List.of(Variable.parameter("interval", "ms", 10), Variable.parameter("number", "1", 10),
                    Variable.parameter("start", "ms", 50), Variable.parameter("noise", "1", 0),
                    Variable.parameter("seed", "1", 1)),
            List.of(), NetStim::new).receivingEvents();

    private final double[] interval = array("interval"), number = array("number"), start = array("start"),
            noise = array("noise"), seed = array("seed");
    private final double[] event, ispike;
    private final boolean[] on;
    private final SpikeSource[] sources;
    private final SplittableRandom[] random;

    private NetStim(MechanismType type, int[] node, CellState s) {
        super(type, node, s);
        event = new double[count];
        ispike = new double[count];
        on = new boolean[count];
        sources = new SpikeSource[count];
        random = new SplittableRandom[count];
        for (int k = 0; k < count; k++) sources[k] = new SpikeSource(type.name() + "[" + k + "]");
    }

    /** The spike source of instance k (NetCons attach here). */
    @Override
    public SpikeSource source(int k) {
        return sources[k];
    }

    @Override
    public void initialize(CellState s) {
        // nothing at nodes: the events are scheduled by start(), which needs the event context
    }

    /** INITIAL block: schedules the first self-event (called by the simulator after the queue is cleared). */
    @Override
    public void start(double t, EventContext ctx) {
        for (int k = 0; k < count; k++) {
            noise[k] = Math.min(1, Math.max(0, noise[k]));
            random[k] = new SplittableRandom((long) seed[k]);
            on[k] = false;
            ispike[k] = 0;
            if (start[k] >= 0 && number[k] > 0) {
                on[k] = true;
                event[k] = start[k] + invl(k, interval[k]) - interval[k] * (1 - noise[k]);
                if (event[k] < 0) event[k] = 0;
                ctx.sendSelf(t + event[k], this, k, 3);
            }
        }
    }

    private double invl(int k, double mean) {
        if (mean <= 0) mean = .01;
        if (noise[k] == 0) return mean;
        double e = -Math.log(1 - random[k].nextDouble());
        return (1 - noise[k]) * mean + noise[k] * mean * e;
    }

    @Override
    public void current(CellState s) {}

    @Override
    public void receive(int k, double t, double[] weight, double flag, EventContext ctx) {
        if (flag == 0) { // external event: a positive weight starts a sequence, a negative one stops it
            if (weight != null && weight[0] > 0 && !on[k]) {
                on[k] = true;
                ispike[k] = 0;
                event[k] = invl(k, interval[k]) - interval[k] * (1 - noise[k]);
                if (event[k] < 0) event[k] = 0;
                ctx.sendSelf(t + event[k], this, k, 1);
            } else if (weight != null && weight[0] < 0) {
                on[k] = false;
            }
        } else if (flag == 3) {
            if (on[k]) {
                on[k] = true;
                event[k] = 0;
                ispike[k] = 0;
                ctx.sendSelf(t + 0, this, k, 1);
            }
        } else if (flag == 1 && on[k]) {
            ispike[k] += 1;
            ctx.spike(sources[k], t);
            event[k] = invl(k, interval[k]);
            if (ispike[k] >= number[k]) on[k] = false;
            if (on[k]) ctx.sendSelf(t + event[k], this, k, 1);
        }
    }
}
