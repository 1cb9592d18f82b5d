package org.dendrite.cli.mod;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dendrite mod}: NEURON NMODL (.mod) files. */
@Command(name = "mod", mixinStandardHelpOptions = true,
        description = {"NEURON NMODL (.mod) mechanism files, compiled to JVM code at load time (no C compiler).",
                "Use them with --mod PATH on run/sweep/fit/compare or \\\"mod\\\": [...] in a JSON model."},
        subcommands = {ModCheckCommand.class})
public final class ModCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
