package org.dendrite.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.allen.AllenLibrary;
import org.dendrite.engine.mechanism.hay.HayLibrary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bundled NMODL libraries ({@code mechanisms/hay}, {@code mechanisms/allen}) declare exactly the interface of
 * the hand-written Java mechanisms they are to replace (issue 11): one file per type, named after it; the
 * SUFFIX / POINT_PROCESS name; every PARAMETER and ASSIGNED variable of the descriptor RANGE; the descriptor's
 * globals GLOBAL; the same STATEs in the same order; the same PARAMETER defaults (exact: both are decimal literals
 * of the same numbers). Kinetics are checked against NEURON by benchmarks/scripts/nmodl_bundles_vs_reference.sh.
 * This reads the NEURON/PARAMETER/STATE blocks with regular expressions (enough for these files, which we write).
 */
@Tag("unit")
class BundledModFilesTest {

    @Test
    void hayFilesDeclareTheJavaDescriptorsNames() throws IOException {
        check("hay", HayLibrary.types(), 13);
    }

    @Test
    void allenFilesDeclareTheJavaDescriptorsNames() throws IOException {
        check("allen", AllenLibrary.types(), 21);
    }

    private static void check(String library, List<MechanismType> types, int expectedCount) throws IOException {
        assertEquals(expectedCount, types.size(), library + ": number of Java types");
        for (MechanismType type : types) {
            String file = "mechanisms/" + library + "/" + type.name() + ".mod";
            String text = stripComments(read(file));
            String neuron = block(text, "NEURON", file);
            Matcher kind = Pattern.compile("\\b(SUFFIX|POINT_PROCESS)\\s+(\\w+)").matcher(neuron);
            assertTrue(kind.find(), file + ": no SUFFIX/POINT_PROCESS");
            assertEquals(type.name(), kind.group(2), file + ": mechanism name");
            Set<String> range = names(neuron, "RANGE");
            Set<String> global = names(neuron, "GLOBAL");
            Map<String, Double> params = parameters(block(text, "PARAMETER", file));
            List<String> states = new ArrayList<>();
            for (Variable v : type.variables()) {
                switch (v.role()) {
                    case PARAMETER -> {
                        assertTrue(range.contains(v.name()), file + ": PARAMETER " + v.name() + " not RANGE");
                        assertNotNull(params.get(v.name()), file + ": no PARAMETER " + v.name());
                        assertEquals(v.defaultValue(), params.get(v.name()), 0.0, file + ": default of " + v.name());
                    }
                    case ASSIGNED -> assertTrue(range.contains(v.name()), file + ": " + v.name() + " not RANGE");
                    case GLOBAL -> {
                        assertTrue(global.contains(v.name()), file + ": " + v.name() + " not GLOBAL");
                        assertEquals(v.defaultValue(), params.get(v.name()), 0.0, file + ": default of " + v.name());
                    }
                    case STATE -> states.add(v.name());
                }
            }
            Set<String> javaGlobals = new TreeSet<>();
            type.globals().forEach(g -> javaGlobals.add(g.name()));
            assertEquals(javaGlobals, new TreeSet<>(global), file + ": GLOBAL set");
            if (!states.isEmpty()) {
                List<String> modStates = new ArrayList<>(List.of(
                        block(text, "STATE", file).replaceAll("\\([^)]*\\)", " ").trim().split("\\s+")));
                assertEquals(states, modStates, file + ": STATEs");
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = BundledModFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String stripComments(String text) {
        return text.replaceAll("(?m):.*$", "");
    }

    /** Body of the first top-level block KEYWORD { ... } (braces balanced). */
    private static String block(String text, String keyword, String file) {
        Matcher m = Pattern.compile("(?m)^\\s*" + keyword + "\\s*\\{").matcher(text);
        assertTrue(m.find(), file + ": no " + keyword + " block");
        int depth = 1, i = m.end();
        for (; i < text.length() && depth > 0; i++) {
            if (text.charAt(i) == '{') depth++;
            if (text.charAt(i) == '}') depth--;
        }
        return text.substring(m.end(), i - 1);
    }

    /** Names after a NEURON-block keyword (up to the next keyword of the block). */
    private static Set<String> names(String neuron, String keyword) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\b" + keyword + "\\b((?:\\s*,?\\s*(?!(?:RANGE|GLOBAL|USEION|NONSPECIFIC_CURRENT|"
                + "SUFFIX|POINT_PROCESS|READ|WRITE)\\b)[A-Za-z_]\\w*)+)").matcher(neuron);
        while (m.find()) {
            for (String n : m.group(1).split("[\\s,]+")) if (!n.isEmpty()) out.add(n);
        }
        return out;
    }

    /** name = number pairs of a PARAMETER block (units in parentheses ignored). */
    private static Map<String, Double> parameters(String body) {
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([A-Za-z_]\\w*)\\s*=\\s*([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)").matcher(body);
        while (m.find()) out.put(m.group(1), Double.parseDouble(m.group(2)));
        return out;
    }
}
