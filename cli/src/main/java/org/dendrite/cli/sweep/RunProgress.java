package org.dendrite.cli.sweep;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of many model evaluations: a bar with rate and ETA on an interactive terminal; elsewhere (logs, CI) a
 * line at most every 10 s. Quiet prints nothing.
 */
public final class RunProgress implements AutoCloseable {
    private final boolean quiet, terminal;
    private final String task;
    private final long total;
    private final long start = System.nanoTime();
    private final PrintStream err;
    private long done, startDone, lastLine = System.nanoTime();
    private ProgressBar bar;

    public RunProgress(String task, long total, long alreadyDone, boolean quiet, PrintStream err) {
        this.task = task;
        this.total = total;
        this.done = alreadyDone;
        this.startDone = alreadyDone;
        this.quiet = quiet;
        this.err = err;
        this.terminal = !quiet && System.console() != null;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" runs", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                    .startsFrom(alreadyDone, Duration.ZERO)
                    // the terminal's stdout: the launcher filters stderr line by line, which would hide a bar
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.out)).build();
        }
    }

    public void step(String message) {
        advance(1, message);
    }

    /** {@code n} more runs done. */
    public void advance(long n, String message) {
        done += n;
        if (quiet) return;
        if (bar != null) {
            bar.stepTo(done);
            if (message != null) bar.setExtraMessage(message);
        } else if (System.nanoTime() - lastLine > 10_000_000_000L) {
            lastLine = System.nanoTime();
            double s = (System.nanoTime() - start) / 1e9;
            double rate = (done - startDone) / Math.max(1e-9, s);
            double eta = rate > 0 ? (total - done) / rate : Double.NaN;
            err.printf(Locale.ROOT, "%s: %d/%d runs, %.2f runs/s, ETA %s%s%n", task, done, total, rate, eta(eta),
                    message == null ? "" : " " + message);
        }
    }

    static String eta(double seconds) {
        if (!Double.isFinite(seconds)) return "?";
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** Runs per second since this progress started. */
    public double rate() {
        return (done - startDone) / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
