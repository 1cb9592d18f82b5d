package org.dendrite.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

import org.dendrite.engine.DendriteException;

/**
 * Inputs and outputs named by URI (s3a://, hdfs://, gs://, abfs://, file://…), through Hadoop's file systems
 * (the cluster's Hadoop configuration and credentials; S3 needs hadoop-aws on the classpath, e.g.
 * {@code --packages org.apache.hadoop:hadoop-aws:3.4.1}). The commands work on local files: an input URI is
 * copied to a local staging folder on the driver before the command starts; an output folder URI is staged
 * locally too — its existing files are copied down first (so a sweep or fit resumes), and every file that changed
 * is copied back up every {@code spark.dendrite.syncSeconds} (10 s) and when the command ends.
 */
final class RemoteFiles {
    private static final Pattern URI_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

    private final Configuration conf;
    private final Path staging;

    RemoteFiles(Configuration conf, Path staging) {
        this.conf = conf;
        this.staging = staging;
    }

    /** Whether an argument names a Hadoop file system URI rather than a local path. */
    static boolean isUri(String s) {
        return URI_LIKE.matcher(s).matches();
    }

    private FileSystem fs(URI uri) throws IOException {
        FileSystem fs = FileSystem.get(uri, conf);
        fs.setWriteChecksum(false);
        fs.setVerifyChecksum(false);
        return fs;
    }

    private static URI uri(String s) {
        try {
            return new URI(s);
        } catch (java.net.URISyntaxException e) {
            throw new DendriteException("'" + s + "': not a valid URI (" + e.getReason() + ")");
        }
    }

    /** Copies an input file or folder down; returns its local path. */
    Path download(String text, int n) throws IOException {
        URI u = uri(text);
        FileSystem fs = fs(u);
        org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(u);
        if (!fs.exists(src)) throw new DendriteException(text + ": file not found");
        Path dir = staging.resolve("in" + n);
        Files.createDirectories(dir);
        Path local = dir.resolve(src.getName().isEmpty() ? "input" : src.getName());
        if (fs.getFileStatus(src).isDirectory()) {
            copyTree(fs, src, local);
        } else {
            copyDown(fs, src, local);
        }
        return local;
    }

    private static void copyDown(FileSystem fs, org.apache.hadoop.fs.Path src, Path local) throws IOException {
        Files.createDirectories(local.getParent());
        try (InputStream in = fs.open(src)) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyTree(FileSystem fs, org.apache.hadoop.fs.Path src, Path local) throws IOException {
        Files.createDirectories(local);
        String base = fs.makeQualified(src).toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(src, true);
        while (it.hasNext()) {
            FileStatus f = it.next();
            String p = f.getPath().toUri().getPath();
            String rel = p.substring(base.length()).replaceFirst("^/+", "");
            copyDown(fs, f.getPath(), local.resolve(rel));
        }
    }

    /** A local folder standing for an output folder URI, kept in step with it. */
    final class Output implements AutoCloseable {
        final String remote;
        final Path local;
        private final FileSystem fs;
        private final org.apache.hadoop.fs.Path root;
        private final Map<Path, String> pushed = new HashMap<>();
        private final Thread syncer;
        private volatile boolean closed;

        Output(String remote, long syncMillis) throws IOException {
            this.remote = remote;
            URI u = uri(remote);
            this.fs = fs(u);
            this.root = new org.apache.hadoop.fs.Path(u);
            this.local = staging.resolve("out");
            Files.createDirectories(local);
            if (fs.exists(root)) {
                if (!fs.getFileStatus(root).isDirectory()) throw new DendriteException(remote + ": is a file, not a folder");
                copyTree(fs, root, local);
                try (Stream<Path> s = Files.walk(local)) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) pushed.put(p, stamp(p));
                }
            }
            syncer = new Thread(() -> {
                while (!closed) {
                    try {
                        Thread.sleep(syncMillis);
                        if (!closed) push();
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException | RuntimeException e) {
                        System.err.println("dendrite-spark: cannot copy results to " + remote + " yet: " + e.getMessage());
                    }
                }
            }, "dendrite-output-sync");
            syncer.setDaemon(true);
            syncer.start();
        }

        private static String stamp(Path p) throws IOException {
            return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        }

        /** Copies every file that changed since the last copy. */
        synchronized void push() throws IOException {
            List<Path> files;
            try (Stream<Path> s = Files.walk(local)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path p : files) {
                String st;
                try {
                    st = stamp(p);
                } catch (java.nio.file.NoSuchFileException e) {
                    continue; // replaced while listing (an atomic write); copied next time
                }
                if (st.equals(pushed.get(p))) continue;
                String rel = local.relativize(p).toString().replace('\\', '/');
                org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(root, rel);
                try (InputStream in = Files.newInputStream(p); OutputStream out = fs.create(dst, true)) {
                    in.transferTo(out);
                } catch (java.nio.file.NoSuchFileException e) {
                    continue;
                }
                pushed.put(p, st);
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            syncer.interrupt();
            try {
                syncer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            push();
        }
    }
}
