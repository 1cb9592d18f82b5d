package org.dendrite.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SimpleFutureAction;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.fit.Evaluator;
import org.dendrite.engine.fit.FitProblem;
import org.dendrite.engine.fit.Sweep;
import org.dendrite.engine.fit.Workers;
import org.dendrite.engine.mechanism.RateKernels;

/**
 * Evaluations as Spark tasks. The problem reaches the executors once, as a broadcast {@link Recipe} rebuilt once
 * per executor JVM; each task evaluates a slice of consecutive run indices (or individuals) with the same
 * {@link Sweep#run} / {@link FitProblem#objectives(double[])} the thread pool calls, and its rows come back to
 * the driver as soon as the task ends ({@code submitJob}'s result handler), where the caller writes them exactly
 * as for local threads. A task that dies with its executor is re-run by Spark (its slice is delivered once, and the
 * results log ignores a run it already holds), so no row is lost or written twice.
 */
final class SparkEvaluator implements Evaluator {
    private final JavaSparkContext jsc;
    private final Recipe recipe;
    private final Broadcast<Recipe> broadcast;
    private final int runsPerTask;
    private final boolean failFirstAttempts;

    SparkEvaluator(JavaSparkContext jsc, Recipe recipe) {
        this.jsc = jsc;
        this.recipe = recipe;
        this.broadcast = jsc.broadcast(recipe);
        this.runsPerTask = jsc.getConf().getInt("spark.dendrite.runsPerTask", 0);
        // test hook, as a Spark setting or a local property of the submitting thread
        this.failFirstAttempts = jsc.getConf().getBoolean("spark.dendrite.test.failFirstAttempts", false)
                || "true".equals(jsc.getLocalProperty("spark.dendrite.test.failFirstAttempts"));
    }

    @Override
    public int parallelism() {
        return jsc.defaultParallelism();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Spark %s (%d cores)", jsc.master(), parallelism());
    }

    /** Consecutive slices of {@code per} indices (the last may be shorter). */
    private static int[][] slices(int n, int per) {
        int[][] out = new int[(n + per - 1) / per][];
        for (int s = 0; s < out.length; s++) {
            int from = s * per, to = Math.min(n, from + per);
            out[s] = new int[to - from];
            for (int k = from; k < to; k++) out[s][k - from] = k;
        }
        return out;
    }

    @Override
    public void runs(Sweep sweep, int[] indices, boolean keepTraces, Workers.Sink<Sweep.Row> sink) {
        if (indices.length == 0) return;
        List<int[]> chunks = new ArrayList<>();
        // about four tasks per core, at most 64 runs each (or spark.dendrite.runsPerTask)
        int per = runsPerTask > 0 ? runsPerTask
                : Math.max(1, Math.min(64, (indices.length + 4 * parallelism() - 1) / Math.max(1, 4 * parallelism())));
        for (int[] s : slices(indices.length, per)) {
            int[] c = new int[s.length];
            for (int k = 0; k < s.length; k++) c[k] = indices[s[k]];
            chunks.add(c);
        }
        submit(chunks, new SweepTask(broadcast, keepTraces, RateKernels.INSTANCE != null, failFirstAttempts),
                (slice, rows) -> {
                    for (Object r : rows) {
                        Sweep.Row row = (Sweep.Row) r;
                        if (!sink.accept(row.index(), row)) return false;
                    }
                    return true;
                });
    }

    @Override
    public List<double[]> objectives(FitProblem problem, double[][] values) {
        List<FitChunk> chunks = new ArrayList<>();
        // one individual per task: a fit's evaluations are whole protocols, long beside a task's overhead
        for (int[] s : slices(values.length, 1)) chunks.add(new FitChunk(s[0], Arrays.copyOfRange(values, s[0], s[0] + s.length)));
        double[][] out = new double[values.length][];
        submit(chunks, new FitTask(broadcast, RateKernels.INSTANCE != null, failFirstAttempts), (slice, objs) -> {
            FitChunk c = chunks.get(slice);
            for (int k = 0; k < objs.size(); k++) out[c.first() + k] = (double[]) objs.get(k);
            return true;
        });
        for (double[] o : out) if (o == null) throw new DendriteException("Spark returned no result for an individual");
        return List.of(out);
    }

    /** Receives one task's results on the calling thread; false cancels the job. */
    private interface SliceSink {
        boolean accept(int slice, ArrayList<Object> results);
    }

