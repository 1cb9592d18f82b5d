package org.dendrite.engine.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stimulus protocol of a fit or sweep: parameter settings applied on top of the model and the fitted
 * parameters (e.g. {@code stim.amp = 0.3}, {@code stim.del}, {@code tstop}); optionally a piecewise-constant
 * current command replayed at the model's first IClamp (a recording's command waveform: the model's own IClamps
 * are silenced and one IClamp per step is added at the same place); and the stimulus window used by the
 * features (NaN: taken from the model's first IClamp, {@code del} to {@code del + dur}).
 */
public record Protocol(String name, Map<String, Double> settings, List<Step> steps, Waveform waveform,
                       double stimStart, double stimEnd) {
    /** A current step: {@code amp} nA from {@code delay} for {@code duration} ms. */
    public record Step(double delay, double duration, double amp) {}

    /**
     * A sampled current command (ramps, noise): {@code currentNa[i]} from {@code timeMs[i]} until the next sample,
     * played through an IPlay where the model's first IClamp is (whose own IClamps are silenced).
     */
    public record Waveform(double[] timeMs, double[] currentNa) {}

    public Protocol {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Protocol(String name, Map<String, Double> settings, List<Step> steps, double stimStart, double stimEnd) {
        this(name, settings, steps, null, stimStart, stimEnd);
    }

    public Protocol(String name, Map<String, Double> settings, double stimStart, double stimEnd) {
        this(name, settings, List.of(), null, stimStart, stimEnd);
    }

    /** The model as it is. */
    public static Protocol asModel() {
        return new Protocol("model", Map.of(), Double.NaN, Double.NaN);
    }

    /**
     * A current step through the point process {@code stim}: amplitude {@code amp} nA from {@code delay} for
     * {@code duration} ms, simulated to {@code tstop} ms.
     */
    public static Protocol step(String name, String stim, double delay, double duration, double amp, double tstop) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put(stim + ".del", delay);
        s.put(stim + ".dur", duration);
        s.put(stim + ".amp", amp);
        s.put("tstop", tstop);
        return new Protocol(name, s, delay, delay + duration);
    }
}
