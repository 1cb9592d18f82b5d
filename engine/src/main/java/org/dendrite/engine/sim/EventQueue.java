package org.dendrite.engine.sim;

import org.dendrite.engine.mechanism.EventTarget;
import org.dendrite.engine.mechanism.EventContext;

/**
 * Pending events ordered by delivery time; events with equal times leave in the order they were queued.
 * A binary heap over parallel arrays: no allocation per event once grown.
 */
public final class EventQueue {
    private double[] time = new double[64];
    private long[] seq = new long[64];
    private EventTarget[] target = new EventTarget[64];
    private int[] instance = new int[64];
    private double[][] weight = new double[64][];
    private double[] flag = new double[64];
    private int size;
    private long counter;

    public void clear() {
        java.util.Arrays.fill(target, 0, size, null);
        java.util.Arrays.fill(weight, 0, size, null);
        size = 0;
        counter = 0;
    }

    public int size() { return size; }

    public void add(double t, EventTarget tgt, int inst, double[] w, double f) {
        if (size == time.length) grow();
        int i = size++;
        time[i] = t; seq[i] = counter++; target[i] = tgt; instance[i] = inst; weight[i] = w; flag[i] = f;
        siftUp(i);
    }

    /**
     * NMODL's {@code net_move}: the self-event most recently queued by ({@code tgt}, {@code inst}) and not yet
     * delivered gets delivery time {@code t}, as if it were queued anew (it goes after events already queued for
     * that time).
     *
     * @return false when that instance has no pending self-event
     */
    public boolean move(EventTarget tgt, int inst, double t) {
        int found = -1;
        for (int i = 0; i < size; i++) {
            if (target[i] == tgt && instance[i] == inst && weight[i] == null && (found < 0 || seq[i] > seq[found])) found = i;
        }
        if (found < 0) return false;
        time[found] = t;
        seq[found] = counter++;
        siftUp(found);
        for (int i = 0; i < size; i++) if (target[i] == tgt && instance[i] == inst && seq[i] == counter - 1) siftDown(i);
        return true;
    }

    /** Delivery time of the earliest event, +infinity when empty. */
    public double peekTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : time[0];
    }

    /** Target of the earliest event, null when empty. */
    public EventTarget peekTarget() {
        return size == 0 ? null : target[0];
    }

    /** Removes the earliest event and delivers it. */
    public void deliverFirst(EventContext ctx) {
        double t = time[0];
        EventTarget tgt = target[0];
        int inst = instance[0];
        double[] w = weight[0];
        double f = flag[0];
        size--;
        if (size > 0) {
            move(size, 0);
            siftDown(0);
        }
        target[size] = null;
        weight[size] = null;
        tgt.receive(inst, t, w, f, ctx);
    }

    private boolean less(int a, int b) {
        return time[a] < time[b] || (time[a] == time[b] && seq[a] < seq[b]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) >> 1;
            if (!less(i, p)) break;
            swap(i, p);
            i = p;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < size && less(l, m)) m = l;
            if (r < size && less(r, m)) m = r;
            if (m == i) return;
            swap(i, m);
            i = m;
        }
    }

    private void move(int from, int to) {
        time[to] = time[from]; seq[to] = seq[from]; target[to] = target[from];
        instance[to] = instance[from]; weight[to] = weight[from]; flag[to] = flag[from];
    }

    private void swap(int a, int b) {
        double t = time[a]; time[a] = time[b]; time[b] = t;
        long s = seq[a]; seq[a] = seq[b]; seq[b] = s;
        EventTarget g = target[a]; target[a] = target[b]; target[b] = g;
        int n = instance[a]; instance[a] = instance[b]; instance[b] = n;
        double[] w = weight[a]; weight[a] = weight[b]; weight[b] = w;
        double f = flag[a]; flag[a] = flag[b]; flag[b] = f;
    }

    private void grow() {
        int n = time.length * 2;
        time = java.util.Arrays.copyOf(time, n);
        seq = java.util.Arrays.copyOf(seq, n);
        target = java.util.Arrays.copyOf(target, n);
        instance = java.util.Arrays.copyOf(instance, n);
        weight = java.util.Arrays.copyOf(weight, n);
        flag = java.util.Arrays.copyOf(flag, n);
    }
}
