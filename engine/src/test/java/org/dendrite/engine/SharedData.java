package org.dendrite.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared} (beside the project root) for tests that read the shared reference material.
 * Every such test is tagged {@code data} and is reported as SKIPPED (never failed, never missing) when
 * {@code ../shared} is absent, as on a fresh clone: {@link #path} skips the calling test, and
 * {@link #cases} gives parameterized tests one placeholder argument so that they appear in the report.
 */
public final class SharedData {
    private SharedData() {}

    /** The placeholder argument that {@link #cases} returns when ../shared is absent. */
    public static final String ABSENT = "../shared absent";

    /** The project root: the {@code dendrite.root} property set by Surefire, else found upward from the cwd. */
    public static Path projectRoot() {
        String p = System.getProperty("dendrite.root");
        if (p != null && Files.isRegularFile(Path.of(p, "pom.xml"))) return Path.of(p).toAbsolutePath().normalize();
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("engine"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("cannot find the project root from " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** Whether {@code ../shared} is present (the {@code dendrite.noshared} property pretends it is not). */
    public static boolean available() {
        if (Boolean.getBoolean("dendrite.noshared")) return false;
        return Files.isDirectory(projectRoot().resolveSibling("shared"));
    }

    /** Skips the calling test when ../shared is absent. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "../shared is not present beside the project root");
    }

    /** A path under {@code ../shared}; the calling test is skipped (not failed) when shared/ is absent. */
    public static Path path(String relative) {
        assumeAvailable();
        return projectRoot().resolveSibling("shared").resolve(relative);
    }

    /**
     * Arguments of a parameterized test that reads ../shared: {@code cases} when ../shared is present, else the
     * single argument {@link #ABSENT} (the test body's first {@link #path} call then skips it), so that the test
     * is counted as skipped instead of vanishing from the report.
     */
    @SuppressWarnings("unchecked")
    public static <T> Stream<T> cases(Callable<? extends java.util.Collection<? extends T>> cases) throws Exception {
        if (!available()) return (Stream<T>) Stream.of(ABSENT);
        return ((java.util.Collection<T>) cases.call()).stream();
    }

    /** As {@link #cases} for {@code Object[]} argument rows: the placeholder row is {@code {ABSENT, null...}}. */
    public static List<Object[]> rows(int width, Callable<List<Object[]>> rows) throws Exception {
        if (!available()) {
            Object[] r = new Object[width];
            r[0] = ABSENT;
            return List.<Object[]>of(r);
        }
        return rows.call();
    }
}
