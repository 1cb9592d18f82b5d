package org.dendrite.engine.recording;

/**
 * A comment placed in the recording while it was acquired.
 *
 * @param timeMs time from the start of the recording, ms
 * @param sweep  the sweep that contains the tag (-1 if not known)
 * @param comment the text (may be empty)
 * @param type   the file's tag type in words (e.g. "time", "comment", "external", "voice")
 */
public record Tag(double timeMs, int sweep, String comment, String type) {
    public Tag {
        comment = comment == null ? "" : comment.strip();
        type = type == null ? "" : type;
    }
}
