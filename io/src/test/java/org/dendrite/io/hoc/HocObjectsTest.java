package org.dendrite.io.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Built-in classes (Vector, List, Random, SectionRef, point processes, NetCon) and templates. */
@Tag("unit")
class HocObjectsTest {

    @Test
    void methodsWithoutParenthesesAreCalled() {
        // NEURON 8.2.2 prints "3 \n4 \n1 \n2 \n" for these lines (vec.size, sref.nchild with no parentheses)
        HocInterpreter in = new HocInterpreter();
        String out = HocTestSupport.run(in, String.join("\n",
                "objref vv, r",
                "vv = new Vector(3)",
                "print vv.size",
                "xx = vv.size + 1",
                "print xx",
                "create a, b",
                "connect b(0), a(1)",
                "a r = new SectionRef()",
                "print r.nchild",
                "print r.nchild + 1",
                ""));
        assertEquals("3 \n4 \n1 \n2 \n", out);
        HocException e = org.junit.jupiter.api.Assertions.assertThrows(HocException.class,
                () -> HocTestSupport.run(new HocInterpreter(), "objref r\ncreate a\na r = new SectionRef()\nx = r.nkids\n"));
        assertTrue(e.getMessage().contains("SectionRef has no member 'nkids'"), e.getMessage());
    }

    @Test
    void listAndObjectArrays() {
        HocInterpreter in = new HocInterpreter();
        String out = HocTestSupport.run(in, String.join("\n",
                "objref l, vs[3], nil",
                "l = new List()",
                "for i = 0, 2 { vs[i] = new Vector(i) l.append(vs[i]) }",
                "print l.count(), l.object(2).size(), l.index(vs[1]), l.index(nil)",
                "{ l.remove(0) }",
                "print l.count(), l.o(0) == vs[1], vs[0] == nil, nil == nil",
                ""));
        assertEquals("3 2 1 -1 \n2 1 0 1 \n", out);
        assertEquals(3, in.vectorVariables().size());
        assertTrue(in.vectorVariables().containsKey("vs[2]"));
    }

    @Test
    void randomIsDeterministicPerSeed() {
        String src = "objref r\nr = new Random(7)\nx1 = r.uniform(0, 1)\nx2 = r.repick()\ny = r.normal(0, 1)\n"
                + "objref r2\nr2 = new Random(7)\nz = r2.uniform(0, 1)\nn = r2.discunif(1, 6)\n";
        HocInterpreter a = new HocInterpreter(), b = new HocInterpreter();
        HocTestSupport.run(a, src);
        HocTestSupport.run(b, src);
        assertEquals(a.getNumber("x1"), b.getNumber("x1"));
        assertEquals(a.getNumber("y"), b.getNumber("y"));
        assertEquals(a.getNumber("x1"), a.getNumber("z"));
        assertNotEquals(a.getNumber("x1"), a.getNumber("x2"));
        double x = a.getNumber("x1"), n = a.getNumber("n");
        assertTrue(x >= 0 && x < 1);
        assertTrue(n >= 1 && n <= 6 && n == Math.floor(n));
    }

    @Test
    void sectionsInTemplatesAreNamedAfterTheObject() {
        HocInterpreter in = new HocInterpreter();
        HocTestSupport.run(in, "begintemplate Cell\npublic soma, dend\ncreate soma, dend[2]\n"
                + "proc init() { connect dend[0](0), soma(1) connect dend[1](0), soma(1) }\nendtemplate Cell\n"
                + "objref c\nc = new Cell()\nc.dend[1] { L = 7 }\n");
        assertEquals(3, in.world().sections().size());
        HocSection d1 = in.section("Cell[0].dend[1]");
        assertEquals(7, d1.L());
        assertSame(in.section("Cell[0].soma"), d1.parent());
        assertSame(in.getObject("c"), d1.owner());
    }

