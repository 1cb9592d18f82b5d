package org.dendrite.cli.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.dendrite.engine.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/**
 * {@code morph info --json} (NEURON's and Arbor's soma reading) and {@code morph check} on every morphology file of ../shared/data: exit code 0
 * (read) or 2 (rejected, one line on stderr naming the file), never an internal error.
 */
@Tag("cli")
@Tag("data")
class MorphAllFilesTest {

    /** Reads ../shared: skipped (and counted) when it is absent. */
    @org.junit.jupiter.api.BeforeEach
    void needsShared() {
        org.dendrite.engine.SharedData.assumeAvailable();
    }
    static Stream<Object> files() throws Exception {
        return SharedData.cases(() -> {
            try (Stream<Path> s = Files.walk(SharedData.path("data"))) {
                return s.filter(p -> p.toString().matches(".*\\.(swc|asc|unknown)$")).sorted().toList();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readOrRejectedCleanly(Path file) {
        for (String verb : new String[] {"info", "check", "arbor"}) {
            MorphCommandTest.Run r = switch (verb) {
                case "info" -> MorphCommandTest.run("morph", "info", file.toString(), "--json");
                case "arbor" -> MorphCommandTest.run("morph", "info", file.toString(), "--json", "--soma", "arbor");
                default -> MorphCommandTest.run("morph", "check", file.toString());
            };
            assertTrue(r.exit() == 0 || r.exit() == 2, verb + " exit " + r.exit() + ": " + r.err());
            if (r.exit() == 2) {
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertTrue(r.err().startsWith("dendrite: error: " + file), r.err());
            } else {
                assertEquals("", r.err());
            }
        }
    }
}
