package org.dendrite.io.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The consortium's twelve metadata tables: their columns (name, type, description) as the consortium publishes them
 * (bundled copies of its json-schemas/, see PROVENANCE.md beside them), and for each a JSON Schema (draft 2020-12)
 * that one row must satisfy:
 * <ul>
 *   <li>ID columns are strings {@code LAB_PREFIX_NNNN} (lab initials, the table's object prefix, four digits, e.g.
 *       {@code RY_E_0001}); the primary key must carry its own table's prefix and must be present; a foreign key
 *       ({@code session_id}, {@code mouse_id}…) the prefix of the table it names;</li>
 *   <li>str → string, int → integer, float → number, bool → boolean, date → "YYYYMMDD", time → "HH:MM";</li>
 *   <li>every other column may be null (left empty); a column the table does not have is an error.</li>
 * </ul>
 */
public final class TableSchemas {
    /** Table names, which are also the object types of the bucket layout. */
    public static final List<String> TABLES = DatasetKey.OBJECT_TYPES;

    /** Object prefix of each table's IDs (metadata.md); the mouse table's litter IDs use L. */
    public static final Map<String, String> PREFIX = Map.ofEntries(Map.entry("analysis", "A"), Map.entry("behavior", "B"),
            Map.entry("cell_detection_dataset", "CD"), Map.entry("ephys", "E"), Map.entry("image", "IMG"),
            Map.entry("micro_ct_dataset", "MD"), Map.entry("model", "MOD"), Map.entry("mouse", "M"),
            Map.entry("plasmid", "P"), Map.entry("sem_dataset", "SD"), Map.entry("session", "S"), Map.entry("virus", "V"));

    /** One column: name, consortium type (ID, str, int, float, bool, date, time) and description. */
    public record Column(String name, String type, String description) {}

    /** One table: its name, primary-key column, columns in order, and the JSON Schema of a row. */
    public record Table(String name, String primaryKey, List<Column> columns, JsonNode jsonSchema, Schema schema) {
        public Column column(String n) {
            for (Column c : columns) if (c.name().equals(n)) return c;
            return null;
        }
    }

    private static final Map<String, Table> BY_NAME = load();

    private TableSchemas() {}

    public static Table table(String name) {
        return BY_NAME.get(name);
    }

    public static List<Table> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The ID pattern for a table's IDs: two or three capital lab initials, the prefix, four digits. */
    public static String idPattern(String prefix) {
        return "^[A-Z]{2,3}_" + prefix + "_[0-9]{4}$";
    }

    private static Map<String, Table> load() {
        ObjectMapper json = new ObjectMapper();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<String, Table> out = new LinkedHashMap<>();
        for (String t : TABLES) {
            String res = "schemas/" + t + ".json";
            try (InputStream in = TableSchemas.class.getResourceAsStream(res)) {
                if (in == null) throw new IllegalStateException("bundled table description " + res + " is missing from the build");
                JsonNode attrs = json.readTree(in).get(t).get("attributes");
                List<Column> cols = new ArrayList<>();
                for (JsonNode a : attrs) cols.add(new Column(a.get("attribute").asText(), a.get("type").asText(), a.get("description").asText()));
                String pk = primaryKey(t, cols);
                JsonNode schema = rowSchema(json, t, pk, cols);
                out.put(t, new Table(t, pk, Collections.unmodifiableList(cols), schema, registry.getSchema(schema)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static String primaryKey(String table, List<Column> cols) {
        // the PK is the ID column named after the table (cell_dataset_id, micro_ct_id… are the first ID but for mouse)
        if (table.equals("mouse")) return "mouse_id";
        for (Column c : cols) if (c.type().equals("ID")) return c.name();
        throw new IllegalStateException(table + ": no ID column");
    }

    /** The prefix a foreign-key column's IDs carry, or null when any table's IDs may appear (source_id). */
    static String foreignPrefix(String column) {
        return switch (column) {
            case "session_id" -> "S";
            case "mouse_id" -> "M";
            case "plasmid_id" -> "P";
            case "virus_id" -> "V";
            case "litter_id" -> "L";
            case "ephys_id" -> "E";
            case "model_id" -> "MOD";
            case "image_id" -> "IMG";
            default -> null;
        };
    }

    private static JsonNode rowSchema(ObjectMapper json, String table, String pk, List<Column> cols) {
        ObjectNode s = json.createObjectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("title", table + " row");
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        for (Column c : cols) {
            ObjectNode p = props.putObject(c.name());
            p.put("description", c.description());
            boolean key = c.name().equals(pk);
            String type = switch (c.type()) {
                case "ID", "str", "date", "time" -> "string";
                case "int" -> "integer";
                case "float" -> "number";
                case "bool" -> "boolean";
                default -> throw new IllegalStateException(table + "." + c.name() + ": unknown type " + c.type());
            };
            if (key) {
                p.put("type", type);
            } else {
                ArrayNode types = p.putArray("type");
                types.add(type);
                types.add("null");
            }
            switch (c.type()) {
                case "ID" -> {
                    String prefix = key ? PREFIX.get(table) : foreignPrefix(c.name());
                    p.put("pattern", prefix != null ? idPattern(prefix) : "^[A-Z]{2,3}_[A-Z]{1,3}_[0-9]{4}$");
                }
                case "date" -> p.put("pattern", "^(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$");
                case "time" -> p.put("pattern", "^([01][0-9]|2[0-3]):[0-5][0-9]$");
                default -> { }
            }
        }
        s.putArray("required").add(pk);
        s.put("additionalProperties", false);
        return s;
    }
}
