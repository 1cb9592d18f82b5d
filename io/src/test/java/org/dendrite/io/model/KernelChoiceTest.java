package org.dendrite.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dendrite.engine.mechanism.RateKernels;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The io module's tests run twice (see io/pom.xml): once with the Vector API kernels and once, for the NEURON
 * references, on the scalar loops. This checks that each surefire execution really got the kernels it claims,
 * so that the scalar run cannot silently test the vector path again.
 */
@Tag("unit")
class KernelChoiceTest {
    @Test
    void theExecutionUsesTheKernelsItNames() {
        String expect = System.getProperty("dendrite.expect.kernels");
        Assumptions.assumeTrue(expect != null, "run outside Maven: no expectation set");
        assertEquals(expect, RateKernels.INSTANCE == null ? "scalar" : "vector");
    }
}