    @Test
    void pointProcessesAndNetCons() {
        HocInterpreter in = new HocInterpreter();
        String out = HocTestSupport.run(in, String.join("\n",
                "create soma, dend",
                "connect dend(0), soma(1)",
                "objref stim, syn, ns, nc, nc2, spikes, nil",
                "soma stim = new IClamp(0.5)",
                "stim.del = 5 stim.dur = 100 stim.amp = 0.3",
                "dend syn = new Exp2Syn(0.8)",
                "syn.tau1 = 0.5 syn.tau2 = 5 syn.e = 0",
                "ns = new NetStim()",
                "ns.interval = 20 ns.number = 3 ns.start = 10",
                "nc = new NetCon(ns, syn, 0, 2, 0.01)",
                "soma nc2 = new NetCon(&v(0.5), nil)",
                "nc2.threshold = -20",
                "spikes = new Vector()",
                "{ nc2.record(spikes) }",
                "print stim.amp, syn.tau2, nc.weight[0], nc.delay, nc2.threshold, nc2.delay",
                "x = syn.get_loc()",
                "print x, secname()",
                "{ pop_section() }",
                "{ syn.loc(0.2) }",
                "print syn.get_loc(), secname(), stim.has_loc(), ns.has_loc()",
                ""));
        // point processes sit at the node: with nseg = 1 every interior x becomes 0.5, as in NEURON
        assertEquals("0.3 5 0.01 2 -20 1 \n0.5 dend\n0.5 soma1 0 \n", out);
        HocWorld w = in.world();
        assertEquals(3, w.pointProcesses().size());
        PointProcess stim = w.pointProcesses().get(0);
        assertEquals("IClamp", stim.mechanism().name());
        assertEquals(0.3, stim.value("amp"));
        assertSame(in.section("soma"), stim.section());
        assertEquals(2, w.netCons().size());
        NetConnection nc2 = w.netCons().get(1);
        assertNull(nc2.target());
        assertEquals(HocPointer.Kind.RANGE, nc2.sourcePointer().kind());
        assertEquals("soma.v(0.5)", nc2.sourcePointer().describe());
        assertSame(in.getObject("spikes"), nc2.recordTimes());
        assertSame(w.pointProcesses().get(2), w.netCons().get(0).sourceObject());
    }

    @Test
    void guiObjectsAreAcceptedAndIgnoredWithOneNote() {
        HocInterpreter in = new HocInterpreter();
        String out = HocTestSupport.run(in, "objref g, ps\ng = new Graph()\n{ g.size(0, 10, -80, 40) }\n"
                + "{ g.addvar(\"soma.v(0.5)\") }\nps = new PlotShape()\n{ xpanel(\"x\")\nxbutton(\"Run\", \"run()\")\n"
                + "xpanel()\nnrncontrolmenu() }\nprint 1\n");
        assertEquals("1 \n", out);
        assertEquals(List.of("graphical interface calls are ignored (first: new Graph())"), in.world().notes());
    }

    @Test
    void sessionFilesLoadWithTheirGuiIgnored() {
        HocInterpreter in = new HocInterpreter();
        String out = HocTestSupport.runFile(in, HocTestSupport.resource("gui/session.hoc"));
        assertEquals("session loaded1 5 \n", out);
        assertEquals(1, in.world().notes().size());
        assertEquals(5, in.world().tstop());
    }

    @Test
    void cvodeActiveIsNotedAndAtolscaleRemembered() {
        HocInterpreter in = new HocInterpreter();
        String out = HocTestSupport.run(in, "load_file(\"stdrun.hoc\")\ncvode.active(1)\nnrn_load_dll(\"x86_64/.libs/libnrnmech.so\")\n"
                + "print cvode.atolscale(\"cai\")\ncvode.atolscale(\"cai\", 1e-4)\nprint cvode.atolscale(\"cai\")\n");
        assertTrue(in.world().cvodeRequested());
        // NEURON's default scale is 1; a set scale is returned and handed to the integrator
        String[] words = out.trim().split("\\s+");
        // ... print (1), the setter's value as a statement (0.0001), print (0.0001)
        assertEquals(java.util.List.of("1", "0.0001", "0.0001"),
                java.util.List.of(words).subList(words.length - 3, words.length), out);
        assertEquals(java.util.Map.of("cai", 1e-4), in.world().cvodeAtolScales());
        assertTrue(in.world().notes().get(0).contains("fadvance() takes one step"), in.world().notes().toString());
        assertTrue(in.world().notes().get(1).contains("nrn_load_dll"), in.world().notes().toString());
    }

    @Test
    void globalsAndMechanismGlobals() {
        HocInterpreter in = new HocInterpreter();
        HocTestSupport.run(in, "celsius = 34\ndt = 0.01\nsecondorder = 2\ntstop = 300\nv_init = -80\nusetable_hh = 0\n");
        HocWorld w = in.world();
        assertEquals(34, w.celsius());
        assertEquals(0.01, w.dt());
        assertEquals(2, w.secondorder());
        assertEquals(300, w.tstop());
        assertEquals(-80, w.vInit());
        assertEquals(0.0, w.mechanismGlobals().get("usetable_hh"));
    }
}
