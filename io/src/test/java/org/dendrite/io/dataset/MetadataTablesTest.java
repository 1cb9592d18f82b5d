package org.dendrite.io.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.engine.DendriteException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class MetadataTablesTest {
    @TempDir Path dir;

    @Test
    void csvQuotingTypesAndJsonExports() throws IOException {
        Files.writeString(dir.resolve("virus.csv"), "virus_id,virus_name,floxed,titer,notes\r\n"
                + "RY_V_0001,\"AAV1-syn-GCaMP8m, lot \"\"7\"\"\",TRUE,1e13,\"two\nlines\"\r\n"
                + "RY_V_0002,AAV9-CaMKII,false,,\r\n");
        Files.writeString(dir.resolve("image.json"), "{\"image\": [{\"image_id\": \"RY_IMG_0001\", \"session_id\": \"RY_S_0001\", "
                + "\"x\": 512, \"y\": 512, \"frame_rate\": 30.5}]}");
        MetadataTables m = MetadataTables.read(dir);
        List<MetadataTables.Row> v = m.rows("virus");
        assertEquals(2, v.size());
        assertEquals("AAV1-syn-GCaMP8m, lot \"7\"", v.get(0).get("virus_name"));
        assertEquals("two\nlines", v.get(0).get("notes"));
        assertTrue(v.get(0).values().get("floxed").booleanValue());
        assertTrue(v.get(1).values().get("floxed").isBoolean() && !v.get(1).values().get("floxed").booleanValue());
        assertTrue(v.get(1).values().get("titer").isNull(), "empty cell = null");
        assertEquals(dir.resolve("virus.csv") + ": line 4", v.get(1).where(), "line numbers count the quoted line break");
        assertEquals(512, m.rows("image").get(0).values().get("x").intValue());
        assertEquals(List.of(), m.rows("ephys"));
        assertEquals("RY_IMG_0001", m.byId("RY_IMG_0001").id());
        assertEquals(1, m.find("virus", List.of("floxed=true")).size(), "booleans compare by their text");
        assertEquals(1, m.find("image", List.of("frame_rate=30.50")).size(), "numbers compare as numbers");
        assertEquals(1, m.find("virus", List.of("titer=")).size(), "COL= matches an empty cell");
    }

    @Test
    void badExportsNameFileAndPlace() throws IOException {
        Files.writeString(dir.resolve("image.json"), "[{\"image_id\": \"RY_IMG_0001\"}, {\"image_id\": \"RY_IMG_0002\", \"x\": \"wide\"}]");
        assertError(dir.resolve("image.json") + ": $[1] (image RY_IMG_0002): row does not match the image schema: $.x: ");
        Files.writeString(dir.resolve("image.json"), "[{\"image_id\": \"RY_IMG_0001\", \"colour\": 1}]");
        assertError("colour");
        Files.writeString(dir.resolve("image.json"), "[{\"image_id\": \"RY_IMG_0001\"}, {\"image_id\": \"RY_IMG_0001\"}]");
        assertError(dir.resolve("image.json") + ": $[1]: image ID RY_IMG_0001 appears twice");
        Files.writeString(dir.resolve("image.json"), "[{\"image_id\": ");
        assertError(dir.resolve("image.json") + ": not valid JSON");
        Files.delete(dir.resolve("image.json"));
        Files.writeString(dir.resolve("mouse.csv"), "mouse_id,weight,tail\nRY_M_0001,21.5,long\n");
        assertError(dir.resolve("mouse.csv") + ": line 1, column 3: 'tail' is not a column of mouse");
        Files.writeString(dir.resolve("mouse.csv"), "mouse_id,weight\nRY_M_0001,21.5,3\n");
        assertError(dir.resolve("mouse.csv") + ": line 2: 3 cells, expected 2");
        Files.writeString(dir.resolve("mouse.csv"), "mouse_id,notes\nRY_M_0001,\"open\n");
        assertError(dir.resolve("mouse.csv") + ": line 2: a quoted cell is not closed");
        Files.writeString(dir.resolve("mouse.csv"), "mouse_id,litter_id\nRY_M_0001,RY_M_0002\n");
        assertError("$.litter_id: ");
    }

    private void assertError(String part) {
        DendriteException e = assertThrows(DendriteException.class, () -> MetadataTables.read(dir));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
