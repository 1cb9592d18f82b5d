package org.dendrite.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON distance-dependent parameter takes the distances NEURON's {@code distance()} gives where the walk
 * is subtle: a soma with an even nseg (the origin soma(0.5) is the centre of its second segment, 0.75), a
 * dendrite attached at soma(0.3) (it hangs on the node at 0.25) and a branch attached at a(0.75) (on the
 * node at 0.7). Expected distances printed by NEURON 8.2.2 for the same cell:
 * <pre>
 * create soma, a, c
 * soma { L = 20 diam = 20 nseg = 2 }  a { L = 100 diam = 2 nseg = 5 }  c { L = 40 diam = 1 nseg = 4 }
 * connect a(0), soma(0.3)   connect c(0), a(0.75)   soma distance(0, 0.5)
 * forall { insert pas  for (x, 0) { g_pas(x) = 1e-5 + 2e-7*distance(x) } }
 * forall for (x, 0) printf("%s %.4g %.10g %.10g\n", secname(), x, distance(x), g_pas(x))
 * </pre>
 */
@Tag("neuron-agreement")
class DistanceDistributionTest {
    @Test
    void linearDistributionUsesNeuronsDistances(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.json");
        Files.writeString(f, """
                {"dendrite_model": 1,
                 "morphology": {"sections": [
                   {"name": "soma", "type": "soma", "L": 20, "diam": 20},
                   {"name": "a", "type": "dend", "parent": "soma", "parent_x": 0.3, "L": 100, "diam": 2},
                   {"name": "c", "type": "dend", "parent": "a", "parent_x": 0.75, "L": 40, "diam": 1}]},
                 "properties": [{"in": "soma", "nseg": 2}, {"in": "a", "nseg": 5}, {"in": "c", "nseg": 4}],
                 "mechanisms": [{"insert": "pas", "in": "all",
                                 "params": {"g": {"distribution": "linear", "a": 1e-5, "b": 2e-7}}}]}
                """);
        ModelSpec spec = ModelFiles.read(f);
        // section, x (segment centre), NEURON's distance(x) in um
        double[][] neuron = {
            {0, 0.25, 10}, {0, 0.75, 0},
            {1, 0.1, 20}, {1, 0.3, 40}, {1, 0.5, 60}, {1, 0.7, 80}, {1, 0.9, 100},
            {2, 0.125, 85}, {2, 0.375, 95}, {2, 0.625, 105}, {2, 0.875, 115}};
        for (double[] row : neuron) {
            int s = (int) row[0];
            SegmentValue g = spec.insertions.stream().filter(i -> i.section() == s && i.mechanism().equals("pas"))
                    .findFirst().orElseThrow().params().get("g");
            // values ~1e-5 S/cm2; 1e-18 allows only the rounding of a + b*d
            assertEquals(1e-5 + 2e-7 * row[2], g.at(s, row[1]), 1e-18, "g_pas at section " + s + "(" + row[1] + ")");
        }
    }
}
