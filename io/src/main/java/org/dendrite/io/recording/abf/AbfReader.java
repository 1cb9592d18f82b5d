package org.dendrite.io.recording.abf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.dendrite.engine.recording.Command;
import org.dendrite.engine.recording.DacProtocol;
import org.dendrite.engine.recording.Protocol;
import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.dendrite.engine.recording.Tag;
import org.dendrite.engine.recording.TimeBase;
import org.dendrite.io.recording.RecordingFormatException;

/**
 * Reads Axon Binary Format files, ABF1 ("ABF ", versions 1.x) and ABF2 ("ABF2"), in every acquisition mode:
 * episodic (5), event-driven fixed length (2), high-speed oscilloscope (4), gap-free (3, one long sweep) and
 * event-driven variable length (1, one sweep per event, lengths from the synch array). int16 samples are scaled to
 * the channel's unit with {@code value = raw * range / resolution / (instrument scale x signal gain x programmable
 * gain x telegraph gain) + instrument offset - signal offset}; float32 samples are already in the channel's unit.
 * The command waveform of each episodic sweep is rebuilt from the DAC epoch tables (see {@link DacProtocol}).
 */
public final class AbfReader {
    private AbfReader() {}

    /** True when {@code head} (the first bytes of a file) starts with an ABF signature. */
    public static boolean looksLikeAbf(byte[] head) {
        return head.length >= 4 && head[0] == 'A' && head[1] == 'B' && head[2] == 'F' && (head[3] == ' ' || head[3] == '2');
    }

