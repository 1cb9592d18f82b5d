package org.dendrite.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dendrite.engine.sim.Simulation;

/**
 * A progress bar with ETA on the terminal for long work, shown only on an interactive terminal (so logs and CI
 * output stay clean) and only once the work has run for a second.
 */
final class Progress implements Simulation.ProgressListener, AutoCloseable {
    private final boolean enabled;
    private final String task;
    private final long start = System.nanoTime();
    private ProgressBar bar;

    private Progress(boolean enabled, String task) {
        this.enabled = enabled;
        this.task = task;
    }

    static Progress forSteps(boolean quiet, String task) {
        return new Progress(!quiet && System.console() != null, task);
    }

    @Override
    public void progress(long done, long total, double tMs) {
        if (!enabled) return;
        if (bar == null) {
            if (System.nanoTime() - start < 1_000_000_000L || done >= total) return;
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" steps", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    // stdout is the terminal here (System.console() != null); the launcher filters stderr by lines
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.out)).build();
        }
        bar.stepTo(done);
        bar.setExtraMessage(String.format(java.util.Locale.ROOT, "t=%.1f ms", tMs));
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
