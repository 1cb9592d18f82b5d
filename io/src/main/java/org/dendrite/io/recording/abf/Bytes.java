package org.dendrite.io.recording.abf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.dendrite.io.recording.RecordingFormatException;

/**
 * Little-endian reads at absolute offsets of a file's bytes; every read checks that the bytes exist and otherwise
 * throws a {@link RecordingFormatException} naming the file, the offset and the field that was expected there.
 */
final class Bytes {
    private final Path file;
    private final ByteBuffer buf;

    Bytes(Path file, ByteBuffer buf) {
        this.file = file;
        this.buf = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    Path file() {
        return file;
    }

    long size() {
        return buf.capacity();
    }

    ByteBuffer buffer() {
        return buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    void require(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset + length > buf.capacity()) {
            throw new RecordingFormatException(file, offset, "expected " + what + " (" + length + " bytes) but the file ends after "
                    + buf.capacity() + " bytes (truncated or not an ABF file)");
        }
    }

    short i16(long off, String what) {
        require(off, 2, what);
        return buf.getShort((int) off);
    }

    int i32(long off, String what) {
        require(off, 4, what);
        return buf.getInt((int) off);
    }

    long u32(long off, String what) {
        return Integer.toUnsignedLong(i32(off, what));
    }

    long i64(long off, String what) {
        require(off, 8, what);
        return buf.getLong((int) off);
    }

    float f32(long off, String what) {
        require(off, 4, what);
        return buf.getFloat((int) off);
    }

    int u8(long off, String what) {
        require(off, 1, what);
        return buf.get((int) off) & 0xff;
    }

    byte[] raw(long off, int length, String what) {
        require(off, length, what);
        byte[] b = new byte[length];
        buf.get((int) off, b);
        return b;
    }

    /** A fixed-width, NUL- or space-padded ASCII field, trimmed. */
    String ascii(long off, int length, String what) {
        byte[] b = raw(off, length, what);
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.ISO_8859_1).strip();
    }
}
