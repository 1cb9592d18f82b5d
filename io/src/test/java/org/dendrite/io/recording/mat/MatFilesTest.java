package org.dendrite.io.recording.mat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.SharedData;
import org.dendrite.io.recording.RecordingFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;
import org.junit.jupiter.api.Tag;

/**
 * MAT.jl's conformance files (the same variables saved as v6, v7 and v7.3) with the contents MAT.jl's tests assert,
 * neo's MAT files as recordings, and a struct of traces written here with MFL. All values are small integers or
 * decimals stored exactly, so equality is exact.
 */
@Tag("data")
class MatFilesTest {
    @TempDir
    Path tmp;

    private static Map<String, MatValue> vars(String dir, String file, String version) {
        MatFiles.Contents c = MatFiles.read(SharedData.path("data/mat-matjl/" + dir + "/" + file));
        assertEquals(version, c.version());
        return c.variables();
    }

    private static MatValue.Numeric num(Map<String, MatValue> v, String name) {
        return assertInstanceOf(MatValue.Numeric.class, v.get(name), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v6,6", "v7,7", "v7.3,7.3"})
    void simpleScalarsOfEveryClass(String dir, String version) {
        Map<String, MatValue> v = vars(dir, "simple.mat", version);
        for (String cls : List.of("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "single", "double")) {
            MatValue.Numeric n = num(v, cls);
            assertEquals(cls, n.matlabClass(), "MATLAB class decides the type, not the storage type");
            assertEquals(1.0, n.scalar(), cls);
        }
        assertEquals("logical", num(v, "logical").matlabClass());
        assertEquals(1.0, num(v, "logical").scalar());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v6,6", "v7,7", "v7.3,7.3"})
    void arrays(String dir, String version) {
        Map<String, MatValue> v = vars(dir, "array.mat", version);
        assertArrayEquals(new int[] {1, 2}, num(v, "a1x2").dims());
        assertArrayEquals(new double[] {1, 2}, num(v, "a1x2").real());
        assertArrayEquals(new int[] {2, 1}, num(v, "a2x1").dims());
        assertArrayEquals(new double[] {1, 2}, num(v, "a2x1").real());
        // [1 3; 4 2] in column-major order
        assertArrayEquals(new int[] {2, 2}, num(v, "a2x2").dims());
        assertArrayEquals(new double[] {1, 4, 3, 2}, num(v, "a2x2").real());
        // cat(3, [1 3; 4 2], [1 2; 3 4])
        assertArrayEquals(new int[] {2, 2, 2}, num(v, "a2x2x2").dims());
        assertArrayEquals(new double[] {1, 4, 3, 2, 1, 3, 2, 4}, num(v, "a2x2x2").real());
        assertEquals(0, num(v, "empty").size());
        assertArrayEquals(new int[] {0, 0}, num(v, "empty").dims());
        assertEquals("string", ((MatValue.Text) v.get("string")).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v6,6", "v7,7", "v7.3,7.3"})
    void complexNumbers(String dir, String version) {
        MatValue.Numeric z = num(vars(dir, "complex.mat", version), "imaginary");
        assertTrue(z.isComplex());
        assertArrayEquals(new int[] {1, 7}, z.dims());
        assertArrayEquals(new double[] {1, -1, 1, 1, -1, -1, 0}, z.real());
        assertArrayEquals(new double[] {0, 0, 1, -1, 1, -1, 1}, z.imag());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v6,6", "v7,7", "v7.3,7.3"})
    void structs(String dir, String version) {
        Map<String, MatValue> v = vars(dir, "struct.mat", version);
        MatValue.Struct s = assertInstanceOf(MatValue.Struct.class, v.get("s"));
        assertEquals(1, s.size());
        assertEquals(List.of("a", "b", "c"), s.fields());
        assertArrayEquals(new double[] {1}, ((MatValue.Numeric) s.get(0, "a")).real());
        assertArrayEquals(new double[] {1, 2}, ((MatValue.Numeric) s.get(0, "b")).real());
        assertArrayEquals(new double[] {1, 2, 3}, ((MatValue.Numeric) s.get(0, "c")).real());
        MatValue.Struct s2 = assertInstanceOf(MatValue.Struct.class, v.get("s2"));
        assertEquals(2, s2.size());
        assertEquals(1.0, ((MatValue.Numeric) s2.get(0, "a")).scalar());
        assertEquals(2.0, ((MatValue.Numeric) s2.get(1, "a")).scalar());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v6,6", "v7,7", "v7.3,7.3"})
    void nestedCells(String dir, String version) {
        MatValue.CellArray c = assertInstanceOf(MatValue.CellArray.class, vars(dir, "cell.mat", version).get("cell"));
        assertEquals(4, c.elements().size());
        assertEquals(1.0, ((MatValue.Numeric) c.elements().get(0)).scalar());
        assertEquals(2.01, ((MatValue.Numeric) c.elements().get(1)).scalar());
        assertEquals("string", ((MatValue.Text) c.elements().get(2)).text());
        MatValue.CellArray inner = assertInstanceOf(MatValue.CellArray.class, c.elements().get(3));
        assertEquals("string1", ((MatValue.Text) inner.elements().get(0)).text());
        assertEquals("string2", ((MatValue.Text) inner.elements().get(1)).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v6,6", "v7,7", "v7.3,7.3"})
    void strings(String dir, String version) {
        Map<String, MatValue> v = vars(dir, "string.mat", version);
        assertEquals("the quick brown fox", ((MatValue.Text) v.get("simple_string")).text());
        assertEquals("th\u00e9 q\u00fc\u00eeck brow\u00f1 f\u00f2x", ((MatValue.Text) v.get("accented_string")).text());
        assertEquals(List.of("this is a string      ", "this is another string"), ((MatValue.Text) v.get("concatenated_strings")).rows());
        MatValue.CellArray cs = (MatValue.CellArray) v.get("cell_strings");
        assertEquals("this is a string", ((MatValue.Text) cs.elements().get(0)).text());
        assertEquals("this is another string", ((MatValue.Text) cs.elements().get(1)).text());
        assertEquals("", ((MatValue.Text) v.get("empty_string")).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v6,6", "v7,7", "v7.3,7.3"})
    void logicals(String dir, String version) {
        Map<String, MatValue> v = vars(dir, "logical.mat", version);
        assertEquals(0.0, num(v, "logical").scalar());
        assertEquals("logical", num(v, "logical_mat").matlabClass());
        // [1 0 0; 0 1 0; 1 0 0] column-major
        assertArrayEquals(new double[] {1, 0, 1, 0, 1, 0, 0, 0, 0}, num(v, "logical_mat").real());
    }

    @Test
    void formatTestVectorsAreNotRecordings() {
        Path p = SharedData.path("data/mat-matjl/v7.3/array.mat");
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> MatRecordingReader.read(p));
        assertTrue(e.getMessage().startsWith(p + ": no traces found"), e.getMessage());
        assertTrue(e.getMessage().contains("a2x2x2 (double 2x2x2)"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"neo_test_file_no_times.mat,0", "neo_test_file_epoch_times.mat,2", "neo_test_file_events_time.mat,2",
            "neo_test_file_events_time_incomplete.mat,1"})
    void neoBlocks(String file, int tags) {
        Recording r = MatRecordingReader.read(SharedData.path("data/efel-testdata/neo_mat/" + file));
        assertEquals("MAT", r.format());
        assertEquals("6", r.version());
        assertEquals(1, r.sweepCount());
        assertEquals(1, r.channelCount());
        assertEquals("mV", r.channels().get(0).units());
        assertEquals(1000.0, r.sampleRateHz());
        assertEquals(10, r.sweep(0).size());
        for (int i = 0; i < 10; i++) assertEquals(i, r.sweep(0).value(0, i), "signal 0..9 mV");
        assertEquals(1.0, r.sweep(0).time().dtMs());
        assertEquals(tags, r.tags().size());
        if (file.contains("epoch")) {
            assertEquals("stim", r.tags().get(0).comment());
            assertEquals(0.0, r.tags().get(0).timeMs());
            assertEquals(20.0, r.tags().get(1).timeMs());
        } else if (file.contains("events_time.mat")) {
            assertEquals("stim_start", r.tags().get(0).comment());
            assertEquals(0.0, r.tags().get(0).timeMs());
            assertEquals("stim_end", r.tags().get(1).comment());
            assertEquals(20.0, r.tags().get(1).timeMs());
        } else if (file.contains("incomplete")) {
            assertEquals("stim_start", r.tags().get(0).comment());
        }
    }

    @Test
    void structArrayOfTracesWrittenByMfl() throws IOException {
        Struct traces = Mat5.newStruct(1, 2);
        for (int s = 0; s < 2; s++) {
            Matrix t = Mat5.newMatrix(5, 1);
            Matrix v = Mat5.newMatrix(5, 1);
            Matrix i = Mat5.newMatrix(5, 1);
            for (int k = 0; k < 5; k++) {
                t.setDouble(k, k * 0.5);
                v.setDouble(k, -70 + s + k);
                i.setDouble(k, s * 0.1);
            }
            traces.set("t", s, t).set("v", s, v).set("i_inj", s, i).set("i_inj_units", s, Mat5.newString("nA"));
        }
        MatFile mat = Mat5.newMatFile().addArray("traces", traces);
        Path p = tmp.resolve("traces.mat");
        Mat5.writeToFile(mat, p.toFile());
        Recording r = MatRecordingReader.read(p);
        assertEquals(2, r.sweepCount());
        assertEquals(List.of("v [mV]", "i_inj [nA]"), r.channels().stream().map(c -> c.header()).toList());
        assertEquals(0.5, r.sweep(1).time().dtMs());
        assertEquals(-69 + 4, r.sweep(1).value(0, 4));
        assertEquals(0.1, r.sweep(1).value(1, 2));
        assertNull(r.metadata().get("nothing"));
    }

    @Test
    void topLevelMatrixColumnsAreSweeps() throws IOException {
        Matrix v = Mat5.newMatrix(4, 3);
        for (int s = 0; s < 3; s++) for (int k = 0; k < 4; k++) v.setDouble(k, s, 10 * s + k);
        MatFile mat = Mat5.newMatFile().addArray("vm", v).addArray("dt", Mat5.newScalar(0.025));
        Path p = tmp.resolve("sweeps.mat");
        Mat5.writeToFile(mat, p.toFile());
        Recording r = MatRecordingReader.read(p);
        assertEquals(3, r.sweepCount());
        assertEquals("vm [mV]", r.channels().get(0).header());
        assertEquals(40_000, r.sampleRateHz(), 1e-6);
        assertEquals(23.0, r.sweep(2).value(0, 3));
    }

    @Test
    void cellArrayOfSweepsWithSamplingRate() throws IOException {
        us.hebi.matlab.mat.types.Cell cell = Mat5.newCell(1, 2);
        for (int s = 0; s < 2; s++) {
            Matrix v = Mat5.newMatrix(1, 3);
            for (int k = 0; k < 3; k++) v.setDouble(k, 100 * s + k);
            cell.set(s, v);
        }
        MatFile mat = Mat5.newMatFile().addArray("voltage", cell).addArray("sampling_rate", Mat5.newScalar(20000));
        Path p = tmp.resolve("cells.mat");
        Mat5.writeToFile(mat, p.toFile());
        Recording r = MatRecordingReader.read(p);
        assertEquals(2, r.sweepCount());
        assertEquals("voltage [mV]", r.channels().get(0).header());
        assertEquals(0.05, r.sweep(0).time().dtMs());
        assertEquals(102.0, r.sweep(1).value(0, 2));
    }

    @Test
    void notAMatFile() throws IOException {
        Path p = tmp.resolve("fake.mat");
        Files.writeString(p, "x".repeat(200));
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> MatFiles.read(p));
        assertTrue(e.getMessage().startsWith(p + ": byte 0: expected a MAT-file header"), e.getMessage());
    }
}
