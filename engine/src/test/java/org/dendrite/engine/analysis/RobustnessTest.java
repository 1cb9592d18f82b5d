package org.dendrite.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;

/**
 * Every feature on every eFEL test trace, with and without strict_stiminterval: a feature may legitimately give none,
 * but never by an exception inside its computation (which {@link TraceFeatures} would otherwise turn into none and
 * so hide a bug).
 */
@Tag("data")
class RobustnessTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "basic/mean_frequency_1.txt, 500, 900", "basic/sagtrace_1.txt, 800, 3800", "basic/tau20.0.csv, 100, 1000",
        "basic/spiking_from_beginning_to_end.txt, 20, 140", "basic/spontaneous.txt, 200, 400",
        "basic/init_burst1.txt, 250, 1600", "basic/init_burst2.txt, 250, 1600", "basic/init_burst3.txt, 800, 2150",
        "basic/spike_outside_stim.txt, 700, 2700", "basic/zero_ISI_log_slope_skip95824004.abf.csv, 31.2, 431.2",
        "basic/dendritic_AP.txt, 200, 1200", "basic/min_AHP_values_single_peak.txt, 1950, 2050",
        "allfeatures/testdata.txt, 700, 2700", "allfeatures/testdbdata.txt, 419.995, 1419.995",
        "allfeatures/testdb1data.txt, 419.995, 1419.995", "allfeatures/testdb3data.txt, 419.995, 1419.995"})
    void noFeatureThrows(String file, double stimStart, double stimEnd) throws IOException {
        double[][] c = EfelData.columns(file);
        for (String strict : new String[] {"false", "true"}) {
            TraceFeatures f = TraceFeatures.of(c[0], c[1], stimStart, stimEnd,
                    new FeatureSettings().set("strict_stiminterval", strict));
            Map<String, double[]> all = f.all();
            assertEquals(FeatureRegistry.names().size(), all.size());
            assertTrue(f.failures.isEmpty(), file + " strict=" + strict + ": " + f.failures);
        }
    }
}
