package org.dendrite.cli.dataset;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.dendrite.io.dataset.DatasetKey;
import org.dendrite.io.dataset.DatasetStore;
import org.dendrite.io.dataset.Listing;
import org.dendrite.io.dataset.ObjectInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite dataset ls}: what is in the bucket under a prefix. */
@Command(name = "ls", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the folders and files under PREFIX (default: the lab folders).",
                "As 'aws s3 ls' shows them: folders as 'PRE lab/YYYYMMDD/', files with size in bytes, date (UTC) and key.",
                "The prefix is checked against the layout lab/YYYYMMDD/object-type/version/files.",
                "",
                "Examples:",
                "  dendrite dataset ls",
                "  dendrite dataset ls yuste/20250620/",
                "  dendrite dataset ls s3://dendriticconsortium/yuste/ --recursive",
                "  dendrite dataset ls --mirror /data/dc segev/"})
public final class DatasetLsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PREFIX", description = "key prefix, e.g. yuste/20250620/ (default: the bucket's top)")
    String prefix = "";

    @Option(names = {"-r", "--recursive"}, description = "every file below PREFIX, not just the next level")
    boolean recursive;

    @Mixin StoreOptions store;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public Integer call() throws IOException {
        String p = DatasetKey.checkPrefix(prefix);
        PrintWriter w = spec.commandLine().getOut();
        try (DatasetStore s = store.open()) {
            Listing l = store.fetcher(s).list(p, recursive);
            for (String f : l.folders()) w.printf("%30s %s%n", "PRE", f);
            for (ObjectInfo o : l.objects()) {
                w.printf(Locale.ROOT, "%19s %10d %s%n", o.lastModified() == null ? "" : TIME.format(o.lastModified()), o.size(), o.key());
            }
            if (l.folders().isEmpty() && l.objects().isEmpty()) {
                w.println("nothing under '" + p + "' in " + s.describe());
            } else {
                w.printf(Locale.ROOT, "%d folder(s), %d file(s), %d bytes in %s%n", l.folders().size(), l.objects().size(),
                        l.totalBytes(), s.describe());
            }
        }
        w.flush();
        return 0;
    }
}
