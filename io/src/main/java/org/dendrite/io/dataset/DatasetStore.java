package org.dendrite.io.dataset;

import java.io.IOException;
import java.io.InputStream;

/** Where the consortium's objects come from: the public S3 bucket, or a local folder with the same layout. */
public interface DatasetStore extends AutoCloseable {
    /** For messages: {@code s3://dendritic-consortium (us-east-2, anonymous)} or {@code mirror /data/dc}. */
    String describe();

    /** A short name for the cache folder of this store (objects of different stores never mix). */
    String cacheId();

    /**
     * Objects and folders under {@code prefix}: with {@code recursive} every object below it, else the next level
     * only (folders then end in '/'), as {@code aws s3 ls} shows them.
     */
    Listing list(String prefix, boolean recursive) throws IOException;

    /** The object's size and ETag, or null when there is no such object. */
    ObjectInfo head(String key) throws IOException;

    /** The object's bytes from {@code offset} (0 = from the start) to its end. */
    InputStream open(String key, long offset) throws IOException;

    /** Whether this store is on this machine (no cache is needed then). */
    boolean isLocal();

    @Override
    default void close() {}
}