    /**
     * Runs one task per element, handing each task's results to {@code sink} on this thread as tasks finish.
     * The result handler itself runs on Spark's scheduler thread, so it only queues.
     */
    private <E> void submit(List<E> elements, AbstractFunction1<scala.collection.Iterator<E>, ArrayList<Object>> task,
                            SliceSink sink) {
        JavaRDD<E> rdd = jsc.parallelize(elements, elements.size());
        LinkedBlockingQueue<Object[]> done = new LinkedBlockingQueue<>();
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) parts.add(i);
        Seq<Object> partitions = CollectionConverters.asScala(parts).toSeq();
        SimpleFutureAction<BoxedUnit> job = jsc.sc().submitJob(rdd.rdd(), task, partitions,
                new AbstractFunction2<Object, ArrayList<Object>, BoxedUnit>() {
                    @Override
                    public BoxedUnit apply(Object index, ArrayList<Object> results) {
                        done.add(new Object[] {index, results});
                        return BoxedUnit.UNIT;
                    }
                },
                new AbstractFunction0<BoxedUnit>() {
                    @Override
                    public BoxedUnit apply() {
                        return BoxedUnit.UNIT;
                    }
                });
        int received = 0;
        try {
            while (received < elements.size()) {
                Object[] r = done.poll(100, TimeUnit.MILLISECONDS);
                if (r == null) {
                    if (job.isCompleted() && done.isEmpty()) {
                        failure(job);
                        if (done.isEmpty()) throw new DendriteException("Spark job ended with results missing");
                    }
                    continue;
                }
                received++;
                @SuppressWarnings("unchecked") ArrayList<Object> results = (ArrayList<Object>) r[1];
                if (!sink.accept((Integer) r[0], results)) {
                    job.cancel();
                    return;
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new DendriteException("interrupted");
        } catch (RuntimeException e) {
            if (!job.isCompleted()) job.cancel();
            throw e;
        }
    }

    private static void failure(SimpleFutureAction<BoxedUnit> job) {
        var value = job.value();
        if (value.isDefined() && value.get().isFailure()) {
            Throwable t = value.get().failed().get();
            String msg = t.getMessage() == null ? t.toString() : t.getMessage();
            // the user's error is in the task's exception; Spark prefixes it with its stage and attempt
            int at = msg.indexOf("DendriteException: ");
            if (at >= 0) msg = msg.substring(at + "DendriteException: ".length()).lines().findFirst().orElse(msg);
            throw new DendriteException("Spark job failed: " + msg);
        }
    }

    @Override
    public void close() {
        broadcast.destroy();
    }

    /** Individuals {@code first, first+1, ...} of a generation. */
    record FitChunk(int first, double[][] values) implements Serializable {}

    /** The task test hook: the first attempt of every odd task fails, as if its executor had been lost. */
    static void maybeFail(boolean failFirstAttempts) {
        TaskContext tc = TaskContext.get();
        if (failFirstAttempts && tc != null && tc.attemptNumber() == 0 && tc.partitionId() % 2 == 1) {
            throw new IllegalStateException("simulated executor loss (spark.dendrite.test.failFirstAttempts)");
        }
    }

    /** Results are bit-identical only if the executors compute exponentials as the driver does. */
    static void checkKernels(boolean driverHasVectorKernels) {
        boolean mine = RateKernels.INSTANCE != null;
        if (mine != driverHasVectorKernels) {
            throw new DendriteException("this executor " + (mine ? "has" : "lacks") + " the Vector API kernels and the driver "
                    + (driverHasVectorKernels ? "has" : "lacks")
                    + " them, so results would differ in the last bits: run driver and executors alike "
                    + "(--add-modules jdk.incubator.vector, or -Ddendrite.vector=false on both)");
        }
    }

    static final class SweepTask extends AbstractFunction1<scala.collection.Iterator<int[]>, ArrayList<Object>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Recipe> recipe;
        private final boolean keepTraces, vector, failFirstAttempts;

        SweepTask(Broadcast<Recipe> recipe, boolean keepTraces, boolean vector, boolean failFirstAttempts) {
            this.recipe = recipe;
            this.keepTraces = keepTraces;
            this.vector = vector;
            this.failFirstAttempts = failFirstAttempts;
        }

        @Override
        public ArrayList<Object> apply(scala.collection.Iterator<int[]> it) {
            checkKernels(vector);
            Sweep sweep = (Sweep) recipe.value().prepared();
            ArrayList<Object> rows = new ArrayList<>();
            while (it.hasNext()) {
                int[] chunk = it.next();
                for (int k = 0; k < chunk.length; k++) {
                    rows.add(sweep.run(chunk[k], keepTraces));
                    if (k == chunk.length / 2) maybeFail(failFirstAttempts);
                }
            }
            return rows;
        }
    }

    static final class FitTask extends AbstractFunction1<scala.collection.Iterator<FitChunk>, ArrayList<Object>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Recipe> recipe;
        private final boolean vector, failFirstAttempts;

        FitTask(Broadcast<Recipe> recipe, boolean vector, boolean failFirstAttempts) {
            this.recipe = recipe;
            this.vector = vector;
            this.failFirstAttempts = failFirstAttempts;
        }

        @Override
        public ArrayList<Object> apply(scala.collection.Iterator<FitChunk> it) {
            checkKernels(vector);
            FitProblem problem = (FitProblem) recipe.value().prepared();
            ArrayList<Object> out = new ArrayList<>();
            while (it.hasNext()) {
                FitChunk c = it.next();
                for (double[] v : c.values()) out.add(problem.objectives(v));
                maybeFail(failFirstAttempts);
            }
            return out;
        }
    }
}
