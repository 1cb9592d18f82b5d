package org.dendrite.io.recording.abf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.recording.DacProtocol;
import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/**
 * Every value of {@code abf-pyabf/abf_expected_values.json} (pyABF's readme summary, ABFFIO.DLL first values,
 * pyABF header values, per-sweep statistics) against {@link AbfReader}, for all 21 files. Where pyABF's own value is
 * a known pyABF artefact (noted per case), the test asserts the vendor ABFInfo dump or the ABF2 twin instead and says
 * why.
 */
@Tag("data")
class AbfExpectedValuesTest {

    /** Reads ../shared: skipped (and counted) when it is absent. */
    @org.junit.jupiter.api.BeforeEach
    void needsShared() {
        org.dendrite.engine.SharedData.assumeAvailable();
    }
    private static final Map<String, Recording> CACHE = new ConcurrentHashMap<>();
    private static JsonNode expected;

    static Path dir() {
        return SharedData.path("data/abf-pyabf");
    }

    static synchronized JsonNode expected() throws IOException {
        if (expected == null) expected = new ObjectMapper().readTree(dir().resolve("abf_expected_values.json").toFile()).get("files");
        return expected;
    }

    static Recording recording(String id) {
        return CACHE.computeIfAbsent(id, k -> AbfReader.read(dir().resolve(k + ".abf")));
    }

    static Stream<String> ids() throws Exception {
        return org.dendrite.engine.SharedData.cases(() -> {
            List<String> ids = new ArrayList<>();
            expected().fieldNames().forEachRemaining(ids::add);
            assertEquals(21, ids.size(), "abf_expected_values.json lists 21 recordings");
            return ids;
        });
    }

    /** ABF1 written by old Fetchex (v1.3, 2048-byte header): pyABF reads its extended-header fields from sample data. */
    static boolean oldFetchex(String id) {
        return id.equals("130618-1-12");
    }

