package org.dendrite.io.recording.abf;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.dendrite.engine.recording.Epoch;
import org.dendrite.engine.recording.EpochType;
import org.dendrite.io.recording.RecordingFormatException;

/**
 * Reads an ABF2 header (signature "ABF2"): a 76-byte file-info block, then a section map of 16-byte entries
 * (block index, bytes per entry, number of entries) pointing at the Protocol, ADC, DAC, Epoch, EpochPerDAC, Strings,
 * Data, Tag and SynchArray sections (blocks of 512 bytes). Field offsets inside each section follow Axon's
 * ProtocolStructs definitions as tabulated in the "Unofficial Guide to the ABF File Format".
 */
final class Abf2Parser {
    static final int BLOCK = 512;

    private Abf2Parser() {}

    /** One entry of the section map. */
    record Section(String name, long mapOffset, long blockIndex, long bytes, long entries) {
        long offset() {
            return blockIndex * BLOCK;
        }

        boolean present() {
            return blockIndex > 0 && entries > 0;
        }
    }

    private static Section section(Bytes b, String name, long mapOffset) {
        Section s = new Section(name, mapOffset, b.u32(mapOffset, name + " block index"), b.u32(mapOffset + 4, name + " entry size"),
                b.i64(mapOffset + 8, name + " entry count"));
        if (s.present()) {
            if (s.entries < 0 || s.bytes <= 0) {
                throw new RecordingFormatException(b.file(), mapOffset, "expected a positive entry size and count for the " + name
                        + " section but found " + s.bytes + " bytes x " + s.entries);
            }
            if (!name.equals("Data")) b.require(s.offset(), s.bytes * s.entries, name + " section (map entry at byte " + mapOffset + ")");
        }
        return s;
    }

