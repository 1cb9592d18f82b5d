package org.dendrite.engine.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Re-applying parameters to a compiled simulation gives bit-identical results to rebuilding it. */
@Tag("unit")
class CompiledRunsTest {
    @Test
    void reusedSimulationEqualsRebuiltOneRunAfterRun() {
        ModelParameters mp = new ModelParameters(TestModels.ballAndStick());
        var targets = mp.resolveAll(List.of("apical.g_pas", "soma.gnabar_hh", "somatic.gkbar_hh", "celsius", "v_init", "tstop"));
        CompiledRuns runs = new CompiledRuns(mp, targets);
        assertTrue(runs.reusesCompiledModels());
        Protocol p = Protocol.asModel();
        double[][] points = {{1e-4, 0.12, 0.036, 6.3, -65, 40}, {3e-4, 0.2, 0.02, 16, -70, 30},
                {5e-5, 0.08, 0.05, 6.3, -60, 45}, {1e-4, 0.12, 0.036, 6.3, -65, 40}};
        for (double[] x : points) {
            ModelRun fast = runs.simulate(x, p);
            ModelRun slow = ModelRun.simulate(mp, targets, x, p);
            assertArrayEquals(slow.time(), fast.time());
            assertEquals(slow.traces().keySet(), fast.traces().keySet());
            for (String k : slow.traces().keySet()) assertArrayEquals(slow.traces().get(k), fast.traces().get(k), k);
            assertEquals(slow.stimStart(), fast.stimStart());
        }
        // with protocol steps too
        Protocol step = new Protocol("s", java.util.Map.of("tstop", 30.0), List.of(new Protocol.Step(2, 10, 0.3)), 2, 12);
        var t2 = mp.resolveAll(List.of("apical.g_pas", "celsius"));
        CompiledRuns r2 = new CompiledRuns(mp, t2);
        for (double[] x : new double[][] {{1e-4, 6.3}, {2e-4, 20}}) {
            assertArrayEquals(ModelRun.simulate(mp, t2, x, step).trace("soma"), r2.simulate(x, step).trace("soma"));
        }
    }

    @Test
    void channelLibraryParametersTooIh() {
        var spec = TestModels.ballAndStick();
        for (int sec = 1; sec < 4; sec++) {
            spec.insertions.add(new org.dendrite.engine.build.ModelSpec.Insertion("Ih", sec,
                    java.util.Map.of("gIhbar", org.dendrite.engine.build.SegmentValue.constant(2e-4))));
        }
        ModelParameters mp = new ModelParameters(spec);
        var targets = mp.resolveAll(List.of("apical.gIhbar_Ih", "celsius"));
        CompiledRuns runs = new CompiledRuns(mp, targets);
        assertTrue(runs.reusesCompiledModels());
        Protocol hyper = Protocol.step("hyper", "stim", 5, 30, -0.3, 40);
        for (double[] x : new double[][] {{2e-4, 34}, {8e-4, 34}, {0, 20}}) {
            assertArrayEquals(ModelRun.simulate(mp, targets, x, hyper).trace("dend2(0.5).v"),
                    runs.simulate(x, hyper).trace("dend2(0.5).v"));
        }
    }

    @Test
    void otherTargetsRebuild() {
        ModelParameters mp = new ModelParameters(TestModels.ballAndStick());
        assertFalse(new CompiledRuns(mp, mp.resolveAll(List.of("all.cm"))).reusesCompiledModels());
        assertFalse(new CompiledRuns(mp, mp.resolveAll(List.of("stim.amp"))).reusesCompiledModels());
    }
}
