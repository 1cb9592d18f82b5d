package org.dendrite.cli.dataset;

import java.io.PrintWriter;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dendrite.io.dataset.Fetcher;

/**
 * One line per object fetched, and on an interactive terminal a progress bar (bytes, rate, ETA) for each download
 * that takes more than a moment.
 */
final class DownloadProgress implements Fetcher.Listener {
    private final PrintWriter out;
    private final boolean bar;
    private final boolean quiet;
    private ProgressBar current;
    private long size;
    private long startedNs;
    private long have;
    String key;

    DownloadProgress(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
        this.bar = !quiet && System.console() != null;
    }

    @Override
    public void started(String key, long size, long alreadyHave) {
        this.key = key;
        this.size = size;
        this.have = alreadyHave;
        this.startedNs = System.nanoTime();
    }

    @Override
    public void bytes(long done) {
        if (!bar) return;
        if (current == null) {
            if (System.nanoTime() - startedNs < 500_000_000L || done >= size) return;
            String name = key.substring(key.lastIndexOf('/') + 1);
            current = new ProgressBarBuilder().setTaskName(name).setInitialMax(size).setUnit(" MB", 1 << 20)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.out)).build();
        }
        current.stepTo(done);
    }

    @Override
    public void finished(String key, Fetcher.Outcome outcome) {
        if (current != null) {
            current.close();
            current = null;
        }
        if (quiet) return;
        String how = switch (outcome) {
            case DOWNLOADED -> "downloaded";
            case RESUMED -> "resumed at byte " + have + ", downloaded";
            case FROM_CACHE -> "from the cache";
            case ALREADY_THERE -> "already there";
        };
        out.println(how + "  " + key);
        out.flush();
    }

    void close() {
        if (current != null) current.close();
    }
}
