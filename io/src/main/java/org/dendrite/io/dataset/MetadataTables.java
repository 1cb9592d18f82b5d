package org.dendrite.io.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dendrite.engine.DendriteException;

/**
 * Metadata rows of the consortium's tables, read from a folder of exports — {@code TABLE.json} (an array of row
 * objects, or {@code {"TABLE": [...]}}) or {@code TABLE.csv} (a header row of column names, then one row per line;
 * RFC 4180 quoting; empty cells are null) — and each row checked against its table's JSON Schema
 * ({@link TableSchemas}). A bad row is an error naming the file, the line (CSV) or array index (JSON), the row's ID
 * and what was expected. IDs must be unique within a table.
 */
public final class MetadataTables {
    /** One row: the file and line (CSV; -1 for JSON) or index (JSON) it came from, and its values. */
    public record Row(String table, String where, ObjectNode values) {
        public String id() {
            JsonNode n = values.get(TableSchemas.table(table).primaryKey());
            return n == null ? null : n.asText();
        }

        public String get(String column) {
            JsonNode n = values.get(column);
            return n == null || n.isNull() ? null : n.asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("\\b[A-Z]{2,3}_[A-Z]{1,3}_[0-9]{4}\\b");
    private final Path folder;
    private final Map<String, List<Row>> rows = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();

    private MetadataTables(Path folder) {
        this.folder = folder;
    }

    /** Reads and checks every table export found in {@code folder} (tables without a file are empty). */
    public static MetadataTables read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new DendriteException("metadata folder " + folder + " does not exist");
        MetadataTables m = new MetadataTables(folder);
        for (String t : TableSchemas.TABLES) {
            Path json = folder.resolve(t + ".json"), csv = folder.resolve(t + ".csv");
            if (Files.isRegularFile(json) && Files.isRegularFile(csv)) {
                throw new DendriteException(folder + ": both " + t + ".json and " + t + ".csv; keep one export per table");
            }
            List<Row> list = Files.isRegularFile(json) ? readJson(t, json) : Files.isRegularFile(csv) ? readCsv(t, csv) : List.of();
            if (Files.isRegularFile(json)) m.files.put(t, json);
            if (Files.isRegularFile(csv)) m.files.put(t, csv);
            Set<String> ids = new LinkedHashSet<>();
            for (Row r : list) {
                if (!ids.add(r.id())) throw new DendriteException(r.where() + ": " + t + " ID " + r.id() + " appears twice");
            }
            m.rows.put(t, list);
        }
        return m;
    }

    public Path folder() {
        return folder;
    }

    /** The export a table was read from, or null. */
    public Path file(String table) {
        return files.get(table);
    }

    public List<Row> rows(String table) {
        checkTable(table);
        return rows.get(table);
    }

    /** The row with this ID, in the table its prefix names (RY_E_0001 → ephys), or null. */
    public Row byId(String id) {
        for (List<Row> l : rows.values()) for (Row r : l) if (id.equals(r.id())) return r;
        return null;
    }

    /** The row with this ID in one table; an error naming the table and its file when there is none. */
    public Row require(String table, String id) {
        checkTable(table);
        for (Row r : rows.get(table)) if (id.equals(r.id())) return r;
        Path f = files.get(table);
        throw new DendriteException("no " + table + " row with ID " + id + " in "
                + (f != null ? f.toString() : folder + " (which has no " + table + ".json or " + table + ".csv)"));
    }

