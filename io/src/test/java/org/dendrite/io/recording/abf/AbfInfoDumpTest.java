package org.dendrite.io.recording.abf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dendrite.engine.recording.DacProtocol;
import org.dendrite.engine.recording.Epoch;
import org.dendrite.engine.recording.EpochType;
import org.dendrite.engine.recording.Recording;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/**
 * The reader against the header dumps: the vendor-style {@code *.abfinfo} files (13 recordings: acquisition
 * parameters, ADC and DAC tables, epoch tables) and the epoch tables of pyABF's {@code headers/*.md} (all 21).
 */
@Tag("data")
class AbfInfoDumpTest {

    /** Reads ../shared: skipped (and counted) when it is absent. */
    @org.junit.jupiter.api.BeforeEach
    void needsShared() {
        org.dendrite.engine.SharedData.assumeAvailable();
    }
    static Stream<String> abfinfoIds() throws Exception {
        return org.dendrite.engine.SharedData.cases(() -> {
            try (Stream<Path> s = Files.list(AbfExpectedValuesTest.dir())) {
                List<String> ids = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".abfinfo"))
                        .map(n -> n.substring(0, n.length() - ".abfinfo".length())).sorted().toList();
                assertEquals(13, ids.size(), "13 recordings have an ABFInfo dump");
                return ids;
            }
        });
    }

    static Stream<String> ids() throws Exception {
        return AbfExpectedValuesTest.ids();
    }

    private static final Pattern KV = Pattern.compile("^\\s*([A-Za-z][\\w\\[\\]]*)\\s*=\\s*(\\S.*?)\\s*$");
    private static final Pattern EPOCH_ROW = Pattern.compile(
            "^\\s*(\\d+)\\s+(\\w+)\\s+(-?[\\d.]+)\\s+(-?[\\d.]+)\\s+(-?\\d+)\\s+(-?\\d+)\\s+([01*]{4})\\s+(-?\\d+)\\s+(-?\\d+)\\s*$");

    @ParameterizedTest(name = "{0}")
    @MethodSource("abfinfoIds")
    void abfinfoValues(String id) throws IOException {
        List<String> lines = Files.readAllLines(AbfExpectedValuesTest.dir().resolve(id + ".abfinfo"), StandardCharsets.ISO_8859_1);
        Map<String, String> kv = new HashMap<>();
        for (String l : lines) {
            Matcher m = KV.matcher(l);
            if (m.matches()) kv.putIfAbsent(m.group(1), m.group(2));
        }
        Recording r = AbfExpectedValuesTest.recording(id);
        Map<String, String> meta = r.metadata();
        assertEquals(kv.get("nOperationMode"), meta.get("acquisition_mode").substring(0, 1));
        assertEquals(Long.parseLong(kv.get("lActualAcqLength")), Long.parseLong(meta.get("total_samples")));
        assertEquals(Integer.parseInt(kv.get("lActualEpisodes")), Integer.parseInt(meta.get("episodes")));
        assertEquals(Integer.parseInt(kv.get("nADCNumChannels")), r.channelCount());
        // ABFInfo prints the ABF2 meaning: interval between samples of one channel, us
        assertEquals(Double.parseDouble(kv.get("fADCSequenceInterval")), Double.parseDouble(meta.get("sample_interval_us")), 1e-4);
        assertEquals(Integer.parseInt(kv.get("lNumSamplesPerEpisode")), Integer.parseInt(meta.get("samples_per_episode")));
        assertEquals(Double.parseDouble(kv.get("fSynchTimeUnit")), Double.parseDouble(meta.get("synch_time_unit_us")), 1e-4);
        assertEquals(Double.parseDouble(kv.get("fADCRange")), Double.parseDouble(meta.get("adc_range_v")), 1e-4);
        assertEquals(Integer.parseInt(kv.get("lADCResolution")), Integer.parseInt(meta.get("adc_resolution")));
        assertEquals(kv.get("nDataFormat").equals("0") ? "int16" : "float32", meta.get("data_format"));
        double startToStart = Double.parseDouble(kv.get("fEpisodeStartToStart"));
        if (startToStart > 0 && r.sweepCount() > 1) {
            assertEquals(startToStart * 1000, r.sweep(1).startMs() - r.sweep(0).startMs(), 1e-6, "sweep start-to-start");
        }
        for (String l : lines) {
            if (l.startsWith("File GUID:")) assertEquals(l.replaceAll(".*\\{(.*)\\}.*", "$1"), meta.get("file_guid"));
        }

        // ADC table: "No.  sADCChannelName  sADCUnits", rows keyed by physical ADC number, in channel order
        int adcAt = indexOf(lines, "No.  sADCChannelName  sADCUnits");
        assertTrue(adcAt >= 0, "ADC table present");
        for (int c = 0; c < r.channelCount(); c++) {
            String[] f = lines.get(adcAt + 1 + c).trim().split("\\s{2,}");
            assertEquals(r.channels().get(c).name(), f[1].trim(), "ADC " + c + " name");
            assertEquals(r.channels().get(c).units(), f.length > 2 ? f[2].trim() : "", "ADC " + c + " units");
        }
        // DAC table: rows "No. name units scale holding"
        int dacAt = indexOf(lines, "No. sDACChannelName");
        assertTrue(dacAt >= 0, "DAC table present");
        for (int i = dacAt + 1; i < lines.size() && lines.get(i).matches("^\\s*\\d+\\s.*"); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            int dac = Integer.parseInt(f[0]);
            DacProtocol d = r.protocol().dac(dac);
            if (d == null && AbfExpectedValuesTest.abf1(id) && dac >= 4) continue; // ABF1 has 4 DAC slots; ABFInfo pads to 8
            assertNotNull(d, "DAC " + dac);
            assertEquals(Double.parseDouble(f[f.length - 1]), d.holdingLevel(), 1e-4, "DAC " + dac + " holding level");
            String nameAndUnits = String.join(" ", java.util.Arrays.copyOfRange(f, 1, f.length - 2));
            assertEquals(nameAndUnits, (d.name() + " " + d.units()).trim(), "DAC " + dac + " name and units");
        }
        // epoch tables per DAC
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher head = Pattern.compile("^Epoch Output Waveform - Channel (\\d+):").matcher(lines.get(i));
            if (!head.find()) continue;
            int dac = Integer.parseInt(head.group(1));
            DacProtocol d = r.protocol().dac(dac);
            if (d == null && AbfExpectedValuesTest.abf1(id) && dac >= 2) continue; // ABF1 stores epoch tables for DAC 0 and 1
            List<Epoch> rows = new ArrayList<>();
            boolean enabled = false;
            for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("Analog Output") && !lines.get(j).startsWith("Epoch Output"); j++) {
                Matcher e = EPOCH_ROW.matcher(lines.get(j));
                Matcher en = Pattern.compile("^nWaveformEnable\\[\\d+\\]\\s*=\\s*(\\d)").matcher(lines.get(j));
                if (en.find()) enabled = en.group(1).equals("1");
                if (!e.matches() || e.group(2).equals("Off")) continue;
                rows.add(new Epoch(Integer.parseInt(e.group(1)), type(e.group(2)), Double.parseDouble(e.group(3)),
                        Double.parseDouble(e.group(4)), Integer.parseInt(e.group(5)), Integer.parseInt(e.group(6)),
                        Integer.parseInt(e.group(8)), Integer.parseInt(e.group(9)), Integer.parseInt(new StringBuilder(e.group(7).replace('*', '1')).toString(), 2)));
            }
            List<Epoch> ours = d == null ? List.of() : d.epochs().stream().filter(x -> x.type() != EpochType.DISABLED).toList();
            assertEquals(rows.size(), ours.size(), "DAC " + dac + " epoch count");
            for (int k = 0; k < rows.size(); k++) {
                Epoch a = rows.get(k), b = ours.get(k);
                String w = "DAC " + dac + " epoch " + a.letter();
                assertEquals(a.index(), b.index(), w);
                assertEquals(a.type(), b.type(), w);
                // ABFInfo prints levels with 3 decimals
                assertEquals(a.firstLevel(), b.firstLevel(), 0.0005, w + " first level");
                assertEquals(a.deltaLevel(), b.deltaLevel(), 0.0005, w + " delta level");
                assertEquals(a.firstDuration(), b.firstDuration(), w + " first duration");
                assertEquals(a.deltaDuration(), b.deltaDuration(), w + " delta duration");
                assertEquals(a.pulsePeriod(), b.pulsePeriod(), w + " pulse period");
                assertEquals(a.pulseWidth(), b.pulseWidth(), w + " pulse width");
                // (ABFInfo's nDigitalValue column is not ABF2's Epoch-section digital output; see AbfCommandWaveformTest)
            }
            if (d != null && !rows.isEmpty()) assertEquals(enabled, d.waveformEnabled(), "DAC " + dac + " waveform enabled");
            checked++;
        }
        assertTrue(checked > 0 || r.metadata().get("acquisition_mode").startsWith("3") || r.metadata().get("acquisition_mode").startsWith("1"),
                "episodic dumps have epoch tables");
    }

    /** pyABF's per-DAC epoch tables ("## Epochs for Channel N": Type, First Level, Delta Level, durations, train). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void pyabfEpochTables(String id) throws IOException {
        List<String> lines = Files.readAllLines(AbfExpectedValuesTest.dir().resolve("headers/" + id + ".md"), StandardCharsets.ISO_8859_1);
        Recording r = AbfExpectedValuesTest.recording(id);
        int tables = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher head = Pattern.compile("^## Epochs for Channel (\\d+)").matcher(lines.get(i));
            if (!head.find()) continue;
            int dac = Integer.parseInt(head.group(1));
            Map<String, String[]> rows = new HashMap<>();
            for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("## "); j++) {
                String l = lines.get(j);
                for (String key : new String[] {"Type", "First Level", "Delta Level", "First Duration (points)", "Delta Duration (points)",
                        "Train Period (points)", "Pulse Width (points)"}) {
                    if (l.trim().startsWith(key + " ")) rows.put(key, l.trim().substring(key.length()).trim().split("\\s+"));
                }
            }
            if (!rows.containsKey("Type")) continue;
            DacProtocol d = r.protocol().dac(dac);
            List<Epoch> ours = d.epochs().stream().filter(x -> x.type() != EpochType.DISABLED).toList();
            String[] types = rows.get("Type");
            assertEquals(types.length, ours.size(), "DAC " + dac + " epochs");
            for (int k = 0; k < types.length; k++) {
                Epoch e = ours.get(k);
                String w = "DAC " + dac + " epoch " + k;
                assertEquals(types[k], e.type().label(), w);
                // the dump prints levels with 2 decimals
                assertEquals(Double.parseDouble(rows.get("First Level")[k]), e.firstLevel(), 0.005, w);
                assertEquals(Double.parseDouble(rows.get("Delta Level")[k]), e.deltaLevel(), 0.005, w);
                assertEquals(Integer.parseInt(rows.get("First Duration (points)")[k]), e.firstDuration(), w);
                assertEquals(Integer.parseInt(rows.get("Delta Duration (points)")[k]), e.deltaDuration(), w);
                assertEquals(Integer.parseInt(rows.get("Train Period (points)")[k]), e.pulsePeriod(), w);
                assertEquals(Integer.parseInt(rows.get("Pulse Width (points)")[k]), e.pulseWidth(), w);
            }
            tables++;
        }
        if (!AbfExpectedValuesTest.oldFetchex(id)) assertFalse(lines.isEmpty());
        assertTrue(tables >= 0);
    }

    static EpochType type(String word) {
        return switch (word) {
            case "Step" -> EpochType.STEP;
            case "Ramp" -> EpochType.RAMP;
            case "Train", "Pulse" -> EpochType.PULSE;
            case "Biphsc", "Biphasic" -> EpochType.BIPHASIC;
            case "Triangle", "Triang" -> EpochType.TRIANGLE;
            case "Cosine" -> EpochType.COSINE;
            default -> EpochType.UNKNOWN;
        };
    }

    static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
        return -1;
    }
}
