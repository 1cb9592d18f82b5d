package org.dendrite.engine.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.engine.mechanism.builtin.Pas;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Registration order, composition and replacement of mechanism libraries (NEURON's rules, issue 10). */
@Tag("unit")
class MechanismLibraryTest {

    @Test
    void builtinsComeFirstInNeuronsOrderThenTheBundleInCLocaleFileOrder() {
        MechanismLibrary lib = MechanismLibrary.standard();
        List<String> names = lib.all().stream().map(MechanismType::name).toList();
        assertEquals(List.of("pas", "IClamp", "IPlay", "ExpSyn", "Exp2Syn", "AMPA", "NMDA", "SEClamp", "hh", "NetStim",
                "VecStim", "CaDynamics_E2", "Ca_HVA", "Ca_LVAst", "Ih", "Im", "K_Pst", "K_Tst", "NaTa_t", "NaTs2_t",
                "Nap_Et2", "SK_E2", "SKv3_1", "epsp"), names);
        // the calcium pool must run before SK_E2, which reads the cai it updated (mechanisms.md §2)
        assertTrue(lib.order("CaDynamics_E2") < lib.order("SK_E2"));
        assertEquals("hay", lib.get("Ih").origin());
        assertEquals(-1, lib.order("NaV"));
    }

    @Test
    void allenBundleIsSortedByteWise() {
        List<String> names = MechanismLibrary.allen().all().stream().map(MechanismType::name)
                .filter(n -> MechanismLibrary.allen().get(n).origin().equals("allen")).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String::compareTo); // C locale: upper case before lower case, '_' between them
        assertEquals(sorted, names);
        assertEquals("CaDynamics", names.get(0));
        assertTrue(names.indexOf("K_T") < names.indexOf("Kd"), "'_' (0x5F) sorts before 'd' (0x64)");
    }

    @Test
    void aLaterNameReplacesTheEarlierOneWithANoteAndTakesTheNewPosition() {
        List<String> notes = new ArrayList<>();
        MechanismType mine = Pas.TYPE.from("my_pas.mod");
        MechanismLibrary lib = MechanismLibrary.standard().with("user", List.of(mine), notes::add);
        assertEquals(List.of("mechanism pas from my_pas.mod replaces pas from built-in"), notes);
        assertEquals("my_pas.mod", lib.get("pas").origin());
        assertEquals(lib.all().size() - 1, lib.order("pas"));
        assertEquals(0, MechanismLibrary.standard().order("pas"), "the original library is unchanged");
    }

    @Test
    void bundlesCompose() {
        MechanismLibrary both = MechanismLibrary.named("hay,allen");
        assertEquals("allen", both.get("Ih").origin(), "Allen's Ih replaces Hay's");
        assertEquals("hay", both.get("Ca_LVAst").origin(), "Hay-only names stay");
        assertTrue(both.contains("NaV"));
        assertThrows(IllegalArgumentException.class, () -> MechanismLibrary.named("neuron"));
    }

    @Test
    void globalsAreAddressedPlainOrWithTheSuffix() {
        MechanismType ih = MechanismLibrary.standard().get("Ih");
        assertEquals(0, ih.globalIndex("ehcn_Ih"));
        assertEquals(0, ih.globalIndex("ehcn"));
        assertEquals(-1, ih.globalIndex("ehcn_hh"));
        assertEquals(-1, ih.globalIndex("gIhbar_Ih"), "a RANGE parameter is no global");
    }
}
