package org.dendrite.io.recording.abf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dendrite.engine.recording.Command;
import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Command waveforms rebuilt from the epoch tables (steps with per-sweep increments, ramps, pulse trains, holding
 * level), sweep start times and acquisition-mode specific layouts. Epoch tables are from the header dumps; sample
 * positions follow from Clampex's 1/64-of-a-sweep lead at the holding level. Exact equality is used where the value
 * is a float32 level stored in the file (no arithmetic).
 */
@Tag("data")
class AbfCommandWaveformTest {
    @Test
    void currentClampStepsIncrementPerSweep() {
        Recording r = AbfExpectedValuesTest.recording("17o05028_ic_steps");
        assertEquals(16, r.sweepCount());
        for (Sweep s : r.sweeps()) {
            Command c = s.command(0);
            assertNotNull(c);
            assertEquals("pA", c.units());
            assertEquals(60000, c.size());
            int k = s.index();
            assertEquals(0.0, c.value(0));            // holding before epoch A (first 937 samples)
            assertEquals(0.0, c.value(936));
            assertEquals(-50.0 + 10 * k, c.value(2937), 1e-4); // epoch B: -50 pA + 10 pA per sweep
            assertEquals(-50.0 + 10 * k, c.value(12936), 1e-4);
            assertEquals(0.0, c.value(12937));        // epoch C
            assertEquals(-50.0, c.value(22937), 1e-4); // epoch D: no increment
            assertEquals(-50.0 + 10 * k, c.value(32937), 1e-4); // epoch E
            assertEquals(0.0, c.value(59999));        // back to holding
            assertEquals(k * 3000.0, s.startMs(), 1e-9, "sweeps start 3 s apart (sweep length; no start-to-start time set)");
        }
    }

    @Test
    void rampReachesItsLevelOnTheLastSampleOfTheEpoch() {
        Recording r = AbfExpectedValuesTest.recording("17o05027_ic_ramp");
        Command c0 = r.sweep(0).command(0);
        Command c1 = r.sweep(1).command(0);
        // epoch A: ramp, 19300 samples from sample 312 (20000/64), level 0 + 10 pA per sweep
        for (int i = 312; i < 19612; i += 500) assertEquals(0.0, c0.value(i), 1e-12, "sweep 0 ramps from 0 to 0");
        assertEquals(10.0 / 19300, c1.value(312), 1e-9);
        assertEquals(5.0, c1.value(312 + 9649), 1e-9);
        assertEquals(10.0, c1.value(19611), 1e-9);
        // nInterEpisodeLevel 1 ("use last epoch amplitude"): after the ramp the output stays at its level
        assertEquals(10.0, c1.value(19612), 1e-9);
        assertEquals(10.0, c1.value(19999), 1e-9);
    }

    @Test
    void pulseTrainAndDisabledOutput() {
        Recording r = AbfExpectedValuesTest.recording("18425108");
        Sweep s = r.sweep(0);
        assertNull(s.command(0), "DAC 0 waveform is disabled (nWaveformEnable 0)");
        Command c = s.command(1);
        assertNotNull(c);
        assertEquals("nA", c.units());
        // DAC 1 from sample 3906: A step 0 (2344), B step -0.05 (6250), C 0 (7500), D 0 (25), E 0 (4975), F train 2.5
        assertEquals(-0.05f, (float) c.value(3906 + 2344));
        int f = 3906 + 2344 + 6250 + 7500 + 25 + 4975;
        assertEquals(2.5, c.value(f));
        assertEquals(2.5, c.value(f + 49), "pulse width 50 samples");
        assertEquals(0.0, c.value(f + 50), "between pulses: level before the epoch");
        assertEquals(2.5, c.value(f + 250), "period 250 samples");
        assertEquals(0.0, c.value(f + 5000), "after the train: holding");
        // digital outputs of the active DAC (1): epoch D sets output 0 (pyABF nEpochDigitalOutput [0,0,0,1,0,0])
        assertEquals(1, r.protocol().dac(1).epochs().get(3).digitalPattern());
        assertEquals("D", r.protocol().dac(1).epochs().get(3).letter());
    }

    @Test
    void voltageClampHoldingLevel() {
        Recording r = AbfExpectedValuesTest.recording("171116sh_0011");
        Command c = r.sweep(5).command(0);
        assertEquals("mV", c.units());
        assertEquals(-70.0, c.value(0));
        assertEquals(-80.0, c.value(156));
        assertEquals(-80.0, c.value(4155));
        assertEquals(-70.0, c.value(4156));
    }

    @Test
    void gapFreeIsOneSweepWithoutCommand() {
        Recording r = AbfExpectedValuesTest.recording("16d22006_kim_gapfree");
        assertEquals(1, r.sweepCount());
        assertEquals(483000, r.sweep(0).size());
        assertEquals(48300.0, r.durationMs(), 1e-6);
        assertTrue(r.sweep(0).commands().isEmpty());
    }

    @Test
    void variableLengthEventsTakeLengthsAndStartsFromTheSynchArray() {
        Recording r = AbfExpectedValuesTest.recording("2020_06_16_0001");
        assertEquals(22040, r.sweep(0).size());
        assertEquals(11040, r.sweep(1).size());
        // fSynchTimeUnit 0: lStart [26979, 59979] counted in samples of 100 us
        assertEquals(2697.9, r.sweep(0).startMs(), 1e-9);
        assertEquals(5997.9, r.sweep(1).startMs(), 1e-9);
        assertTrue(r.sweep(0).commands().isEmpty());
    }

    @Test
    void float32DataAndStartToStartInterval() {
        Recording r = AbfExpectedValuesTest.recording("File_axon_7");
        assertEquals("float32", r.metadata().get("data_format"));
        assertEquals(1e6 / 2480, r.sampleRateHz(), 1e-9);
        assertEquals(2.48, r.sweep(0).time().dtMs(), 1e-12);
        assertEquals(110_000.0, r.sweep(11).startMs(), 1e-6, "fEpisodeStartToStart 10 s");
    }

    @Test
    void abf1AndAbf2TwinsAgree() {
        Recording a1 = AbfExpectedValuesTest.recording("pclamp11_4ch_abf1");
        Recording a2 = AbfExpectedValuesTest.recording("pclamp11_4ch");
        for (int d = 0; d < 2; d++) {
            assertEquals(a2.protocol().dac(d).holdingLevel(), a1.protocol().dac(d).holdingLevel(), "DAC " + d + " holding");
            assertEquals(a2.protocol().dac(d).epochs(), a1.protocol().dac(d).epochs(), "DAC " + d + " epochs");
        }
        for (int i = 0; i < 4000; i += 97) assertEquals(a2.sweep(3).command(0).value(i), a1.sweep(3).command(0).value(i));
    }
}
