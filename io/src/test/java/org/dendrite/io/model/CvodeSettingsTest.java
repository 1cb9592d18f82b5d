package org.dendrite.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code "method": "cvode"} with atol/rtol in a model file: read, checked and written back. */
@Tag("unit")
class CvodeSettingsTest {
    @TempDir Path dir;

    Path model(String simulation) throws Exception {
        Path p = dir.resolve("m.json");
        Files.writeString(p, "{\"dendrite_model\": 1, \"morphology\": {\"sections\": [{\"name\": \"soma\", \"type\": \"soma\","
                + " \"L\": 20, \"diam\": 20}]}, \"simulation\": " + simulation + "}");
        return p;
    }

    @Test
    void cvodeWithTolerancesRoundTrips() throws Exception {
        ModelSpec m = ModelFiles.read(model("{\"method\": \"cvode\", \"atol\": 1e-4, \"rtol\": 1e-6}"));
        assertTrue(m.run.cvode);
        assertEquals(1e-4, m.run.atol, 0);
        assertEquals(1e-6, m.run.rtol, 0);
        Path out = dir.resolve("out.json");
        ModelWriter.write(m, out);
        ModelSpec back = ModelFiles.read(out);
        assertTrue(back.run.cvode);
        assertEquals(1e-4, back.run.atol, 0);
        assertEquals(1e-6, back.run.rtol, 0);
        // defaults are NEURON's: atol 1e-3, rtol 0, fixed step unless asked
        ModelSpec plain = ModelFiles.read(model("{\"tstop\": 5}"));
        assertTrue(!plain.run.cvode && plain.run.atol == 1e-3 && plain.run.rtol == 0);
    }

    @Test
    void badToleranceNamesTheField() throws Exception {
        Path p = model("{\"method\": \"cvode\", \"atol\": -1}");
        DendriteException e = assertThrows(DendriteException.class, () -> ModelFiles.read(p));
        assertTrue(e.getMessage().contains("atol"), e.getMessage());
    }
}
