package org.dendrite.cli.morph;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dendrite.io.morph.MorphologyFiles;
import org.dendrite.io.morph.SomaReading;
import org.dendrite.io.morph.MorphologyStats;
import org.dendrite.io.morph.ReadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dendrite morph info FILE [--json]}. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Sections, points, length and membrane area per type (at nseg 1 and at nseg from the",
                "d_lambda rule, 100 Hz, 0.1), longest path from the soma, highest branch order, bounding box",
                "and the soma reading used."})
public final class MorphInfoCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "morphology file (.swc or .asc)")
    Path file;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--ra", paramLabel = "OHM_CM", defaultValue = "35.4",
            description = "axial resistivity for the d_lambda rule, ohm cm (default: ${DEFAULT-VALUE}, NEURON's)")
    double ra;

    @Option(names = "--cm", paramLabel = "UF_CM2", defaultValue = "1",
            description = "specific capacitance for the d_lambda rule, uF/cm2 (default: ${DEFAULT-VALUE})")
    double cm;

    @Option(names = "--strict", description = "treat warnings as errors")
    boolean strict;

    @Mixin SomaOption soma;

    @Override
    public Integer call() throws Exception {
        SomaReading reading = soma.reading();
        ReadResult r = MorphologyFiles.readChecked(file, reading);
        if (strict) r.strict();
        var morphology = r.morphology();
        String somaText = r.somaReading();
        MorphologyStats st = MorphologyStats.of(morphology, ra, cm);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = om.createObjectNode();
            root.put("file", file.toString());
            putTotals(root, st.total);
            root.put("max_path_length_um", st.maxPathLengthUm);
            root.put("max_branch_order", st.maxBranchOrder);
            ObjectNode bb = root.putObject("bounding_box_um");
            ArrayNode min = bb.putArray("min"), max = bb.putArray("max");
            for (int c = 0; c < 3; c++) {
                min.add(st.boundsMin[c]);
                max.add(st.boundsMax[c]);
            }
            root.put("soma_reading", somaText);
            root.put("d_lambda_ra_ohm_cm", ra);
            root.put("d_lambda_cm_uf_cm2", cm);
            ObjectNode per = root.putObject("per_type");
            for (Map.Entry<String, MorphologyStats.Totals> e : st.perType.entrySet()) {
                putTotals(per.putObject(e.getKey()), e.getValue());
            }
            root.put("warnings", r.warnings().size());
            ArrayNode notes = root.putArray("notes");
            morphology.notes().forEach(notes::add);
            out.println(om.writeValueAsString(root));
        } else {
            out.printf("%s%n", file);
            out.printf("  soma: %s%n", somaText);
            out.printf("  %-10s %8s %8s %14s %16s %20s %8s%n", "type", "sections", "points", "length [um]",
                    "area nseg=1 [um2]", "area d_lambda [um2]", "nseg");
            for (Map.Entry<String, MorphologyStats.Totals> e : st.perType.entrySet()) {
                row(out, e.getKey(), e.getValue());
            }
            row(out, "all", st.total);
            out.printf("  longest path from the soma: %.4f um; highest branch order: %d%n", st.maxPathLengthUm,
                    st.maxBranchOrder);
            out.printf("  bounding box [um]: x %.3f .. %.3f, y %.3f .. %.3f, z %.3f .. %.3f%n", st.boundsMin[0],
                    st.boundsMax[0], st.boundsMin[1], st.boundsMax[1], st.boundsMin[2], st.boundsMax[2]);
            out.printf("  d_lambda rule with Ra = %s ohm cm, cm = %s uF/cm2%n", ra, cm);
            if (!r.warnings().isEmpty()) {
                out.printf("  %d warning(s); run 'dendrite morph check %s' to list them%n", r.warnings().size(),
                        file);
            }
        }
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String name, MorphologyStats.Totals t) {
        out.printf("  %-10s %8d %8d %14.4f %16.4f %20.4f %8d%n", name, t.sections(), t.points(), t.lengthUm(),
                t.areaNseg1Um2(), t.areaDLambdaUm2(), t.nsegDLambda());
    }

    private static void putTotals(ObjectNode o, MorphologyStats.Totals t) {
        o.put("sections", t.sections());
        o.put("points", t.points());
        o.put("total_length_um", t.lengthUm());
        o.put("total_area_um2", t.areaNseg1Um2());
        o.put("total_area_dlambda_um2", t.areaDLambdaUm2());
        o.put("nseg_dlambda", t.nsegDLambda());
    }
}
