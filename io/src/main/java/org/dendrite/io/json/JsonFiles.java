package org.dendrite.io.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.DendriteException;

/**
 * Reads a JSON file with errors a user can act on: the file, line and column, and what was wrong, without the
 * parser's internals ("[Source: ...]", class names). An empty or truncated file says so. Bad input: exit 2.
 */
public final class JsonFiles {
    private JsonFiles() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The document of {@code file}; never null (an empty file is an error). */
    public static JsonNode read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DendriteException(file + ": file not found");
        } catch (IOException e) {
            throw new DendriteException(file + ": cannot read: " + reason(e));
        }
        return parse(file.toString(), bytes);
    }

    /** As {@link #read}, for bytes that came from {@code name}. */
    public static JsonNode parse(String name, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            String d = describe(e);
            JsonLocation loc = e.getLocation();
            long at = loc == null ? -1 : Math.max(loc.getByteOffset(), loc.getCharOffset());
            if (at >= bytes.length - 1 && !d.contains("ends early")) {
                d = d.replace("not valid JSON: ", "not valid JSON: the file ends early (truncated?): ");
            }
            throw new DendriteException(name + ": " + d);
        } catch (IOException e) {
            throw new DendriteException(name + ": cannot read: " + reason(e));
        }
        if (root == null || root.isMissingNode()) throw new DendriteException(name + ": empty file (expected a JSON document)");
        return root;
    }

    /** "line L, column C: not valid JSON: WHAT" with the parser's source references removed. */
    public static String describe(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String what = e.getOriginalMessage();
        if (what == null) what = "syntax error";
        // drop "(start marker at [Source: ...; line: 1, column: 1])" and similar source descriptions
        what = what.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*line: (\\d+), column: (\\d+)\\]\\)",
                " (opened at line $1, column $2)");
        what = what.replaceAll("\\s*\\[Source: [^\\]]*\\]", "");
        what = what.replaceAll("\\s*at \\[Source:.*", "");
        what = what.replaceAll("\\s*\\n.*", "");
        if (what.startsWith("Unexpected end-of-input")) what = "the file ends early (truncated?): " + what;
        String at = loc == null || loc.getLineNr() < 0 ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
        return at + "not valid JSON: " + what;
    }

    /** The reason of an I/O error without a repeated path (FileSystemException adds the file to its message). */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) return "permission denied" + on(a);
        if (e instanceof java.nio.file.NoSuchFileException n) return "no such file or folder" + on(n);
        if (e instanceof java.nio.file.FileAlreadyExistsException x) return "already exists" + on(x);
        if (e instanceof java.nio.file.FileSystemException fs) {
            return (fs.getReason() != null ? fs.getReason() : "cannot create or open it") + on(fs);
        }
        if (e instanceof java.io.EOFException) return "the file ends early (truncated?)";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String on(java.nio.file.FileSystemException e) {
        return e.getFile() == null ? "" : " (" + e.getFile() + ")";
    }
}
