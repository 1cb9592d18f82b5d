package org.dendrite.io.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Units;
import org.dendrite.engine.mechanism.Variable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parser, semantic analysis, units and the class cache on small inline .mod snippets (no ../shared needed). */
@Tag("unit")
class NmodlParserTest {
    static Ast.ModFile parse(String name, String text) {
        return Parser.parse(Path.of(name), name, text);
    }

    @Test
    void loneCrEndsAComment() {
        // nocmodl: a lone CR is a line end, so q10 is declared after the comment (hallermann2012 na8st.mod)
        Ast.ModFile m = parse("na.mod", "NEURON { SUFFIX na }\rPARAMETER {\r temp = 23 (degC) : original temp\rq10 = 2.3\r}\r");
        assertEquals(List.of("temp", "q10"), m.parameters.stream().map(Ast.Decl::name).toList());
        assertEquals(2.3, m.parameters.get(1).value(), 0.0);
    }

    /** Fuzz findings (ReaderFuzzTest, seed 20261203): a huge coefficient ran out of memory, a number as reactant crashed. */
    @Test
    void reactionsNeedStatesAndWholeCoefficients() {
        String head = "NEURON { SUFFIX k }\nSTATE { A B }\nBREAKPOINT { SOLVE s METHOD sparse }\nKINETIC s {\n";
        NmodlException huge = assertThrows(NmodlException.class, () -> parse("k.mod", head + "  ~ 1e308A <-> B (1, 2)\n}\n"));
        assertEquals("k.mod:5:5: a stoichiometric coefficient is a whole number from 1 to 1000 (found 1e308)", huge.getMessage());
        NmodlException num = assertThrows(NmodlException.class, () -> parse("k.mod", head + "  ~ A <-> .5 (1, 2)\n}\n"));
        assertEquals("k.mod:5:11: a stoichiometric coefficient is a whole number from 1 to 1000 (found .5)", num.getMessage());
        Ast.Stmt r = parse("k.mod", head + "  ~ 2A <-> B (1, 2)\n}\n").funcs.get("s").body().get(0);
        assertEquals(2, ((Ast.Reaction) r).lhs().get(0).stoich(), "2A: coefficient 2");
    }

    @Test
    void errorsNameFileLineColumnAndWhatWasExpected() {
        NmodlException e = assertThrows(NmodlException.class, () -> parse("bad.mod", "NEURON {\n  SUFFIX x\n}\nPARAMETER {\n  g = \n}\n"));
        assertEquals("bad.mod:6:1: expected a number (found '}')", e.getMessage());
    }

    @Test
    void realVerbatimIsRefusedTrivialAccepted() {
        parse("ok.mod", "NEURON { SUFFIX ok }\nPROCEDURE states() {\nVERBATIM\n  return 0;\nENDVERBATIM\n}\n");
        NmodlException e = assertThrows(NmodlException.class,
                () -> parse("c.mod", "NEURON { SUFFIX c }\n\nVERBATIM\n#include <stdio.h>\nENDVERBATIM\n"));
        assertTrue(e.getMessage().startsWith("c.mod:3: VERBATIM C code is not supported (#include <stdio.h>)"), e.getMessage());
    }

    @Test
    void unitConstantsHaveNeuron82Values() {
        Ast.ModFile m = parse("u.mod", "NEURON { SUFFIX u }\nUNITS {\n (mV) = (millivolt)\n FARADAY = (faraday) (coulomb)\n"
                + " F2 = (faraday) (kilocoulombs)\n R = (k-mole) (joule/degC)\n PI = (pi) (1)\n}\n");
        // CODATA 2018 exact e*N_A and k*N_A, as NEURON 8.2's nrnunits.lib
        assertEquals(96485.33212331001, m.unitConstants.get("FARADAY"), 0.0);
        assertEquals(96.48533212331001, m.unitConstants.get("F2"), 1e-13);
        assertEquals(Units.GAS_CONSTANT, m.unitConstants.get("R"), 0.0);
        assertEquals(8.31446261815324, m.unitConstants.get("R"), 1e-13);
        assertEquals(Math.PI, m.unitConstants.get("PI"), 0.0);
    }

