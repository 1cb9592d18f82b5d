package org.dendrite.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("data")
class FeatureSettingsTest {
    /** Every default that eFEL documents (efel_expected_values.json, default_settings) is ours too, exactly. */
    @SuppressWarnings("unchecked")
    @Test
    void defaultsAreEfels() throws IOException {
        Map<String, Object> root = (Map<String, Object>) EfelData.json("efel_expected_values.json");
        Map<String, Object> defaults = (Map<String, Object>) root.get("default_settings");
        FeatureSettings s = new FeatureSettings();
        assertEquals(29, defaults.size());
        for (Map.Entry<String, Object> e : defaults.entrySet()) {
            String ours = s.get(e.getKey());
            Object theirs = e.getValue();
            if (theirs instanceof Number n) assertEquals(n.doubleValue(), Double.parseDouble(ours), 0.0, e.getKey());
            else assertEquals(String.valueOf(theirs), ours, e.getKey());
        }
    }

    @Test
    void setParsesAndValidates() {
        FeatureSettings s = new FeatureSettings().set("Threshold", "-30").set("strict_stiminterval", "1")
                .set("multi_stim_start", "[100, 300]").set("voltage_base_mode", "median");
        assertEquals(-30.0, s.threshold());
        assertTrue(s.strictStiminterval());
        assertEquals("100.0,300.0", s.get("multi_stim_start"));
        assertEquals("median", s.get("voltage_base_mode"));
        assertNull(s.get("stimulus_current"));
        assertThrows(IllegalArgumentException.class, () -> s.set("Treshold", "1"));
        assertThrows(IllegalArgumentException.class, () -> s.set("Threshold", "minus ten"));
        assertThrows(IllegalArgumentException.class, () -> s.set("DerivativeWindow", "2.5"));
        assertThrows(IllegalArgumentException.class, () -> s.set("interp_step", "0"));
        assertThrows(IllegalArgumentException.class, () -> s.set("voltage_base_mode", "mode"));
        assertThrows(IllegalArgumentException.class, () -> s.set("ignore_first_ISI", "maybe"));
    }

    @Test
    void copyIsIndependent() {
        FeatureSettings a = new FeatureSettings().set("stimulus_current", 0.5);
        FeatureSettings b = a.copy();
        b.set("stimulus_current", 2.0).set("Threshold", 0.0);
        assertEquals("0.5", a.get("stimulus_current"));
        assertEquals(-20.0, a.threshold());
        assertEquals("2.0", b.get("stimulus_current"));
    }
}
