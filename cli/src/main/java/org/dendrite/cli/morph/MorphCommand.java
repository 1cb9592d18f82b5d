package org.dendrite.cli.morph;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dendrite morph}: read, check, convert and draw morphology files (SWC, Neurolucida ASC). */
@Command(name = "morph", mixinStandardHelpOptions = true,
        description = {"Morphology files (SWC, Neurolucida ASC) read as NEURON's Import3d reads them.",
                "Lengths in um, areas in um2."},
        subcommands = {MorphInfoCommand.class, MorphCheckCommand.class, MorphConvertCommand.class,
                MorphPlotCommand.class})
public final class MorphCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
