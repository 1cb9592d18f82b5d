package org.dendrite.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.SharedData;
import org.dendrite.io.fuzz.targets.Readers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The fuzzer's findings, minimised and committed under {@code io/src/test/resources/fuzz/TARGET/} (README.md there
 * says what each one did before its fix): each must now read or fail with a DendriteException naming the file.
 * They are also seeds of the fuzzer.
 */
@Tag("unit")
class FuzzFixturesTest {
    static final String[] TARGETS = {"swc", "asc", "hoc", "json", "csv", "nmodl", "abf", "mat", "nwb"};

    static Path dir(String target) {
        return SharedData.projectRoot().resolve("io/src/test/resources/fuzz").resolve(target);
    }

    static List<Path> fixtures(String target) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir(target))) return out;
        try (Stream<Path> s = Files.list(dir(target))) {
            s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> everyFindingNowReadsOrFailsCleanly() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String t : TARGETS) {
            for (Path f : fixtures(t)) {
                tests.add(DynamicTest.dynamicTest(t + "/" + f.getFileName(), () -> {
                    try {
                        new Readers().read(t, f);
                    } catch (DendriteException e) {
                        assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
                    } catch (Throwable e) {
                        fail(f + " ends in " + e, e);
                    }
                }));
            }
        }
        return tests;
    }
}
