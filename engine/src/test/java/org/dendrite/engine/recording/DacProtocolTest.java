package org.dendrite.engine.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Epoch tables to command waveforms, on hand-made protocols whose every sample is known (exact equality). */
@Tag("unit")
class DacProtocolTest {
    private static Epoch step(int i, double level, double dLevel, int dur, int dDur) {
        return new Epoch(i, EpochType.STEP, level, dLevel, dur, dDur, 0, 0, 0);
    }

    @Test
    void leadThenStepsWithLevelAndDurationIncrements() {
        DacProtocol p = new DacProtocol(0, "Cmd 0", "pA", -5, true, false, 8,
                List.of(step(0, 10, 5, 2, 1), new Epoch(1, EpochType.DISABLED, 99, 0, 3, 0, 0, 0, 0), step(2, 1, 0, 1, 0)));
        // 16 samples: 16/8 = 2 lead samples at holding, A (2 + sweep samples), C (1 sample), then holding
        assertArrayEquals(new double[] {-5, -5, 10, 10, 1, -5, -5, -5, -5, -5, -5, -5, -5, -5, -5, -5}, p.waveform(0, 16));
        assertArrayEquals(new double[] {-5, -5, 20, 20, 20, 20, 1, -5, -5, -5, -5, -5, -5, -5, -5, -5}, p.waveform(2, 16));
        List<DacProtocol.Segment> s = p.segments(2, 16);
        assertEquals(4, s.size(), "lead, A, C, tail (disabled B contributes nothing)");
        assertEquals(new DacProtocol.Segment(0, EpochType.STEP, 20, 2, 6), s.get(1));
        assertEquals(-1, s.get(3).epoch());
    }

    @Test
    void rampEndsOnItsLevelAndHoldLastLevelKeepsIt() {
        DacProtocol p = new DacProtocol(0, "Cmd", "mV", 0, true, true, 0,
                List.of(new Epoch(0, EpochType.RAMP, 8, 0, 4, 0, 0, 0, 0)));
        assertArrayEquals(new double[] {2, 4, 6, 8, 8, 8}, p.waveform(0, 6));
    }

    @Test
    void pulseTrainReturnsToThePreviousLevel() {
        DacProtocol p = new DacProtocol(1, "Cmd 1", "nA", 0, true, false, 0,
                List.of(step(0, -1, 0, 2, 0), new Epoch(1, EpochType.PULSE, 3, 0, 7, 0, 3, 1, 0)));
        assertArrayEquals(new double[] {-1, -1, 3, -1, -1, 3, -1, -1, 3, 0}, p.waveform(0, 10));
    }

    @Test
    void epochsAreClippedToTheSweep() {
        DacProtocol p = new DacProtocol(0, "Cmd", "mV", 0, true, false, 0, List.of(step(0, 1, 0, 100, 0)));
        assertArrayEquals(new double[] {1, 1, 1}, p.waveform(0, 3));
        assertEquals(3, p.segments(0, 3).get(1).end());
        assertEquals(0, p.segments(0, 3).get(2).length());
    }

    @Test
    void negativeDurationsAreEmpty() {
        assertEquals(0, step(0, 1, 0, 5, -10).duration(1));
        assertEquals("C", step(2, 0, 0, 0, 0).letter());
        assertEquals("Pulse", EpochType.fromAxonCode(3).label());
        assertEquals(EpochType.UNKNOWN, EpochType.fromAxonCode(42));
    }

    @Test
    void timeBases() {
        TimeBase u = TimeBase.uniform(1, 0.5, 4);
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5}, u.timesMs());
        assertEquals(2.0, u.durationMs());
        TimeBase e = TimeBase.explicit(new double[] {0, 0.1, 0.3});
        assertTrue(Double.isNaN(e.dtMs()));
        assertEquals(0.3, e.durationMs());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> TimeBase.explicit(new double[] {0, 2, 1}));
        assertEquals("time decreases at sample 2: 2.0 ms then 1.0 ms", x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeBase.uniform(0, 0, 3));
        // whole-nanosecond steps give the decimal times a user expects (3 x 0.05 would be 0.15000000000000002)
        assertEquals(0.15, TimeBase.uniform(0, 0.05, 10).timeMs(3));
        assertEquals(0.3, TimeBase.uniform(0, 0.1, 10).timeMs(3));
        assertEquals(2.48 * 7, TimeBase.uniform(0, 2.48, 10).timeMs(7), 1e-12);
    }

    @Test
    void recordingChecksChannelCounts() {
        Sweep s = new Sweep(0, 0, TimeBase.uniform(0, 1, 2), new double[][] {{1, 2}}, List.of());
        Recording r = Recording.builder("x", "CSV").channel("V", "mV").sweep(s).sampleRateHz(1000).build();
        assertEquals(0, r.channelIndex("V"));
        assertEquals(0, r.channelIndex("v"));
        assertEquals(-1, r.channelIndex("I"));
        assertEquals("V [mV]", r.channels().get(0).header());
        assertThrows(IllegalArgumentException.class, () -> Recording.builder("x", "CSV").sweep(s).build());
        assertThrows(IllegalArgumentException.class, () -> new Sweep(0, 0, TimeBase.uniform(0, 1, 3), new double[][] {{1, 2}}, List.of()));
    }
}
