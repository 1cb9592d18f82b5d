package org.dendrite.engine.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.analysis.FeatureSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** A fit stopped after k generations and resumed from its checkpoint equals the uninterrupted fit. */
@Tag("unit")
class FitResumeTest {

    static FitProblem problem() {
        ModelParameters mp = new ModelParameters(TestModels.hhSoma());
        List<String> names = List.of("soma.gnabar_hh", "soma.gkbar_hh", "soma.gl_hh");
        List<Protocol> protocols = List.of(Protocol.step("step", "stim", 5, 30, 0.1, 40));
        var traces = FitRecoveryTest.synthetic(mp, names, new double[] {0.12, 0.036, 0.0003}, protocols, "soma(0.5).v");
        List<FitProblem.FeatureTarget> feats = List.of(
                new FitProblem.FeatureTarget("step", "soma(0.5).v", "Spikecount", 3, 0.5),
                new FitProblem.FeatureTarget("step", "soma(0.5).v", "voltage_base", -65, 1));
        return new FitProblem(mp, List.of(ParameterRange.bounded(names.get(0), 0.05, 0.25),
                ParameterRange.bounded(names.get(1), 0.01, 0.08), ParameterRange.bounded(names.get(2), 1e-4, 1e-3)),
                protocols, feats, traces, new FeatureSettings());
    }

    /** What a JSON round trip makes of the state: arrays become lists of Double. */
    @SuppressWarnings("unchecked")
    static Object jsonLike(Object o) {
        if (o instanceof double[] d) {
            List<Object> l = new ArrayList<>();
            for (double x : d) l.add(x);
            return l;
        }
        if (o instanceof double[][] m) {
            List<Object> l = new ArrayList<>();
            for (double[] r : m) l.add(jsonLike(r));
            return l;
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : m.entrySet()) out.put((String) e.getKey(), jsonLike(e.getValue()));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(jsonLike(x));
            return out;
        }
        return o;
    }

    static Optimizer optimizer(String name) {
        return name.equals("cmaes") ? new CmaEs(new double[] {0.5, 0.5, 0.5}, 0.3, 6, 42) : new Nsga2(3, 8, 42);
    }

    void resumeEqualsUninterrupted(String opt) {
        FitProblem p = problem();
        int generations = 8;
        Fit whole = new Fit(p, optimizer(opt), 5);
        try (Workers w = new Workers(2)) {
            whole.run(generations, w, null);
        }
        Fit first = new Fit(p, optimizer(opt), 5);
        Object[] checkpoint = new Object[1];
        try (Workers w = new Workers(2)) {
            first.run(generations, w, f -> {
                checkpoint[0] = jsonLike(f.state());
                return f.generation() < 3; // "killed" after generation 3
            });
        }
        @SuppressWarnings("unchecked") Map<String, Object> cp = (Map<String, Object>) checkpoint[0];
        Fit resumed = Fit.resume(p, cp, 5);
        assertEquals(3, resumed.generation());
        try (Workers w = new Workers(1)) {
            resumed.run(generations, w, null);
        }
        assertEquals(jsonLike(whole.state()), jsonLike(resumed.state()));
        assertArrayEquals(whole.best().values(), resumed.best().values());
    }

    @Test
    void cmaesResumes() {
        resumeEqualsUninterrupted("cmaes");
    }

    @Test
    void nsga2Resumes() {
        resumeEqualsUninterrupted("nsga2");
    }

    @Test
    void sameResultOnOneAndTwoThreads() {
        FitProblem p = problem();
        Fit one = new Fit(p, optimizer("nsga2"), 5);
        Fit two = new Fit(p, optimizer("nsga2"), 5);
        try (Workers w1 = new Workers(1); Workers w2 = new Workers(2)) {
            one.run(4, w1, null);
            two.run(4, w2, null);
        }
        assertEquals(jsonLike(one.state()), jsonLike(two.state()));
    }
}
