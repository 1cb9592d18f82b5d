package org.dendrite.cli.dataset;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.dendrite.engine.DendriteException;
import org.dendrite.io.dataset.MetadataTables;
import org.dendrite.io.dataset.TableSchemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite dataset tables}: the metadata tables, their columns, and the rows of an export folder. */
@Command(name = "tables", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The twelve metadata tables, their columns, and the rows of an export folder.",
                "Without TABLE: each table with its ID prefix, column count",
                "and (with --tables DIR) the rows read — every row is checked against the table's schema. With TABLE: its",
                "columns, types (ID, str, int, float, bool, date YYYYMMDD, time HH:MM) and descriptions.",
                "",
                "Examples:",
                "  dendrite dataset tables",
                "  dendrite dataset tables ephys",
                "  dendrite dataset tables --tables exports/     (validates every export)",
                "  dendrite dataset tables ephys --schema        (the JSON Schema a row must satisfy)"})
public final class DatasetTablesCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "TABLE", description = "a table name, e.g. ephys")
    String table;

    @Option(names = "--schema", description = "print TABLE's JSON Schema (draft 2020-12)")
    boolean schema;

    @Mixin StoreOptions store;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        MetadataTables rows = store.tables != null || System.getenv("DENDRITE_DATASET_TABLES") != null || store.mirror != null
                ? tryRead() : null;
        if (table == null) {
            if (schema) throw new DendriteException("--schema needs a TABLE");
            w.printf("%-24s %-6s %-8s %s%n", "table", "prefix", "columns", rows != null ? "rows (" + rows.folder() + ")" : "");
            for (TableSchemas.Table t : TableSchemas.all()) {
                w.printf("%-24s %-6s %-8d %s%n", t.name(), TableSchemas.PREFIX.get(t.name()), t.columns().size(),
                        rows == null ? "" : rows.file(t.name()) == null ? "-" : rows.rows(t.name()).size() + "  " + rows.file(t.name()).getFileName());
            }
        } else {
            TableSchemas.Table t = TableSchemas.table(table);
            if (t == null) throw new DendriteException("no table '" + table + "' (tables: " + String.join(", ", TableSchemas.TABLES) + ")");
            if (schema) {
                w.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(t.jsonSchema()));
            } else {
                w.printf("%s (IDs %s, primary key %s)%n", t.name(), TableSchemas.idPattern(TableSchemas.PREFIX.get(t.name())), t.primaryKey());
                for (TableSchemas.Column c : t.columns()) w.printf("  %-22s %-6s %s%n", c.name(), c.type(), c.description());
                if (rows != null) w.printf("%d row(s) in %s%n", rows.rows(table).size(), rows.file(table) == null ? rows.folder() : rows.file(table));
            }
        }
        w.flush();
        return 0;
    }

    private MetadataTables tryRead() throws IOException {
        if (store.tables == null && System.getenv("DENDRITE_DATASET_TABLES") == null
                && !java.nio.file.Files.isDirectory(store.mirror.resolve("metadata"))) {
            return null;
        }
        return store.metadata();
    }
}
