package org.dendrite.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.dendrite.engine.analysis.FeatureRegistry;
import org.dendrite.engine.analysis.FeatureSettings;
import org.dendrite.engine.analysis.TraceFeatures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full eFEL feature set on a 10 s current-clamp trace sampled every 0.025 ms (400,001 samples; 100,001 after
 * eFEL's interpolation to 0.1 ms): a 8 s step (1-9 s) with about 11 Hz regular firing (90 spikes), spike
 * shapes with a fast AHP and a slower after-potential. Every iteration builds a fresh {@link TraceFeatures}, so the
 * interpolation and every intermediate (peaks, spike starts/ends, AHP minima, dV/dt) are recomputed.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FeaturesBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FeaturesBenchmark {
    static final double DT_MS = 0.025;
    static final double T_END_MS = 10_000;
    static final double STIM_START_MS = 1000, STIM_END_MS = 9000;

    double[] t;
    double[] v;
    FeatureSettings settings;

    @Setup
    public void setup() {
        int n = (int) Math.round(T_END_MS / DT_MS) + 1;
        t = new double[n];
        v = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = k * DT_MS;
            v[k] = syntheticVoltage(t[k]);
        }
        settings = new FeatureSettings();
    }

    /** Resting -70 mV; the step depolarises by 12 mV (tau 20 ms); spikes every 90 ms from 1015 ms, slowing down. */
    static double syntheticVoltage(double tMs) {
        double v = -70.0;
        if (tMs >= STIM_START_MS) {
            double on = 1 - Math.exp(-(tMs - STIM_START_MS) / 20.0);
            double off = tMs > STIM_END_MS ? Math.exp(-(tMs - STIM_END_MS) / 20.0) : 1;
            v += 12.0 * (tMs > STIM_END_MS ? (1 - Math.exp(-(STIM_END_MS - STIM_START_MS) / 20.0)) * off : on);
        }
        double spike = STIM_START_MS + 15;
        int k = 0;
        while (spike < STIM_END_MS) {
            double s = tMs - spike;
            if (s > -3 && s < 200) {
                if (s < 0) v += 95 * Math.exp(-s * s / 0.18);                 // rise (Gaussian flank, ~0.3 ms)
                else v += 95 * Math.exp(-s / 0.45) - 12 * (1 - Math.exp(-s / 0.8)) * Math.exp(-s / 25.0)
                        + 3 * Math.exp(-Math.pow((s - 8) / 3.0, 2));            // decay, AHP, small ADP
            }
            k++;
            spike += 85 + 0.1 * k;                                             // slight adaptation
        }
        return v;
    }

    /** Interpolation plus every registered feature. */
    @Benchmark
    public Map<String, double[]> allFeatures() {
        return TraceFeatures.of(t, v, STIM_START_MS, STIM_END_MS, settings).all();
    }

    /**
     * Every feature but the four meant for other protocols (impedance needs a ZAP current; the activation,
     * deactivation and inactivation time constants fit voltage-clamp currents), i.e. the features of eFEL's
     * all-features test.
     */
    @Benchmark
    public Map<String, double[]> currentClampFeatures() {
        return TraceFeatures.of(t, v, STIM_START_MS, STIM_END_MS, settings).get(CURRENT_CLAMP);
    }

    static final List<String> CURRENT_CLAMP = FeatureRegistry.names().stream()
            .filter(n -> !n.equals("impedance") && !n.endsWith("activation_time_constant"))
            .collect(Collectors.toList());

    /** Interpolation to 0.1 ms only, for scale. */
    @Benchmark
    public double[] interpolationOnly() {
        return TraceFeatures.of(t, v, STIM_START_MS, STIM_END_MS, settings).time();
    }
}
