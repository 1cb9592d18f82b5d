package org.dendrite.engine.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SuffixedNameTest {
    private static final Set<String> KNOWN = Set.of("hh", "pas", "Ca_HVA", "Ih", "NaTa_t", "HVA");

    @Test
    void splitsAtTheLongestKnownMechanism() {
        assertEquals(new SuffixedName("gbar", "hh"), SuffixedName.split("gbar_hh", KNOWN::contains));
        assertEquals(new SuffixedName("g", "pas"), SuffixedName.split("g_pas", KNOWN::contains));
        // '_' inside both the variable and the mechanism; "HVA" alone is also known but Ca_HVA is longer
        assertEquals(new SuffixedName("gCa_HVAbar", "Ca_HVA"), SuffixedName.split("gCa_HVAbar_Ca_HVA", KNOWN::contains));
        assertEquals(new SuffixedName("gNaTa_tbar", "NaTa_t"), SuffixedName.split("gNaTa_tbar_NaTa_t", KNOWN::contains));
        assertEquals(new SuffixedName("ehcn", "Ih"), SuffixedName.split("ehcn_Ih", KNOWN::contains));
    }

    @Test
    void namesWithoutAMechanismSuffixGiveNull() {
        assertNull(SuffixedName.split("ena", KNOWN::contains)); // an ion variable
        assertNull(SuffixedName.split("diam", KNOWN::contains));
        assertNull(SuffixedName.split("gbar_kdr", KNOWN::contains)); // unknown mechanism
        assertNull(SuffixedName.split("_hh", KNOWN::contains)); // empty variable
        assertNull(SuffixedName.split("gbar_", KNOWN::contains)); // empty mechanism
    }

    @Test
    void theVariableCanBeCheckedToo() {
        // HOC skips a split whose mechanism lacks the variable: here only "HVA" has "gCa_HVAbar_Ca"
        assertEquals(new SuffixedName("gCa_HVAbar_Ca", "HVA"),
                SuffixedName.split("gCa_HVAbar_Ca_HVA", (v, m) -> m.equals("HVA")));
    }
}
