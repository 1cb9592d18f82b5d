package org.dendrite.io.swc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.io.MorphologyFormatException;
import org.dendrite.io.morph.MorphologyWarning;
import org.dendrite.io.morph.ReadResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SWC sample types outside 0-7 (e.g. 20) are read but warned about; --strict rejects them, as MorphIO does. */
@Tag("unit")
class SwcTypeRangeTest {
    @TempDir Path dir;

    @Test
    void typeTwentyWarnsWithLineAndStrictRejects() throws Exception {
        Path f = dir.resolve("t.swc");
        Files.writeString(f, "1 1 0 0 0 5 -1\n2 3 10 0 0 1 1\n3 20 20 0 0 1 2\n4 20 30 0 0 1 3\n");
        ReadResult r = SwcReader.readChecked(f);
        List<MorphologyWarning> w = r.warnings().stream().filter(x -> x.kind().equals("type-out-of-range")).toList();
        assertEquals(1, w.size(), r.warnings().toString());
        assertEquals(3, w.get(0).line(), "the first such sample's line");
        assertTrue(w.get(0).message().startsWith("2 sample(s) have a type outside SWC's 0-7, the first is sample 3 (type 20)"),
                w.get(0).message());
        MorphologyFormatException e = assertThrows(MorphologyFormatException.class, r::strict);
        assertTrue(e.getMessage().contains("t.swc") && e.getMessage().contains("type 20"), e.getMessage());
        // types 0-7 alone: no such warning
        Files.writeString(f, "1 1 0 0 0 5 -1\n2 7 10 0 0 1 1\n");
        assertTrue(SwcReader.readChecked(f).warnings().stream().noneMatch(x -> x.kind().equals("type-out-of-range")));
    }
}
