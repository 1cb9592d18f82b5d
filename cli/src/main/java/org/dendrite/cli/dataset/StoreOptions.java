package org.dendrite.cli.dataset;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.dendrite.engine.DendriteException;
import org.dendrite.io.dataset.DatasetKey;
import org.dendrite.io.dataset.DatasetStore;
import org.dendrite.io.dataset.Fetcher;
import org.dendrite.io.dataset.MetadataTables;
import org.dendrite.io.dataset.MirrorStore;
import org.dendrite.io.dataset.S3Store;
import picocli.CommandLine.Option;

/** Where the data and the metadata come from: options shared by every {@code dendrite dataset} command. */
public final class StoreOptions {
    @Option(names = "--mirror", paramLabel = "DIR",
            description = "a local folder laid out as the bucket (lab/YYYYMMDD/object-type/version/files) instead of S3; "
                    + "default $DENDRITE_DATASET_MIRROR")
    Path mirror;

    @Option(names = "--bucket", paramLabel = "NAME",
            description = "S3 bucket (default " + DatasetKey.BUCKET + ", falling back to " + DatasetKey.BUCKET_ALIAS
                    + " if S3 has no bucket of that name)")
    String bucket;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default " + DatasetKey.REGION + ")")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "an S3-compatible server instead of AWS (path-style), e.g. http://127.0.0.1:9000; "
                    + "default $DENDRITE_DATASET_ENDPOINT")
    String endpoint;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "download cache (default $DENDRITE_DATASET_CACHE, else ~/.cache/dendrite/dataset)")
    Path cache;

    @Option(names = "--refresh", description = "ask the bucket again instead of using cached listings (kept 24 h)")
    boolean refresh;

    @Option(names = "--tables", paramLabel = "DIR",
            description = "folder of metadata exports TABLE.json / TABLE.csv (default $DENDRITE_DATASET_TABLES, "
                    + "else the mirror's metadata/ folder)")
    Path tables;

    DatasetStore open() {
        Path m = mirror != null ? mirror : env("DENDRITE_DATASET_MIRROR") == null ? null : Path.of(env("DENDRITE_DATASET_MIRROR"));
        if (m != null) {
            if (bucket != null || endpoint != null) throw new DendriteException("--mirror and --bucket/--endpoint exclude each other");
            return new MirrorStore(m);
        }
        String ep = endpoint != null ? endpoint : env("DENDRITE_DATASET_ENDPOINT");
        URI uri = null;
        if (ep != null) {
            try {
                uri = new URI(ep);
            } catch (URISyntaxException e) {
                throw new DendriteException("--endpoint " + ep + ": not a URL (" + e.getReason() + ")");
            }
            if (uri.getScheme() == null || uri.getHost() == null) throw new DendriteException("--endpoint " + ep + ": expected http://HOST:PORT");
        }
        return new S3Store(bucket, region, uri);
    }

    Fetcher fetcher(DatasetStore store) {
        return new Fetcher(store, cache != null ? cache : Fetcher.defaultCache(), Duration.ofHours(24), refresh);
    }

    MetadataTables metadata() throws IOException {
        Path t = tables != null ? tables : env("DENDRITE_DATASET_TABLES") == null ? null : Path.of(env("DENDRITE_DATASET_TABLES"));
        if (t == null) {
            Path m = mirror != null ? mirror : env("DENDRITE_DATASET_MIRROR") == null ? null : Path.of(env("DENDRITE_DATASET_MIRROR"));
            if (m != null && Files.isDirectory(m.resolve("metadata"))) t = m.resolve("metadata");
        }
        if (t == null) {
            throw new DendriteException("no metadata tables: the consortium serves them through its web database; export them "
                    + "(TABLE.json or TABLE.csv per table) into a folder and give it with --tables DIR or $DENDRITE_DATASET_TABLES");
        }
        return MetadataTables.read(t);
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v;
    }
}
