package org.dendrite.cli.dataset;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.dendrite.engine.DendriteException;
import org.dendrite.io.dataset.DatasetKey;
import org.dendrite.io.dataset.DatasetStore;
import org.dendrite.io.dataset.Fetcher;
import org.dendrite.io.dataset.ObjectInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite dataset get}: download files or whole prefixes. */
@Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Download files or whole prefixes, checked and resumable, keeping the bucket's layout.",
                "A full key is one file, a prefix everything under it; both go to DIR, laid out as the bucket (DIR/lab/YYYYMMDD/object-type/version/file, so DIR can serve as --mirror later).",
                "Files already in DIR with the right size and MD5 are skipped; files in the cache are copied from it;",
                "an interrupted download resumes where it stopped on the next run (HTTP range request). Every file is",
                "checked against the object's size and, where S3's ETag is an MD5, its checksum; nothing partial is",
                "ever left in DIR. A progress bar shows on an interactive terminal.",
                "",
                "Examples:",
                "  dendrite dataset get yuste/20250620/ephys/raw/cell1.abf --to data",
                "  dendrite dataset get segev/20250701/model/ --to data",
                "  dendrite dataset get s3://dendriticconsortium/yuste/20250620/image/raw/sample_image.tif"})
public final class DatasetGetCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "KEY|PREFIX", description = "object keys or prefixes (a prefix must name at least the lab)")
    List<String> keys = new ArrayList<>();

    @Option(names = "--to", paramLabel = "DIR", defaultValue = "dendrite-data", description = "target folder (default ${DEFAULT-VALUE})")
    Path to;

    @Option(names = {"-q", "--quiet"}, description = "print only the summary")
    boolean quiet;

    @Mixin StoreOptions store;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        List<String> checked = new ArrayList<>();
        for (String k : keys) {
            String p = DatasetKey.isFileKey(k) ? DatasetKey.checkKey(k) : DatasetKey.checkPrefix(k);
            if (p.isEmpty()) throw new DendriteException("get '" + k + "': refusing to download the whole bucket; name at least a lab folder");
            checked.add(p);
        }
        Map<Fetcher.Outcome, Integer> counts = new EnumMap<>(Fetcher.Outcome.class);
        long bytes = 0;
        int files = 0;
        try (DatasetStore s = store.open()) {
            Fetcher f = store.fetcher(s);
            DownloadProgress progress = new DownloadProgress(w, quiet);
            try {
                for (String p : checked) {
                    List<ObjectInfo> objects;
                    if (DatasetKey.isFileKey(p)) {
                        objects = List.of(f.info(p));
                    } else {
                        objects = f.list(p, true).objects();
                        if (objects.isEmpty()) throw new DendriteException("nothing under '" + p + "' in " + s.describe());
                    }
                    for (ObjectInfo o : objects) {
                        Fetcher.Result r = f.get(o, to, progress);
                        counts.merge(r.outcome(), 1, Integer::sum);
                        bytes += o.size();
                        files++;
                    }
                }
            } finally {
                progress.close();
            }
        }
        StringBuilder how = new StringBuilder();
        for (Map.Entry<Fetcher.Outcome, Integer> e : counts.entrySet()) {
            if (how.length() > 0) how.append(", ");
            how.append(e.getValue()).append(' ').append(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        w.printf(Locale.ROOT, "%d file(s), %d bytes in %s (%s)%n", files, bytes, to, how);
        w.flush();
        return 0;
    }
}
