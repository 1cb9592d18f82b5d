package org.dendrite.cli.compare;

import picocli.CommandLine.Option;

/**
 * Which sweep and channel of a recording to replay and where its stimulus goes in the model: the options shared by
 * {@code compare} and {@code dataset pair} (a picocli mixin).
 */
public final class ReplayOptions {
    @Option(names = "--sweep", paramLabel = "N|all", defaultValue = "all", description = "sweep number (0-based) or all (default)")
    public String sweep = "all";

    @Option(names = "--channel", paramLabel = "C", description = "recorded voltage channel, by name or number (default: the first in mV)")
    public String channel;

    @Option(names = "--dac", paramLabel = "N", description = "command output to replay (default: the first in pA/nA)")
    public Integer dac;

    @Option(names = "--stim", paramLabel = "AMP:START:END", description = "a current step (nA, ms, ms) for recordings without a command waveform")
    public String stim;

    @Option(names = "--inject", paramLabel = "LOC", description = "where the electrode sits in the model (default: the first section's middle)")
    public String inject;
}
