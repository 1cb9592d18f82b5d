package org.dendrite.io.dataset;

import java.time.Instant;

/**
 * One object of the bucket (or of a mirror folder): its key, size in bytes, ETag (for objects uploaded in one
 * part the hex MD5 of the content; null where unknown) and modification time (null where unknown).
 */
public record ObjectInfo(String key, long size, String etag, Instant lastModified) {
    /** The ETag when it is a plain MD5 (32 hex digits), else null (multipart uploads have "md5-N"). */
    public String md5() {
        return etag != null && etag.matches("[0-9a-fA-F]{32}") ? etag.toLowerCase(java.util.Locale.ROOT) : null;
    }
}
