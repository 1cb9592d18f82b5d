package org.dendrite.cli.morph;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.dendrite.engine.DendriteException;
import org.dendrite.io.morph.MorphologyFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dendrite morph plot FILE --out FILE.png|.svg}: a 2-D projection coloured by section type. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draws a 2-D projection of the sections, coloured by type (soma black, axon blue,",
                "basal dendrites red, apical dendrites purple, other types green), line width = diameter."})
public final class MorphPlotCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "morphology file (.swc or .asc)")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "IMAGE", description = "output .png or .svg")
    Path out;

    @Option(names = "--plane", defaultValue = "xy", description = "projection plane: xy, xz or yz (default: xy)")
    String plane;

    @Option(names = "--size", defaultValue = "1000", description = "image size in pixels (default: 1000)")
    int size;

    @Mixin SomaOption soma;

    @Override
    public Integer call() throws Exception {
        String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = n.endsWith(".svg");
        if (!svg && !n.endsWith(".png")) {
            throw new DendriteException("cannot tell the image format of " + out + ": the name must end in .png"
                    + " or .svg");
        }
        if (!plane.matches("xy|xz|yz")) {
            throw new DendriteException("--plane must be xy, xz or yz, not '" + plane + "'");
        }
        if (size < 50 || size > 20000) {
            throw new DendriteException("--size must be between 50 and 20000 pixels, not " + size);
        }
        var m = MorphologyFiles.read(file, soma.reading());
        MorphologyPlot plot = new MorphologyPlot(m, plane, size, file.getFileName().toString());
        if (out.getParent() != null) java.nio.file.Files.createDirectories(out.getParent());
        if (svg) plot.writeSvg(out);
        else plot.writePng(out);
        spec.commandLine().getOut().printf("wrote %s%n", out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
