package org.dendrite.io.params;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.SectionType;

/**
 * Builds a runnable model from an Allen Cell Types perisomatic fit ({@code *_fit.json}: passive, conditions,
 * genome), or a legacy all-active one ({@link #buildAllActive}), and its SWC reconstruction; the perisomatic one with the operations of AllenSDK's {@code Utils.generate_morphology} and
 * {@code load_cell_parameters} (mechanisms.md §7.5):
 * <ol>
 * <li>SWC imported (Import3d rules); {@code nseg = 1 + 2·int(L/40)} on every section;</li>
 * <li>the reconstructed axon deleted, {@code axon[0..1]} (30 µm × 1 µm, nseg 1) attached at
 *     {@code soma[0](0.5)};</li>
 * <li>{@code Ra} and {@code e_pas} set exactly; {@code cm}, every genome value, {@code ek} and {@code ena} rounded to
 *     6 significant digits (AllenSDK passes them through hoc text formatted with %g);</li>
 * <li>genome entries insert their mechanism in the section list named (soma, axon, dend, apic) and set the
 *     value; {@code section "glob"} sets a global; celsius and v_init from {@code conditions}.</li>
 * </ol>
 * Mechanism names refer to the Allen library ({@link org.dendrite.engine.mechanism.MechanismLibrary#allen()}).
 */
public final class AllenModel {
    private AllenModel() {}

    /**
     * Builds the model of a fit file and a morphology file: a perisomatic fit ({@code passive} with {@code cm} per
     * section list and {@code e_pas}), or a legacy all-active fit ({@code passive} with only {@code ra}; see
     * {@link #buildAllActive}).
     */
    public static ModelSpec build(Path fitJson, Path morphologyFile) throws IOException {
        JsonNode fit = ParamsFiles.json(fitJson);
        JsonNode passive = first(fit, "passive", fitJson);
        if (!passive.has("cm") && !passive.has("e_pas")) return buildAllActive(fit, fitJson, morphologyFile);
        Morphology morph = AxonStub.replace(ParamsFiles.morphology(morphologyFile), 0.5, 30, 1, 1);
        ModelSpec spec = new ModelSpec(morph);
        spec.mechanismLibrary = "allen";
        spec.name = "allen:" + fitJson.getFileName();
        for (int s = 0; s < morph.size(); s++) {
            spec.setNseg(s, ParamsFiles.nsegRule(morph.section(s).length()));
        }
        Map<String, List<Integer>> lists = lists(morph);
        for (int s = 0; s < morph.size(); s++) {
            spec.setRa(s, number(passive, "ra", "$.passive[0]", fitJson));
            spec.insertions.add(new ModelSpec.Insertion("pas", s,
                    Map.of("e", SegmentValue.constant(number(passive, "e_pas", "$.passive[0]", fitJson)))));
        }
        for (JsonNode c : array(passive, "cm", "$.passive[0]", fitJson)) {
            for (int s : section(lists, text(c, "section", "$.passive[0].cm", fitJson), fitJson)) {
                spec.setCm(s, ParamsFiles.percentG(number(c, "cm", "$.passive[0].cm", fitJson)));
            }
        }
        for (JsonNode g : array(fit, "genome", "$", fitJson)) {
            String secList = text(g, "section", "$.genome", fitJson);
            String name = text(g, "name", "$.genome", fitJson);
            double value = ParamsFiles.percentG(number(g, "value", "$.genome", fitJson));
            if (secList.equals("glob")) {
                spec.globals.put(name, value);
                continue;
            }
            String mech = g.has("mechanism") ? g.get("mechanism").asText() : "";
            insertGenome(spec, section(lists, secList, fitJson), mech, name, value, fitJson);
        }
        JsonNode cond = first(fit, "conditions", fitJson);
        spec.run.celsius = number(cond, "celsius", "$.conditions[0]", fitJson);
        spec.run.vInit = number(cond, "v_init", "$.conditions[0]", fitJson);
        for (JsonNode e : array(cond, "erev", "$.conditions[0]", fitJson)) {
            for (int s : section(lists, text(e, "section", "$.conditions[0].erev", fitJson), fitJson)) {
                for (String ion : new String[] {"ena", "ek"}) {
                    if (e.has(ion)) {
                        spec.rangeSettings.add(new ModelSpec.RangeSetting(s, ion,
                                SegmentValue.constant(ParamsFiles.percentG(number(e, ion, "$.conditions[0].erev", fitJson)))));
                    }
                }
            }
        }
        return spec;
    }

