package org.dendrite.cli.recording;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.recording.Command;
import org.dendrite.engine.recording.Recording;
import org.dendrite.engine.recording.Sweep;
import org.dendrite.io.recording.RecordingReaders;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dendrite recording export FILE --sweep N [--channel C]... --out trace.csv}. */
@CommandLine.Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write one sweep of a recording as CSV (t [ms], then NAME [unit] per channel).",
                "",
                "Columns: 't [ms]' (time from the start of the sweep), then one column per channel named 'NAME [unit]' "
                        + "in the channel's own unit (e.g. 'IN 0 [mV]'). With --command, the command waveform of each "
                        + "output follows (e.g. 'Cmd 0 [pA]', rebuilt from the ABF epoch table or read from the NWB "
                        + "stimulus series).",
                "",
                "Numbers are written at full precision (the shortest text that reads back to the same double). The "
                        + "file is written to a temporary file beside --out and moved into place, so a failed export "
                        + "never leaves a half-written file.",
                "",
                "Example:  dendrite recording export cell.abf --sweep 3 --channel 'IN 0' --out sweep3.csv"})
public final class RecordingExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Recording file (ABF, MAT, NWB, CSV/TSV/text).")
    Path file;

    @Option(names = "--sweep", required = true, paramLabel = "N", description = "Sweep number, counted from 0 (see 'recording info').")
    int sweep;

    @Option(names = "--channel", paramLabel = "C", description = "Channel name or number (from 0); repeat for several. Default: all channels.")
    List<String> channels = new ArrayList<>();

    @Option(names = "--command", description = "Also write the command (stimulus) waveform of each output, in its unit.")
    boolean command;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "Output CSV file (replaced if it exists).")
    Path out;

    @Option(names = "--dt", paramLabel = "MS", description = "Sample interval in ms for text files without a time column.")
    Double dtMs;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Recording r = RecordingReaders.read(file, dtMs == null ? Double.NaN : dtMs);
        if (sweep < 0 || sweep >= r.sweepCount()) {
            throw new DendriteException(file + ": no sweep " + sweep + ": the recording has " + r.sweepCount()
                    + " sweep(s), numbered 0 to " + (r.sweepCount() - 1));
        }
        List<Integer> cols = new ArrayList<>();
        if (channels.isEmpty()) {
            for (int c = 0; c < r.channelCount(); c++) cols.add(c);
        } else {
            for (String c : channels) cols.add(channelIndex(r, c));
        }
        Sweep s = r.sweep(sweep);
        List<Command> commands = command ? s.commands() : List.of();
        if (command && commands.isEmpty()) {
            spec.commandLine().getErr().println("dendrite: note: " + file + " defines no command waveform for sweep " + sweep);
        }
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                StringBuilder head = new StringBuilder("t [ms]");
                for (int c : cols) head.append(',').append(csv(r.channels().get(c).header()));
                for (Command c : commands) head.append(',').append(csv(c.units().isEmpty() ? c.name() : c.name() + " [" + c.units() + "]"));
                w.write(head.toString());
                w.newLine();
                StringBuilder line = new StringBuilder(64);
                for (int i = 0; i < s.size(); i++) {
                    line.setLength(0);
                    line.append(s.time().timeMs(i));
                    for (int c : cols) line.append(',').append(s.value(c, i));
                    for (Command c : commands) line.append(',').append(c.value(i));
                    w.write(line.toString());
                    w.newLine();
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        spec.commandLine().getErr().printf("dendrite: wrote %s: sweep %d, %d samples, %d column(s)%n", out, sweep, s.size(), 1 + cols.size() + commands.size());
        return 0;
    }

    static int channelIndex(Recording r, String c) {
        int byName = r.channelIndex(c);
        if (byName >= 0) return byName;
        try {
            int i = Integer.parseInt(c.strip());
            if (i >= 0 && i < r.channelCount()) return i;
        } catch (NumberFormatException ignored) {
            // fall through to the error
        }
        List<String> names = r.channels().stream().map(x -> x.name()).toList();
        throw new DendriteException(r.source() + ": no channel '" + c + "': channels are " + names + " (or their numbers 0 to " + (r.channelCount() - 1) + ")");
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
