package org.dendrite.io.recording.abf;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.engine.recording.Epoch;

/**
 * The facts of an ABF1 or ABF2 header that the reader needs, in one version-independent shape. Filled by
 * {@link Abf1Parser} or {@link Abf2Parser}; turned into a Recording by {@link AbfReader}.
 */
final class AbfHeader {
    /** ABF major version: 1 or 2. */
    int major;
    /** e.g. 1.8.3.0, 2.6.0.0 */
    String versionString;
    /** 1 event-driven variable length, 2 event-driven fixed length, 3 gap-free, 4 high-speed oscilloscope, 5 episodic. */
    int operationMode;
    /** Number of ADC channels sampled (multiplexed in the data section). */
    int channelCount;
    /** Sample interval of one channel, microseconds. */
    double sampleIntervalUs;
    /** Byte offset of the first sample. */
    long dataByteStart;
    /** 0 = int16, 1 = float32. */
    int dataFormat;
    /** Bytes per sample (2 or 4). */
    int sampleBytes;
    /** Total samples in the data section, all channels together. */
    long totalSamples;
    /** Samples per episode, all channels together (episodic modes). */
    int samplesPerEpisode;
    /** Episodes actually recorded. */
    int actualEpisodes;
    /** Synch-array unit, microseconds (0: synch times are counted in samples). */
    double synchTimeUnitUs;
    /** Protocol's episode start-to-start interval, seconds (0 if not set). */
    double episodeStartToStartS;
    /** Synch array: start (synch units) and length (samples, all channels) of each sweep or event. */
    long[] synchStart = new long[0];
    long[] synchLength = new long[0];

    double adcRangeV;
    int adcResolution;
    int experimentType;
    int activeDac;

    String creator = "";
    String protocolPath = "";
    String comment = "";
    String guid = "";
    /** ISO-8601 local date-time of the start of acquisition. */
    String startDateTime = "";

    final List<Adc> adcs = new ArrayList<>();
    final List<Dac> dacs = new ArrayList<>();
    final List<RawTag> tags = new ArrayList<>();

    /** One recorded (logical) channel, in data-section order. */
    static final class Adc {
        int physical;
        String name = "";
        String units = "";
        /** Physical value = raw * scale + offset (int16 data); float data are already physical. */
        double scale = 1;
        double offset;
        double instrumentScaleFactor;
        double signalGain;
        double programmableGain;
        double telegraphGain = 1;
        boolean telegraphEnabled;
        /** Gain factors stored as 0 (taken as 1). */
        final List<String> unsetGains = new ArrayList<>();
    }

    /** One output channel with its epoch table. */
    static final class Dac {
        int number;
        String name = "";
        String units = "";
        double holding;
        boolean waveformEnabled;
        /** 0 none, 1 epochs, 2 DAC file. */
        int waveformSource;
        boolean holdLastLevel;
        final List<Epoch> epochs = new ArrayList<>();
    }

    /** A tag as stored: time in synch units (or samples) and its comment. */
    record RawTag(long time, String comment, int type) {}
}
