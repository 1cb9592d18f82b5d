package org.dendrite.io.morph;

/**
 * Something suspicious but usable in a morphology file (zero-length segment, radius jump, dangling branch,
 * zero radius...). {@code line} is 1-based, 0 when the warning concerns the whole file.
 */
public record MorphologyWarning(String kind, int line, String message) {
    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + message;
    }
}
