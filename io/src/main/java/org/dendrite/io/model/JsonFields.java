package org.dendrite.io.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object while remembering which were used, so that {@link #finish()} can
 * reject unknown keys; every error names the file and the JSON path ({@code $.simulation.tstop}).
 */
final class JsonFields {
    final String file;
    final String path;
    final JsonNode node;
    private final Set<String> used = new HashSet<>();

    JsonFields(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
        if (!node.isObject()) throw error(path, "expected an object, found " + describe(node));
    }

    ModelFormatException error(String at, String message) {
        return new ModelFormatException(file, at, message);
    }

    String at(String key) {
        return path + "." + key;
    }

    static String describe(JsonNode n) {
        if (n.isTextual()) return "the string \"" + n.asText() + "\"";
        if (n.isNumber()) return "the number " + n.asText();
        if (n.isArray()) return "an array";
        if (n.isObject()) return "an object";
        if (n.isBoolean()) return n.asText();
        return "null";
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    JsonNode raw(String key) {
        used.add(key);
        return node.get(key);
    }

    /** A number in {@code unit} (a bare number, or a "NUMBER UNIT" string converted to it). */
    double number(String key, String unit, double fallback) {
        if (!has(key)) {
            used.add(key);
            return fallback;
        }
        return toNumber(raw(key), at(key), unit);
    }

    double requiredNumber(String key, String unit) {
        if (!has(key)) throw error(at(key), "missing (a number in " + unit + ")");
        return toNumber(raw(key), at(key), unit);
    }

    double toNumber(JsonNode n, String where, String unit) {
        if (n.isNumber()) return n.asDouble();
        if (n.isTextual()) {
            try {
                return Quantity.parse(n.asText(), unit);
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
        }
        throw error(where, "expected a number in " + unit + ", found " + describe(n));
    }

    int integer(String key, int fallback) {
        if (!has(key)) {
            used.add(key);
            return fallback;
        }
        JsonNode n = raw(key);
        if (!n.canConvertToInt() || n.asDouble() != Math.rint(n.asDouble())) {
            throw error(at(key), "expected a whole number, found " + describe(n));
        }
        return n.asInt();
    }

    String string(String key, String fallback) {
        if (!has(key)) {
            used.add(key);
            return fallback;
        }
        JsonNode n = raw(key);
        if (!n.isTextual()) throw error(at(key), "expected a string, found " + describe(n));
        return n.asText();
    }

    String requiredString(String key) {
        String s = string(key, null);
        if (s == null) throw error(at(key), "missing (a string)");
        return s;
    }

    JsonFields object(String key) {
        if (!has(key)) {
            used.add(key);
            return null;
        }
        return new JsonFields(file, at(key), raw(key));
    }

    /** Elements of an array field (empty when absent). */
    List<JsonNode> array(String key) {
        if (!has(key)) {
            used.add(key);
            return List.of();
        }
        JsonNode n = raw(key);
        if (!n.isArray()) throw error(at(key), "expected an array, found " + describe(n));
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    /** The entries of an object field (empty when absent). */
    List<Map.Entry<String, JsonNode>> entries(String key) {
        if (!has(key)) {
            used.add(key);
            return List.of();
        }
        JsonNode n = raw(key);
        if (!n.isObject()) throw error(at(key), "expected an object, found " + describe(n));
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    /** Rejects keys nobody read. */
    void finish() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!used.contains(k)) throw error(at(k), "unknown key (allowed here: " + String.join(", ", used) + ")");
        }
    }
}
