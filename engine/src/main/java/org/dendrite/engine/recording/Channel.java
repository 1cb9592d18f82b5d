package org.dendrite.engine.recording;

/**
 * One recorded signal: its name as the file gives it (e.g. {@code IN 0}, {@code voltage}) and its physical unit
 * (e.g. {@code mV}, {@code pA}); samples of this channel are stored in that unit.
 */
public record Channel(String name, String units) {
    public Channel {
        name = name == null ? "" : name.strip();
        units = units == null ? "" : units.strip();
    }

    /** Column header in dendrite's style: {@code NAME [unit]}. */
    public String header() {
        return units.isEmpty() ? name : name + " [" + units + "]";
    }
}
