package org.dendrite.engine.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class SamplerTest {
    private final List<ParameterRange> ranges = List.of(ParameterRange.parse("a=0:1:3"), ParameterRange.parse("b=10:20:2"));

    @Test
    void gridIsFullFactorialLastFastest() {
        double[][] p = Sampler.GRID.points(ranges, 0, 0);
        assertEquals(6, p.length);
        assertArrayEquals(new double[] {0, 10}, p[0]);
        assertArrayEquals(new double[] {0, 20}, p[1]);
        assertArrayEquals(new double[] {0.5, 10}, p[2]);
        assertArrayEquals(new double[] {1, 20}, p[5]);
    }

    @Test
    void lhsHasOneSamplePerStratum() {
        double[][] p = Sampler.LHS.points(ranges, 10, 3);
        for (int j = 0; j < 2; j++) {
            List<Integer> strata = new ArrayList<>();
            for (double[] x : p) strata.add((int) Math.floor(ranges.get(j).toUnit(x[j]) * 10));
            Collections.sort(strata);
            for (int k = 0; k < 10; k++) assertEquals(k, strata.get(k));
        }
        assertArrayEquals(p[7], Sampler.LHS.points(ranges, 10, 3)[7]);
    }

    @Test
    void randomAndSobolStayInBoundsAndAreReproducible() {
        for (Sampler s : new Sampler[] {Sampler.RANDOM, Sampler.SOBOL}) {
            double[][] p = s.points(ranges, 64, 9);
            for (double[] x : p) {
                assertTrue(x[0] >= 0 && x[0] <= 1);
                assertTrue(x[1] >= 10 && x[1] <= 20);
            }
            assertArrayEquals(p[63], s.points(ranges, 64, 9)[63]);
        }
        // Sobol: first point after the skipped origin is the cube's centre
        assertArrayEquals(new double[] {0.5, 15}, Sampler.SOBOL.points(ranges, 2, 0)[0]);
    }

    @Test
    void logRangeAndLists() {
        ParameterRange r = ParameterRange.parse("g=1e-5:1e-3:3:log");
        assertEquals(1e-4, r.gridValue(1), 1e-18);
        ParameterRange l = ParameterRange.parse("amp=0.1,0.2,0.4");
        assertEquals(3, l.gridSize());
        assertEquals(0.4, l.gridValue(2));
    }
}
