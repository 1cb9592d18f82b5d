package org.dendrite.cli.recording;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dendrite recording}: look into recording files and export their traces. */
@Command(name = "recording", mixinStandardHelpOptions = true,
        description = {"Inspect and export electrophysiology recordings.",
                "",
                "Formats: ABF 1 and 2 (Axon pCLAMP/AxoScope), MAT v5/v7/v7.3 (MATLAB), NWB 2 (intracellular ephys), "
                        + "CSV/TSV/whitespace text. The format is recognised from the file's first bytes, then its extension.",
                "",
                "Units: time in ms, sample rate in Hz; samples keep the unit the file gives each channel "
                        + "(mV, pA, nA...; NWB volts become mV and amperes nA). Sweeps and channels are numbered from 0."},
        subcommands = {RecordingInfoCommand.class, RecordingExportCommand.class, CommandLine.HelpCommand.class})
public final class RecordingCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
