package org.dendrite.io.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TableSchemasTest {
    /** The bundled table descriptions are the consortium's files, byte for byte (model.json = upstream mode.json). */
    @Test
    @Tag("data")
    void bundledCopiesEqualTheSharedOnes() throws IOException {
        Path dir = SharedData.path("data/consortium/json-schemas");
        for (String t : TableSchemas.TABLES) {
            Path shared = dir.resolve(t.equals("model") ? "mode.json" : t + ".json");
            try (InputStream in = TableSchemas.class.getResourceAsStream("schemas/" + t + ".json")) {
                assertEquals(Files.readString(shared), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), t);
            }
        }
    }

    /** Column counts as metadata.md lists them; each table's key and ID prefix. */
    @Test
    @Tag("unit")
    void tablesColumnsAndKeys() {
        assertEquals(12, TableSchemas.all().size());
        int[] counts = {6, 9, 8, 9, 20, 9, 7, 11, 9, 12, 8, 7};
        for (int i = 0; i < counts.length; i++) assertEquals(counts[i], TableSchemas.table(TableSchemas.TABLES.get(i)).columns().size(), TableSchemas.TABLES.get(i));
        assertEquals("mouse_id", TableSchemas.table("mouse").primaryKey());
        assertEquals("cell_dataset_id", TableSchemas.table("cell_detection_dataset").primaryKey());
        assertEquals("micro_ct_id", TableSchemas.table("micro_ct_dataset").primaryKey());
        assertEquals("float", TableSchemas.table("ephys").column("sampling_rate").type());
    }

    @Test
    @Tag("unit")
    void rowSchemasAcceptGoodRowsAndRejectBadOnes() throws IOException {
        ObjectMapper om = new ObjectMapper();
        var virus = TableSchemas.table("virus").schema();
        ObjectNode good = (ObjectNode) om.readTree("{\"virus_id\": \"RY_V_0001\", \"plasmid_id\": \"ML_P_0002\", \"floxed\": true, \"titer\": \"1e13\", \"notes\": null}");
        assertEquals(0, virus.validate(good).size());
        assertTrue(virus.validate(om.readTree("{\"virus_id\": \"RY_V_0001\", \"floxed\": \"yes\"}")).size() > 0, "bool column");
        assertTrue(virus.validate(om.readTree("{\"virus_id\": \"RY_P_0001\"}")).size() > 0, "PK with another table's prefix");
        assertTrue(virus.validate(om.readTree("{\"floxed\": true}")).size() > 0, "PK missing");
        assertTrue(virus.validate(om.readTree("{\"virus_id\": \"RY_V_0001\", \"colour\": \"red\"}")).size() > 0, "unknown column");
        var session = TableSchemas.table("session").schema();
        assertEquals(0, session.validate(om.readTree("{\"session_id\": \"JB_S_0012\", \"session_date\": \"20250101\", \"start_time\": \"23:59\"}")).size());
        assertTrue(session.validate(om.readTree("{\"session_id\": \"JB_S_0012\", \"start_time\": \"24:00\"}")).size() > 0, "time");
        var image = TableSchemas.table("image").schema();
        assertTrue(image.validate(om.readTree("{\"image_id\": \"RY_IMG_0001\", \"x\": 512.5}")).size() > 0, "int column");
        assertEquals(0, image.validate(om.readTree("{\"image_id\": \"RY_IMG_0001\", \"x\": 512, \"frame_rate\": 30}")).size());
    }
}