    /**
     * A legacy all-active fit, as AllenSDK's {@code AllActiveUtils} loads it: {@code nseg = 1 + 2·int(L/40)}; the
     * axon "truncated" to two 30 µm stubs attached at {@code soma[0](1)} whose diameters are {@code axon[0](0.5).diam}
     * and that of the first axon section more than 60 µm from the soma (BluePyOpt's rule, the same steps);
     * {@code Ra} from {@code passive.ra} and {@code pas} everywhere; then every genome entry in file order (values
     * may be strings; they are used at full precision): a mechanism inserted where named and its value set,
     * {@code cm}, {@code Ra}, {@code e_pas}, {@code g_pas} per section list, {@code glob} a global; {@code ek}/{@code
     * ena} of {@code conditions.erev} only in sections where a mechanism uses that ion; celsius and v_init.
     */
    static ModelSpec buildAllActive(JsonNode fit, Path fitJson, Path morphologyFile) throws IOException {
        Morphology morph = BluePyOptModel.replaceAxon(ParamsFiles.morphology(morphologyFile));
        ModelSpec spec = new ModelSpec(morph);
        spec.mechanismLibrary = "allen";
        spec.name = "allen:" + fitJson.getFileName();
        for (int s = 0; s < morph.size(); s++) spec.setNseg(s, ParamsFiles.nsegRule(morph.section(s).length()));
        Map<String, List<Integer>> lists = lists(morph);
        double ra = number(first(fit, "passive", fitJson), "ra", "$.passive[0]", fitJson);
        for (int s = 0; s < morph.size(); s++) {
            spec.setRa(s, ra);
            spec.insertions.add(new ModelSpec.Insertion("pas", s, Map.of()));
        }
        List<JsonNode> genome = array(fit, "genome", "$", fitJson);
        for (int i = 0; i < genome.size(); i++) {
            JsonNode g = genome.get(i);
            String at = "$.genome[" + i + "]";
            String secList = text(g, "section", at, fitJson), name = text(g, "name", at, fitJson);
            double value = number(g, "value", at, fitJson);
            if (secList.equals("glob")) {
                spec.globals.put(name, value);
                continue;
            }
            String mech = g.has("mechanism") ? g.get("mechanism").asText() : "";
            List<Integer> secs = section(lists, secList, fitJson);
            if (mech.isEmpty() && name.equals("cm")) {
                for (int s : secs) spec.setCm(s, value);
            } else if (mech.isEmpty() && name.equals("Ra")) {
                for (int s : secs) spec.setRa(s, value);
            } else {
                insertGenome(spec, secs, mech, name, value, fitJson);
            }
        }
        JsonNode cond = first(fit, "conditions", fitJson);
        spec.run.celsius = number(cond, "celsius", "$.conditions[0]", fitJson);
        spec.run.vInit = number(cond, "v_init", "$.conditions[0]", fitJson);
        org.dendrite.engine.mechanism.MechanismLibrary lib = spec.library();
        for (JsonNode e : array(cond, "erev", "$.conditions[0]", fitJson)) {
            String list = text(e, "section", "$.conditions[0].erev", fitJson);
            if (!lists.containsKey(list)) continue; // AllenSDK warns and skips a section list that does not exist
            for (int s : lists.get(list)) {
                for (String ion : new String[] {"na", "k"}) {
                    if (e.has("e" + ion) && usesIon(spec, lib, s, ion)) {
                        spec.rangeSettings.add(new ModelSpec.RangeSetting(s, "e" + ion,
                                SegmentValue.constant(number(e, "e" + ion, "$.conditions[0].erev", fitJson))));
                    }
                }
            }
        }
        return spec;
    }

    private static boolean usesIon(ModelSpec spec, org.dendrite.engine.mechanism.MechanismLibrary lib, int s, String ion) {
        for (ModelSpec.Insertion ins : spec.insertions) {
            if (ins.section() == s && lib.contains(ins.mechanism())
                    && lib.get(ins.mechanism()).ions().stream().anyMatch(u -> u.ion().equals(ion))) {
                return true;
            }
        }
        return false;
    }

