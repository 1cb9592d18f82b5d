package org.dendrite.io.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.io.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values are compared exactly: the reader only parses and scales by powers of ten that are exact for these inputs. */
class TextTraceReaderTest {
    @TempDir Path tmp;

    @Test
    void readsEfelTwoColumnFile() throws IOException {
        TextTrace tr = TextTraceReader.read(SharedData.path("data/efel-testdata/allfeatures/testdata.txt"));
        assertEquals(12000, tr.size());
        assertEquals(0.0, tr.timeMs()[0]);
        assertEquals(-75.68379974365234375, tr.voltageMv()[0]);
        assertEquals(2999.750137329101562, tr.timeMs()[11999]);
        assertEquals(-78.30867767333984375, tr.voltageMv()[11999]);
    }

    @Test
    void readsPandasCsvWithIndexColumnAndHeader() throws IOException {
        TextTrace tr = TextTraceReader.read(SharedData.path("data/csv-traces/TimeVoltageResponse.csv"));
        assertEquals(6024, tr.size());
        assertEquals(1, tr.timeColumn());
        assertEquals(2, tr.voltageColumn());
        assertEquals(0.000664036278079, tr.timeMs()[1]);
        assertEquals(-65.0020897598, tr.voltageMv()[1]);
        assertEquals(3000.0, tr.timeMs()[6023]);
        assertEquals(-77.1071813437, tr.voltageMv()[6023]);
    }

    @Test
    void readsVoltageOnlyFileWithGivenStep() throws IOException {
        Path f = SharedData.path("data/efel-testdata/basic/AP_begin_indices_95810005.abf.csv");
        assertThrows(TraceFormatException.class, () -> TextTraceReader.read(f));
        TextTrace tr = TextTraceReader.read(f, TextTraceReader.Options.defaults().withDtMs(0.1));
        assertEquals(-63.155449, tr.voltageMv()[0]);
        assertEquals(0.2, tr.timeMs()[2], 1e-15);
        assertEquals(-1, tr.timeColumn());
    }

    @Test
    void convertsUnitsNamedInTheHeader() throws IOException {
        Path f = tmp.resolve("si.csv");
        Files.writeString(f, "# a comment\ntime [s],other,v [V]\n0.0,1,-0.065\n0.001,2,-0.064\n");
        TextTrace tr = TextTraceReader.read(f);
        assertArrayEquals(new double[] {0.0, 1.0}, tr.timeMs());
        assertArrayEquals(new double[] {-65.0, -64.0}, tr.voltageMv());
        Path g = tmp.resolve("ws.txt");
        Files.writeString(g, "t [ms] i [nA] v [mV]\n0 0.1 -70\n0.5 0.2 -69\n");
        TextTrace tg = TextTraceReader.read(g);
        assertEquals(2, tg.voltageColumn());
        assertArrayEquals(new double[] {-70, -69}, tg.voltageMv());
    }

    @Test
    void badFilesNameTheLine() throws IOException {
        Path f = tmp.resolve("bad.txt");
        Files.writeString(f, "0 -70\n0.1 -69\n0.2 oops\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TextTraceReader.read(f));
        assertTrue(e.getMessage().contains("bad.txt:3"), e.getMessage());
        Path g = tmp.resolve("ragged.txt");
        Files.writeString(g, "0 -70\n0.1 -69 5\n");
        assertTrue(assertThrows(TraceFormatException.class, () -> TextTraceReader.read(g)).getMessage().contains(":2"));
        Path h = tmp.resolve("back.txt");
        Files.writeString(h, "0 -70\n0.1 -69\n0.05 -68\n");
        assertTrue(assertThrows(TraceFormatException.class, () -> TextTraceReader.read(h)).getMessage().contains("decreases"));
        Path e0 = tmp.resolve("empty.txt");
        Files.writeString(e0, "# nothing\n");
        assertThrows(TraceFormatException.class, () -> TextTraceReader.read(e0));
    }
}