    public static Recording read(Path file) {
        // the header and its sections are read piecemeal; samples are read and converted per sweep on first use
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Bytes b = new Bytes(file, ch);
            String sig = new String(b.raw(0, 4, "the 4-byte ABF signature \"ABF \" or \"ABF2\""), java.nio.charset.StandardCharsets.ISO_8859_1);
            AbfHeader h = switch (sig) {
                case "ABF " -> Abf1Parser.parse(b);
                case "ABF2" -> Abf2Parser.parse(b);
                default -> throw new RecordingFormatException(file, 0, "expected the ABF signature \"ABF \" (ABF1) or \"ABF2\" but found \""
                        + sig.replaceAll("[^\\x20-\\x7e]", "?") + "\"");
            };
            return build(b, h);
        } catch (IOException e) {
            throw new RecordingFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- shared by both parsers

    static void checkCommon(Bytes b, AbfHeader h, long channelCountOffset, long dataFormatOffset) {
        if (h.channelCount < 1 || h.channelCount > 16) {
            throw new RecordingFormatException(b.file(), channelCountOffset, "expected 1 to 16 ADC channels but found " + h.channelCount);
        }
        if (h.dataFormat != 0 && h.dataFormat != 1) {
            throw new RecordingFormatException(b.file(), dataFormatOffset, "expected data format 0 (int16) or 1 (float32) (nDataFormat) but found " + h.dataFormat);
        }
        if (h.operationMode < 1 || h.operationMode > 5) {
            throw new RecordingFormatException(b.file(), h.major == 1 ? 8 : -1, "expected an acquisition mode 1-5 (nOperationMode) but found " + h.operationMode);
        }
    }

    /**
     * Scale and offset of one channel. A gain factor stored as 0 (seen in files whose amplifier did not report it)
     * means "not set": it counts as 1 and the channel is listed in {@code a.unsetGains} for the metadata.
     */
    static void setScaling(Bytes b, AbfHeader.Adc a, double range, int resolution, double instrumentOffset, double signalOffset) {
        double gain = 1;
        String[] names = {"fInstrumentScaleFactor", "fSignalGain", "fADCProgrammableGain", "fTelegraphAdditGain"};
        double[] factors = {a.instrumentScaleFactor, a.signalGain, a.programmableGain, a.telegraphGain};
        for (int i = 0; i < factors.length; i++) {
            if (factors[i] == 0 || !Double.isFinite(factors[i])) a.unsetGains.add(names[i]);
            else gain *= factors[i];
        }
        a.scale = resolution != 0 ? range / resolution / gain : Double.NaN;
        a.offset = instrumentOffset - signalOffset;
    }

    static void readSynch(Bytes b, AbfHeader h, long offset, int count, int entryBytes, String what) {
        b.require(offset, (long) count * entryBytes, what + " of " + count + " (start, length) pairs");
        h.synchStart = new long[count];
        h.synchLength = new long[count];
        for (int i = 0; i < count; i++) {
            h.synchStart[i] = b.u32(offset + (long) i * entryBytes, "lStart");
            h.synchLength[i] = b.u32(offset + (long) i * entryBytes + 4, "lLength");
        }
    }

    static void readTags(Bytes b, AbfHeader h, long offset, int count, int entryBytes) {
        b.require(offset, (long) count * entryBytes, "tag section of " + count + " tags");
        for (int i = 0; i < count; i++) {
            long o = offset + (long) i * entryBytes;
            h.tags.add(new AbfHeader.RawTag(b.u32(o, "lTagTime"), b.ascii(o + 4, 56, "sComment"), b.i16(o + 60, "nTagType")));
        }
    }

    /** A Windows GUID as text: first three fields little-endian, last eight bytes in order. */
    static String guid(byte[] g) {
        StringBuilder s = new StringBuilder();
        int[] order = {3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15};
        for (int i : order) {
            if (i < 0) s.append('-');
            else s.append(String.format(Locale.ROOT, "%02X", g[i] & 0xff));
        }
        return s.toString();
    }

    /**
     * Reads {@code n} multiplexed frames of {@code nch} samples from {@code firstByte} and converts them to each
     * channel's unit, 1 MiB at a time.
     */
    static double[][] decode(Path file, long firstByte, int n, int nch, int frameBytes, boolean int16, double[] scale, double[] offset) {
        double[][] values = new double[nch][n];
        int framesPerChunk = Math.max(1, (1 << 20) / frameBytes);
        ByteBuffer buf = ByteBuffer.allocate(framesPerChunk * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        long pos = firstByte;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 0; i < n; ) {
                int frames = Math.min(framesPerChunk, n - i);
                buf.clear().limit(frames * frameBytes);
                while (buf.hasRemaining()) {
                    int got = ch.read(buf, pos + buf.position());
                    if (got < 0) {
                        throw new RecordingFormatException(file, pos + buf.position(), "expected sample data but the file ends (it changed after it was opened)");
                    }
                }
                buf.flip();
                if (int16) {
                    ShortBuffer sb = buf.asShortBuffer();
                    for (int c = 0; c < nch; c++) {
                        double[] v = values[c];
                        double sc = scale[c], off = offset[c];
                        for (int f = 0, k = c; f < frames; f++, k += nch) v[i + f] = sb.get(k) * sc + off;
                    }
                } else {
                    FloatBuffer fb = buf.asFloatBuffer();
                    for (int c = 0; c < nch; c++) {
                        double[] v = values[c];
                        for (int f = 0, k = c; f < frames; f++, k += nch) v[i + f] = fb.get(k);
                    }
                }
                pos += (long) frames * frameBytes;
                i += frames;
            }
        } catch (IOException e) {
            throw new RecordingFormatException(file, pos, "cannot read samples: " + e.getMessage(), e);
        }
        return values;
    }

    static String modeName(int mode) {
        return switch (mode) {
            case 1 -> "event-driven variable length";
            case 2 -> "event-driven fixed length";
            case 3 -> "gap-free";
            case 4 -> "high-speed oscilloscope";
            case 5 -> "episodic stimulation";
            default -> "unknown";
        };
    }

    private static String tagType(int type) {
        return switch (type) {
            case 0 -> "time";
            case 1 -> "comment";
            case 2 -> "external";
            case 3 -> "voice";
            case 4 -> "new file";
            case 5 -> "annotation";
            default -> "type " + type;
        };
    }

    // ---------------------------------------------------------------- from header to Recording

