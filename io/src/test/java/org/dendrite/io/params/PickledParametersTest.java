package org.dendrite.io.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.DendriteException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pickles written by Python 3.11 + numpy 2.4 (src/test/resources/params/pkl/make_fixtures.py makes them). */
@Tag("unit")
class PickledParametersTest {
    static Path fixture(String name) {
        return Path.of("src/test/resources/params/pkl", name);
    }

    /** Every value exact: float64 scalars are the same IEEE doubles; the float32 one is float32(1e-4) widened. */
    @Test
    void bluePyOptStyleDictsOfNumpyScalarsInEveryLayout() throws IOException {
        for (String f : List.of("best_params_p2.pkl", "best_params_p4.pkl", "best_params_numpy1_p2.pkl")) {
            Map<String, Double> v = PickledParameters.read(fixture(f)).requireNamed();
            assertEquals(java.util.Set.of("somatic.gnabar_hh", "somatic.gkbar_hh", "basal.g_pas", "celsius", "stim.amp"), v.keySet(), f);
            assertEquals(0.12, v.get("somatic.gnabar_hh"), 0.0, f);
            assertEquals(0.036, v.get("somatic.gkbar_hh"), 0.0, f);
            assertEquals((double) 1e-4f, v.get("basal.g_pas"), 0.0, f);
            assertEquals(34.0, v.get("celsius"), 0.0, f);
            assertEquals(0.25, v.get("stim.amp"), 0.0, f);
        }
    }

    @Test
    void nestedDictsJoinNamesAndOneElementArraysAreNumbers() throws IOException {
        Map<String, Double> v = PickledParameters.read(fixture("nested_p4.pkl")).requireNamed();
        assertEquals(Map.of("somatic.gnabar_hh", 0.1, "somatic.gkbar_hh", 0.03, "apical.g_pas", 2e-5), v);
    }

    @Test
    void listsAndArraysAreUnnamedValues() throws IOException {
        assertArrayEquals(new double[] {0.12, 0.036, 3e-4}, PickledParameters.read(fixture("list_p4.pkl")).unnamed, 0.0);
        // a big-endian float64 array: byte order from the dtype's state
        assertArrayEquals(new double[] {0.12, 0.036, 3e-4}, PickledParameters.read(fixture("array_p2.pkl")).unnamed, 0.0);
        DendriteException e = assertThrows(DendriteException.class, () -> PickledParameters.read(fixture("list_p4.pkl")).requireNamed());
        assertTrue(e.getMessage().contains("3 values without names"), e.getMessage());
    }

    @Test
    void picklesOfSomethingElseAreClearErrors(@TempDir Path dir) throws IOException {
        assertMessage("vector_value_p4.pkl", "'somatic.gnabar_hh' is a numpy array (f8) with 2 values, expected one number");
        assertMessage("string_value_p4.pkl", "'somatic.gnabar_hh' is a string, expected one number");
        assertMessage("deap_checkpoint_p4.pkl", "'halloffame' is a list of 1 items, expected one number");
        assertMessage("deap_individual_p4.pkl", "2 values without names");
        assertArrayEquals(new double[] {0.1, 0.2}, PickledParameters.read(fixture("deap_individual_p4.pkl")).unnamed, 0.0);
        Path text = dir.resolve("params.pkl");
        Files.writeString(text, "{\"a\": 1}");
        DendriteException e = assertThrows(DendriteException.class, () -> PickledParameters.read(text));
        assertTrue(e.getMessage().startsWith(text + ": "), e.getMessage());
        Path cut = dir.resolve("cut.pkl");
        byte[] whole = Files.readAllBytes(fixture("best_params_p4.pkl"));
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        e = assertThrows(DendriteException.class, () -> PickledParameters.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
    }

    private static void assertMessage(String fixture, String part) {
        DendriteException e = assertThrows(DendriteException.class, () -> PickledParameters.read(fixture(fixture)).requireNamed());
        assertTrue(e.getMessage().startsWith(fixture(fixture) + ": ") && e.getMessage().contains(part), e.getMessage());
    }
}