    /**
     * Rows of a table matching every condition {@code COL=VALUE} (equal, case-sensitive; {@code COL~TEXT}: contains
     * TEXT, case-insensitive; an empty VALUE matches an empty cell). Unknown columns are an error listing the table's.
     */
    public List<Row> find(String table, List<String> where) {
        checkTable(table);
        TableSchemas.Table t = TableSchemas.table(table);
        List<String[]> conds = new ArrayList<>();
        for (String w : where) {
            int eq = w.indexOf('='), ti = w.indexOf('~');
            int at = eq < 0 ? ti : ti < 0 ? eq : Math.min(eq, ti);
            if (at <= 0) throw new DendriteException("--where '" + w + "': expected COLUMN=VALUE or COLUMN~TEXT");
            String col = w.substring(0, at).trim();
            if (t.column(col) == null) {
                throw new DendriteException("--where '" + w + "': table " + table + " has no column '" + col + "' (columns: "
                        + String.join(", ", t.columns().stream().map(TableSchemas.Column::name).toList()) + ")");
            }
            conds.add(new String[] {col, String.valueOf(w.charAt(at)), w.substring(at + 1)});
        }
        List<Row> out = new ArrayList<>();
        for (Row r : rows.get(table)) {
            boolean ok = true;
            for (String[] c : conds) {
                String v = r.get(c[0]);
                if (c[1].equals("=")) {
                    ok = c[2].isEmpty() ? v == null || v.isEmpty() : c[2].equals(v) || numericEqual(c[2], r.values().get(c[0]));
                } else {
                    ok = v != null && v.toLowerCase(Locale.ROOT).contains(c[2].toLowerCase(Locale.ROOT));
                }
                if (!ok) break;
            }
            if (ok) out.add(r);
        }
        return out;
    }

    private static boolean numericEqual(String text, JsonNode n) {
        if (n == null || !n.isNumber()) return false;
        try {
            return Double.parseDouble(text) == n.asDouble();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The ephys rows that belong with a model row. The model table has no foreign key, so the link is what the
     * model row names: every ID in its fields (description, notes…) that is an ephys ID selects that recording and
     * the other recordings of its session; a session ID selects every recording of that session. Returned in the
     * ephys table's order.
     */
    public List<Row> ephysOfModel(String modelId) {
        Row model = require("model", modelId);
        Set<String> ephysIds = new LinkedHashSet<>(), sessions = new LinkedHashSet<>();
        model.values().fields().forEachRemaining(e -> {
            if (e.getKey().equals("model_id") || !e.getValue().isTextual()) return;
            Matcher m = ID.matcher(e.getValue().asText());
            while (m.find()) {
                String id = m.group();
                String prefix = id.split("_")[1];
                if (prefix.equals("E")) ephysIds.add(id);
                if (prefix.equals("S")) sessions.add(id);
            }
        });
        for (Row r : rows.get("ephys")) if (ephysIds.contains(r.id()) && r.get("session_id") != null) sessions.add(r.get("session_id"));
        List<Row> out = new ArrayList<>();
        for (Row r : rows.get("ephys")) {
            if (ephysIds.contains(r.id()) || (r.get("session_id") != null && sessions.contains(r.get("session_id")))) out.add(r);
        }
        return out;
    }

    private static void checkTable(String table) {
        if (TableSchemas.table(table) == null) {
            throw new DendriteException("no table '" + table + "' (tables: " + String.join(", ", TableSchemas.TABLES) + ")");
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------

    private static List<Row> readJson(String table, Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DendriteException(file + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : ""));
        }
        if (root != null && root.isObject() && root.has(table)) root = root.get(table);
        if (root == null || !root.isArray()) throw new DendriteException(file + ": expected an array of " + table + " rows (or {\"" + table + "\": [...]})");
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String where = file + ": $[" + i + "]";
            JsonNode n = root.get(i);
            if (!n.isObject()) throw new DendriteException(where + ": expected a row object {\"column\": value, …}");
            out.add(check(table, where, (ObjectNode) n));
        }
        return out;
    }

    private static List<Row> readCsv(String table, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parseCsv(file, text, records, lines);
        if (records.isEmpty()) throw new DendriteException(file + ": empty; expected a header line of " + table + " column names");
        TableSchemas.Table t = TableSchemas.table(table);
        List<String> header = records.get(0).stream().map(String::trim).toList();
        for (int c = 0; c < header.size(); c++) {
            if (t.column(header.get(c)) == null) {
                throw new DendriteException(file + ": line 1, column " + (c + 1) + ": '" + header.get(c) + "' is not a column of "
                        + table + " (columns: " + String.join(", ", t.columns().stream().map(TableSchemas.Column::name).toList()) + ")");
            }
        }
        List<Row> out = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            String where = file + ": line " + lines.get(r);
            if (cells.size() == 1 && cells.get(0).isBlank()) continue;
            if (cells.size() != header.size()) {
                throw new DendriteException(where + ": " + cells.size() + " cells, expected " + header.size() + " (one per header column)");
            }
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            for (int c = 0; c < header.size(); c++) row.set(header.get(c), typed(t.column(header.get(c)).type(), cells.get(c)));
            out.add(check(table, where, row));
        }
        return out;
    }

