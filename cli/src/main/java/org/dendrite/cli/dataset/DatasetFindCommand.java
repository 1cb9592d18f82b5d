package org.dendrite.cli.dataset;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.DendriteException;
import org.dendrite.io.dataset.MetadataTables;
import org.dendrite.io.dataset.TableSchemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dendrite dataset find}: rows of a metadata table by column values; a model with its recordings. */
@Command(name = "find", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rows of a metadata table that match conditions; a model with its recordings.",
                "Every --where condition must hold: COL=VALUE (equal; numbers compare",
                "as numbers; COL= matches an empty cell) or COL~TEXT (contains, ignoring case). One row per line: its ID",
                "then COLUMN=VALUE for every filled column; --json prints the rows as a JSON array.",
                "--join ephys (with --table model) adds, under each model, the ephys rows it belongs with: the",
                "recordings and sessions its fields name (the model table has no foreign key of its own).",
                "",
                "Examples:",
                "  dendrite dataset find --table ephys --where session_id=RY_S_0001",
                "  dendrite dataset find --table ephys --where recording_type~dendritic --where sampling_rate=20000",
                "  dendrite dataset find --table model --where model_id=IS_MOD_0001 --join ephys"})
public final class DatasetFindCommand implements Callable<Integer> {
    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "analysis, behavior, ephys, image, model, session, …")
    String table;

    @Option(names = {"-w", "--where"}, paramLabel = "COL=VALUE", description = "condition (repeatable; all must hold)")
    List<String> where = new ArrayList<>();

    @Option(names = "--join", paramLabel = "ephys", description = "with --table model: the model's ephys rows too")
    String join;

    @Option(names = "--json", description = "print the rows as JSON")
    boolean json;

    @Mixin StoreOptions store;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (TableSchemas.table(table) == null) {
            throw new DendriteException("--table " + table + ": no such table (tables: " + String.join(", ", TableSchemas.TABLES) + ")");
        }
        if (join != null && !(join.equals("ephys") && table.equals("model"))) {
            throw new DendriteException("--join " + join + ": only '--table model --join ephys' is supported");
        }
        MetadataTables m = store.metadata();
        List<MetadataTables.Row> rows = m.find(table, where);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectMapper om = new ObjectMapper();
            var arr = om.createArrayNode();
            for (MetadataTables.Row r : rows) {
                var n = r.values().deepCopy();
                if (join != null) {
                    var e = n.putArray("ephys");
                    for (MetadataTables.Row er : m.ephysOfModel(r.id())) e.add(er.values());
                }
                arr.add(n);
            }
            w.println(om.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        } else {
            for (MetadataTables.Row r : rows) {
                w.println(line(r));
                if (join != null) {
                    List<MetadataTables.Row> e = m.ephysOfModel(r.id());
                    if (e.isEmpty()) w.println("  (no ephys rows: the model row names no recording or session)");
                    for (MetadataTables.Row er : e) w.println("  ephys " + line(er));
                }
            }
            w.printf("%d %s row(s)%n", rows.size(), table);
        }
        w.flush();
        return 0;
    }

    private static String line(MetadataTables.Row r) {
        StringBuilder s = new StringBuilder(r.id());
        String pk = TableSchemas.table(r.table()).primaryKey();
        r.values().fields().forEachRemaining(e -> {
            if (e.getKey().equals(pk) || e.getValue().isNull()) return;
            var v = e.getValue();
            // 40000.0 Hz reads better as 40000 (a float column's whole numbers)
            String text = v.isDouble() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15
                    ? Long.toString((long) v.asDouble()) : v.asText();
            s.append("  ").append(e.getKey()).append('=').append(text);
        });
        return s.toString();
    }
}
