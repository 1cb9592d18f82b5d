package org.dendrite.io.recording.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.dendrite.engine.SharedData;
import org.dendrite.io.recording.RecordingFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/** Text traces: BluePyOpt's CSV, eFEL's whitespace files, Consortium-style CSV, and malformed lines. */
@Tag("data")
class TextRecordingReaderTest {
    @TempDir
    Path tmp;

    @Test
    void bluePyOptCsvWithPandasIndexAndVariableStep() {
        Recording r = TextRecordingReader.read(SharedData.path("data/csv-traces/TimeVoltageResponse.csv"));
        assertEquals("CSV", r.format());
        assertEquals(1, r.channelCount(), "the pandas index column is dropped, time is the time base");
        assertEquals("voltage", r.channels().get(0).name());
        assertEquals("mV", r.channels().get(0).units(), "voltage without a unit is mV by convention");
        Sweep s = r.sweep(0);
        assertEquals(6024, s.size());
        assertFalse(s.time().isUniform(), "NEURON variable time step");
        assertTrue(Double.isNaN(r.sampleRateHz()));
        // values exactly as printed in the file (parsed doubles, no arithmetic)
        assertEquals(0.000664036278079, s.time().timeMs(1));
        assertEquals(-65.0020897598, s.value(0, 1));
        assertEquals(3000.0, s.time().timeMs(6023));
        assertEquals(-77.1071813437, s.value(0, 6023));
        assertEquals(2993.78405743, s.time().timeMs(6022));
    }

    @Test
    void efelTwoColumnIrregular() {
        Recording r = TextRecordingReader.read(SharedData.path("data/efel-testdata/basic/mean_frequency_1.txt"));
        assertEquals("text", r.format());
        assertEquals(List.of("V"), r.channels().stream().map(c -> c.name()).toList());
        assertEquals("mV", r.channels().get(0).units());
        assertEquals(41491, r.sweep(0).size());
        assertEquals(0.000253, r.sweep(0).time().timeMs(1));
        assertEquals(-65.000586, r.sweep(0).value(0, 1));
        assertFalse(r.sweep(0).time().isUniform());
    }

    @Test
    void efelUniformTraceGetsASampleRate() {
        Recording r = TextRecordingReader.read(SharedData.path("data/efel-testdata/allfeatures/testdata.txt"));
        assertTrue(r.sweep(0).time().isUniform());
        assertEquals(12000, r.sweep(0).size());
        // times are float32-rounded in the file (0.2500000118...): the mean step is 0.25 ms within 1e-6
        assertEquals(0.25, r.sweep(0).time().dtMs(), 1e-6);
        assertEquals(4000, r.sampleRateHz(), 0.02);
        assertEquals(-75.68379974365234375, r.sweep(0).value(0, 0));
    }

    @Test
    void csvNamedSpaceSeparatedFileAndScientificNotation() {
        Recording r = TextRecordingReader.read(SharedData.path("data/efel-testdata/basic/tau20.0.csv"));
        assertEquals("text", r.format(), "content decides, not the .csv extension");
        assertEquals(80001, r.sweep(0).size());
        assertEquals(0.025, r.sweep(0).time().dtMs(), 1e-12);
        assertEquals(-65.0, r.sweep(0).value(0, 0));
    }

    @Test
    void recordedTwoColumnCsvFromAnAbf() {
        // PROVENANCE: recorded data exported from an ABF file, two space-separated columns, time (ms, dt 0.1) and voltage
        Recording r = TextRecordingReader.read(SharedData.path("data/efel-testdata/basic/zero_ISI_log_slope_skip95824004.abf.csv"));
        assertEquals(7168, r.sweep(0).size());
        assertTrue(r.sweep(0).time().isUniform());
        assertEquals(0.1, r.sweep(0).time().dtMs(), 1e-9);
        assertEquals(10_000, r.sampleRateHz(), 1e-3);
        assertEquals("V [mV]", r.channels().get(0).header());
    }

