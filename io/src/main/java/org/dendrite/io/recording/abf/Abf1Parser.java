package org.dendrite.io.recording.abf;

import java.util.Locale;

import org.dendrite.engine.recording.Epoch;
import org.dendrite.engine.recording.EpochType;
import org.dendrite.io.recording.RecordingFormatException;

/**
 * Reads the fixed-layout ABF1 header (signature "ABF "). Byte offsets follow Axon's ABF1 header definition
 * (ABFHEADR.H of the Axon File Support Pack, as tabulated in the "Unofficial Guide to the ABF File Format").
 * Files of version 1.6 and later carry the 6144-byte extended header (per-DAC epoch tables, telegraphs, protocol
 * path, GUID); older files have a 2048-byte header with one epoch table for the active DAC.
 */
final class Abf1Parser {
    static final int BLOCK = 512;
    private static final int ADC_COUNT = 16;
    private static final int DAC_COUNT = 4;
    private static final int EPOCH_COUNT = 10;
    private static final int EXTENDED_DACS = 2;

    private Abf1Parser() {}

    static AbfHeader parse(Bytes b) {
        AbfHeader h = new AbfHeader();
        h.major = 1;
        float version = b.f32(4, "fFileVersionNumber (float)");
        if (!(version > 0 && version < 2)) {
            throw new RecordingFormatException(b.file(), 4, "expected an ABF1 file version between 0 and 2 (fFileVersionNumber) but found " + version);
        }
        h.versionString = versionString(version);
        boolean extended = version >= 1.6f;
        h.operationMode = b.i16(8, "nOperationMode");
        h.totalSamples = b.i32(10, "lActualAcqLength");
        int pointsIgnored = b.i16(14, "nNumPointsIgnored");
        h.actualEpisodes = b.i32(16, "lActualEpisodes");
        int date = b.i32(20, "lFileStartDate");
        int timeS = b.i32(24, "lFileStartTime");
        int dataBlock = b.i32(40, "lDataSectionPtr");
        int tagBlock = b.i32(44, "lTagSectionPtr");
        int tagCount = b.i32(48, "lNumTagEntries");
        int synchBlock = b.i32(92, "lSynchArrayPtr");
        int synchCount = b.i32(96, "lSynchArraySize");
        h.dataFormat = b.i16(100, "nDataFormat");
        h.channelCount = b.i16(120, "nADCNumChannels");
        float multiplexedIntervalUs = b.f32(122, "fADCSampleInterval");
        h.synchTimeUnitUs = b.f32(130, "fSynchTimeUnit");
        h.samplesPerEpisode = b.i32(138, "lNumSamplesPerEpisode");
        h.episodeStartToStartS = b.f32(178, "fEpisodeStartToStart");
        h.adcRangeV = b.f32(244, "fADCRange");
        h.adcResolution = b.i32(252, "lADCResolution");
        h.experimentType = b.i16(260, "nExperimentType");
        h.creator = b.ascii(294, 16, "sCreatorInfo");
        int millis = b.i16(366, "nFileStartMillisecs");
        h.activeDac = b.i16(1440, "nActiveDACChannel");

        AbfReader.checkCommon(b, h, 120, 100);
        if (!(multiplexedIntervalUs > 0)) {
            throw new RecordingFormatException(b.file(), 122, "expected a positive sample interval (fADCSampleInterval, us) but found " + multiplexedIntervalUs);
        }
        h.sampleIntervalUs = multiplexedIntervalUs * (double) h.channelCount;
        h.sampleBytes = h.dataFormat == 0 ? 2 : 4;
        if (dataBlock <= 0) {
            throw new RecordingFormatException(b.file(), 40, "expected a positive block number of the data section (lDataSectionPtr) but found " + dataBlock);
        }
        h.dataByteStart = (long) dataBlock * BLOCK + (long) pointsIgnored * h.sampleBytes;
        extended &= (long) dataBlock * BLOCK >= 6144;
        h.startDateTime = dateTime(date, timeS, millis);

        if (extended) {
            int[] v = new int[4];
            for (int i = 0; i < 4; i++) v[i] = b.i16(5798 + 2 * i, "application version");
            if (v[0] > 0) h.creator = h.creator + " " + v[0] + "." + v[1] + "." + v[2] + "." + v[3];
            h.protocolPath = b.ascii(4898, 256, "sProtocolPath");
            h.comment = b.ascii(5154, 128, "sFileComment");
            h.guid = AbfReader.guid(b.raw(5282, 16, "uFileGUID"));
        } else {
            h.comment = b.ascii(310, 56, "sFileComment");
        }

        // channels in sampling order; per-channel arrays are indexed by physical ADC number
        int autosampleAdc = b.i16(264, "_nAutosampleADCNum");
        boolean autosample = b.i16(262, "_nAutosampleEnable") != 0;
        for (int k = 0; k < h.channelCount; k++) {
            int p = b.i16(410 + 2 * k, "nADCSamplingSeq[" + k + "]");
            if (p < 0 || p >= ADC_COUNT) {
                throw new RecordingFormatException(b.file(), 410 + 2 * k, "expected a physical ADC number 0-15 in nADCSamplingSeq[" + k + "] but found " + p);
            }
            AbfHeader.Adc a = new AbfHeader.Adc();
            a.physical = p;
            a.name = b.ascii(442 + 10L * p, 10, "sADCChannelName[" + p + "]");
            a.units = b.ascii(602 + 8L * p, 8, "sADCUnits[" + p + "]");
            a.programmableGain = b.f32(730 + 4L * p, "fADCProgrammableGain[" + p + "]");
            a.instrumentScaleFactor = b.f32(922 + 4L * p, "fInstrumentScaleFactor[" + p + "]");
            double instrumentOffset = b.f32(986 + 4L * p, "fInstrumentOffset[" + p + "]");
            a.signalGain = b.f32(1050 + 4L * p, "fSignalGain[" + p + "]");
            double signalOffset = b.f32(1114 + 4L * p, "fSignalOffset[" + p + "]");
            if (extended) {
                a.telegraphEnabled = b.i16(4512 + 2L * p, "nTelegraphEnable[" + p + "]") != 0;
                if (a.telegraphEnabled) a.telegraphGain = b.f32(4576 + 4L * p, "fTelegraphAdditGain[" + p + "]");
            } else if (autosample && autosampleAdc == p) {
                a.telegraphEnabled = true;
                a.telegraphGain = b.f32(268, "_fAutosampleAdditGain");
            }
            AbfReader.setScaling(b, a, h.adcRangeV, h.adcResolution, instrumentOffset, signalOffset);
            h.adcs.add(a);
        }

        // outputs: names, units, holding for 4 DACs; epoch tables for 2 (extended) or the active one (old files)
        for (int d = 0; d < DAC_COUNT; d++) {
            AbfHeader.Dac dac = new AbfHeader.Dac();
            dac.number = d;
            dac.name = b.ascii(1306 + 10L * d, 10, "sDACChannelName[" + d + "]");
            dac.units = b.ascii(1346 + 8L * d, 8, "sDACChannelUnits[" + d + "]");
            dac.holding = b.f32(1394 + 4L * d, "fDACHoldingLevel[" + d + "]");
            if (extended && d < EXTENDED_DACS) {
                dac.waveformEnabled = b.i16(2296 + 2L * d, "nWaveformEnable[" + d + "]") != 0;
                dac.waveformSource = b.i16(2300 + 2L * d, "nWaveformSource[" + d + "]");
                dac.holdLastLevel = b.i16(2304 + 2L * d, "nInterEpisodeLevel[" + d + "]") != 0;
                for (int e = 0; e < EPOCH_COUNT; e++) {
                    int i = d * EPOCH_COUNT + e;
                    int type = b.i16(2308 + 2L * i, "nEpochType[" + d + "][" + e + "]");
                    if (type == 0) continue;
                    dac.epochs.add(new Epoch(e, EpochType.fromAxonCode(type),
                            b.f32(2348 + 4L * i, "fEpochInitLevel"), b.f32(2428 + 4L * i, "fEpochLevelInc"),
                            b.i32(2508 + 4L * i, "lEpochInitDuration"), b.i32(2588 + 4L * i, "lEpochDurationInc"),
                            b.i32(2136 + 4L * i, "lEpochPulsePeriod"), b.i32(2216 + 4L * i, "lEpochPulseWidth"),
                            d == h.activeDac ? b.i16(1588 + 2L * e, "nDigitalValue") : 0));
                }
            } else if (!extended && d == h.activeDac) {
                dac.waveformSource = b.i16(1438, "_nWaveformSource");
                dac.waveformEnabled = dac.waveformSource != 0;
                dac.holdLastLevel = b.i16(1442, "_nInterEpisodeLevel") != 0;
                for (int e = 0; e < EPOCH_COUNT; e++) {
                    int type = b.i16(1444 + 2L * e, "_nEpochType[" + e + "]");
                    if (type == 0) continue;
                    dac.epochs.add(new Epoch(e, EpochType.fromAxonCode(type),
                            b.f32(1464 + 4L * e, "_fEpochInitLevel"), b.f32(1504 + 4L * e, "_fEpochLevelInc"),
                            b.i16(1544 + 2L * e, "_nEpochInitDuration"), b.i16(1564 + 2L * e, "_nEpochDurationInc"),
                            0, 0, b.i16(1588 + 2L * e, "nDigitalValue")));
                }
            }
            h.dacs.add(dac);
        }

        if (synchBlock > 0 && synchCount > 0) AbfReader.readSynch(b, h, (long) synchBlock * BLOCK, synchCount, 8, "lSynchArrayPtr");
        if (tagBlock > 0 && tagCount > 0) AbfReader.readTags(b, h, (long) tagBlock * BLOCK, tagCount, 64);
        return h;
    }

    /**
     * ABF1 stores the version as a float (1.83 for 1.8.3); its two decimals are the minor and bugfix digits.
     * Rounding first avoids float artefacts (1.3f is 1.2999999523..., which is version 1.3.0.0).
     */
    static String versionString(float version) {
        String s = String.format(Locale.ROOT, "%.2f", version);
        return s.charAt(0) + "." + s.charAt(2) + "." + s.charAt(3) + ".0";
    }

    /** lFileStartDate is YYYYMMDD, or YYMMDD in old files (YY 80-99: 19YY, 00-79: 20YY); time in s, ms apart. */
    static String dateTime(int date, int seconds, int millis) {
        int y = date / 10000, m = date / 100 % 100, d = date % 100;
        if (y < 100) y += y >= 80 ? 1900 : 2000;
        if (m < 1 || m > 12 || d < 1 || d > 31 || seconds < 0 || seconds >= 86400) return "";
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%03d", y, m, d,
                seconds / 3600, seconds / 60 % 60, seconds % 60, Math.max(0, millis));
    }
}