    @Test
    void rolesFollowNeuronRangeAndGlobalRules() {
        Ast.ModFile mod = parse("k.mod", "NEURON { SUFFIX kx USEION k READ ek WRITE ik RANGE gbar, g GLOBAL vhalf }\n"
                + "PARAMETER { gbar = 0.01 (S/cm2) q10 = 3 vhalf = -40 (mV) celsius = 20 (degC) ek = -90 (mV) }\n"
                + "STATE { n }\nASSIGNED { v (mV) ik (mA/cm2) g (S/cm2) ninf }\n"
                + "BREAKPOINT { SOLVE s METHOD cnexp\n g = gbar*n\n ik = g*(v - ek) }\n"
                + "DERIVATIVE s { ninf = 1/(1+exp(-(v-vhalf)/10))\n n' = (ninf - n)/q10 }\n");
        Mechanism m = new Mechanism(mod);
        assertEquals(MechanismKind.DENSITY, m.kind);
        // non-RANGE PARAMETER (q10) is GLOBAL, like declared GLOBALs; ion and NEURON variables are not the mechanism's
        assertEquals(List.of("gbar:PARAMETER:S/cm2", "n:STATE:1", "g:ASSIGNED:S/cm2", "q10:GLOBAL:1", "vhalf:GLOBAL:mV",
                        "ik:ASSIGNED:mA/cm2"),
                m.variables.stream().map(v -> v.name() + ":" + v.role() + ":" + v.unit()).toList());
        assertTrue(m.notes.stream().anyMatch(n -> n.contains("celsius")), "celsius default ignored note");
        assertTrue(m.notes.stream().anyMatch(n -> n.contains("ek")), "ion PARAMETER default ignored note");
        assertEquals(1, m.ions.size());
        assertTrue(m.ions.get(0).readsReversal() && m.ions.get(0).writesCurrent());
    }

    @Test
    void cnexpUsesNocmodlsArrangement() {
        Ast.ModFile mod = parse("c.mod", "NEURON { SUFFIX cx RANGE minf, mtau }\nSTATE { m }\nASSIGNED { minf mtau }\n"
                + "BREAKPOINT { SOLVE s METHOD cnexp }\nDERIVATIVE s { m' = (minf - m)/mtau }\n");
        String src = new CodeGen(new Mechanism(mod), "M_c").generate();
        // b = d/dm = (-1)/mtau, a = f(0) = (minf - 0)/mtau: m += (1 - exp(dt*b))*(-a/b - m)
        assertTrue(src.contains("_st[0][_k] = _st[0][_k] + (1.0 - Math.exp(_s.dt * ((-1.0 / _p_mtau[_k])))) * "
                + "(-(((_p_minf[_k] - 0.0) / _p_mtau[_k])) / ((-1.0 / _p_mtau[_k])) - _st[0][_k]);"), src);
    }

    @Test
    void secondLoadComesFromTheCache(@TempDir Path dir) throws Exception {
        Path mod = dir.resolve("leak.mod");
        Files.writeString(mod, "NEURON { SUFFIX leak NONSPECIFIC_CURRENT i RANGE g, e }\n"
                + "PARAMETER { g = 0.001 (S/cm2) e = -70 (mV) }\nASSIGNED { v (mV) i (mA/cm2) }\n"
                + "BREAKPOINT { i = g*(v - e) }\n");
        String old = System.getProperty("dendrite.nmodl.cache");
        System.setProperty("dendrite.nmodl.cache", dir.resolve("cache").toString());
        try {
            List<MechanismType> a = NmodlLoader.load(List.of(dir));
            assertEquals(1, JavaClassCompiler.lastCompiled, "first load compiles");
            List<MechanismType> b = NmodlLoader.load(List.of(dir));
            assertEquals(0, JavaClassCompiler.lastCompiled, "second load defines the cached class without compiling");
            assertEquals("leak", b.get(0).name());
            assertEquals(a.get(0).variables(), b.get(0).variables());
            assertEquals(Variable.parameter("g", "S/cm2", 0.001), b.get(0).variable("g").orElseThrow());
            try (var s = Files.list(dir.resolve("cache"))) {
                assertEquals(1, s.filter(p -> p.toString().endsWith(".class")).count());
            }
        } finally {
            if (old == null) System.clearProperty("dendrite.nmodl.cache");
            else System.setProperty("dendrite.nmodl.cache", old);
        }
    }
}
