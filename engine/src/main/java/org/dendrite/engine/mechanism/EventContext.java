package org.dendrite.engine.mechanism;

/** What a NET_RECEIVE block may do: schedule a self-event, emit a spike from a source. */
public interface EventContext {
    void sendSelf(double deliveryTime, EventTarget target, int instance, double flag);

    /**
     * NMODL's {@code net_move}: the instance's pending self-event (its latest {@code net_send} not yet delivered)
     * is delivered at {@code newDeliveryTime} instead; nothing happens when there is none.
     */
    void moveSelf(EventTarget target, int instance, double newDeliveryTime);

    /** Emits a spike at time t from the source: every NetCon leaving it queues an event at t + delay. */
    void spike(SpikeSource source, double t);
}
