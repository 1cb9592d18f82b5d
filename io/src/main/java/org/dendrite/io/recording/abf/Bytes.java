package org.dendrite.io.recording.abf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.dendrite.io.recording.RecordingFormatException;

/**
 * Little-endian reads at absolute offsets of a file, through a cache of 64 KiB pages (the header and its sections
 * are read piecemeal; the data section is never loaded here). Every read checks that the bytes exist and otherwise
 * throws a {@link RecordingFormatException} naming the file, the offset and the field that was expected there.
 */
final class Bytes {
    private static final int PAGE = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final Map<Long, byte[]> pages = new HashMap<>();

    Bytes(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    void require(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset + length > size || offset + length < 0) {
            throw new RecordingFormatException(file, offset, "expected " + what + " (" + length + " bytes) but the file ends after "
                    + size + " bytes (truncated or not an ABF file)");
        }
    }

    private byte[] page(long index) {
        return pages.computeIfAbsent(index, i -> {
            long start = i * PAGE;
            int len = (int) Math.min(PAGE, size - start);
            ByteBuffer buf = ByteBuffer.allocate(len);
            try {
                while (buf.hasRemaining()) {
                    int n = channel.read(buf, start + buf.position());
                    if (n < 0) throw new RecordingFormatException(file, start + buf.position(), "expected more bytes: the file shrank while being read");
                }
            } catch (IOException e) {
                throw new RecordingFormatException(file, start, "cannot read: " + e.getMessage(), e);
            }
            return buf.array();
        });
    }

    byte[] raw(long off, int length, String what) {
        require(off, length, what);
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long p = off + done;
            byte[] page = page(p / PAGE);
            int at = (int) (p % PAGE);
            int n = Math.min(length - done, page.length - at);
            System.arraycopy(page, at, out, done, n);
            done += n;
        }
        return out;
    }

    private ByteBuffer le(long off, int length, String what) {
        return ByteBuffer.wrap(raw(off, length, what)).order(ByteOrder.LITTLE_ENDIAN);
    }

    short i16(long off, String what) {
        return le(off, 2, what).getShort();
    }

    int i32(long off, String what) {
        return le(off, 4, what).getInt();
    }

    long u32(long off, String what) {
        return Integer.toUnsignedLong(i32(off, what));
    }

    long i64(long off, String what) {
        return le(off, 8, what).getLong();
    }

    float f32(long off, String what) {
        return le(off, 4, what).getFloat();
    }

    int u8(long off, String what) {
        return raw(off, 1, what)[0] & 0xff;
    }

    /** A fixed-width, NUL- or space-padded ASCII field, trimmed. */
    String ascii(long off, int length, String what) {
        byte[] b = raw(off, length, what);
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.ISO_8859_1).strip();
    }
}