    @Test
    void oneColumnNeedsTheSampleInterval() {
        Path p = SharedData.path("data/efel-testdata/basic/AP_begin_indices_95810005.abf.csv");
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> TextRecordingReader.read(p));
        assertEquals(p + ": the file has no time column (1 column(s), no header): give the sample interval (--dt MS)", e.getMessage());
        Recording r = TextRecordingReader.read(p, new TextRecordingReader.Options(0.1));
        assertEquals(7168, r.sweep(0).size());
        assertEquals(716.8, r.durationMs(), 1e-9);
        assertEquals(-63.155449, r.sweep(0).value(0, 0));
        assertEquals(-62.655449, r.sweep(0).value(0, 2));
    }

    @Test
    void threeColumnsWithoutHeader() {
        Recording r = TextRecordingReader.read(SharedData.path("data/efel-testdata/basic/current.txt"));
        assertEquals(List.of("col2", "col3"), r.channels().stream().map(c -> c.name()).toList());
        assertEquals(12000, r.sweep(0).size());
        assertEquals(-15.62424, r.sweep(0).value(0, 1));
        assertEquals(-69.05914, r.sweep(0).value(1, 2));
        // time column is taken as ms (the file's own unit, s, is not stated in it: eFEL's tests multiply by 1000)
        assertEquals(0.00025, r.sweep(0).time().dtMs(), 1e-12);
    }

    static Stream<Object> efelTextFiles() throws Exception {
        return SharedData.cases(() -> {
            try (Stream<Path> s = Files.walk(SharedData.path("data/efel-testdata"))) {
                return s.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().equals("current.txt")).sorted().toList();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("efelTextFiles")
    void everyEfelTwoColumnTraceReads(Path p) throws IOException {
        SharedData.assumeAvailable();
        long lines;
        try (Stream<String> l = Files.lines(p)) {
            lines = l.filter(x -> !x.isBlank()).count();
        }
        Recording r = TextRecordingReader.read(p);
        assertEquals(lines, r.sweep(0).size());
        assertEquals(1, r.channelCount());
        assertEquals("mV", r.channels().get(0).units());
    }

    @Test
    void consortiumStyleCsvAndUnitsFromHeaders() throws IOException {
        Path p = tmp.resolve("ephys.csv");
        Files.writeString(p, "time,voltage\n0,-70\n0.1,-69.5\n0.2,-69.25\n");
        Recording r = TextRecordingReader.read(p);
        assertEquals("voltage [mV]", r.channels().get(0).header());
        assertEquals(0.1, r.sweep(0).time().dtMs(), 1e-12);
        assertEquals(10_000, r.sampleRateHz(), 1e-6);

        Path q = tmp.resolve("units.tsv");
        Files.writeString(q, "# exported trace\nt [s]\tV (mV)\tI_inj (nA)\n0\t-70\t0\n0.001\t-69\t0.5\n");
        Recording u = TextRecordingReader.read(q);
        assertEquals("TSV", u.format());
        assertEquals(1.0, u.sweep(0).time().dtMs(), 1e-12, "seconds converted to ms");
        assertEquals(List.of("V [mV]", "I_inj [nA]"), u.channels().stream().map(c -> c.header()).toList());
        assertEquals(0.5, u.sweep(0).value(1, 1));
    }

    @Test
    void byteOrderMarkAndNumpyNan() throws IOException {
        Path p = tmp.resolve("bom.csv");
        Files.writeString(p, "\uFEFFtime,v_soma\r\n0,-70\r\n0.5,nan\r\n1.0,-inf\r\n");
        Recording r = TextRecordingReader.read(p);
        assertEquals("v_soma [mV]", r.channels().get(0).header());
        assertEquals(0.5, r.sweep(0).time().dtMs());
        assertTrue(Double.isNaN(r.sweep(0).value(0, 1)));
        assertEquals(Double.NEGATIVE_INFINITY, r.sweep(0).value(0, 2));
    }

    @Test
    void malformedLinesNameTheLine() throws IOException {
        Path p = tmp.resolve("short.csv");
        Files.writeString(p, "t,v\n0,-70\n0.1\n");
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> TextRecordingReader.read(p));
        assertEquals(p + ": line 3: expected 2 columns (as in line 1) but found 1", e.getMessage());

        Path q = tmp.resolve("word.txt");
        Files.writeString(q, "0 -70\n0.1 abc\n");
        e = assertThrows(RecordingFormatException.class, () -> TextRecordingReader.read(q));
        assertEquals(q + ": line 2, column 2: expected a number but found \"abc\"", e.getMessage());

        Path d = tmp.resolve("back.txt");
        Files.writeString(d, "0 -70\n0.2 -70\n0.1 -70\n");
        e = assertThrows(RecordingFormatException.class, () -> TextRecordingReader.read(d));
        assertEquals(d + ": line 3: expected time to increase but 0.1 ms follows 0.2 ms", e.getMessage());
    }

    // ---- merged from the former io.trace.TextTraceReaderTest (the features command's own text reader, now gone):
    // values compared exactly, the reader only parses and scales by powers of ten that are exact for these inputs

    @Test
    void efelTwoColumnFileKeepsTheTimesAsWritten() {
        Recording r = TextRecordingReader.read(SharedData.path("data/efel-testdata/allfeatures/testdata.txt"));
        Sweep s = r.sweep(0);
        assertEquals(12000, s.size());
        assertEquals(0.0, s.time().timeMs(0));
        assertEquals(-75.68379974365234375, s.value(0, 0));
        // float32 times as printed, not t0 + i * dt (the mean step is 0.25000000x): features need them
        assertEquals(2999.750137329101562, s.time().timeMs(11999));
        assertEquals(2999.750137329101562, s.time().timesMs()[11999]);
        assertEquals(-78.30867767333984375, s.value(0, 11999));
    }

    @Test
    void pandasCsvTimeAndVoltageColumnsByName() {
        Recording r = TextRecordingReader.read(SharedData.path("data/csv-traces/TimeVoltageResponse.csv"));
        assertEquals("time", r.metadata().get("time_column"), "column 1 (after the index) is time");
        assertEquals(List.of("voltage"), r.channels().stream().map(c -> c.name()).toList(), "column 2 is voltage");
        assertEquals(0.000664036278079, r.sweep(0).time().timeMs(1));
        assertEquals(-65.0020897598, r.sweep(0).value(0, 1));
    }

    @Test
    void voltageOnlyFileWithGivenStep() {
        Path f = SharedData.path("data/efel-testdata/basic/AP_begin_indices_95810005.abf.csv");
        Recording r = TextRecordingReader.read(f, new TextRecordingReader.Options(0.1));
        assertEquals(-63.155449, r.sweep(0).value(0, 0));
        assertEquals(0.2, r.sweep(0).time().timeMs(2), 1e-15);
        assertEquals("none (dt given)", r.metadata().get("time_column"));
    }

    @Test
    void unitsNamedInTheHeaderAndWhitespaceHeaders() throws IOException {
        Path f = tmp.resolve("si.csv");
        Files.writeString(f, "# a comment\ntime [s],other,v [V]\n0.0,1,-0.065\n0.001,2,-0.064\n");
        Recording r = TextRecordingReader.read(f);
        assertEquals(0.0, r.sweep(0).time().timeMs(0));
        assertEquals(1.0, r.sweep(0).time().timeMs(1));
        assertEquals(List.of("other", "v [V]"), r.channels().stream().map(c -> c.header()).toList());
        assertEquals(-0.065, r.sweep(0).value(1, 0), "kept in V; dendrite features converts to mV");
        Path g = tmp.resolve("ws.txt");
        Files.writeString(g, "% matlab-style comment\nt [ms] i [nA] v [mV]\n0 0.1 -70\n0.5 0.2 -69\n");
        Recording w = TextRecordingReader.read(g);
        assertEquals(List.of("i [nA]", "v [mV]"), w.channels().stream().map(c -> c.header()).toList(),
                "unit tokens of a whitespace header belong to the name before them");
        assertEquals(-69, w.sweep(0).value(1, 1));
        assertEquals(0.5, w.sweep(0).time().dtMs());
        Path q = tmp.resolve("quoted.csv");
        Files.writeString(q, "\"\",\"t\",\"v\"\n0,0,-70\n1,0.1,\n");
        Recording qr = TextRecordingReader.read(q);
        assertEquals(List.of("v [mV]"), qr.channels().stream().map(c -> c.header()).toList());
        assertTrue(Double.isNaN(qr.sweep(0).value(0, 1)), "an empty field is NaN");
    }

    @Test
    void badFilesNameTheLine() throws IOException {
        Path f = tmp.resolve("bad.txt");
        Files.writeString(f, "0 -70\n0.1 -69\n0.2 oops\n");
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> TextRecordingReader.read(f));
        assertTrue(e.getMessage().contains("bad.txt: line 3"), e.getMessage());
        Path g = tmp.resolve("ragged.txt");
        Files.writeString(g, "0 -70\n0.1 -69 5\n");
        assertTrue(assertThrows(RecordingFormatException.class, () -> TextRecordingReader.read(g)).getMessage()
                .contains("line 2"));
        Path h = tmp.resolve("back.txt");
        Files.writeString(h, "0 -70\n0.1 -69\n0.05 -68\n");
        assertTrue(assertThrows(RecordingFormatException.class, () -> TextRecordingReader.read(h)).getMessage()
                .contains("expected time to increase"));
        Path e0 = tmp.resolve("empty.txt");
        Files.writeString(e0, "# nothing\n");
        assertThrows(RecordingFormatException.class, () -> TextRecordingReader.read(e0));
    }
}
