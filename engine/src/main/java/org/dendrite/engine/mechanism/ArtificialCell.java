package org.dendrite.engine.mechanism;

/** An artificial cell type (NetStim, VecStim): a spike source per instance, started at finitialize. */
public interface ArtificialCell {
    int count();

    /** The spike source of instance k (NetCons attach here). */
    SpikeSource source(int k);

    /** INITIAL block: schedules the first self-events once the event queue is cleared. */
    void start(double t, EventContext ctx);
}
