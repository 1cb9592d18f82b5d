package org.dendrite.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails half-way (a full disk) names the file and leaves the old file, and no temporary file. */
@Tag("unit")
class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void diskFullNamesTheFileAndKeepsTheOldContents() throws IOException {
        Path f = dir.resolve("traces.csv");
        Files.writeString(f, "old\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        assertEquals(f + ": cannot write: No space left on device (nothing was written)", e.getMessage());
        assertEquals("old\n", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the old file: no .part left");
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamed() {
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(Path.of("/proc/dendrite-x/a.csv"), out -> {}));
        assertTrue(e.getMessage().startsWith("/proc/dendrite-x/a.csv: cannot write: "), e.getMessage());
        assertTrue(e.getMessage().contains("/proc/dendrite-x"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}
