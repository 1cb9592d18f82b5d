package org.dendrite.io.morph;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;

/**
 * NEURON 8.2.2 Import3d listings (test resources {@code neuron-import3d/}, written by
 * {@code benchmarks/scripts/neuron_import3d_listing.py}) and the comparison of a {@link Morphology} with them.
 */
public final class NeuronListing {
    private NeuronListing() {}

    /** Every listing: file name (relative to the shared data folder) and its JSON. */
    public static List<Object[]> all() throws IOException, URISyntaxException {
        Path dir = Path.of(NeuronListing.class.getResource("/neuron-import3d").toURI());
        ObjectMapper om = new ObjectMapper();
        List<Object[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                JsonNode j = om.readTree(p.toFile());
                out.add(new Object[] {j.get("file").asText(), j});
            }
        }
        return out;
    }

    /** FNV-1a 64-bit hash of the little-endian float32 bytes of x, y, z, diam of every point, as the script. */
    public static String pointHash(Section s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.pointCount(); i++) {
            float[] v = {s.x(i), s.y(i), s.z(i), s.diam(i)};
            for (float f : v) {
                int bits = Float.floatToRawIntBits(f);
                for (int b = 0; b < 4; b++) {
                    h ^= (bits >>> (8 * b)) & 0xff;
                    h *= 0x100000001b3L;
                }
            }
        }
        return String.format("%016x", h);
    }

    /**
     * Differences between {@code m} and NEURON's listing {@code ref}: names, parents, attachment x, child order,
     * every stored 3-D value (exact, via the hash), L and area at nseg 1 (relative {@code relTol}).
     */
    public static List<String> differences(Morphology m, JsonNode ref, double relTol) {
        List<String> diffs = new ArrayList<>();
        JsonNode secs = ref.get("sections");
        if (secs.size() != m.size()) diffs.add("section count " + m.size() + " != NEURON " + secs.size());
        List<List<Integer>> children = m.childrenInNeuronOrder();
        for (JsonNode js : secs) {
            String name = js.get("name").asText();
            int i = m.indexOf(name);
            if (i < 0) {
                diffs.add("missing section " + name);
                continue;
            }
            Section s = m.section(i);
            JsonNode parent = js.get("parent");
            String myParent = s.parent() < 0 ? null : m.section(s.parent()).name();
            String refParent = parent.isNull() ? null : parent.asText();
            if (!java.util.Objects.equals(myParent, refParent)) {
                diffs.add(name + ": parent " + myParent + " != NEURON " + refParent);
            } else if (refParent != null && js.get("x").asDouble() != s.parentX()) {
                diffs.add(name + ": parent x " + s.parentX() + " != NEURON " + js.get("x").asDouble());
            }
            List<String> kids = new ArrayList<>();
            for (int c : children.get(i)) kids.add(m.section(c).name());
            List<String> refKids = new ArrayList<>();
            js.get("children").forEach(c -> refKids.add(c.asText()));
            if (!kids.equals(refKids)) diffs.add(name + ": children " + kids + " != NEURON " + refKids);
            if (js.get("n3d").asInt() != s.pointCount()) {
                diffs.add(name + ": " + s.pointCount() + " points != NEURON " + js.get("n3d").asInt());
            } else if (!pointHash(s).equals(js.get("pt3d_fnv1a64").asText())) {
                StringBuilder sb = new StringBuilder(name + ": stored 3-D values differ");
                JsonNode pts = js.get("pt3d");
                if (pts != null) {
                    for (int k = 0; k < pts.size(); k++) {
                        JsonNode p = pts.get(k);
                        float[] mine = {s.x(k), s.y(k), s.z(k), s.diam(k)};
                        for (int c = 0; c < 4; c++) {
                            if ((float) p.get(c).asDouble() != mine[c]) {
                                sb.append(" [pt ").append(k).append(" col ").append(c).append(": ")
                                        .append(mine[c]).append(" vs ").append((float) p.get(c).asDouble())
                                        .append("]");
                            }
                        }
                    }
                }
                diffs.add(sb.toString());
            }
            double l = SectionGeometry.length(s), refL = js.get("L").asDouble();
            if (Math.abs(l - refL) > relTol * Math.abs(refL)) diffs.add(name + ": L " + l + " != NEURON " + refL);
            double a = SectionGeometry.area(s, 1), refA = js.get("area_nseg1").asDouble();
            if (Math.abs(a - refA) > relTol * Math.abs(refA)) {
                diffs.add(name + ": area " + a + " != NEURON " + refA);
            }
        }
        return diffs;
    }
}