    private static Recording build(Bytes b, AbfHeader h) {
        Path file = b.file();
        int nch = h.channelCount;
        long dataBytes = h.totalSamples * h.sampleBytes;
        if (h.totalSamples < 0) throw new RecordingFormatException(file, "expected a non-negative sample count but the header says " + h.totalSamples);
        b.require(h.dataByteStart, dataBytes, "the data section of " + h.totalSamples + (h.dataFormat == 0 ? " int16" : " float32") + " samples ("
                + nch + " channel(s) multiplexed)");
        if (h.dataFormat == 0) {
            for (int c = 0; c < nch; c++) {
                if (!Double.isFinite(h.adcs.get(c).scale)) {
                    throw new RecordingFormatException(file, "cannot scale int16 samples of channel " + c + " (" + h.adcs.get(c).name
                            + "): the ADC resolution (lADCResolution) is zero");
                }
            }
        }

        // sweep layout: (first multiplexed sample, samples per channel, start time)
        double dtUs = h.sampleIntervalUs;
        double dtMs = dtUs / 1000.0;
        List<long[]> layout = new ArrayList<>();
        List<Double> startsMs = new ArrayList<>();
        long perChannelTotal = h.totalSamples / nch;
        if (h.operationMode == 3) {
            layout.add(new long[] {0, perChannelTotal});
            startsMs.add(0.0);
        } else if ((h.operationMode == 1 || h.operationMode == 2) && h.synchLength.length > 0) {
            long pos = 0;
            for (int i = 0; i < h.synchLength.length; i++) {
                long len = h.synchLength[i] / nch;
                layout.add(new long[] {pos, len});
                double unitUs = h.synchTimeUnitUs > 0 ? h.synchTimeUnitUs : dtUs / nch;
                startsMs.add(h.synchStart[i] * unitUs / 1000.0);
                pos += h.synchLength[i];
            }
        } else {
            if (h.samplesPerEpisode <= 0 || h.samplesPerEpisode % nch != 0) {
                throw new RecordingFormatException(file, "expected samples per episode (lNumSamplesPerEpisode) to be a positive multiple of the "
                        + nch + " channel(s) but found " + h.samplesPerEpisode);
            }
            int episodes = Math.max(1, h.actualEpisodes);
            long len = h.samplesPerEpisode / nch;
            if ((long) episodes * h.samplesPerEpisode > h.totalSamples) {
                throw new RecordingFormatException(file, h.dataByteStart, "expected " + episodes + " episode(s) of " + h.samplesPerEpisode
                        + " samples (lActualEpisodes x lNumSamplesPerEpisode) but the data section holds " + h.totalSamples);
            }
            double intervalMs = h.episodeStartToStartS > 0 ? h.episodeStartToStartS * 1000.0 : len * dtMs;
            for (int i = 0; i < episodes; i++) {
                layout.add(new long[] {(long) i * h.samplesPerEpisode, len});
                startsMs.add(i * intervalMs);
            }
        }
        long needed = 0;
        for (long[] l : layout) needed = Math.max(needed, l[0] + l[1] * nch);
        if (needed > h.totalSamples) {
            throw new RecordingFormatException(file, h.dataByteStart, "expected " + needed + " samples for " + layout.size() + " sweep(s) of "
                    + nch + " channel(s) but the data section holds " + h.totalSamples);
        }

        Recording.Builder r = Recording.builder(file.getFileName().toString(), "ABF").version(h.versionString);
        for (int c = 0; c < nch; c++) {
            AbfHeader.Adc a = h.adcs.get(c);
            r.channel(a.name.isEmpty() ? "ch" + c : a.name, a.units);
        }
        r.sampleRateHz(1e6 / dtUs);

        List<DacProtocol> dacs = new ArrayList<>();
        for (AbfHeader.Dac d : h.dacs) {
            // Clampex holds the first 1/64 of every sweep at the holding level before epoch A
            dacs.add(new DacProtocol(d.number, d.name, d.units, d.holding, d.waveformEnabled && d.waveformSource == 1,
                    d.holdLastLevel, 64, d.epochs));
        }
        String protoName = h.protocolPath.replace('\\', '/');
        protoName = protoName.substring(protoName.lastIndexOf('/') + 1);
        if (protoName.toLowerCase(Locale.ROOT).endsWith(".pro")) protoName = protoName.substring(0, protoName.length() - 4);
        if (protoName.equals("(untitled)")) protoName = ""; // Clampex's name for "no protocol file"
        r.protocol(new Protocol(protoName, dacs));

        double[] scale = new double[nch];
        double[] offset = new double[nch];
        for (int c = 0; c < nch; c++) {
            scale[c] = h.adcs.get(c).scale;
            offset[c] = h.adcs.get(c).offset;
        }
        boolean int16 = h.dataFormat == 0;
        int frameBytes = nch * h.sampleBytes;
        boolean episodic = h.operationMode == 5 || h.operationMode == 4 || h.operationMode == 2;
        for (int s = 0; s < layout.size(); s++) {
            long first = layout.get(s)[0];
            if (layout.get(s)[1] > Integer.MAX_VALUE - 8) {
                throw new RecordingFormatException(file, "sweep " + s + " has " + layout.get(s)[1] + " samples per channel; one sweep can hold at most "
                        + (Integer.MAX_VALUE - 8) + " (a Java array)");
            }
            int n = (int) layout.get(s)[1];
            long firstByte = h.dataByteStart + first * h.sampleBytes;
            Supplier<double[][]> decode = () -> decode(file, firstByte, n, nch, frameBytes, int16, scale, offset);
            List<Command> commands = new ArrayList<>();
            if (episodic) {
                for (DacProtocol d : dacs) {
                    if (!d.waveformEnabled()) continue;
                    int sweepIndex = s;
                    commands.add(Command.computed(d.dac(), d.name(), d.units(), n, () -> d.waveform(sweepIndex, n)));
                }
            }
            r.sweep(Sweep.decodedOnUse(s, startsMs.get(s), TimeBase.uniform(0, dtMs, n), nch, decode, commands));
        }

        for (AbfHeader.RawTag t : h.tags) {
            double unitUs = h.synchTimeUnitUs > 0 ? h.synchTimeUnitUs : dtUs / nch;
            double tMs = t.time() * unitUs / 1000.0;
            int sweep = -1;
            for (int s = 0; s < layout.size(); s++) {
                double st = startsMs.get(s);
                if (tMs >= st && tMs < st + layout.get(s)[1] * dtMs) {
                    sweep = s;
                    break;
                }
            }
            r.tag(new Tag(tMs, sweep, t.comment(), tagType(t.type())));
        }

        List<String> unset = new ArrayList<>();
        for (int c = 0; c < nch; c++) {
            if (!h.adcs.get(c).unsetGains.isEmpty()) unset.add("channel " + c + ": " + String.join(", ", h.adcs.get(c).unsetGains) + " stored as 0, taken as 1");
        }
        r.meta("abf_major_version", h.major)
                .meta("warnings", unset.isEmpty() ? null : String.join("; ", unset))
                .meta("acquisition_mode", h.operationMode + " (" + modeName(h.operationMode) + ")")
                .meta("data_format", h.dataFormat == 0 ? "int16" : "float32")
                .meta("data_byte_start", h.dataByteStart)
                .meta("total_samples", h.totalSamples)
                .meta("episodes", h.actualEpisodes)
                .meta("samples_per_episode", h.samplesPerEpisode)
                .meta("sample_interval_us", h.sampleIntervalUs)
                .meta("synch_time_unit_us", h.synchTimeUnitUs)
                .meta("created", h.startDateTime)
                .meta("creator", h.creator)
                .meta("file_guid", h.guid)
                .meta("protocol_path", h.protocolPath)
                .meta("comment", h.comment)
                .meta("experiment_type", h.experimentType == 0 ? "voltage clamp" : h.experimentType == 1 ? "current clamp" : String.valueOf(h.experimentType))
                .meta("sweep_interval_s", episodic && h.episodeStartToStartS > 0 ? h.episodeStartToStartS : null)
                .meta("active_dac", h.activeDac)
                .meta("adc_range_v", h.adcRangeV)
                .meta("adc_resolution", h.adcResolution);
        return r.build();
    }
}
