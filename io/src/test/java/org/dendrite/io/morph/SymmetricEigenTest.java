package org.dendrite.io.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * SymmetricEigen against NEURON 8.2.2's Matrix.symmeig (test resource neuron-symmeig-oracle.json, written by
 * benchmarks/scripts/neuron_symmeig_oracle.py): same eigenvalue order and eigenvector signs; values to 1e-9
 * (round-off of different summation orders in the non-planar cases); planar matrices bit for bit.
 */
@Tag("unit")
class SymmetricEigenTest {
    @Test
    void matchesNeuronSymmeig() throws Exception {
        JsonNode all = new ObjectMapper().readTree(getClass().getResource("/neuron-symmeig-oracle.json"));
        int t = 0;
        for (JsonNode c : all) {
            boolean planar = t++ % 4 == 0;
            double[][] m = new double[3][3];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) m[i][j] = c.get("M").get(i).get(j).asDouble();
            double[][] vecs = new double[3][3];
            double[] vals = SymmetricEigen.decompose(m, vecs);
            for (int k = 0; k < 3; k++) {
                double ref = c.get("vals").get(k).asDouble();
                assertEquals(ref, vals[k], planar ? 0 : 1e-9 * (1 + Math.abs(ref)), "eigenvalue " + k);
                for (int i = 0; i < 3; i++) {
                    double q = c.get("Q").get(i).get(k).asDouble();
                    assertEquals(q, vecs[k][i], planar ? 0 : 1e-9, "matrix " + t + " vector " + k + "[" + i + "]");
                }
            }
        }
    }
}
