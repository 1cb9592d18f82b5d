package org.dendrite.engine;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Locates {@code ../shared} (beside the project root) for tests that read the shared reference material. */
public final class SharedData {
    private SharedData() {}

    /** The project root: the {@code dendrite.root} property set by Surefire, else found upward from the cwd. */
    public static Path projectRoot() {
        String p = System.getProperty("dendrite.root");
        if (p != null && Files.isRegularFile(Path.of(p, "pom.xml"))) return Path.of(p).toAbsolutePath().normalize();
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("engine"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("cannot find the project root from " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** A path under {@code ../shared}; the calling test is skipped (not failed) when shared/ is absent. */
    public static Path path(String relative) {
        Path shared = projectRoot().resolveSibling("shared");
        Assumptions.assumeTrue(Files.isDirectory(shared), "../shared is not present beside the project root");
        return shared.resolve(relative);
    }
}
