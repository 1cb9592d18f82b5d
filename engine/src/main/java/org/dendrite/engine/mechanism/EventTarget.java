package org.dendrite.engine.mechanism;

/** Something an event can be delivered to: a synapse or an artificial cell (NMODL's NET_RECEIVE). */
public interface EventTarget {
    /**
     * Delivers one event to instance {@code instance} at time {@code t} (ms).
     *
     * @param weight the NetCon's weight vector (null for self-events)
     * @param flag   0 for NetCon events, the sender's flag for self-events
     */
    void receive(int instance, double t, double[] weight, double flag, EventContext ctx);
}
