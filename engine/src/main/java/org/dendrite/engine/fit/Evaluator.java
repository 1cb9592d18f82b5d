package org.dendrite.engine.fit;

import java.util.List;

/**
 * Where the evaluations of a sweep or a fit run: the thread pool of this JVM ({@link Workers}) or a cluster
 * (the spark module). The evaluation of one parameter set is always {@link Sweep#run} or
 * {@link FitProblem#objectives(double[])}, and the order in which results are written is always decided by the
 * caller (the sweep's results log, the fit's generation loop), so every backend gives the same numbers.
 */
public interface Evaluator extends AutoCloseable {
    /** How many evaluations run at once (threads, or cluster cores). */
    int parallelism();

    /** For messages: "4 threads", "Spark local[2] (2 cores)". */
    String describe();

    /**
     * Objective vectors of {@code values[k]} (parameter values in model units), in the order of {@code values}.
     */
    List<double[]> objectives(FitProblem problem, double[][] values);

    /**
     * Runs {@code sweep} at each index of {@code indices}, handing each row to {@code sink} on the calling thread
     * as soon as it is back (completion order). When the sink returns false no further run is started.
     */
    void runs(Sweep sweep, int[] indices, boolean keepTraces, Workers.Sink<Sweep.Row> sink);

    @Override
    void close();
}
