package org.dendrite.cli.morph;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dendrite.io.morph.MorphologyFiles;
import org.dendrite.io.morph.MorphologyWarning;
import org.dendrite.io.morph.ReadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dendrite morph check FILE [--strict]}: the validation report. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Reads FILE and reports errors (exit code 2), warnings about suspicious-but-usable input",
                "and what the reader changed (notes). With --strict, warnings are errors."})
public final class MorphCheckCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "morphology file (.swc or .asc)")
    Path file;

    @Option(names = "--strict", description = "treat warnings as errors (exit code 2)")
    boolean strict;

    @Override
    public Integer call() {
        ReadResult r = MorphologyFiles.readChecked(file);
        PrintWriter out = spec.commandLine().getOut();
        for (MorphologyWarning w : r.warnings()) {
            out.printf("%s%s: warning: %s [%s]%n", file, w.line() > 0 ? " line " + w.line() : "", w.message(),
                    w.kind());
        }
        for (String n : r.morphology().notes()) out.printf("%s: note: %s%n", file, n);
        out.flush();
        if (strict) r.strict();
        out.printf("%s: %s, %d sections, %d warning(s)%n", file, r.warnings().isEmpty() ? "OK" : "usable",
                r.morphology().size(), r.warnings().size());
        out.flush();
        return 0;
    }
}
