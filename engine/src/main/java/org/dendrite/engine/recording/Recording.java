package org.dendrite.engine.recording;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording read from a file (ABF, MAT, NWB, CSV...): sweeps x channels of samples in physical units, with the
 * channel names and units, the sampling rate, per-sweep time bases, tags, the protocol (epoch tables) and the command
 * waveform of each sweep where the file defines one. Immutable; built by the readers in {@code io}.
 */
public final class Recording {
    private final String source;
    private final String format;
    private final String version;
    private final List<Channel> channels;
    private final List<Sweep> sweeps;
    private final double sampleRateHz;
    private final List<Tag> tags;
    private final Protocol protocol;
    private final Map<String, String> metadata;

    private Recording(Builder b) {
        this.source = b.source;
        this.format = b.format;
        this.version = b.version;
        this.channels = List.copyOf(b.channels);
        this.sweeps = List.copyOf(b.sweeps);
        this.sampleRateHz = b.sampleRateHz;
        this.tags = List.copyOf(b.tags);
        this.protocol = b.protocol;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        for (Sweep s : sweeps) {
            if (s.channelCount() != channels.size()) {
                throw new IllegalArgumentException("sweep " + s.index() + " has " + s.channelCount() + " channels, the recording " + channels.size());
            }
        }
    }

    public static Builder builder(String source, String format) {
        return new Builder(source, format);
    }

    /** Where it was read from (file name). */
    public String source() {
        return source;
    }

    /** File format, e.g. {@code ABF}, {@code MAT}, {@code NWB}, {@code CSV}. */
    public String format() {
        return format;
    }

    /** Format version, e.g. {@code 2.6.0.0}, {@code 7.3}, {@code 2.4.0}; empty if the format has none. */
    public String version() {
        return version;
    }

    public List<Channel> channels() {
        return channels;
    }

    public int channelCount() {
        return channels.size();
    }

    /** Index of the channel named {@code name} (exact, then case-insensitive), or -1. */
    public int channelIndex(String name) {
        for (int i = 0; i < channels.size(); i++) if (channels.get(i).name().equals(name)) return i;
        for (int i = 0; i < channels.size(); i++) if (channels.get(i).name().equalsIgnoreCase(name)) return i;
        return -1;
    }

    public List<Sweep> sweeps() {
        return sweeps;
    }

    public int sweepCount() {
        return sweeps.size();
    }

    public Sweep sweep(int i) {
        return sweeps.get(i);
    }

    /** Samples per second per channel, Hz; NaN when the samples are not evenly spaced. */
    public double sampleRateHz() {
        return sampleRateHz;
    }

    public List<Tag> tags() {
        return tags;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Further header facts as text (creator, date, file GUID, acquisition mode...), in file order. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Sum of all sweep durations, ms. */
    public double durationMs() {
        double d = 0;
        for (Sweep s : sweeps) d += s.time().durationMs();
        return d;
    }

    /** Collects the parts of a {@link Recording}. */
    public static final class Builder {
        private final String source;
        private final String format;
        private String version = "";
        private final List<Channel> channels = new ArrayList<>();
        private final List<Sweep> sweeps = new ArrayList<>();
        private double sampleRateHz = Double.NaN;
        private final List<Tag> tags = new ArrayList<>();
        private Protocol protocol = Protocol.NONE;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder(String source, String format) {
            this.source = source;
            this.format = format;
        }

        public Builder version(String v) {
            this.version = v == null ? "" : v;
            return this;
        }

        public Builder channel(Channel c) {
            channels.add(c);
            return this;
        }

        public Builder channel(String name, String units) {
            return channel(new Channel(name, units));
        }

        public Builder sweep(Sweep s) {
            sweeps.add(s);
            return this;
        }

        public Builder sampleRateHz(double hz) {
            this.sampleRateHz = hz;
            return this;
        }

        public Builder tag(Tag t) {
            tags.add(t);
            return this;
        }

        public Builder protocol(Protocol p) {
            this.protocol = p == null ? Protocol.NONE : p;
            return this;
        }

        public Builder meta(String key, Object value) {
            if (value != null) metadata.put(key, String.valueOf(value));
            return this;
        }

        public int channelCount() {
            return channels.size();
        }

        public Recording build() {
            return new Recording(this);
        }
    }
}
