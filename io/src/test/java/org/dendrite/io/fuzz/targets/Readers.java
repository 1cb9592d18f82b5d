package org.dendrite.io.fuzz.targets;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.engine.DendriteException;
import org.dendrite.io.asc.AscReader;
import org.dendrite.io.fuzz.FuzzEntry;
import org.dendrite.io.hoc.HocInterpreter;
import org.dendrite.io.model.ModelFiles;
import org.dendrite.io.nmodl.NmodlLoader;
import org.dendrite.io.recording.RecordingReaders;
import org.dendrite.io.swc.SwcReader;

/**
 * The fuzz targets' entry points, one per reader, as a user's file reaches them. Loaded by the fuzzer's
 * instrumenting class loader (the fixture test calls it directly), so the reader classes it names are the
 * instrumented ones.
 */
public final class Readers implements FuzzEntry {
    /** HOC statements one fuzzed script may execute: far more than any seed needs, few enough to end loops fast. */
    public static final long HOC_STEPS = 200_000;
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);

    @Override
    public void read(String target, Path file) throws Exception {
        switch (target) {
            case "swc" -> SwcReader.readChecked(file);
            case "asc" -> AscReader.readChecked(file);
            case "json" -> ModelFiles.read(file);
            case "abf", "mat", "nwb", "csv" -> RecordingReaders.read(file);
            case "nmodl" -> {
                var report = NmodlLoader.check(List.of(file)).get(0);
                if (report.refusal() != null) throw new DendriteException(report.refusal());
            }
            case "hoc" -> {
                HocInterpreter in = new HocInterpreter();
                in.setOut(NOWHERE);
                in.setStepLimit(HOC_STEPS);
                // relative file names (File.wopen, load_file) resolve in the fuzz folder, not the project
                in.execute("chdir(\"" + file.getParent().toString().replace("\\", "/") + "\")", null);
                in.loadFile(file);
            }
            default -> throw new IllegalArgumentException("no fuzz target " + target);
        }
    }
}
