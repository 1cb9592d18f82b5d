package org.dendrite.io.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** finitialize/fadvance/run and Vector.record go through the HocSimulationBridge (a fake engine here). */
@Tag("unit")
class HocBridgeTest {

    /** A stand-in engine: v relaxes towards -70 mV by 1 mV per step; records every step. */
    static final class FakeBridge implements HocSimulationBridge {
        final List<String> calls = new ArrayList<>();
        double v;
        long compiledVersion = -1;

        @Override
        public void finitialize(HocWorld world, double vInit) {
            calls.add("finitialize " + vInit);
            compiledVersion = world.modelVersion();
            v = vInit;
            world.setTime(0);
            for (RecordRequest r : world.recordings()) {
                r.vector().clear();
                r.vector().append(sample(world, r.source()));
            }
        }

        @Override
        public void fadvance(HocWorld world) {
            calls.add("fadvance");
            v += v > -70 ? -1 : 1;
            world.setTime(world.t() + world.dt());
            for (RecordRequest r : world.recordings()) r.vector().append(sample(world, r.source()));
        }

        private double sample(HocWorld world, HocPointer p) {
            return p.kind() == HocPointer.Kind.TIME ? world.t() : v;
        }

        @Override
        public double value(HocWorld world, HocPointer p) {
            return p.variable().equals("v") ? v : Double.NaN;
        }
    }

    @Test
    void simulationStatementsAreDelegated() {
        HocInterpreter in = new HocInterpreter();
        FakeBridge bridge = new FakeBridge();
        in.setBridge(bridge);
        String out = HocTestSupport.run(in, String.join("\n",
                "{ load_file(\"stdrun.hoc\") }",
                "create soma",
                "soma { insert hh L = 20 diam = 20 }",
                "objref vv, tv",
                "vv = new Vector()",
                "tv = new Vector()",
                "{ vv.record(&soma.v(0.5)) tv.record(&t) }",
                "dt = 0.5",
                "{ finitialize(-65) }",
                "for i = 1, 3 { fadvance() }",
                "print t, soma.v(0.5), vv.size(), vv.x[3], tv.x[3]",
                "tstop = 2",
                "v_init = -60",
                "{ run() }",
                "print t, vv.size(), vv.x[4]",
                ""));
        assertEquals("1.5 -68 4 -68 1.5 \n2 5 -64 \n", out);
        assertEquals(List.of("finitialize -65.0", "fadvance", "fadvance", "fadvance", "finitialize -60.0",
                "fadvance", "fadvance", "fadvance", "fadvance"), bridge.calls);
        HocWorld w = in.world();
        assertEquals(2, w.recordings().size());
        RecordRequest r = w.recordings().get(0);
        assertSame(in.getObject("vv"), r.vector());
        assertEquals("soma.v(0.5)", r.source().describe());
        assertEquals(HocPointer.Kind.TIME, w.recordings().get(1).source().kind());
        assertEquals(bridge.compiledVersion, w.modelVersion());
    }

    @Test
    void recordingRequestsCarryIntervalsAndPointProcessVariables() {
        HocInterpreter in = new HocInterpreter();
        HocTestSupport.run(in, "create soma\nobjref stim, a, b, tt\nsoma stim = new IClamp(0.5)\n"
                + "a = new Vector()\nb = new Vector()\ntt = new Vector()\n"
                + "{ a.record(&stim.i, 0.1) }\nsoma insert hh\n{ b.record(&soma.ina(0.5), tt) }\n");
        assertEquals(2, in.world().recordings().size());
        RecordRequest r = in.world().recordings().get(0);
        RecordRequest r2 = in.world().recordings().get(1);
        assertSame(in.getObject("tt"), r2.times());
        assertEquals("ina", r2.source().variable());
        // ina needs the na ion: recording it from a section without one is an error
        HocException e = org.junit.jupiter.api.Assertions.assertThrows(HocException.class, () -> HocTestSupport.run(
                "create d\nobjref c\nc = new Vector()\n{ c.record(&d.ina(0.5)) }\n"));
        assertTrue(e.getMessage().contains("the na ion is not used"), e.getMessage());
        assertEquals(HocPointer.Kind.POINT_PROCESS, r.source().kind());
        assertEquals(0.1, r.interval());
        assertEquals("IClamp[0].i", r.source().describe());
    }

    @Test
    void playRequestsReachTheWorldAndAnEngineWithoutPlayRefusesThem() {
        HocInterpreter in = new HocInterpreter();
        in.setBridge(new FakeBridge());
        HocTestSupport.run(in, "create soma\nobjref stim, amp, tv\nsoma stim = new IClamp(0.5)\n"
                + "amp = new Vector(3, 0.5)\ntv = new Vector(3)\n{ tv.indgen(10) }\n{ amp.play(&stim.amp, tv, 1) }\n");
        PlayRequest p = in.world().plays().get(0);
        assertSame(in.getObject("amp"), p.values());
        assertSame(in.getObject("tv"), p.times());
        assertTrue(p.continuous());
        assertEquals("IClamp[0].amp", p.target().describe());
        HocException e = org.junit.jupiter.api.Assertions.assertThrows(HocException.class,
                () -> HocTestSupport.run(in, "finitialize(-65)\n"));
        assertTrue(e.getMessage().contains("Vector.play (IClamp[0].amp) is not supported by the attached engine"), e.getMessage());
    }

    @Test
    void topLevelPrintingOfSimulationCallsMatchesNeuron() {
        HocInterpreter in = new HocInterpreter();
        in.setBridge(new FakeBridge());
        // finitialize and fadvance are functions (print 1); run, stdinit, init, continuerun are stdrun procs
        String out = HocTestSupport.run(in, "create soma\ntstop = 1\nfinitialize(-65)\nfadvance()\nrun()\n"
                + "stdinit()\ninit()\ncontinuerun(2)\nsteprun()\nsetdt()\ndistance()\nprint \"end\"\n");
        assertEquals("\t1 \n\t1 \n\t0 \nend\n", out);
    }

    @Test
    void continuerunAndCvode() {
        HocInterpreter in = new HocInterpreter();
        FakeBridge bridge = new FakeBridge();
        in.setBridge(bridge);
        HocTestSupport.run(in, "create soma\ndt = 1\n{ cvode.active(1) }\n{ stdinit() }\n{ continuerun(3) }\n");
        assertEquals(List.of("finitialize -65.0", "fadvance", "fadvance", "fadvance"), bridge.calls);
        assertTrue(in.world().cvodeRequested());
    }
}
