package org.dendrite.io.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.dendrite.engine.DendriteException;

/** A local folder laid out as the bucket ({@code DIR/lab/YYYYMMDD/object-type/version/files}). */
public final class MirrorStore implements DatasetStore {
    private final Path root;

    public MirrorStore(Path root) {
        if (!Files.isDirectory(root)) throw new DendriteException("--mirror " + root + ": no such folder");
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return "mirror " + root;
    }

    @Override
    public String cacheId() {
        return "mirror";
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    private Path pathOf(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) throw new DendriteException("key '" + key + "' points outside the mirror " + root);
        return p;
    }

    @Override
    public Listing list(String prefix, boolean recursive) throws IOException {
        // the folder holding the prefix's last (possibly partial) name
        int slash = prefix.lastIndexOf('/');
        String dirKey = slash < 0 ? "" : prefix.substring(0, slash + 1);
        Path dir = dirKey.isEmpty() ? root : pathOf(dirKey);
        TreeSet<String> folders = new TreeSet<>();
        List<ObjectInfo> objects = new ArrayList<>();
        if (!Files.isDirectory(dir)) return new Listing(List.of(), List.of());
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(dir)) continue;
                String key = root.relativize(p).toString().replace('\\', '/');
                String name = p.getFileName().toString();
                if (name.startsWith(".")) continue; // hidden files (partial copies, editor files)
                if (!key.startsWith(prefix) && !(key + "/").startsWith(prefix)) continue;
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isDirectory()) {
                    if (!recursive) folders.add(key + "/");
                } else if (a.isRegularFile() && key.startsWith(prefix)) {
                    objects.add(new ObjectInfo(key, a.size(), null, a.lastModifiedTime().toInstant()));
                }
            }
        }
        objects.sort(java.util.Comparator.comparing(ObjectInfo::key));
        return new Listing(new ArrayList<>(folders), objects);
    }

    @Override
    public ObjectInfo head(String key) throws IOException {
        Path p = pathOf(key);
        if (!Files.isRegularFile(p)) return null;
        return new ObjectInfo(key, Files.size(p), md5(p), Files.getLastModifiedTime(p).toInstant());
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        Path p = pathOf(key);
        if (!Files.isRegularFile(p)) throw new DendriteException("no object '" + key + "' in " + describe());
        InputStream in = Files.newInputStream(p);
        in.skipNBytes(offset);
        return in;
    }

    /** Hex MD5 of a file (what S3 gives as the ETag of a one-part upload). */
    public static String md5(Path p) throws IOException {
        MessageDigest md = Fetcher.md5Digest();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return Fetcher.hex(md.digest());
    }
}
