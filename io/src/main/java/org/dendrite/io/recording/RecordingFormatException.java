package org.dendrite.io.recording;

import java.nio.file.Path;

import org.dendrite.engine.DendriteException;

/**
 * A recording file that cannot be read: the message names the file and, for binary formats, the byte offset and what
 * was expected there, e.g. {@code cell.abf: byte 6656: data section of 960000 int16 samples needs 1920000 bytes but the
 * file ends after 1000000}.
 */
public class RecordingFormatException extends DendriteException {
    private final String file;
    private final long offset;

    /** An error about the file as a whole (offset unknown). */
    public RecordingFormatException(Path file, String message) {
        this(file, -1, message, null);
    }

    public RecordingFormatException(Path file, String message, Throwable cause) {
        this(file, -1, message, cause);
    }

    /** An error at byte {@code offset} of the file. */
    public RecordingFormatException(Path file, long offset, String message) {
        this(file, offset, message, null);
    }

    public RecordingFormatException(Path file, long offset, String message, Throwable cause) {
        super(name(file) + ": " + (offset >= 0 ? "byte " + offset + ": " : "") + message, cause);
        this.file = name(file);
        this.offset = offset;
    }

    private static String name(Path file) {
        return file == null ? "<unknown>" : file.toString();
    }

    /** The file as given by the caller. */
    public String file() {
        return file;
    }

    /** Byte offset of the problem, or -1 when it concerns the file as a whole or a text line. */
    public long offset() {
        return offset;
    }
}
