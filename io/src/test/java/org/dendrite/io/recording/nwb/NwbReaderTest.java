package org.dendrite.io.recording.nwb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.recording.Command;
import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.dendrite.engine.SharedData;
import org.dendrite.io.recording.RecordingFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** The BluePyEfe NWB 2.4 file against the facts in nwb_expected_values.json (read there with h5py). */
@Tag("data")
class NwbReaderTest {
    @TempDir
    Path tmp;

    @Test
    void sweepsAndStimuliMatchH5pyFacts() throws IOException {
        Path dir = SharedData.path("data/nwb-bluepyefe");
        JsonNode exp = new ObjectMapper().readTree(dir.resolve("nwb_expected_values.json").toFile());
        Recording r = NwbReader.read(dir.resolve("99111002.nwb"));
        assertEquals("NWB", r.format());
        assertEquals(exp.get("nwb_version").asText(), r.version());
        assertEquals(exp.get("identifier").asText(), r.metadata().get("identifier"));
        assertEquals(exp.get("session_start_time").asText(), r.metadata().get("session_start_time"));
        assertEquals("Step", r.metadata().get("stimulus_description"));
        assertEquals(16, r.sweepCount(), "BluePyEfe's test expects 16 sweeps");
        assertEquals("V [mV]", r.channels().get(0).header());
        assertEquals(10_000, r.sampleRateHz());
        int k = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = exp.get("acquisition").fields(); it.hasNext(); k++) {
            Map.Entry<String, JsonNode> e = it.next();
            int number = Integer.parseInt(e.getKey().replaceAll("\\D+", ""));
            Sweep s = r.sweep(number - 1);
            JsonNode a = e.getValue();
            String w = e.getKey();
            assertEquals(a.get("n").asInt(), s.size(), w);
            assertEquals(a.get("starting_time_s").asDouble() * 1000, s.startMs(), 1e-9, w);
            assertEquals(0.1, s.time().dtMs(), 1e-12, w);
            // raw float32 x 0.001 V -> mV: raw x 0.001 x 1000; double arithmetic, 1e-12 relative
            double scale = a.get("conversion").asDouble() * 1000;
            assertEquals(a.get("first_raw").asDouble() * scale, s.value(0, 0), 1e-9, w);
            double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, sum = 0;
            for (int i = 0; i < s.size(); i++) {
                min = Math.min(min, s.value(0, i));
                max = Math.max(max, s.value(0, i));
                sum += s.value(0, i);
            }
            assertEquals(a.get("min_raw").asDouble() * scale, min, 1e-9, w);
            assertEquals(a.get("max_raw").asDouble() * scale, max, 1e-9, w);
            // h5py's mean is a float32 accumulation: 1e-5 relative
            assertEquals(a.get("mean_raw").asDouble() * scale, sum / s.size(), Math.abs(a.get("mean_raw").asDouble()) * 1e-5, w);

            JsonNode st = exp.get("stimulus").get("ics__Step__" + number);
            Command c = s.command(0);
            assertNotNull(c, w + " stimulus");
            assertEquals("nA", c.units());
            assertEquals(st.get("n").asInt(), c.size());
            double step = st.get("step_raw").asDouble() * st.get("conversion").asDouble() * 1e9;
            int from = st.get("step_start_index").asInt(), to = st.get("step_end_index_exclusive").asInt();
            assertEquals(st.get("baseline_raw").asDouble(), c.value(from - 1), 1e-12);
            assertEquals(step, c.value(from), 1e-9, w + " step amplitude (nA)");
            assertEquals(step, c.value(to - 1), 1e-9);
            assertEquals(st.get("baseline_raw").asDouble(), c.value(to), 1e-12);
        }
        assertEquals(16, k);
        // the amplitudes run -2.0 .. +1.0 nA in 0.2 nA steps
        assertEquals(-2.0, r.sweep(0).command(0).value(312), 1e-6);
        assertEquals(1.0, r.sweep(15).command(0).value(312), 1e-6);
    }

    @Test
    void hdf5WithoutNwbVersionIsRejected() throws IOException {
        Path mat73 = SharedData.path("data/mat-matjl/v7.3/simple.mat");
        Path p = tmp.resolve("simple.nwb");
        Files.copy(mat73, p);
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> NwbReader.read(p));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("nwb_version"), e.getMessage());
    }
}
