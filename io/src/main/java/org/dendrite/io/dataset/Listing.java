package org.dendrite.io.dataset;

import java.util.List;

/** What lies under a prefix: sub-folders (ending in '/') and objects, both sorted by key. */
public record Listing(List<String> folders, List<ObjectInfo> objects) {
    public long totalBytes() {
        long n = 0;
        for (ObjectInfo o : objects) n += o.size();
        return n;
    }
}
