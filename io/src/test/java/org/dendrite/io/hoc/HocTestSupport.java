package org.dendrite.io.hoc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.net.URISyntaxException;

/** Small helpers for the HOC tests: run source and capture what it prints. */
final class HocTestSupport {
    private HocTestSupport() {}

    /** Runs HOC source in a fresh interpreter and returns its standard output. */
    static String run(String source) {
        return run(new HocInterpreter(), source);
    }

    static String run(HocInterpreter in, String source) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = in.out();
        in.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            in.execute(source, "test.hoc");
        } finally {
            in.out().flush();
            in.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** Runs a HOC file and returns its standard output. */
    static String runFile(HocInterpreter in, Path file) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = in.out();
        in.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            in.loadFile(file);
        } finally {
            in.out().flush();
            in.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** A test resource under hoc/ as a path. */
    static Path resource(String name) {
        try {
            return Path.of(HocTestSupport.class.getResource("/hoc/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource hoc/" + name, e);
        }
    }
}