    static boolean abf1(String id) {
        return recording(id).version().startsWith("1.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void readmeSummary(String id) throws IOException {
        JsonNode s = expected().get(id).get("readmeSummary");
        Recording r = recording(id);
        if (oldFetchex(id)) {
            // stored float32 1.2999999523 is the nearest float to 1.30: version 1.3; pyABF prints its digits "1.2.9.9"
            assertEquals("1.2.9.9", s.get("abfVersion").asText());
            assertEquals("1.3.0.0", r.version());
        } else {
            assertEquals(s.get("abfVersion").asText(), r.version());
        }
        assertEquals(s.get("channelCount").asInt(), r.channelCount());
        assertEquals(texts(s.get("units")), r.channels().stream().map(c -> c.units()).toList());
        // readme gives kHz to 3 decimals (0.403 for 403.2258 Hz)
        assertEquals(s.get("sampleRateKHz").asDouble(), r.sampleRateHz() / 1000, 0.0005);
        assertEquals(s.get("sweepCount").asInt(), r.sweepCount());
        String tags = s.get("tags").asText();
        if (r.tags().isEmpty()) {
            assertEquals("no tags", tags);
        } else {
            assertEquals(r.tags().size() + " tag" + (r.tags().size() > 1 ? "s" : "") + " (" + r.tags().get(0).comment() + ")", tags);
        }
        String protocol = s.get("protocol").asText();
        assertEquals(r.protocol().name().isEmpty() ? "without a protocol file" : "with protocol \"" + r.protocol().name() + "\"", protocol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void firstValuesFromAbffioDll(String id) throws IOException {
        JsonNode first = expected().get(id).get("firstValuesPerChannel_ABFFIO");
        Recording r = recording(id);
        assertEquals(first.size(), r.channelCount());
        for (int c = 0; c < first.size(); c++) {
            // pyABF's test asserts the DLL's values to 5 decimals; the DLL returns float32 samples, whose resolution
            // (2^-23 relative: 0.001 at 11625 pA) is coarser than 5 decimals for large values: allow the larger
            double v = first.get(c).asDouble();
            assertClose(v, r.sweep(0).value(c, 0), Math.max(1e-5, Math.abs(v) * 0x1p-22), "channel " + c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void sweepStatistics(String id) throws IOException {
        Recording r = recording(id);
        int n = 0;
        for (JsonNode e : expected().get(id).get("sweeps")) {
            Sweep s = r.sweep(e.get("sweep").asInt());
            int c = e.get("channel").asInt();
            String where = "sweep " + s.index() + " channel " + c;
            assertEquals(e.get("pointCount").asInt(), s.size(), where);
            // pyABF keeps float32 samples: its values differ from our doubles by float32 rounding (2^-24 relative),
            // so allow 2^-22 relative (a few float32 ulps) with a 1e-6 floor for values near zero
            assertClose(e.get("firstValue").asDouble(), s.value(c, 0), Math.max(1e-6, Math.abs(e.get("firstValue").asDouble()) * 0x1p-22), where + " first");
            assertClose(e.get("lastValue").asDouble(), s.value(c, s.size() - 1), Math.max(1e-6, Math.abs(e.get("lastValue").asDouble()) * 0x1p-22), where + " last");
            // numpy's float32 standard deviation (population, ddof 0) accumulates float32 rounding: 1e-5 relative
            double sd = stdev(s.data(c));
            assertClose(e.get("stdev").asDouble(), sd, Math.max(1e-6, e.get("stdev").asDouble() * 1e-5), where + " stdev");
            n++;
        }
        assertTrue(n >= r.sweepCount(), "every sweep is covered");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void headerValues(String id) throws IOException {
        JsonNode h = expected().get(id).get("headerFromPyabf");
        Recording r = recording(id);
        Map<String, String> m = r.metadata();
        boolean old = oldFetchex(id);
        assertEquals(h.get("channelCount").asInt(), r.channelCount());
        assertEquals(h.get("sweepCount").asInt(), r.sweepCount());
        assertEquals(texts(h.get("adcUnits")), r.channels().stream().map(c -> c.units()).toList());
        if (old) {
            // pyABF prints '?' (it reads past the 2048-byte header); the old header's name field is blank
            assertEquals("ch0", r.channels().get(0).name());
            assertEquals("", m.get("file_guid"));
            assertEquals("FETCHEX 6.0.3.06", m.get("creator"));
            // date stored as YYMMDD (180618) and 63267 s after midnight; pyABF reads an extended field and prints 1806
            assertEquals("2018-06-18T17:34:27.000", m.get("created"));
            assertEquals("1806-01-08T17:34:27.000", h.get("abfDateTimeString").asText());
        } else {
            assertEquals(texts(h.get("adcNames")), r.channels().stream().map(c -> c.name()).toList());
            assertEquals(h.get("fileGUID").asText(), m.get("file_guid"));
            assertEquals(h.get("creator").asText(), m.get("creator"));
            assertEquals(h.get("abfDateTimeString").asText(), m.get("created"));
        }
        List<String> dacNames = texts(h.get("dacNames"));
        List<String> dacUnits = texts(h.get("dacUnits"));
        List<DacProtocol> dacs = r.protocol().dacs();
        if (!old) {
            for (int d = 0; d < dacNames.size(); d++) {
                assertEquals(dacNames.get(d), dacs.get(d).name(), "DAC " + d + " name");
                assertEquals(dacUnits.get(d), dacs.get(d).units(), "DAC " + d + " units");
            }
            assertEquals(h.get("sweepUnitsC").asText(), dacs.get(0).units());
        }
        assertTrue(h.get("sweepLabelY").asText().endsWith("(" + r.channels().get(0).units() + ")"), "sweepLabelY names the channel 0 unit");
        assertEquals(h.get("sweepUnitsY").asText(), r.channels().get(0).units());
        assertEquals(h.get("dataByteStart").asLong(), Long.parseLong(m.get("data_byte_start")));
        assertEquals(h.get("dataPointByteSize").asInt(), m.get("data_format").equals("int16") ? 2 : 4);
        assertEquals(h.get("dataPointCount").asLong(), Long.parseLong(m.get("total_samples")));
        assertEquals(h.get("dataRate").asInt(), (int) r.sampleRateHz());
        assertEquals(h.get("sampleRate").asInt(), (int) r.sampleRateHz());
        assertEquals(h.get("nOperationMode").asInt(), Integer.parseInt(m.get("acquisition_mode").substring(0, 1)));
        String protocol = h.get("protocol").asText();
        assertEquals(protocol.equals("None") ? "" : protocol, r.protocol().name());

        double rate = r.sampleRateHz();
        int mode = h.get("nOperationMode").asInt();
        if (mode == 1) {
            // variable-length events: pyABF's sweepPointCount is the mean event length; ours are exact (see sweeps)
            long total = 0;
            for (Sweep s : r.sweeps()) total += s.size();
            assertEquals(h.get("sweepPointCount").asLong() * r.sweepCount(), total);
        } else {
            assertEquals(h.get("sweepPointCount").asInt(), r.sweep(0).size());
            // pyABF divides by the rate rounded down to whole Hz (403 for 403.2258 Hz in File_axon_7)
            assertEquals(h.get("sweepLengthSec").asDouble(), r.sweep(0).size() / Math.floor(rate), 1e-9);
        }
        double intervalS = m.containsKey("sweep_interval_s") ? Double.parseDouble(m.get("sweep_interval_s"))
                : r.sweepCount() > 1 ? (r.sweep(1).startMs() - r.sweep(0).startMs()) / 1000 : r.sweep(0).size() / rate;
        if (r.sweepCount() > 1 && mode != 1) assertEquals(intervalS * 1000, r.sweep(1).startMs() - r.sweep(0).startMs(), 1e-9);
        if (!abf1(id) && mode != 1) {
            assertEquals(h.get("sweepIntervalSec").asDouble(), intervalS, 1e-9);
            // ABF2: pyABF reads fDACHoldingLevel of every DAC entry
            List<Double> holding = numbers(h.get("holdingCommand").asText());
            for (int d = 0; d < holding.size(); d++) assertEquals(holding.get(d), dacs.get(d).holdingLevel(), 1e-6, "DAC " + d + " holding");
        } else if (abf1(id)) {
            // pyABF uses the sweep length as the ABF1 sweep interval and prints epoch levels as ABF1 "holdingCommand";
            // the header's fEpisodeStartToStart and fDACHoldingLevel are asserted against ABFInfo (AbfInfoDumpTest)
            assertEquals(h.get("sweepIntervalSec").asDouble(), r.sweep(0).size() / Math.floor(rate), 1e-9);
        }

        // pyABF's dataLengthSec = sweepCount x interval (+ one sweep length when there are several sweeps), with the
        // sweep length as the interval of ABF1 and variable-length files; the readme's minutes round it to 2 decimals
        double pyabfInterval = abf1(id) || mode == 1 ? h.get("sweepLengthSec").asDouble() : intervalS;
        double pyabfLength = mode == 1 ? h.get("sweepPointCount").asInt() / Math.floor(rate) : r.sweep(0).size() / Math.floor(rate);
        double dataLengthSec = r.sweepCount() * pyabfInterval + (r.sweepCount() > 1 ? pyabfLength : 0);
        assertEquals(h.get("dataLengthSec").asDouble(), dataLengthSec, 1e-6);
        assertEquals(expected().get(id).get("readmeSummary").get("totalLengthMinutes").asDouble(), 
                // Python's round() works on the exact binary value (0.175 is 0.17499999...: 0.17)
                new java.math.BigDecimal(dataLengthSec / 60).setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue(), 1e-9);

        List<String> tagComments = texts(h.get("tagComments"));
        assertEquals(tagComments, r.tags().stream().map(t -> t.comment()).toList());
        List<Double> tagTimes = new ArrayList<>();
        h.get("tagTimesSec").forEach(x -> tagTimes.add(x.asDouble()));
        List<Double> tagSweeps = new ArrayList<>();
        h.get("tagSweeps").forEach(x -> tagSweeps.add(x.asDouble()));
        for (int t = 0; t < tagTimes.size(); t++) {
            assertEquals(tagTimes.get(t), r.tags().get(t).timeMs() / 1000, 1e-9, "tag time");
            // pyABF's tagSweeps is the fractional sweep position time / interval
            assertEquals(tagSweeps.get(t), r.tags().get(t).timeMs() / 1000 / intervalS, 1e-9, "tag sweep position");
            assertEquals((int) Math.floor(tagSweeps.get(t)), r.tags().get(t).sweep());
        }

        // epoch table of DAC 0, sweep 0, in pyABF's words
        String epochs = h.get("sweepEpochs").asText();
        if (old) {
            // pyABF decodes sample data as epochs ("Unknown nan [781:-41680751]..."); the old header has none
            assertTrue(epochs.contains("nan"));
            assertTrue(dacs.stream().allMatch(d -> d.epochs().isEmpty()));
            assertTrue(r.sweep(0).commands().isEmpty());
        } else if (id.equals("pclamp11_4ch_abf1")) {
            // pyABF takes an epoch level (10) as the ABF1 holding level; ABFInfo and the ABF2 twin say -10
            assertEquals("Sweep epoch waveform: Step 10.00 [0:62], Step 10.00 [62:2062], Step 10.00 [2062:4000]", epochs);
            assertEquals(expected().get("pclamp11_4ch").get("headerFromPyabf").get("sweepEpochs").asText(), epochString(dacs.get(0), r.sweep(0).size()));
        } else {
            // variable-length events: pyABF draws the epochs over its mean event length
            int n = mode == 1 ? h.get("sweepPointCount").asInt() : r.sweep(0).size();
            assertEquals(epochs, epochString(dacs.get(0), n));
        }
    }

    static String epochString(DacProtocol d, int n) {
        StringBuilder s = new StringBuilder("Sweep epoch waveform: ");
        List<DacProtocol.Segment> segs = d.segments(0, n);
        for (int i = 0; i < segs.size(); i++) {
            DacProtocol.Segment g = segs.get(i);
            if (i > 0) s.append(", ");
            s.append(g.type().label()).append(' ').append(String.format(Locale.ROOT, "%.2f", g.level()))
                    .append(" [").append(g.start()).append(':').append(g.end()).append(']');
        }
        return s.toString();
    }

    static void assertClose(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(expected - actual) <= tol, what + ": expected " + expected + " got " + actual + " (tolerance " + tol + ")");
    }

    static double stdev(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        return Math.sqrt(ss / x.length);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) out.add(it.next().asText());
        return out;
    }

    /** Numbers of a printed Python list; an abbreviated list ("a, b, ..., y, z") gives only its leading items. */
    static List<Double> numbers(String list) {
        List<Double> out = new ArrayList<>();
        for (String p : list.replace("[", "").replace("]", "").split(",")) {
            p = p.strip();
            if (p.equals("...")) break;
            if (!p.isEmpty()) out.add(Double.parseDouble(p));
        }
        return out;
    }

    static boolean exists(Path p) {
        return Files.isRegularFile(p);
    }

    static void assertNoCommand(Sweep s, int dac) {
        assertNull(s.command(dac));
    }

    static void assertHasCommand(Sweep s, int dac) {
        assertFalse(s.command(dac) == null, "sweep " + s.index() + " has a command for DAC " + dac);
    }
}