    /** A genome entry: {@code name} of {@code mech} (or, without one, a suffixed name such as g_pas) set to {@code value}. */
    private static void insertGenome(ModelSpec spec, List<Integer> secs, String mech, String name, double value, Path fitJson) {
        String param;
        if (mech.isEmpty()) { // a built-in range variable such as g_pas
            org.dendrite.engine.mechanism.SuffixedName sn = org.dendrite.engine.mechanism.SuffixedName.split(
                    name, org.dendrite.engine.mechanism.MechanismLibrary.allen());
            if (sn == null) throw new DendriteException(fitJson + ": genome name '" + name
                    + "' has no mechanism and no known mechanism suffix (expected e.g. g_pas)");
            mech = sn.mechanism();
            param = sn.variable();
        } else {
            param = name.endsWith("_" + mech) ? name.substring(0, name.length() - mech.length() - 1) : name;
        }
        for (int s : secs) spec.insertions.add(new ModelSpec.Insertion(mech, s, Map.of(param, SegmentValue.constant(value))));
    }

    private static Map<String, List<Integer>> lists(Morphology morph) {
        return Map.of("soma", AxonStub.ofType(morph, SectionType.SOMA),
                "axon", AxonStub.ofType(morph, SectionType.AXON), "dend", AxonStub.ofType(morph, SectionType.BASAL),
                "apic", AxonStub.ofType(morph, SectionType.APICAL));
    }

    /** The first element of the array {@code key} of the fit (AllenSDK reads {@code passive[0]}, {@code conditions[0]}). */
    private static JsonNode first(JsonNode fit, String key, Path file) {
        JsonNode a = fit.get(key);
        if (a == null || !a.isArray() || a.isEmpty() || !a.get(0).isObject()) {
            throw new DendriteException(file + ": $." + key + ": expected an array with one object");
        }
        return a.get(0);
    }

    private static List<JsonNode> array(JsonNode n, String key, String at, Path file) {
        JsonNode a = n.get(key);
        if (a == null || !a.isArray()) throw new DendriteException(file + ": " + at + "." + key + ": expected an array");
        List<JsonNode> out = new java.util.ArrayList<>();
        a.forEach(out::add);
        return out;
    }

    private static String text(JsonNode n, String key, String at, Path file) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) throw new DendriteException(file + ": " + at + "." + key + ": expected a string");
        return v.asText();
    }

    /** A number, or a string holding one (the all-active fits write genome values as strings). */
    private static double number(JsonNode n, String key, String at, Path file) {
        JsonNode v = n.get(key);
        if (v != null && v.isNumber()) return v.asDouble();
        if (v != null && v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                throw new DendriteException(file + ": " + at + "." + key + ": '" + v.asText() + "' is not a number");
            }
        }
        throw new DendriteException(file + ": " + at + "." + key + ": expected a number"
                + (v == null ? " (missing)" : ", found " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Finds {@code *_fit.json} and the {@code .swc} in a folder (exactly one of each). */
    public static ModelSpec load(Path dir) throws IOException {
        Path fit = only(dir, "_fit.json");
        Path swc = only(dir, ".swc");
        return build(fit, swc);
    }

    private static Path only(Path dir, String suffix) throws IOException {
        try (var s = Files.list(dir)) {
            List<Path> l = s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
            if (l.size() != 1) throw new DendriteException(dir + ": expected exactly one *" + suffix + ", found " + l.size());
            return l.get(0);
        }
    }

    private static List<Integer> section(Map<String, List<Integer>> lists, String name, Path file) {
        List<Integer> l = lists.get(name);
        if (l == null) throw new DendriteException(file + ": unknown section list '" + name + "' (soma, axon, dend, apic, glob)");
        return l;
    }

    /**
     * The AllenSDK regression protocol: IClamp {@code amp} nA at {@code soma[0](0.5)} from {@code delay} for
     * {@code duration} ms, tstop, v recorded at the soma, a 0 mV spike detector there.
     */
    public static void stepProtocol(ModelSpec spec, double amp, double delay, double duration, double tstop) {
        int soma = AxonStub.firstOfType(spec.morphology(), SectionType.SOMA);
        Location c = new Location(soma, 0.5);
        spec.points.add(new ModelSpec.PointSpec("stim", "IClamp", c, Map.of("del", delay, "dur", duration, "amp", amp)));
        spec.run.tstop = tstop;
        spec.probes.add(new ModelSpec.ProbeSpec("soma", c, null, "v"));
        spec.netcons.add(new ModelSpec.NetConSpec("soma_spikes", null, c, 0, null, 0, new double[] {0}));
    }
}
