package org.dendrite.cli.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code morph info} and {@code morph check} report one warning count: both take it from the one validation
 * result ({@code MorphologyFiles.readChecked}, SwcChecks/AscReader warnings). Checked on a file with several kinds
 * of warning and on every morphology of ../shared/data (when present).
 */
@Tag("cli")
class MorphWarningCountTest {
    static final Pattern CHECK_COUNT = Pattern.compile(", (\\d+) warning\\(s\\)\\s*$");

    /** [info's count, check's count, check's listed warning lines], or null when the file is refused (exit 2). */
    static int[] counts(Path f) throws Exception {
        var info = MorphCommandTest.run("morph", "info", f.toString(), "--json");
        var check = MorphCommandTest.run("morph", "check", f.toString());
        assertEquals(info.exit(), check.exit(), f + ": info and check must agree on refusing: " + info.err() + check.err());
        if (info.exit() != 0) return null;
        int fromInfo = new ObjectMapper().readTree(info.out()).get("warnings").asInt();
        Matcher m = CHECK_COUNT.matcher(check.out());
        assertTrue(m.find(), check.out());
        int listed = (int) check.out().lines().filter(l -> l.contains(": warning: ")).count();
        return new int[] {fromInfo, Integer.parseInt(m.group(1)), listed};
    }

    @Test
    void aFileWithSeveralWarningsGivesOneCount(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("warned.swc");
        // a type outside 0-7 (20), a sample 89 um from its parent along z, and a second one of type -1
        Files.writeString(f, "1 1 0 0 0 5 -1\n2 3 0 6 0 1 1\n3 20 0 9 0 1 2\n4 3 0 9 89 1 3\n5 -1 0 -6 0 0.5 1\n");
        int[] c = counts(f);
        assertTrue(c != null && c[0] >= 2, "expected at least two warnings, got " + (c == null ? "a refusal" : c[0]));
        assertEquals(c[0], c[1], "info vs check count");
        assertEquals(c[1], c[2], "check's count vs the warnings it lists");
    }

    @Test
    @Tag("data")
    void everySharedMorphologyGivesOneCount() throws Exception {
        SharedData.assumeAvailable();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SharedData.path("data"))) {
            s.filter(p -> p.toString().matches(".*\\.(swc|asc|SWC|ASC)$")).filter(p -> p.toFile().length() < 2_000_000)
                    .sorted().forEach(files::add);
        }
        int compared = 0;
        for (Path f : files) {
            int[] c = counts(f);
            if (c == null) continue;
            assertEquals(c[0], c[1], f + ": info vs check warning count");
            assertEquals(c[1], c[2], f + ": check's count vs the warnings it lists");
            compared++;
        }
        assertTrue(compared > 20, "compared " + compared + " files");
    }
}
