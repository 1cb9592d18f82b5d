package org.dendrite.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/**
 * Every feature of eFEL's own all-features oracle ({@code allfeatures/expectedresults.json}: testdata.txt,
 * stim 700-2700 ms, default settings; depol_block and depol_block_bool on testdbdata.txt, stim 419.995-1419.995 ms)
 * must agree with eFEL within eFEL's own test tolerance: same length, numpy.allclose (rtol 1e-5, atol 1e-8), none
 * where eFEL gives none. Features we do not yet match are listed in {@link #NOT_MATCHED} with the reason; for those
 * the test asserts that they still do NOT match, so the list must shrink when one gets fixed.
 */
@Tag("data")
class AllFeaturesTest {

    /** Reads ../shared: skipped (and counted) when it is absent. */
    @org.junit.jupiter.api.BeforeEach
    void needsShared() {
        org.dendrite.engine.SharedData.assumeAvailable();
    }
    static final double RTOL = 1e-5, ATOL = 1e-8;

    /** Features known not to match eFEL yet, with the reason (also in docs/features.md). */
    static final Map<String, String> NOT_MATCHED = Map.of();

    private static Map<String, Object> expected;
    private static TraceFeatures main;
    private static TraceFeatures block;
    private static final List<String> matched = new ArrayList<>();

    @SuppressWarnings("unchecked")
    @BeforeAll
    static void load() throws IOException {
        if (!org.dendrite.engine.SharedData.available()) return; // each test skips in needsShared()
        expected = (Map<String, Object>) EfelData.json("allfeatures/expectedresults.json");
        double[][] c = EfelData.columns("allfeatures/testdata.txt");
        main = TraceFeatures.of(c[0], c[1], 700, 2700, new FeatureSettings());
        double[][] db = EfelData.columns("allfeatures/testdbdata.txt");
        block = TraceFeatures.of(db[0], db[1], 419.995, 1419.995, new FeatureSettings());
    }

    @AfterAll
    static void report() {
        System.out.println("eFEL all-features oracle: " + matched.size() + " of " + (expected == null ? 0 : expected.size())
                + " features match; not matched: " + NOT_MATCHED.keySet());
    }

    @SuppressWarnings("unchecked")
    static Stream<String> features() throws Exception {
        return org.dendrite.engine.SharedData.cases(
                () -> ((Map<String, Object>) EfelData.json("allfeatures/expectedresults.json")).keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void matchesEfel(String name) {
        TraceFeatures tf = name.startsWith("depol_block") ? block : main;
        double[] actual = tf.get(name);
        String problem = EfelData.compare(actual, (List<?>) expected.get(name), RTOL, ATOL);
        if (NOT_MATCHED.containsKey(name)) {
            if (problem == null) fail(name + " now matches eFEL: remove it from NOT_MATCHED and docs/features.md");
            return;
        }
        if (problem != null) fail(name + ": " + problem);
        matched.add(name);
    }

    @Test
    void everyOracleFeatureIsRegistered() {
        for (String name : expected.keySet()) assertEquals(true, FeatureRegistry.has(name), name);
    }

    @Test
    void noneWhereEfelGivesNone() {
        // a spot check on features that eFEL leaves empty for this trace (no second burst, no stimulus current)
        assertNull(main.get("ohmic_input_resistance"));
        assertNull(main.get("spikes_per_burst_diff"));
    }
}
