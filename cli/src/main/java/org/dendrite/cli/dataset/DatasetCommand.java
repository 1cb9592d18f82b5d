package org.dendrite.cli.dataset;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dendrite dataset}: the Dendritic Consortium's bucket and metadata. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"The Dendritic Consortium's data: the public S3 bucket s3://dendritic-consortium (us-east-2, anonymous;",
                "the tutorials' spelling dendriticconsortium works too), laid out lab/YYYYMMDD/object-type/version/files",
                "(lab = surname, e.g. yuste; version raw|processed|roi|script), and its metadata tables.",
                "Use --mirror DIR (or $DENDRITE_DATASET_MIRROR) for a local copy with the same layout. Downloads go through",
                "a cache (~/.cache/dendrite/dataset), so a second run needs no network.",
                "",
                "Examples:",
                "  dendrite dataset ls yuste/",
                "  dendrite dataset get yuste/20250620/ephys/raw/ --to data",
                "  dendrite dataset find --table ephys --where session_id=RY_S_0001 --tables exports/",
                "  dendrite dataset pair IS_MOD_0001 RY_E_0001 --tables exports/ --out pair1"},
        subcommands = {DatasetLsCommand.class, DatasetGetCommand.class, DatasetTablesCommand.class, DatasetFindCommand.class,
                DatasetPairCommand.class})
public final class DatasetCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
