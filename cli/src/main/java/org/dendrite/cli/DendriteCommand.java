package org.dendrite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Top-level command; every verb is a subcommand class of its own. */
@Command(name = "dendrite", mixinStandardHelpOptions = true, version = "dendrite 0.1.0",
        description = {"Compartmental neuron simulation with NEURON-compatible numerics.",
                "Units: ms, mV, um, nA, uS, S/cm2, ohm*cm, uF/cm2."},
        subcommands = {
                CommandLine.HelpCommand.class,
                RunCommand.class,
                org.dendrite.cli.compare.CompareCommand.class,
                FeaturesCommand.class,
                org.dendrite.cli.recording.RecordingCommand.class,
                org.dendrite.cli.morph.MorphCommand.class,
                HocCommand.class,
                ConvertCommand.class,
                org.dendrite.cli.sweep.SweepCommand.class,
                org.dendrite.cli.fit.FitCommand.class,
                org.dendrite.cli.dataset.DatasetCommand.class,
                org.dendrite.cli.mod.ModCommand.class,
        })
public final class DendriteCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The configured command line, shared by {@link Main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DendriteCommand());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        // help texts are written for ~110 columns; wider terminals get their width
        cl.setUsageHelpWidth(110);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }
}
