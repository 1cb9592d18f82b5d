package org.dendrite.io.recording.abf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexed strings of an ABF2 file (creator, protocol path, channel names and units...). The Strings section
 * starts with a 44-byte header (signature "SSCH", version, number of strings, ...) followed by NUL-terminated
 * strings; header fields refer to them by 1-based index, 0 meaning "no string".
 */
final class AbfStrings {
    static final int HEADER_BYTES = 44;
    private final List<String> strings;

    AbfStrings(Bytes b, long offset, int length) {
        List<String> out = new ArrayList<>();
        if (length > HEADER_BYTES) {
            String sig = b.ascii(offset, 4, "Strings section signature \"SSCH\"");
            long count = b.u32(offset + 8, "Strings section string count");
            byte[] raw = b.raw(offset + HEADER_BYTES, length - HEADER_BYTES, "Strings section text");
            int start = 0;
            for (int i = 0; i < raw.length && (!"SSCH".equals(sig) || out.size() < count); i++) {
                if (raw[i] == 0) {
                    out.add(new String(raw, start, i - start, StandardCharsets.ISO_8859_1));
                    start = i + 1;
                }
            }
        }
        this.strings = out;
    }

    /** The string with 1-based index {@code index}; "" for 0 or an index past the end. */
    String get(long index) {
        if (index <= 0 || index > strings.size()) return "";
        return strings.get((int) index - 1).strip();
    }

    int size() {
        return strings.size();
    }
}
