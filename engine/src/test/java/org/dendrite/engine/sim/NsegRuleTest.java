package org.dendrite.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dendrite.engine.discretization.Cable;
import org.dendrite.engine.discretization.NsegRule;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The nseg rules of neuron-numerics §4 on the examples given there. */
@Tag("unit")
class NsegRuleTest {
    @Test
    void dLambdaExampleFromTheSpec() {
        Section s = Section.stylized("dend", SectionType.BASAL, -1, 0, 300, 1.2);
        assertEquals(252.31, Cable.lambdaF(s, 100, 150, 1), 0.005);
        assertEquals(13, NsegRule.dLambda(100, 0.1).nseg(s, 150, 1));
    }

    @Test
    void dLambdaIsAlwaysOdd() {
        for (double len = 1; len < 3000; len *= 1.7) {
            Section s = Section.stylized("d", SectionType.BASAL, -1, 0, len, 0.8);
            assertEquals(1, NsegRule.dLambda(100, 0.1).nseg(s, 100, 1) % 2, "L = " + len);
        }
    }

    @Test
    void bluePyOptRuleIsALengthRule() {
        // nseg = 1 + 2 int(L / 40): 39.9 um -> 1, 40 um -> 3, 125 um -> 7
        assertEquals(1, NsegRule.bluePyOpt(40).nseg(Section.stylized("a", SectionType.BASAL, -1, 0, 39.9, 1), 100, 1));
        assertEquals(3, NsegRule.bluePyOpt(40).nseg(Section.stylized("a", SectionType.BASAL, -1, 0, 40, 1), 100, 1));
        assertEquals(7, NsegRule.bluePyOpt(40).nseg(Section.stylized("a", SectionType.BASAL, -1, 0, 125, 1), 100, 1));
    }
}