    static AbfHeader parse(Bytes b) {
        AbfHeader h = new AbfHeader();
        h.major = 2;
        int[] v = {b.u8(7, "version major"), b.u8(6, "version minor"), b.u8(5, "version bugfix"), b.u8(4, "version build")};
        h.versionString = v[0] + "." + v[1] + "." + v[2] + "." + v[3];
        h.actualEpisodes = b.i32(12, "lActualEpisodes");
        long date = b.u32(16, "uFileStartDate");
        long timeMs = b.u32(20, "uFileStartTimeMS");
        h.dataFormat = b.i16(30, "nDataFormat");
        h.guid = AbfReader.guid(b.raw(40, 16, "FileGUID"));
        int[] cv = {b.u8(59, "creator version"), b.u8(58, "creator version"), b.u8(57, "creator version"), b.u8(56, "creator version")};
        long creatorIndex = b.u32(60, "uCreatorNameIndex");
        long protocolPathIndex = b.u32(72, "uProtocolPathIndex");

        Section protocol = section(b, "Protocol", 76);
        Section adc = section(b, "ADC", 92);
        Section dac = section(b, "DAC", 108);
        Section epoch = section(b, "Epoch", 124);
        Section epochPerDac = section(b, "EpochPerDAC", 156);
        Section strings = section(b, "Strings", 220);
        Section data = section(b, "Data", 236);
        Section tag = section(b, "Tag", 252);
        Section synch = section(b, "SynchArray", 316);
        if (!protocol.present()) throw new RecordingFormatException(b.file(), 76, "expected a Protocol section in the ABF2 section map but it is empty");
        if (!adc.present()) throw new RecordingFormatException(b.file(), 92, "expected an ADC section in the ABF2 section map but it is empty");

        AbfStrings text = strings.present() ? new AbfStrings(b, strings.offset(), (int) strings.bytes) : new AbfStrings(b, 0, 0);
        String creator = text.get(creatorIndex);
        h.creator = (creator + " " + cv[0] + "." + cv[1] + "." + cv[2] + "." + cv[3]).strip();
        h.protocolPath = text.get(protocolPathIndex);
        h.startDateTime = dateTime(date, timeMs);

        long p = protocol.offset();
        h.operationMode = b.i16(p, "nOperationMode");
        h.sampleIntervalUs = b.f32(p + 2, "fADCSequenceInterval");
        h.synchTimeUnitUs = b.f32(p + 14, "fSynchTimeUnit");
        h.samplesPerEpisode = b.i32(p + 22, "lNumSamplesPerEpisode");
        h.episodeStartToStartS = b.f32(p + 62, "fEpisodeStartToStart");
        h.adcRangeV = b.f32(p + 110, "fADCRange");
        h.adcResolution = b.i32(p + 118, "lADCResolution");
        h.experimentType = b.i16(p + 126, "nExperimentType");
        h.comment = text.get(b.i32(p + 132, "lFileCommentIndex"));
        h.activeDac = b.i16(p + 142, "nActiveDACChannel");
        h.channelCount = (int) adc.entries;

        AbfReader.checkCommon(b, h, adc.mapOffset + 8, 30);
        if (!(h.sampleIntervalUs > 0)) {
            throw new RecordingFormatException(b.file(), p + 2, "expected a positive sample interval (fADCSequenceInterval, us) but found " + h.sampleIntervalUs);
        }
        if (!data.present()) throw new RecordingFormatException(b.file(), 236, "expected a Data section in the ABF2 section map but it is empty (no samples)");
        h.dataByteStart = data.offset();
        h.sampleBytes = (int) data.bytes;
        h.totalSamples = data.entries;
        if (h.sampleBytes != (h.dataFormat == 0 ? 2 : 4)) {
            throw new RecordingFormatException(b.file(), 240, "expected " + (h.dataFormat == 0 ? 2 : 4) + "-byte samples for nDataFormat "
                    + h.dataFormat + " but the Data section says " + h.sampleBytes);
        }

        for (int k = 0; k < adc.entries; k++) {
            long o = adc.offset() + k * adc.bytes;
            AbfHeader.Adc a = new AbfHeader.Adc();
            a.physical = b.i16(o, "nADCNum");
            a.telegraphEnabled = b.i16(o + 2, "nTelegraphEnable") != 0;
            if (a.telegraphEnabled) a.telegraphGain = b.f32(o + 6, "fTelegraphAdditGain");
            a.programmableGain = b.f32(o + 28, "fADCProgrammableGain");
            a.instrumentScaleFactor = b.f32(o + 40, "fInstrumentScaleFactor");
            double instrumentOffset = b.f32(o + 44, "fInstrumentOffset");
            a.signalGain = b.f32(o + 48, "fSignalGain");
            double signalOffset = b.f32(o + 52, "fSignalOffset");
            a.name = text.get(b.i32(o + 74, "lADCChannelNameIndex"));
            a.units = text.get(b.i32(o + 78, "lADCUnitsIndex"));
            AbfReader.setScaling(b, a, h.adcRangeV, h.adcResolution, instrumentOffset, signalOffset);
            h.adcs.add(a);
        }

        Map<Integer, AbfHeader.Dac> byNumber = new HashMap<>();
        if (dac.present()) {
            for (int k = 0; k < dac.entries; k++) {
                long o = dac.offset() + k * dac.bytes;
                AbfHeader.Dac d = new AbfHeader.Dac();
                d.number = b.i16(o, "nDACNum");
                d.holding = b.f32(o + 12, "fDACHoldingLevel");
                d.name = text.get(b.i32(o + 24, "lDACChannelNameIndex"));
                d.units = text.get(b.i32(o + 28, "lDACChannelUnitsIndex"));
                d.waveformEnabled = b.i16(o + 40, "nWaveformEnable") != 0;
                d.waveformSource = b.i16(o + 42, "nWaveformSource");
                d.holdLastLevel = b.i16(o + 44, "nInterEpisodeLevel") != 0;
                h.dacs.add(d);
                byNumber.put(d.number, d);
            }
        }
        Map<Integer, Integer> digital = new HashMap<>();
        if (epoch.present()) {
            for (int k = 0; k < epoch.entries; k++) {
                long o = epoch.offset() + k * epoch.bytes;
                digital.put((int) b.i16(o, "nEpochNum"), (int) b.i16(o + 2, "nEpochDigitalOutput"));
            }
        }
        if (epochPerDac.present()) {
            for (int k = 0; k < epochPerDac.entries; k++) {
                long o = epochPerDac.offset() + k * epochPerDac.bytes;
                int number = b.i16(o, "nEpochNum");
                int dacNum = b.i16(o + 2, "nDACNum");
                AbfHeader.Dac d = byNumber.get(dacNum);
                if (d == null) {
                    throw new RecordingFormatException(b.file(), o + 2, "expected the DAC number of an epoch to be one of " + byNumber.keySet() + " but found " + dacNum);
                }
                d.epochs.add(new Epoch(number, EpochType.fromAxonCode(b.i16(o + 4, "nEpochType")),
                        b.f32(o + 6, "fEpochInitLevel"), b.f32(o + 10, "fEpochLevelInc"),
                        b.i32(o + 14, "lEpochInitDuration"), b.i32(o + 18, "lEpochDurationInc"),
                        b.i32(o + 22, "lEpochPulsePeriod"), b.i32(o + 26, "lEpochPulseWidth"),
                        dacNum == h.activeDac ? digital.getOrDefault(number, 0) : 0));
            }
        }
        if (synch.present()) AbfReader.readSynch(b, h, synch.offset(), (int) synch.entries, (int) synch.bytes, "SynchArray section");
        if (tag.present()) AbfReader.readTags(b, h, tag.offset(), (int) tag.entries, (int) tag.bytes);
        return h;
    }

    /** uFileStartDate is YYYYMMDD, uFileStartTimeMS milliseconds after midnight. */
    static String dateTime(long date, long ms) {
        long y = date / 10000, m = date / 100 % 100, d = date % 100;
        if (m < 1 || m > 12 || d < 1 || d > 31 || ms < 0 || ms >= 86_400_000L) return "";
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%03d", y, m, d, s / 3600, s / 60 % 60, s % 60, ms % 1000);
    }
}
