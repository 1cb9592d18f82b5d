package org.dendrite.io.recording.abf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.dendrite.io.recording.RecordingFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** Truncated and corrupted copies of real ABF files give one clear message: file, byte offset, what was expected. */
@Tag("data")
class AbfMalformedTest {
    @TempDir
    Path tmp;

    private Path copy(String id, int keepBytes) throws IOException {
        byte[] b = Files.readAllBytes(AbfExpectedValuesTest.dir().resolve(id + ".abf"));
        Path p = tmp.resolve(id + "-broken.abf");
        Files.write(p, keepBytes >= 0 ? Arrays.copyOf(b, keepBytes) : b);
        return p;
    }

    private static void patch(Path p, int offset, byte[] bytes) throws IOException {
        byte[] b = Files.readAllBytes(p);
        System.arraycopy(bytes, 0, b, offset, bytes.length);
        Files.write(p, b);
    }

    private static RecordingFormatException fails(Path p) {
        return assertThrows(RecordingFormatException.class, () -> AbfReader.read(p));
    }

    @Test
    void truncatedDataSection() throws IOException {
        Path p = copy("16d22006_kim_gapfree", 100_000);
        RecordingFormatException e = fails(p);
        assertEquals(4608, e.offset(), e.getMessage());
        assertTrue(e.getMessage().startsWith(p + ": byte 4608: expected the data section of 966000 int16 samples (2 channel(s) multiplexed)"), e.getMessage());
        assertTrue(e.getMessage().contains("file ends after 100000 bytes"), e.getMessage());
    }

    @Test
    void truncatedBeforeTheSynchArray() throws IOException {
        // the synch array (sweep starts and lengths) follows the data: cutting the file loses it first
        Path p = copy("17o05028_ic_steps", 100_000);
        RecordingFormatException e = fails(p);
        assertEquals(p + ": byte 1926656: expected SynchArray section (map entry at byte 316) (128 bytes) but the file ends after 100000 bytes"
                + " (truncated or not an ABF file)", e.getMessage());
    }

    @Test
    void truncatedAbf2HeaderNamesTheSection() throws IOException {
        Path p = copy("17o05028_ic_steps", 600);
        RecordingFormatException e = fails(p);
        assertTrue(e.getMessage().contains("section"), e.getMessage());
        assertTrue(e.offset() >= 512, "points past the cut: " + e.getMessage());
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void truncatedAbf1ExtendedHeader() throws IOException {
        Path p = copy("File_axon_3", 3000);
        RecordingFormatException e = fails(p);
        assertTrue(e.offset() >= 3000 && e.getMessage().contains("expected"), e.getMessage());
        assertTrue(e.getMessage().contains("file ends after 3000 bytes"), e.getMessage());
    }

    @Test
    void wrongSignature() throws IOException {
        Path p = copy("18807005", -1);
        patch(p, 0, "RIFF".getBytes());
        RecordingFormatException e = fails(p);
        assertEquals(p + ": byte 0: expected the ABF signature \"ABF \" (ABF1) or \"ABF2\" but found \"RIFF\"", e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Path p = copy("18807005", 0);
        RecordingFormatException e = fails(p);
        assertTrue(e.getMessage().startsWith(p + ": byte 0: expected the 4-byte ABF signature"), e.getMessage());
    }

    @Test
    void impossibleChannelCountInAbf1() throws IOException {
        Path p = copy("File_axon_3", -1);
        patch(p, 120, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0).array());
        RecordingFormatException e = fails(p);
        assertEquals(p + ": byte 120: expected 1 to 16 ADC channels but found 0", e.getMessage());
    }

    @Test
    void impossibleDataFormatInAbf2() throws IOException {
        Path p = copy("18807005", -1);
        patch(p, 30, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 7).array());
        RecordingFormatException e = fails(p);
        assertEquals(p + ": byte 30: expected data format 0 (int16) or 1 (float32) (nDataFormat) but found 7", e.getMessage());
    }

    @Test
    void sectionPointingPastTheEnd() throws IOException {
        Path p = copy("18807005", -1);
        // ADC section map entry (byte 92): block index far beyond the file
        patch(p, 92, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(100_000).array());
        RecordingFormatException e = fails(p);
        assertEquals(100_000L * 512, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("ADC section (map entry at byte 92)"), e.getMessage());
    }

    @Test
    void zeroGainFactorCountsAsOneWithAWarning() throws IOException {
        // 18807005: ADC section at block 2 (byte 1024); fSignalGain is at +48 of the entry
        Path p = copy("18807005", -1);
        byte[] b = Files.readAllBytes(p);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long adc = Integer.toUnsignedLong(bb.getInt(92)) * 512;
        float signalGain = bb.getFloat((int) adc + 48);
        assertEquals(1.0f, signalGain, "the file's signal gain is 1, so zeroing it must not change the values");
        patch(p, (int) adc + 48, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0f).array());
        var r = AbfReader.read(p);
        assertEquals(506.5917728131819, r.sweep(0).value(0, 0), 1e-9);
        assertEquals("channel 0: fSignalGain stored as 0, taken as 1", r.metadata().get("warnings"));
    }

    /**
     * Random corruption of header bytes (fixed seed, 1-4 bytes at a time in the first 6656 bytes) either still reads
     * or gives a RecordingFormatException: never an index error, a negative array size or running out of memory.
     */
    @Test
    void randomHeaderCorruptionGivesOnlyFormatErrors() throws IOException {
        java.util.Random rnd = new java.util.Random(20261124);
        int formatErrors = 0;
        for (String id : new String[] {"18807005", "File_axon_3", "2020_06_16_0001", "130618-1-12", "File_axon_7"}) {
            byte[] orig = Files.readAllBytes(AbfExpectedValuesTest.dir().resolve(id + ".abf"));
            Path p = tmp.resolve(id + "-fuzz.abf");
            for (int t = 0; t < 80; t++) {
                byte[] b = orig.clone();
                for (int k = 1 + rnd.nextInt(4); k > 0; k--) b[rnd.nextInt(Math.min(b.length, 6656))] = (byte) rnd.nextInt(256);
                Files.write(p, b);
                try {
                    var r = AbfReader.read(p);
                    for (var s : r.sweeps()) {
                        if (s.size() > 0) s.value(0, s.size() - 1);
                        for (var c : s.commands()) if (c.size() > 0) c.value(c.size() - 1);
                    }
                } catch (RecordingFormatException e) {
                    assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
                    formatErrors++;
                }
            }
        }
        assertTrue(formatErrors > 0, "some corruptions are detected");
    }
}
