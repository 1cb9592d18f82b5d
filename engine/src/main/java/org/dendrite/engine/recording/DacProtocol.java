package org.dendrite.engine.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * The episodic command protocol of one output (DAC) channel: holding level and epoch table, from which the command
 * waveform of any sweep is rebuilt ({@link #waveform}). Levels are in {@link #units()}; durations in samples.
 *
 * @param dac              output channel number (0-based, as numbered by the amplifier software)
 * @param name             output channel name, e.g. {@code Cmd 0}
 * @param units            command unit: mV (voltage clamp) or pA (current clamp), or what the file states
 * @param holdingLevel     level outside the epochs, command unit
 * @param waveformEnabled  whether the acquisition software played the epoch waveform on this output
 * @param holdLastLevel    after the last epoch, keep the last epoch's level (Axon "use last epoch amplitude")
 *                         instead of returning to the holding level
 * @param leadDivisor      the sweep starts with {@code sweepLength / leadDivisor} samples of holding level before the
 *                         first epoch (Axon amplifiers: 64, i.e. 1/64 of the sweep); 0 for none
 * @param epochs           the epoch table in order (disabled epochs included)
 */
public record DacProtocol(int dac, String name, String units, double holdingLevel, boolean waveformEnabled,
                          boolean holdLastLevel, int leadDivisor, List<Epoch> epochs) {

    public DacProtocol {
        name = name == null ? "" : name.strip();
        units = units == null ? "" : units.strip();
        epochs = List.copyOf(epochs);
    }

    /** One constant-or-shaped stretch of the command in one sweep; {@code epoch} is -1 for holding stretches. */
    public record Segment(int epoch, EpochType type, double level, int start, int end) {
        /** Length in samples. */
        public int length() {
            return end - start;
        }
    }

    /**
     * The stretches of sweep {@code sweep} (0-based) of {@code sweepLength} samples: a leading holding stretch, one per
     * enabled epoch (clipped to the sweep), and a trailing stretch to the end of the sweep.
     */
    public List<Segment> segments(int sweep, int sweepLength) {
        List<Segment> out = new ArrayList<>();
        int pos = leadDivisor > 0 ? sweepLength / leadDivisor : 0;
        out.add(new Segment(-1, EpochType.STEP, holdingLevel, 0, pos));
        double last = holdingLevel;
        for (Epoch e : epochs) {
            if (e.type() == EpochType.DISABLED) continue;
            int end = (int) Math.min((long) pos + e.duration(sweep), sweepLength);
            out.add(new Segment(e.index(), e.type(), e.level(sweep), pos, end));
            last = e.level(sweep);
            pos = end;
        }
        out.add(new Segment(-1, EpochType.STEP, holdLastLevel ? last : holdingLevel, pos, sweepLength));
        return out;
    }

    /**
     * The command waveform of sweep {@code sweep} (0-based), {@code sweepLength} samples, command unit.
     * Steps hold their level; ramps go linearly from the level before the epoch and reach the epoch's level on its
     * last sample; pulse trains put {@code pulseWidth} samples at the level at the start of every {@code pulsePeriod}
     * and the level before the epoch in between; triangle and cosine trains rise from and return to the level before
     * the epoch within each period; biphasic trains go to +amplitude then -amplitude about the level before the epoch.
     */
    public double[] waveform(int sweep, int sweepLength) {
        double[] w = new double[sweepLength];
        double prev = holdingLevel;
        for (Segment s : segments(sweep, sweepLength)) {
            int n = s.length();
            if (s.epoch() < 0) {
                java.util.Arrays.fill(w, s.start(), s.end(), s.level());
                continue;
            }
            Epoch e = epochs.stream().filter(x -> x.index() == s.epoch()).findFirst().orElseThrow();
            double level = s.level();
            int fullDuration = e.duration(sweep);
            int period = e.pulsePeriod();
            int width = e.pulseWidth();
            for (int i = 0; i < n; i++) {
                double v;
                switch (s.type()) {
                    case RAMP -> v = prev + (level - prev) * (i + 1) / (double) fullDuration;
                    case PULSE -> v = period > 0 && width > 0 ? (i % period < width ? level : prev) : level;
                    case BIPHASIC -> {
                        if (period > 0 && width > 0) {
                            int p = i % period;
                            int half = Math.max(1, width / 2);
                            v = p < half ? level : p < 2 * half ? 2 * prev - level : prev;
                        } else {
                            v = level;
                        }
                    }
                    case TRIANGLE -> {
                        int per = period > 0 ? period : fullDuration;
                        double x = (i % per) / (double) per;
                        v = prev + (level - prev) * (1 - Math.abs(2 * x - 1));
                    }
                    case COSINE -> {
                        int per = period > 0 ? period : fullDuration;
                        double x = (i % per) / (double) per;
                        v = prev + (level - prev) * 0.5 * (1 - Math.cos(2 * Math.PI * x));
                    }
                    default -> v = level;
                }
                w[s.start() + i] = v;
            }
            prev = level;
        }
        return w;
    }
}
