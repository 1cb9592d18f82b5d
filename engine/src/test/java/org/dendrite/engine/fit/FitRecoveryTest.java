package org.dendrite.engine.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.build.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Fitting recovers known parameters from synthetic recordings made by dendrite itself. */
@Tag("unit")
class FitRecoveryTest {

    static List<FitProblem.TraceTarget> synthetic(ModelParameters mp, List<String> names, double[] truth,
                                                  List<Protocol> protocols, String probe) {
        var targets = mp.resolveAll(names);
        List<FitProblem.TraceTarget> out = new ArrayList<>();
        for (Protocol p : protocols) {
            ModelRun r = ModelRun.simulate(mp, targets, truth, p);
            out.add(new FitProblem.TraceTarget(p.name(), probe, r.time(), r.trace(probe), 1.0));
        }
        return out;
    }

    @Test
    void hhSomaTwoConductancesWithinOnePercent() {
        ModelParameters mp = new ModelParameters(TestModels.hhSoma());
        List<String> names = List.of("soma.gnabar_hh", "soma.gkbar_hh");
        double[] truth = {0.12, 0.036};
        List<Protocol> protocols = List.of(Protocol.step("step", "stim", 5, 30, 0.1, 40));
        FitProblem problem = new FitProblem(mp, List.of(ParameterRange.bounded(names.get(0), 0.05, 0.25),
                ParameterRange.bounded(names.get(1), 0.01, 0.08)), protocols, List.of(),
                synthetic(mp, names, truth, protocols, "soma(0.5).v"), null);
        Fit fit = new Fit(problem, new CmaEs(new double[] {0.5, 0.5}, 0.3, 8, 1), 5);
        try (Workers w = new Workers(2)) {
            fit.run(40, w, null);
        }
        double[] best = fit.best().values();
        assertEquals(0.12, best[0], 0.01 * 0.12, "gnabar");
        assertEquals(0.036, best[1], 0.01 * 0.036, "gkbar");
    }

    @Test
    void dendriticModelFiveParametersWithinFivePercent() {
        ModelSpec spec = TestModels.ballAndStick();
        ModelParameters mp = new ModelParameters(spec);
        List<String> names = List.of("apical.g_pas", "apical.e_pas", "all.cm", "soma.gnabar_hh", "soma.gkbar_hh");
        double[] truth = {1e-4, -65, 1.0, 0.12, 0.036};
        List<ParameterRange> ranges = List.of(ParameterRange.bounded(names.get(0), 2e-5, 5e-4),
                ParameterRange.bounded(names.get(1), -80, -55), ParameterRange.bounded(names.get(2), 0.5, 2),
                ParameterRange.bounded(names.get(3), 0.05, 0.25), ParameterRange.bounded(names.get(4), 0.01, 0.08));
        List<Protocol> protocols = List.of(Protocol.step("step", "stim", 5, 25, 0.25, 35),
                Protocol.step("hyper", "stim", 5, 25, -0.2, 35));
        List<FitProblem.TraceTarget> traces = new ArrayList<>(synthetic(mp, names, truth, protocols, "soma(0.5).v"));
        traces.addAll(synthetic(mp, names, truth, List.of(protocols.get(1)), "dend2(0.5).v"));
        FitProblem problem = new FitProblem(mp, ranges, protocols, List.of(), traces, null);
        Fit fit = new Fit(problem, new CmaEs(new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, 0.25, 12, 7), 5);
        try (Workers w = new Workers(2)) {
            fit.run(70, w, null);
        }
        double[] best = fit.best().values();
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], best[i], Math.abs(0.05 * truth[i]), names.get(i) + " " + java.util.Arrays.toString(best));
        }
        assertTrue(fit.best().score() < 1, "rms " + fit.best().score());
    }

    /** Passive + Ih + Na/K densities: the dendrite of the ball-and-stick gets the Hay library's Ih. */
    @Test
    void dendriticModelWithIhSixParametersWithinFivePercent() {
        ModelSpec spec = TestModels.ballAndStick();
        for (int sec = 1; sec < 4; sec++) {
            spec.insertions.add(new ModelSpec.Insertion("Ih", sec,
                    Map.of("gIhbar", org.dendrite.engine.build.SegmentValue.constant(5e-4))));
        }
        spec.run.celsius = 34;
        ModelParameters mp = new ModelParameters(spec);
        List<String> names = List.of("apical.g_pas", "apical.e_pas", "all.cm", "apical.gIhbar_Ih", "soma.gnabar_hh",
                "soma.gkbar_hh");
        double[] truth = {1e-4, -65, 1.0, 5e-4, 0.12, 0.036};
        List<ParameterRange> ranges = List.of(ParameterRange.bounded(names.get(0), 2e-5, 5e-4),
                ParameterRange.bounded(names.get(1), -80, -55), ParameterRange.bounded(names.get(2), 0.5, 2),
                ParameterRange.bounded(names.get(3), 1e-4, 2e-3), ParameterRange.bounded(names.get(4), 0.05, 0.25),
                ParameterRange.bounded(names.get(5), 0.01, 0.08));
        List<Protocol> protocols = List.of(Protocol.step("step", "stim", 5, 25, 0.4, 35),
                Protocol.step("hyper", "stim", 5, 60, -0.3, 80));
        List<FitProblem.TraceTarget> traces = new ArrayList<>(synthetic(mp, names, truth, protocols, "soma(0.5).v"));
        traces.addAll(synthetic(mp, names, truth, List.of(protocols.get(1)), "dend2(0.5).v"));
        FitProblem problem = new FitProblem(mp, ranges, protocols, List.of(), traces, null);
        double[] start = new double[6];
        java.util.Arrays.fill(start, 0.5);
        Fit fit = new Fit(problem, new CmaEs(start, 0.25, 12, 11), 5);
        try (Workers w = new Workers(2)) {
            fit.run(90, w, null);
        }
        double[] best = fit.best().values();
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], best[i], Math.abs(0.05 * truth[i]), names.get(i) + " " + java.util.Arrays.toString(best));
        }
    }
}
