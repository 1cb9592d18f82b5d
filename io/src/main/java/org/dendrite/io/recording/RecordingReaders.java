package org.dendrite.io.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.dendrite.engine.recording.Recording;
import org.dendrite.io.recording.abf.AbfReader;
import org.dendrite.io.recording.mat.MatFiles;
import org.dendrite.io.recording.mat.MatRecordingReader;
import org.dendrite.io.recording.nwb.NwbReader;
import org.dendrite.io.recording.text.TextRecordingReader;

/**
 * The one entry point for recordings: {@link #read(Path)} looks at the file's first bytes (ABF "ABF "/"ABF2",
 * MAT-file text header, HDF5 signature) and, failing those, at its extension, then hands it to the matching reader.
 * Every failure is a {@link RecordingFormatException} naming the file.
 */
public final class RecordingReaders {
    /** Formats {@link #read} understands, for messages and help texts. */
    public static final String FORMATS = "ABF 1/2 (.abf), MAT v5/v7/v7.3 (.mat), NWB 2 (.nwb), CSV/TSV/whitespace text (.csv, .tsv, .txt, .dat)";

    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private RecordingReaders() {}

    /** Reads a recording with default options (text files without a time column need {@link #read(Path, double)}). */
    public static Recording read(Path file) {
        return read(file, Double.NaN);
    }

    /**
     * Reads a recording; {@code dtMs} is the sample interval used only for text files that have no time column
     * (NaN: none).
     */
    public static Recording read(Path file, double dtMs) {
        if (!Files.exists(file)) throw new RecordingFormatException(file, "no such file");
        if (Files.isDirectory(file)) throw new RecordingFormatException(file, "is a directory, expected a recording file (" + FORMATS + ")");
        byte[] head = new byte[520];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new RecordingFormatException(file, "cannot read: " + e.getMessage(), e);
        }
        head = Arrays.copyOf(head, n);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (AbfReader.looksLikeAbf(head)) return AbfReader.read(file);
        if (MatFiles.looksLikeMat(head)) return MatRecordingReader.read(file);
        if (n >= 8 && Arrays.equals(Arrays.copyOf(head, 8), HDF5)) {
            if (name.endsWith(".mat")) return MatRecordingReader.read(file);
            return NwbReader.read(file);
        }
        if (name.endsWith(".abf")) return AbfReader.read(file); // gives the signature error with offset
        if (name.endsWith(".mat")) return MatRecordingReader.read(file);
        if (name.endsWith(".nwb") || name.endsWith(".h5") || name.endsWith(".hdf5")) {
            throw new RecordingFormatException(file, 0, "expected the HDF5 signature (\\x89HDF\\r\\n\\x1a\\n) of an NWB file but found other bytes");
        }
        if (looksLikeText(head)) return TextRecordingReader.read(file, new TextRecordingReader.Options(dtMs));
        throw new RecordingFormatException(file, 0, "unknown recording format: expected one of " + FORMATS);
    }

    private static boolean looksLikeText(byte[] head) {
        if (head.length == 0) return true;
        String s = new String(head, StandardCharsets.ISO_8859_1);
        for (char c : s.toCharArray()) {
            if (c == 0 || (c < 32 && c != '\n' && c != '\r' && c != '\t')) return false;
        }
        return true;
    }
}
