package org.dendrite.io.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;

/** One entry point: the format is found from the first bytes, then the extension. */
@Tag("data")
class RecordingReadersTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "data/abf-pyabf/17o05028_ic_steps.abf, ABF, 2.6.0.0, 16",
            "data/abf-pyabf/File_axon_3.abf, ABF, 1.8.3.0, 5",
            "data/efel-testdata/neo_mat/neo_test_file_no_times.mat, MAT, 6, 1",
            "data/nwb-bluepyefe/99111002.nwb, NWB, 2.4.0, 16",
            "data/csv-traces/TimeVoltageResponse.csv, CSV, '', 1",
            "data/efel-testdata/basic/sagtrace_1.txt, text, '', 1"})
    void dispatch(String path, String format, String version, int sweeps) {
        Recording r = RecordingReaders.read(SharedData.path(path));
        assertEquals(format, r.format());
        assertEquals(version, r.version());
        assertEquals(sweeps, r.sweepCount());
    }

    @Test
    void magicBytesWinOverTheExtension() throws IOException {
        Path p = tmp.resolve("renamed.dat");
        Files.copy(SharedData.path("data/abf-pyabf/18807005.abf"), p);
        assertEquals("ABF", RecordingReaders.read(p).format());
        Path n = tmp.resolve("renamed.h5");
        Files.copy(SharedData.path("data/nwb-bluepyefe/99111002.nwb"), n);
        assertEquals("NWB", RecordingReaders.read(n).format());
    }

    @Test
    void errorsAreDendriteExceptionsNamingTheFile() throws IOException {
        Path missing = tmp.resolve("missing.abf");
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingReaders.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        assertInstanceOf(DendriteException.class, e);
        assertEquals(2, e.exitCode(), "bad input");

        Path bin = tmp.resolve("blob.bin");
        Files.write(bin, new byte[] {1, 2, 3, 0, 5});
        e = assertThrows(RecordingFormatException.class, () -> RecordingReaders.read(bin));
        assertTrue(e.getMessage().startsWith(bin + ": byte 0: unknown recording format: expected one of ABF"), e.getMessage());

        Path abf = tmp.resolve("text.abf");
        Files.writeString(abf, "0 1\n");
        e = assertThrows(RecordingFormatException.class, () -> RecordingReaders.read(abf));
        assertTrue(e.getMessage().contains("byte 0: expected the ABF signature"), e.getMessage());
    }
}