    /** A CSV cell as the JSON value its column's type wants; a cell that does not parse stays a string (the schema names it). */
    private static JsonNode typed(String type, String cell) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String s = cell.trim();
        if (s.isEmpty()) return f.nullNode();
        switch (type) {
            case "int" -> {
                if (s.matches("[-+]?[0-9]+")) return f.numberNode(Long.parseLong(s));
            }
            case "float" -> {
                try {
                    double d = Double.parseDouble(s);
                    if (Double.isFinite(d)) return f.numberNode(d);
                } catch (NumberFormatException e) {
                    // left as text
                }
            }
            case "bool" -> {
                String l = s.toLowerCase(Locale.ROOT);
                if (l.equals("true") || l.equals("1")) return f.booleanNode(true);
                if (l.equals("false") || l.equals("0")) return f.booleanNode(false);
            }
            default -> { }
        }
        return f.textNode(s);
    }

    private static Row check(String table, String where, ObjectNode row) {
        TableSchemas.Table t = TableSchemas.table(table);
        List<com.networknt.schema.Error> errors = t.schema().validate(row);
        if (!errors.isEmpty()) {
            JsonNode id = row.get(t.primaryKey());
            StringBuilder msg = new StringBuilder(where);
            if (id != null && id.isTextual()) msg.append(" (").append(table).append(' ').append(id.asText()).append(')');
            msg.append(": row does not match the ").append(table).append(" schema: ");
            for (int i = 0; i < errors.size() && i < 5; i++) {
                if (i > 0) msg.append("; ");
                msg.append(describe(t, errors.get(i)));
            }
            if (errors.size() > 5) msg.append("; and ").append(errors.size() - 5).append(" more");
            throw new DendriteException(msg.toString());
        }
        return new Row(table, where, row);
    }

    private static String describe(TableSchemas.Table t, com.networknt.schema.Error e) {
        com.networknt.schema.path.NodePath loc = e.getInstanceLocation();
        String col = loc != null && loc.getNameCount() > 0 ? loc.getName(0) : e.getProperty();
        TableSchemas.Column c = col == null ? null : t.column(col);
        String expected = c == null ? "" : " (expected " + switch (c.type()) {
            case "ID" -> "an ID like " + example(t, c);
            case "date" -> "a date YYYYMMDD";
            case "time" -> "a time HH:MM";
            case "int" -> "an integer";
            case "float" -> "a number";
            case "bool" -> "TRUE or FALSE";
            default -> "text";
        } + (c.description().isEmpty() ? "" : ": " + c.description()) + ")";
        return (col != null ? "$." + col + ": " : "") + e.getMessage() + expected;
    }

    private static String example(TableSchemas.Table t, TableSchemas.Column c) {
        String p = c.name().equals(t.primaryKey()) ? TableSchemas.PREFIX.get(t.name()) : TableSchemas.foreignPrefix(c.name());
        return "RY_" + (p == null ? "E" : p) + "_0001";
    }

    /** RFC 4180: comma-separated, fields in double quotes may hold commas, quotes ("") and line breaks. */
    private static void parseCsv(Path file, String text, List<List<String>> records, List<Integer> lines) {
        List<String> rec = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false, any = false;
        int line = 1, recLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') line++;
                    cell.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (cell.toString().isBlank()) {
                        cell.setLength(0);
                        quoted = true;
                    } else {
                        cell.append(ch);
                    }
                    any = true;
                }
                case ',' -> {
                    rec.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                }
                case '\r' -> { }
                case '\n' -> {
                    if (any || cell.length() > 0) {
                        rec.add(cell.toString());
                        records.add(rec);
                        lines.add(recLine);
                    }
                    rec = new ArrayList<>();
                    cell.setLength(0);
                    any = false;
                    line++;
                    recLine = line;
                }
                default -> {
                    cell.append(ch);
                    any = true;
                }
            }
        }
        if (quoted) throw new DendriteException(file + ": line " + recLine + ": a quoted cell is not closed");
        if (any || cell.length() > 0) {
            rec.add(cell.toString());
            records.add(rec);
            lines.add(recLine);
        }
    }
}
