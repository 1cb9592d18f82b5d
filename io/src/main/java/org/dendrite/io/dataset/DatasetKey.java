package org.dendrite.io.dataset;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.dendrite.engine.DendriteException;

/**
 * Object keys of the Dendritic Consortium bucket, laid out {@code lab/YYYYMMDD/object-type/version/files}: the lab
 * folder is the lab head's surname in lower case ({@code yuste}), the date that of the session, the object type
 * one of the metadata tables ({@code ephys}, {@code image}, {@code model}…), the version {@code raw},
 * {@code processed}, {@code roi} or {@code script}. Keys may be given as {@code s3://BUCKET/KEY} too.
 */
public final class DatasetKey {
    /** The bucket's name in the AWS Open Data registry (the default). */
    public static final String BUCKET = "dendritic-consortium";
    /** The same bucket as the consortium's own tutorials name it. */
    public static final String BUCKET_ALIAS = "dendriticconsortium";
    public static final String REGION = "us-east-2";
    public static final List<String> VERSIONS = List.of("raw", "processed", "roi", "script");
    /** Object types: the names of the metadata tables (kept here so that checking a key loads no schema). */
    public static final List<String> OBJECT_TYPES = List.of("analysis", "behavior", "cell_detection_dataset", "ephys", "image",
            "micro_ct_dataset", "model", "mouse", "plasmid", "sem_dataset", "session", "virus");

    private static final Pattern LAB = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern DATE_PREFIX = Pattern.compile("[0-9]{0,8}");

    private DatasetKey() {}

    /** The key (or prefix) part of {@code s3://bucket/key}, or the text itself; leading slashes removed. */
    public static String stripScheme(String text) {
        String s = text.trim();
        if (s.startsWith("s3://")) {
            int slash = s.indexOf('/', 5);
            String bucket = slash < 0 ? s.substring(5) : s.substring(5, slash);
            if (!bucket.equals(BUCKET) && !bucket.equals(BUCKET_ALIAS)) {
                throw new DendriteException(text + ": bucket '" + bucket + "' is not the consortium's (" + BUCKET + " or "
                        + BUCKET_ALIAS + "); give another bucket with --bucket");
            }
            s = slash < 0 ? "" : s.substring(slash + 1);
        }
        while (s.startsWith("/")) s = s.substring(1);
        return s;
    }

    /**
     * Checks a prefix against the layout: every complete folder must be valid and a last, incomplete one must be
     * the start of a valid one. The empty prefix (the whole bucket) is valid. Returns the prefix without scheme.
     */
    public static String checkPrefix(String text) {
        String s = stripScheme(text);
        if (s.isEmpty()) return s;
        String[] parts = s.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String p = parts[i];
            if (p.isEmpty()) {
                if (last) break; // "yuste/" — a complete folder
                throw bad(text, "empty folder name at position " + (i + 1));
            }
            if (i >= 4) break; // file names under the version folder: anything
            checkPart(text, i, p, last);
        }
        return s;
    }

    /** Checks a complete object key: lab/YYYYMMDD/object-type/version/file…, with a file name. */
    public static String checkKey(String text) {
        String s = checkPrefix(text);
        String[] parts = s.split("/", -1);
        if (parts.length < 5 || parts[parts.length - 1].isEmpty()) {
            throw bad(text, "expected a file key lab/YYYYMMDD/object-type/version/FILE (e.g. "
                    + "yuste/20250620/ephys/raw/cell1.abf), got " + (parts.length < 5 ? "only " + folderWord(s) : "a folder"));
        }
        for (int i = 0; i < 4; i++) checkPart(text, i, parts[i], false);
        return s;
    }

    /** Whether the text names one file (has all four folders and a file name) rather than a prefix. */
    public static boolean isFileKey(String text) {
        String s = stripScheme(text);
        String[] parts = s.split("/", -1);
        return parts.length >= 5 && !parts[parts.length - 1].isEmpty();
    }

    private static String folderWord(String s) {
        long n = s.isEmpty() ? 0 : s.chars().filter(c -> c == '/').count() + (s.endsWith("/") ? 0 : 1);
        return n + " folder level" + (n == 1 ? "" : "s");
    }

    private static void checkPart(String text, int level, String p, boolean partial) {
        switch (level) {
            case 0 -> {
                if (!LAB.matcher(p).matches()) {
                    throw bad(text, "lab folder '" + p + "' must be the lab's surname in lower case (e.g. yuste, segev)");
                }
            }
            case 1 -> {
                if (partial) {
                    if (!DATE_PREFIX.matcher(p).matches()) throw bad(text, "date folder '" + p + "' must be YYYYMMDD");
                } else {
                    checkDate(text, p);
                }
            }
            case 2 -> {
                boolean ok = partial ? OBJECT_TYPES.stream().anyMatch(t -> t.startsWith(p)) : OBJECT_TYPES.contains(p);
                if (!ok) throw bad(text, "object type '" + p + "' is not one of " + String.join(", ", OBJECT_TYPES));
            }
            case 3 -> {
                boolean ok = partial ? VERSIONS.stream().anyMatch(t -> t.startsWith(p)) : VERSIONS.contains(p);
                if (!ok) throw bad(text, "version '" + p + "' is not one of " + String.join(", ", VERSIONS));
            }
            default -> { }
        }
    }

    private static void checkDate(String text, String p) {
        if (p.length() != 8 || !p.chars().allMatch(Character::isDigit)) {
            throw bad(text, "date folder '" + p + "' must be YYYYMMDD (8 digits, e.g. 20250620)");
        }
        try {
            LocalDate.of(Integer.parseInt(p.substring(0, 4)), Integer.parseInt(p.substring(4, 6)), Integer.parseInt(p.substring(6)));
        } catch (DateTimeException e) {
            throw bad(text, "date folder '" + p + "' is not a calendar date (YYYYMMDD)");
        }
    }

    private static DendriteException bad(String text, String why) {
        return new DendriteException("key '" + text + "': " + why
                + " (bucket layout: lab/YYYYMMDD/object-type/version/files, version " + String.join("|", VERSIONS) + ")");
    }

    /** The lower-case file-name extension of a key, without the dot ("" if none). */
    public static String extension(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
