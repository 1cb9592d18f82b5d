package org.dendrite.cli.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.dendrite.engine.DendriteException;

/**
 * An exclusive lock on a sweep's results folder (an OS file lock on {@code DIR/sweep.lock}), so that two sweeps
 * never append to the same results files. The OS releases it when the process ends, however it ends; the
 * (empty) file stays.
 */
final class SweepLock implements AutoCloseable {
    static final String FILE = "sweep.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static SweepLock acquire(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held by this JVM (another sweep in the same process)
        } catch (IOException e) {
            ch.close();
            throw new IOException(f + ": cannot lock the results folder: " + e.getMessage(), e);
        }
        if (l == null) {
            ch.close();
            throw new DendriteException(dir + " is in use by another sweep (" + f + " is locked); wait for it to "
                    + "finish, or give another --out");
        }
        return new SweepLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
