package org.dendrite.io.recording;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * jHDF logs through SLF4J 1.7, which prints a three-line "no binding" warning on stderr the first time a logger is
 * made when no SLF4J binding is on the class path (dendrite ships none). {@link #quiet()} makes that first logger
 * with stderr briefly silenced, so recording commands print only their own output. Once per JVM.
 */
public final class Hdf5Logging {
    private static boolean done;

    private Hdf5Logging() {}

    public static synchronized void quiet() {
        if (done) return;
        done = true;
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            Class.forName("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // no SLF4J on the class path: nothing to silence
        } finally {
            System.setErr(err);
        }
    }
}
