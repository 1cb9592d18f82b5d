import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dendrite.engine.discretization.SegmentGeometry;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.PathDistance;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
import org.dendrite.io.swc.SwcReader;

/**
 * Writes the bundled pyramidal-cell model (models/src/main/resources/models/pyramidal/model.json): the
 * c91662 reconstruction (read with dendrite's SWC reader, NEURON Import3d rules) inlined as 3-D points, with
 * Hay-style active biophysics, a somatic current pulse, and voltage recordings along the apical trunk that
 * show the back-propagating action potential.
 *
 * usage (from the repository root, after mvn install):
 *   java -cp engine/target/classes:io/target/classes:$(cat cp.txt) benchmarks/scripts/MakePyramidalModel.java \
 *       models/validation/neuron/c91662.swc models/src/main/resources/models/pyramidal/model.json
 */
public class MakePyramidalModel {
    public static void main(String[] args) throws Exception {
        Morphology m = SwcReader.read(Path.of(args[0]));
        PathDistance paths = PathDistance.fromSoma(m);
        StringBuilder sb = new StringBuilder();
        sb.append("{\n \"dendrite_model\": 1,\n \"name\": \"pyramidal_bap\",\n");
        sb.append(" \"description\": \"Default model of `dendrite run`: a reconstructed rat CA1 pyramidal neuron (c91662, "
                + "NeuroMorpho.org, Amaral archive) with Hay et al. 2011 channel kinetics: Na/K/Ca/SK in soma and axon, "
                + "Na, Kv3.1, Im and an Ih density rising exponentially with distance in the apical tree, Ca channels with a "
                + "hot zone in the distal apical tree; nseg 1 + 2 int(L/40). A 2 nA, 3 ms pulse at the soma at 150 ms fires "
                + "an action potential that back-propagates into the apical dendrite, shrinking and slowing with distance "
                + "(recordings along the trunk at 100-400 um), and a second spike follows, with a dendritic Ca/Na event "
                + "distally. The first 150 ms let the cell settle from v_init. "
                + "See models/PROVENANCE.md.\",\n");
        sb.append(" \"morphology\": {\n  \"sections\": [\n");
        for (int s = 0; s < m.size(); s++) {
            Section sec = m.section(s);
            sb.append("   {\"name\": \"").append(sec.name()).append("\", \"type\": \"").append(sec.type().neuronName()).append('"');
            if (sec.parent() >= 0) {
                sb.append(", \"parent\": \"").append(m.section(sec.parent()).name()).append("\", \"parent_x\": ")
                        .append(num(sec.parentX()));
            }
            sb.append(", \"points\": [");
            for (int i = 0; i < sec.pointCount(); i++) {
                sb.append(i == 0 ? "" : ", ").append('[').append(num(sec.x(i))).append(", ").append(num(sec.y(i)))
                        .append(", ").append(num(sec.z(i))).append(", ").append(num(sec.diam(i))).append(']');
            }
            sb.append("]}").append(s + 1 < m.size() ? ",\n" : "\n");
        }
        sb.append("  ]\n },\n");
        // apical geometry: the largest path distance and trunk locations (largest diameter at a given distance)
        List<Integer> apical = new ArrayList<>();
        for (int s = 0; s < m.size(); s++) if (m.section(s).type().equals(SectionType.APICAL)) apical.add(s);
        double maxL = 0;
        for (int s : apical) maxL = Math.max(maxL, paths.distance(s, 1));
        double hz1 = Math.rint(0.55 * maxL), hz2 = Math.rint(0.75 * maxL);
        sb.append(" \"simulation\": {\"tstop\": 200, \"dt\": 0.025, \"v_init\": -72, \"celsius\": 34, \"method\": \"be\"},\n");
        sb.append(" \"discretization\": {\"rule\": \"bluepyopt\", \"length\": 40},\n");
        sb.append(" \"properties\": [{\"in\": \"all\", \"Ra\": 100, \"cm\": 1}, {\"in\": [\"apical\", \"basal\"], \"cm\": 2}],\n");
        sb.append(" \"mechanisms\": [\n");
        sb.append("  {\"insert\": \"pas\", \"in\": \"all\", \"params\": {\"g\": 3.38e-5, \"e\": -90}},\n");
        sb.append("  {\"insert\": \"pas\", \"in\": \"apical\", \"params\": {\"g\": 5.89e-5}},\n");
        sb.append("  {\"insert\": \"pas\", \"in\": \"basal\", \"params\": {\"g\": 4.67e-5}},\n");
        sb.append("  {\"insert\": \"Ih\", \"in\": [\"somatic\", \"basal\"], \"params\": {\"gIhbar\": 0.0002}},\n");
        String somaAxon = "[\"somatic\", \"axonal\"]";
        sb.append("  {\"insert\": \"NaTa_t\", \"in\": ").append(somaAxon).append(", \"params\": {\"gNaTa_tbar\": 2.04}},\n");
        sb.append("  {\"insert\": \"Nap_Et2\", \"in\": ").append(somaAxon).append(", \"params\": {\"gNap_Et2bar\": 0.00172}},\n");
        sb.append("  {\"insert\": \"K_Tst\", \"in\": ").append(somaAxon).append(", \"params\": {\"gK_Tstbar\": 0.0812}},\n");
        sb.append("  {\"insert\": \"K_Pst\", \"in\": ").append(somaAxon).append(", \"params\": {\"gK_Pstbar\": 0.00223}},\n");
        sb.append("  {\"insert\": \"SKv3_1\", \"in\": ").append(somaAxon).append(", \"params\": {\"gSKv3_1bar\": 0.693}},\n");
        sb.append("  {\"insert\": \"SK_E2\", \"in\": ").append(somaAxon).append(", \"params\": {\"gSK_E2bar\": 0.0441}},\n");
        sb.append("  {\"insert\": \"Ca_HVA\", \"in\": ").append(somaAxon).append(", \"params\": {\"gCa_HVAbar\": 0.000992}},\n");
        sb.append("  {\"insert\": \"Ca_LVAst\", \"in\": ").append(somaAxon).append(", \"params\": {\"gCa_LVAstbar\": 0.00343}},\n");
        sb.append("  {\"insert\": \"CaDynamics_E2\", \"in\": ").append(somaAxon).append(", \"params\": {\"decay\": 460, \"gamma\": 0.000501}},\n");
        sb.append("  {\"insert\": \"NaTa_t\", \"in\": \"apical\", \"params\": {\"gNaTa_tbar\": 0.0213}},\n");
        sb.append("  {\"insert\": \"SKv3_1\", \"in\": \"apical\", \"params\": {\"gSKv3_1bar\": 0.000261}},\n");
        sb.append("  {\"insert\": \"SK_E2\", \"in\": \"apical\", \"params\": {\"gSK_E2bar\": 0.0012}},\n");
        sb.append("  {\"insert\": \"Im\", \"in\": \"apical\", \"params\": {\"gImbar\": 6.75e-5}},\n");
        sb.append("  {\"insert\": \"Ih\", \"in\": \"apical\", \"params\": {\"gIhbar\": {\"distribution\": \"hay\", \"type\": 2, "
                + "\"p1\": -0.8696, \"p2\": 3.6161, \"p3\": 0, \"p4\": 2.087, \"scale\": 0.0002}}},\n");
        sb.append(String.format(Locale.ROOT, "  {\"insert\": \"Ca_LVAst\", \"in\": \"apical\", \"params\": {\"gCa_LVAstbar\": "
                + "{\"distribution\": \"hay\", \"type\": 3, \"p1\": 1, \"p2\": 0.01, \"p3\": %.0f, \"p4\": %.0f, \"scale\": 0.0187}}},%n", hz1, hz2));
        sb.append(String.format(Locale.ROOT, "  {\"insert\": \"Ca_HVA\", \"in\": \"apical\", \"params\": {\"gCa_HVAbar\": "
                + "{\"distribution\": \"hay\", \"type\": 3, \"p1\": 1, \"p2\": 0.1, \"p3\": %.0f, \"p4\": %.0f, \"scale\": 0.000555}}},%n", hz1, hz2));
        sb.append("  {\"insert\": \"CaDynamics_E2\", \"in\": \"apical\", \"params\": {\"decay\": 122, \"gamma\": 0.000509}}\n");
        sb.append(" ],\n");
        sb.append(" \"ions\": [{\"in\": [\"somatic\", \"axonal\", \"apical\"], \"values\": {\"ek\": -85, \"ena\": 50}}],\n");
        sb.append(" \"point_processes\": [\n  {\"name\": \"stim\", \"type\": \"IClamp\", \"at\": \"soma[0](0.5)\", "
                + "\"params\": {\"del\": 150, \"dur\": 3, \"amp\": 2}}\n ],\n");
        sb.append(" \"spike_detectors\": [{\"name\": \"soma\", \"at\": \"soma[0](0.5)\", \"threshold\": 0}],\n");
        sb.append(" \"recordings\": [\n  {\"name\": \"soma\", \"at\": \"soma[0](0.5)\", \"variable\": \"v\"}");
        for (double target : new double[] {100, 200, 300, 400}) {
            String loc = trunkLocation(m, paths, apical, target);
            if (loc == null) continue;
            sb.append(String.format(Locale.ROOT, ",%n  {\"name\": \"apical_%.0fum\", \"at\": \"%s\", \"variable\": \"v\"}", target, loc));
        }
        sb.append(",\n  {\"name\": \"soma_cai\", \"at\": \"soma[0](0.5)\", \"variable\": \"cai\"}\n ]\n}\n");
        Files.writeString(Path.of(args[1]), sb.toString());
        System.out.printf(Locale.ROOT, "sections %d, apical max path %.1f um, hot zone %.0f-%.0f um%n", m.size(), maxL, hz1, hz2);
    }

    /** The apical location at this path distance with the largest diameter (the trunk), as SEC(x). */
    static String trunkLocation(Morphology m, PathDistance paths, List<Integer> apical, double target) {
        String best = null;
        double bestDiam = -1;
        for (int s : apical) {
            double d0 = paths.distance(s, 0), d1 = paths.distance(s, 1);
            if (d0 <= target && target < d1) {
                double x = (target - d0) / (d1 - d0);
                SegmentGeometry g = SegmentGeometry.of(m.section(s), 1, 100);
                double diam = g.diam()[0];
                if (diam > bestDiam) {
                    bestDiam = diam;
                    best = String.format(Locale.ROOT, "%s(%.4f)", m.section(s).name(), x);
                }
            }
        }
        return best;
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf((float) v);
    }
}
