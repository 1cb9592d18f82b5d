package org.dendrite.cli.morph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.dendrite.engine.DendriteException;
import org.dendrite.io.morph.JsonListingWriter;
import org.dendrite.io.morph.MorphologyFiles;
import org.dendrite.io.morph.SomaReading;
import org.dendrite.io.morph.ReadResult;
import org.dendrite.io.swc.SwcReader;
import org.dendrite.io.swc.SwcWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dendrite morph convert IN OUT}: ASC or SWC to normalised SWC, or to a JSON section listing. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts IN (.swc or .asc) to OUT by OUT's extension:",
                "  .swc   SWC -> normalised SWC (parents first, ids 1..N, same sections when read back);",
                "         ASC -> SWC from NEURON's sections (soma centroid and neurites as samples)",
                "  .json  the sections as NEURON builds them (names, parents, 3-D points, L, area)"})
public final class MorphConvertCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "morphology file (.swc or .asc)")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "output file (.swc or .json)")
    Path out;

    @Option(names = "--strict", description = "refuse input that has warnings")
    boolean strict;

    @Mixin SomaOption soma;

    @Override
    public Integer call() throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".swc") && !name.endsWith(".json")) {
            throw new DendriteException("cannot tell the output format of " + out + ": the name must end in"
                    + " .swc or .json");
        }
        SomaReading reading = soma.reading();
        ReadResult r = MorphologyFiles.readChecked(in, reading);
        if (strict) r.strict();
        var morphology = r.morphology();
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        // atomically: a full disk or an unwritable folder leaves no half-written file
        org.dendrite.io.output.AtomicFiles.write(out, o -> {
            Writer w = new BufferedWriter(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8));
            if (name.endsWith(".json")) {
                JsonListingWriter.write(morphology, w); // closes (and so flushes) w
            } else if (MorphologyFiles.format(in) == MorphologyFiles.Format.SWC && reading == SomaReading.NEURON) {
                SwcWriter.write(SwcReader.readSamples(in), in.getFileName().toString(), w);
                w.flush();
            } else {
                SwcWriter.write(morphology, in.getFileName().toString(), w);
                w.flush();
            }
        });
        spec.commandLine().getOut().printf("wrote %s (%d sections)%n", out, morphology.size());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
