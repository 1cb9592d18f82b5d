package org.dendrite.io.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dendrite.engine.DendriteException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DatasetKeyTest {
    @Test
    void validKeysAndPrefixes() {
        assertEquals("yuste/20250620/image/raw/sample_image.tif", DatasetKey.checkKey("yuste/20250620/image/raw/sample_image.tif"));
        assertEquals("yuste/20250620/image/raw/sample_image.tif",
                DatasetKey.checkKey("s3://dendriticconsortium/yuste/20250620/image/raw/sample_image.tif"));
        assertEquals("segev/20250701/model/script/sub/dir/run.py", DatasetKey.checkKey("s3://dendritic-consortium/segev/20250701/model/script/sub/dir/run.py"));
        for (String p : new String[] {"", "yuste", "yuste/", "yuste/2025", "yuste/20250620/", "yuste/20250620/ep",
                "yuste/20250620/ephys/", "yuste/20250620/ephys/pro", "yuste/20250620/ephys/raw/cell"}) {
            assertEquals(p, DatasetKey.checkPrefix(p));
        }
        assertTrue(DatasetKey.isFileKey("yuste/20250620/ephys/raw/cell1.abf"));
        assertFalse(DatasetKey.isFileKey("yuste/20250620/ephys/raw/"));
    }

    @Test
    void layoutViolationsSayWhatWasExpected() {
        assertBad("yuste/20250230/", "date folder '20250230' is not a calendar date");
        assertBad("yuste/2025062/ephys/", "date folder '2025062' must be YYYYMMDD");
        assertBad("yuste/20250620/ephys/v2/", "version 'v2' is not one of raw, processed, roi, script");
        assertBad("yuste/20250620/spikes/", "object type 'spikes' is not one of analysis, behavior");
        assertBad("Yuste/", "lab folder 'Yuste'");
        assertBad("yuste//20250620/", "empty folder name at position 2");
        DendriteException e = assertThrows(DendriteException.class, () -> DatasetKey.checkKey("yuste/20250620/ephys/raw/"));
        assertTrue(e.getMessage().contains("expected a file key lab/YYYYMMDD/object-type/version/FILE"), e.getMessage());
        e = assertThrows(DendriteException.class, () -> DatasetKey.checkKey("s3://my-bucket/yuste/"));
        assertTrue(e.getMessage().contains("bucket 'my-bucket' is not the consortium's"), e.getMessage());
    }

    private static void assertBad(String prefix, String part) {
        DendriteException e = assertThrows(DendriteException.class, () -> DatasetKey.checkPrefix(prefix));
        assertTrue(e.getMessage().startsWith("key '" + prefix + "': ") && e.getMessage().contains(part), e.getMessage());
    }
}
