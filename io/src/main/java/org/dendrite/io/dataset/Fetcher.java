package org.dendrite.io.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dendrite.engine.DendriteException;

/**
 * Copies objects of a {@link DatasetStore} into a folder, keeping the bucket's layout (so that folder can be a
 * --mirror later), through a local cache:
 * <ul>
 *   <li>objects of a remote store land in {@code CACHE/STORE/objects/KEY} first; a second request for the same
 *       object (same size and ETag) is served from there without the network;</li>
 *   <li>a download that stops part-way leaves {@code CACHE/STORE/partial/KEY.part}; the next attempt asks only for
 *       the missing bytes (an HTTP range request) — nothing partial is ever written under the target folder;</li>
 *   <li>every copy is checked: the byte count against the object's size and, when the ETag is a plain MD5 (objects
 *       uploaded in one part), the MD5 of the content; a mismatch removes the copy and is an error;</li>
 *   <li>listings are cached too (for {@code listingTtl}), so a repeated {@code get PREFIX} needs no network.</li>
 * </ul>
 */
public final class Fetcher {
    /** Told about the bytes of one object as they arrive. */
    public interface Listener {
        void started(String key, long size, long alreadyHave);

        void bytes(long done);

        void finished(String key, Outcome outcome);
    }

    /** What happened to one object. */
    public enum Outcome { DOWNLOADED, RESUMED, FROM_CACHE, ALREADY_THERE }

    /** One fetched object: where it is and how it came. */
    public record Result(ObjectInfo object, Path file, Outcome outcome, boolean md5Checked) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DatasetStore store;
    private final Path cache;
    private final Duration listingTtl;
    private final boolean refresh;

    /**
     * @param cacheRoot the cache folder (objects of each store in a sub-folder); null = no cache (a local mirror)
     * @param refresh   ignore cached listings
     */
    public Fetcher(DatasetStore store, Path cacheRoot, Duration listingTtl, boolean refresh) {
        this.store = store;
        this.cache = cacheRoot == null || store.isLocal() ? null : cacheRoot.resolve(store.cacheId());
        this.listingTtl = listingTtl;
        this.refresh = refresh;
    }

