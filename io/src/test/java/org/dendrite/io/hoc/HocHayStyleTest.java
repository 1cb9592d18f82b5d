package org.dendrite.io.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.SectionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * A Hay-style model with mechanisms that are not built into NEURON, provided through the MechanismCatalog
 * (as the engine's registry will): forsec apical { for (x) { gIhbar_Ih(x) = f(distance(x)) } }.
 */
@Tag("unit")
class HocHayStyleTest {

    static MechanismCatalog catalog() {
        return new BuiltinMechanisms()
                .with(new MechanismCatalog.Mechanism("Ih", false, false, List.of(
                        MechanismCatalog.Parameter.parameter("gIhbar", 0.00001, "S/cm2"),
                        MechanismCatalog.Parameter.parameter("ehcn", -45, "mV"),
                        new MechanismCatalog.Parameter("m", 0, "1", MechanismCatalog.Kind.STATE)), List.of()))
                .with(new MechanismCatalog.Mechanism("Ca_LVAst", false, false, List.of(
                        MechanismCatalog.Parameter.parameter("gCa_LVAstbar", 0.00001, "S/cm2")), List.of("ca")));
    }

    private static final String MODEL = String.join("\n",
            "begintemplate Pyr",
            "public soma, apic, all, apical, somatic",
            "objref all, apical, somatic",
            "create soma, apic[2]",
            "proc init() {",
            "  all = new SectionList() apical = new SectionList() somatic = new SectionList()",
            "  soma { pt3dclear() pt3dadd(0, 0, 0, 10) pt3dadd(0, 10, 0, 10) somatic.append() all.append() }",
            "  apic[0] { pt3dclear() pt3dadd(0, 10, 0, 4) pt3dadd(0, 210, 0, 2) apical.append() all.append() }",
            "  apic[1] { pt3dclear() pt3dadd(0, 210, 0, 2) pt3dadd(0, 410, 0, 1) apical.append() all.append() }",
            "  connect apic[0](0), soma(1)",
            "  connect apic[1](0), apic[0](1)",
            "  forsec all { nseg = 1 + 2*int(L/40) }",
            "  forsec all { insert pas Ra = 100 }",
            "  forsec somatic { insert Ca_LVAst gCa_LVAstbar_Ca_LVAst = 0.001 eca = 120 }",
            "  forsec apical { insert Ih insert Ca_LVAst ehcn_Ih = -45 }",
            "  soma distance()",
            "  forsec apical {",
            "    for (x) {",
            "      gIhbar_Ih(x) = 0.0002*(-0.8696 + 2.087*exp(3.6161*distance(x)/400))",
            "      if (distance(x) > 200 && distance(x) < 300) { gCa_LVAstbar_Ca_LVAst(x) = 0.0187 } else { gCa_LVAstbar_Ca_LVAst(x) = 0.000187 }",
            "    }",
            "  }",
            "}",
            "endtemplate Pyr",
            "objref cell",
            "cell = new Pyr()",
            "");

    @Test
    void distanceDependentDensities() {
        HocInterpreter in = new HocInterpreter(catalog());
        HocTestSupport.run(in, MODEL);
        HocSection a0 = in.section("Pyr[0].apic[0]"), a1 = in.section("Pyr[0].apic[1]");
        assertEquals(11, a0.nseg()); // L = 200: 1 + 2*int(200/40)
        assertEquals(11, a1.nseg());
        // for (x) visits 0, the centres and 1; x = 0 sets the first segment and x = 1 the last one, so the
        // last segment ends with the value at the section end (the Hay rule) and the first with its centre value
        for (int j = 0; j < 11; j++) {
            double x = (j + 0.5) / 11;
            if (j == 10) x = 1;
            double d = 10 + x * 200;
            double expected = 0.0002 * (-0.8696 + 2.087 * Math.exp(3.6161 * d / 400));
            assertEquals(expected, a0.mechanisms().get("Ih").value("gIhbar", j), 1e-15, "apic[0] segment " + j);
            double d1 = 210 + (j == 10 ? 1 : (j + 0.5) / 11) * 200;
            double ca = d1 > 200 && d1 < 300 ? 0.0187 : 0.000187;
            assertEquals(ca, a1.mechanisms().get("Ca_LVAst").value("gCa_LVAstbar", j), 0, "apic[1] segment " + j);
        }
        HocSection soma = in.section("Pyr[0].soma");
        assertEquals(120, soma.mechanisms().get("ca_ion").value("eca", 0));
        assertTrue(a0.mechanisms().containsKey("ca_ion"));
        assertEquals(-45, a1.mechanisms().get("Ih").value("ehcn", 4));
    }

    @Test
    void worldConvertsToAnEngineMorphology() {
        HocInterpreter in = new HocInterpreter(catalog());
        HocTestSupport.run(in, MODEL);
        Morphology m = in.world().toMorphology("test");
        assertEquals(3, m.size());
        assertEquals("Pyr[0].soma", m.section(0).name());
        assertEquals(SectionType.SOMA, m.section(0).type());
        assertEquals(SectionType.APICAL, m.section(1).type());
        assertEquals(0, m.section(1).parent());
        assertEquals(1, m.section(2).parent());
        assertEquals(in.section("Pyr[0].apic[0]").L(), m.section(1).length(), 0);
        assertSame(null, in.section("Pyr[0].soma").parent());
    }
}
