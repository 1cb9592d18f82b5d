package org.dendrite.engine.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.dendrite.engine.DendriteException;

/**
 * A fixed pool of worker threads, one independent simulation per worker at a time. Results never depend on the
 * number of threads: each task is a pure function of its index, and results are returned by index.
 */
public final class Workers implements Evaluator {
    private final int threads;
    private final ExecutorService pool;

    public Workers(int threads) {
        if (threads < 1) throw new DendriteException("number of threads must be >= 1");
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "dendrite-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, tf);
    }

    /** All available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public String describe() {
        return threads + " threads";
    }

    @Override
    public List<double[]> objectives(FitProblem problem, double[][] values) {
        return map(values.length, k -> problem.objectives(values[k]));
    }

    @Override
    public void runs(Sweep sweep, int[] indices, boolean keepTraces, Sink<Sweep.Row> sink) {
        stream(indices, k -> sweep.run(k, keepTraces), sink);
    }

    /** Evaluates {@code task} at 0..n-1 and returns the results in index order. */
    public <T> List<T> map(int n, IntFunction<T> task) {
        List<Future<T>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            final int k = i;
            futures.add(pool.submit(() -> task.apply(k)));
        }
        List<T> out = new ArrayList<>(n);
        try {
            for (Future<T> f : futures) out.add(f.get());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new DendriteException("interrupted");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw rethrow(e.getCause());
        }
        return out;
    }

    /** Receives results in completion order, on the calling thread. */
    public interface Sink<T> {
        /** Returns false to stop: no further task is started (tasks already running finish and are delivered). */
        boolean accept(int index, T result);
    }

    /**
     * Evaluates {@code task} for every index in {@code indices}, handing each result to {@code sink} (on the calling
     * thread) as soon as it is done. At most {@code threads} tasks are queued beyond those running, so stopping
     * early wastes little work.
     */
    public <T> void stream(int[] indices, IntFunction<T> task, Sink<T> sink) {
        LinkedBlockingQueue<Object[]> done = new LinkedBlockingQueue<>();
        int next = 0, inFlight = 0, window = 2 * threads;
        boolean stop = false;
        List<Future<?>> futures = new ArrayList<>();
        try {
            while (true) {
                while (!stop && next < indices.length && inFlight < window) {
                    final int idx = indices[next++];
                    futures.add(pool.submit(() -> {
                        try {
                            done.add(new Object[] {idx, task.apply(idx), null});
                        } catch (Throwable t) {
                            done.add(new Object[] {idx, null, t});
                        }
                    }));
                    inFlight++;
                }
                if (inFlight == 0) break;
                Object[] r = done.take();
                inFlight--;
                if (r[2] != null) {
                    stop = true;
                    drain(done, inFlight);
                    throw rethrow((Throwable) r[2]);
                }
                @SuppressWarnings("unchecked") T value = (T) r[1];
                if (!sink.accept((Integer) r[0], value)) stop = true;
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new DendriteException("interrupted");
        }
    }

    private static void drain(LinkedBlockingQueue<Object[]> done, int inFlight) throws InterruptedException {
        for (int i = 0; i < inFlight; i++) done.take();
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new DendriteException(t.toString());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