    /** The default cache: $DENDRITE_DATASET_CACHE, else $XDG_CACHE_HOME/dendrite/dataset, else ~/.cache/dendrite/dataset. */
    public static Path defaultCache() {
        String env = System.getenv("DENDRITE_DATASET_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("dendrite").resolve("dataset");
    }

    public DatasetStore store() {
        return store;
    }

    /** Where a partial download of {@code key} is kept between attempts (null without a cache). */
    public Path partialFile(String key) {
        return cache == null ? null : cache.resolve("partial").resolve(key + ".part");
    }

    /** The cached copy of {@code key} (may not exist; null without a cache). */
    public Path cachedFile(String key) {
        return cache == null ? null : cache.resolve("objects").resolve(key);
    }

    /** A listing, from the cache when one younger than the TTL is there (and not --refresh). */
    public Listing list(String prefix, boolean recursive) throws IOException {
        Path file = cache == null ? null : cache.resolve("listings").resolve(
                hex(sha256().digest((recursive + "\n" + prefix).getBytes(StandardCharsets.UTF_8))) + ".json");
        if (file != null && !refresh && Files.isRegularFile(file)) {
            try {
                JsonNode root = JSON.readTree(file.toFile());
                Instant at = Instant.parse(root.get("listed_at").asText());
                if (Duration.between(at, Instant.now()).compareTo(listingTtl) < 0) return fromJson(root);
            } catch (IOException | RuntimeException e) {
                // an unreadable cache entry is asked again
            }
        }
        Listing l = store.list(prefix, recursive);
        if (file != null) {
            ObjectNode root = JSON.createObjectNode();
            root.put("listed_at", Instant.now().toString());
            root.put("store", store.describe());
            root.put("prefix", prefix);
            ArrayNode f = root.putArray("folders");
            l.folders().forEach(f::add);
            ArrayNode o = root.putArray("objects");
            for (ObjectInfo i : l.objects()) {
                ObjectNode n = o.addObject();
                n.put("key", i.key());
                n.put("size", i.size());
                n.put("etag", i.etag());
                n.put("last_modified", i.lastModified() == null ? null : i.lastModified().toString());
            }
            org.dendrite.io.output.AtomicFiles.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
        }
        return l;
    }

    private static Listing fromJson(JsonNode root) {
        List<String> folders = new ArrayList<>();
        root.get("folders").forEach(n -> folders.add(n.asText()));
        List<ObjectInfo> objects = new ArrayList<>();
        for (JsonNode n : root.get("objects")) {
            objects.add(new ObjectInfo(n.get("key").asText(), n.get("size").asLong(),
                    n.get("etag").isNull() ? null : n.get("etag").asText(),
                    n.path("last_modified").isTextual() ? Instant.parse(n.get("last_modified").asText()) : null));
        }
        return new Listing(folders, objects);
    }

    /**
     * The object's information: from the cache's record of an earlier download when there is one (no network),
     * else asked of the store. A missing object is an error naming the key and the store.
     */
    public ObjectInfo info(String key) throws IOException {
        Path meta = metaFile(key);
        if (meta != null && !refresh && Files.isRegularFile(meta) && Files.isRegularFile(cachedFile(key))) {
            try {
                JsonNode n = JSON.readTree(meta.toFile());
                ObjectInfo i = new ObjectInfo(key, n.get("size").asLong(), n.get("etag").isNull() ? null : n.get("etag").asText(), null);
                if (Files.size(cachedFile(key)) == i.size()) return i;
            } catch (IOException | RuntimeException e) {
                // ask the store
            }
        }
        ObjectInfo i = store.head(key);
        if (i == null) throw new DendriteException("no object '" + key + "' in " + store.describe());
        return i;
    }

    /** Fetches one object (by key) to {@code targetRoot/KEY}. */
    public Result get(String key, Path targetRoot, Listener listener) throws IOException {
        return get(info(key), targetRoot, listener);
    }

    /** Fetches one listed object to {@code targetRoot/KEY}. */
    public Result get(ObjectInfo o, Path targetRoot, Listener listener) throws IOException {
        Path target = targetRoot.resolve(o.key()).normalize();
        if (!target.startsWith(targetRoot.normalize())) throw new DendriteException("key '" + o.key() + "' points outside " + targetRoot);
        String md5 = o.md5();
        if (Files.isRegularFile(target) && Files.size(target) == o.size()
                && (md5 == null || md5.equals(MirrorStore.md5(target)))) {
            listener.finished(o.key(), Outcome.ALREADY_THERE);
            return new Result(o, target, Outcome.ALREADY_THERE, md5 != null);
        }
        if (cache == null) {
            // a local mirror: copy straight into place through a hidden temporary file
            Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
            Files.createDirectories(target.getParent());
            try {
                String got = transfer(o, tmp, 0, listener);
                verify(o, tmp, got);
                moveInto(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            listener.finished(o.key(), Outcome.DOWNLOADED);
            return new Result(o, target, Outcome.DOWNLOADED, md5 != null);
        }
        Path cached = cachedFile(o.key());
        Outcome outcome = Outcome.FROM_CACHE;
        if (!(Files.isRegularFile(cached) && Files.size(cached) == o.size() && sameEtag(o))) {
            outcome = download(o, cached, listener);
        }
        if (!cached.equals(target)) {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
            try {
                Files.copy(cached, tmp, StandardCopyOption.REPLACE_EXISTING);
                moveInto(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        listener.finished(o.key(), outcome);
        return new Result(o, target, outcome, md5 != null);
    }

    private boolean sameEtag(ObjectInfo o) throws IOException {
        Path meta = metaFile(o.key());
        if (!Files.isRegularFile(meta)) return false;
        JsonNode n = JSON.readTree(meta.toFile());
        String had = n.get("etag").isNull() ? null : n.get("etag").asText();
        return o.etag() == null ? had == null : o.etag().equals(had);
    }

    private Path metaFile(String key) {
        return cache == null ? null : cache.resolve("meta").resolve(key + ".json");
    }

    /** Downloads into the cache, resuming a partial copy; a copy that fails its check once is fetched anew once. */
    private Outcome download(ObjectInfo o, Path cached, Listener listener) throws IOException {
        Path part = partialFile(o.key());
        Files.createDirectories(part.getParent());
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (have > o.size()) {
            Files.delete(part);
            have = 0;
        }
        boolean resumed = have > 0;
        // a part as long as the object (the run that wrote it stopped before checking it) needs no more bytes
        String got = have == o.size() && have > 0 ? MirrorStore.md5(part) : transfer(o, part, have, listener);
        try {
            verify(o, part, got);
        } catch (DendriteException e) {
            Files.deleteIfExists(part);
            if (!resumed) throw e;
            // the kept part came from another version of the object, or was damaged: start over once
            got = transfer(o, part, 0, listener);
            resumed = false;
            try {
                verify(o, part, got);
            } catch (DendriteException again) {
                Files.deleteIfExists(part);
                throw again;
            }
        }
        Files.createDirectories(cached.getParent());
        moveInto(part, cached);
        ObjectNode meta = JSON.createObjectNode();
        meta.put("key", o.key());
        meta.put("size", o.size());
        meta.put("etag", o.etag());
        meta.put("md5", got);
        meta.put("store", store.describe());
        meta.put("fetched_at", Instant.now().toString());
        org.dendrite.io.output.AtomicFiles.write(metaFile(o.key()), out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, meta));
        return resumed ? Outcome.RESUMED : Outcome.DOWNLOADED;
    }

    /**
     * Appends the object's bytes from {@code offset} to {@code file} and returns the MD5 of the whole file.
     * A connection that ends early keeps what arrived (remote stores) and is an error saying how to resume.
     */
    private String transfer(ObjectInfo o, Path file, long offset, Listener listener) throws IOException {
        MessageDigest md = md5Digest();
        if (offset > 0) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            }
        }
        listener.started(o.key(), o.size(), offset);
        long done = offset;
        String failure = null;
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        try (out; InputStream in = store.open(o.key(), offset)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                md.update(buf, 0, n);
                done += n;
                listener.bytes(done);
                if (done > o.size()) break;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DendriteException de && done == offset) throw de;
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (done < o.size()) {
            String where = o.key() + ": download truncated at " + done + " of " + o.size() + " bytes"
                    + (failure != null ? " (" + failure + ")" : "");
            if (cache == null) throw new DendriteException(where + "; nothing was written");
            throw new DendriteException(where + "; nothing was written to the target folder, the " + done
                    + " bytes are kept in the cache: run the same command again to resume");
        }
        if (done > o.size()) {
            Files.deleteIfExists(file);
            throw new DendriteException(o.key() + ": the store sent more than the object's " + o.size() + " bytes; copy removed");
        }
        return hex(md.digest());
    }

    private static void verify(ObjectInfo o, Path file, String gotMd5) throws IOException {
        long size = Files.size(file);
        if (size != o.size()) {
            throw new DendriteException(o.key() + ": got " + size + " bytes, expected " + o.size() + "; copy removed");
        }
        String want = o.md5();
        if (want != null && !want.equals(gotMd5)) {
            throw new DendriteException(o.key() + ": checksum mismatch (MD5 " + gotMd5 + ", the store's ETag says " + want
                    + "); copy removed");
        }
    }

    private static void moveInto(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) s.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        return s.toString();
    }
}
