package org.dendrite.cli.compare;

import java.util.Locale;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.recording.Command;
import org.dendrite.engine.recording.Sweep;

/**
 * The current injected during one sweep, in nA on the sweep's time base, and its main step: the holding
 * level (value at the start) and the window in which the command differs from it.
 */
public record SweepStimulus(double[] timeMs, double[] currentNa, double holdingNa, double startMs, double endMs,
                     double amplitudeNa) {

    /** From the sweep's command waveform (ABF epochs, NWB stimulus), converted from pA/nA to nA. */
    public static SweepStimulus fromCommand(Sweep sweep, Integer dac) {
        Command cmd = null;
        if (dac != null) {
            cmd = sweep.command(dac);
            if (cmd == null) throw new DendriteException("sweep " + sweep.index() + " has no command waveform on output " + dac);
        } else {
            for (Command c : sweep.commands()) {
                if (scaleToNa(c.units()) != null) {
                    cmd = c;
                    break;
                }
            }
        }
        if (cmd == null) return null;
        Double scale = scaleToNa(cmd.units());
        if (scale == null) {
            throw new DendriteException("command waveform of sweep " + sweep.index() + " is in " + cmd.units()
                    + " (voltage clamp?); compare replays current-clamp stimuli (pA or nA)");
        }
        int n = Math.min(cmd.size(), sweep.size());
        double[] t = new double[n], i = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = sweep.time().timeMs(k);
            i[k] = cmd.value(k) * scale;
        }
        return of(t, i);
    }

    /** A step given on the command line: {@code AMP_nA:START_ms:END_ms}. */
    static SweepStimulus step(String spec, double durationMs, double dtMs) {
        String[] p = spec.split(":");
        if (p.length != 3) throw new DendriteException("--stim '" + spec + "': expected AMP_nA:START_ms:END_ms, e.g. 0.2:100:600");
        double amp, start, end;
        try {
            amp = Double.parseDouble(p[0]);
            start = Double.parseDouble(p[1]);
            end = Double.parseDouble(p[2]);
        } catch (NumberFormatException e) {
            throw new DendriteException("--stim '" + spec + "': not numbers (AMP_nA:START_ms:END_ms)");
        }
        if (!(end > start)) throw new DendriteException("--stim '" + spec + "': end must be after start");
        return new SweepStimulus(new double[] {0, start, end}, new double[] {0, amp, 0}, 0, start, end, amp);
    }

    public static Double scaleToNa(String units) {
        return switch (units.strip().toLowerCase(Locale.ROOT)) {
            case "pa" -> 1e-3;
            case "na" -> 1.0;
            case "ua" -> 1e3;
            default -> null;
        };
    }

    /** The main step is the first stretch where the command leaves its holding level (later epochs are ignored). */
    private static SweepStimulus of(double[] t, double[] i) {
        double hold = i.length == 0 ? 0 : i[0];
        int first = -1;
        for (int k = 0; k < i.length; k++) {
            if (Math.abs(i[k] - hold) > 1e-9) {
                first = k;
                break;
            }
        }
        if (first < 0) return new SweepStimulus(t, i, hold, t[0], t[t.length - 1], 0);
        int end = first;
        while (end < i.length && Math.abs(i[end] - i[first]) <= 1e-9) end++;
        double endMs = end < t.length ? t[end] : t[t.length - 1];
        return new SweepStimulus(t, i, hold, t[first], endMs, i[first] - hold);
    }
}
