package org.dendrite.io.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The probe arrays of the instrumented classes. JaCoCo's instrumenter inserts, at each class's first use, a call
 * to {@link #get} (see {@link CoverageLoader}); the class then sets its probes (one boolean per branch edge /
 * straight-line block) in the returned array. The fuzzer reads and clears them after every input.
 */
public final class Probes {
    private static final Map<Long, boolean[]> BY_CLASS = new HashMap<>();
    private static final List<boolean[]> ALL = new ArrayList<>();

    private Probes() {}

    /** Called by instrumented code: the probe array of class {@code classId} (one per class and run). */
    public static synchronized boolean[] get(long classId, String className, int probeCount) {
        return BY_CLASS.computeIfAbsent(classId, k -> {
            boolean[] a = new boolean[probeCount];
            ALL.add(a);
            return a;
        });
    }

    /** Forgets every class (a new target gets a new class loader and new arrays). */
    static synchronized void clear() {
        BY_CLASS.clear();
        ALL.clear();
    }

    /** The arrays registered so far, in registration order (the order is stable for a given run). */
    static synchronized List<boolean[]> arrays() {
        return new ArrayList<>(ALL);
    }
}
