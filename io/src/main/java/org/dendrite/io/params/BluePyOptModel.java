package org.dendrite.io.params;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.Distribution;
import org.dendrite.engine.build.Expression;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.discretization.SegmentGeometry;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.PathDistance;
import org.dendrite.engine.morphology.SectionType;

/**
 * Builds a runnable model from a BluePyOpt cell-model configuration (the L5PC example's {@code mechanisms.json},
 * {@code parameters.json}, a morphology, and values for the free parameters), with the operations of BluePyOpt's
 * {@code CellModel.instantiate} (mechanisms.md §7.5):
 * <ol>
 * <li>morphology imported; {@code nseg = 1 + 2·int(L/40)} on every section;</li>
 * <li>axon replaced (after nseg is set): two 30 µm stubs attached at {@code soma[0](1)}, diameters
 *     {@code axon[0](0.5).diam} and the diameter at the centre of the first axon section more than 60 µm from
 *     {@code soma[0](0.5)};</li>
 * <li>mechanisms inserted per section list; parameters applied in file order ({@code section}: cm, Ra, ena, ek,
 *     g_pas…; {@code global}: v_init, celsius; {@code range}: uniform or an expression in {@code {distance}}
 *     evaluated at every segment centre, distance from {@code soma[0](0.5)}).</li>
 * </ol>
 * Section lists: somatic, basal, apical, axonal, all (by section type). Mechanisms are the Hay library's.
 */
public final class BluePyOptModel {
    private BluePyOptModel() {}

    /** Loads a BluePyOpt example folder: mechanisms.json, parameters.json, the morphology, and the release values in
     * {@code tests/release_parameters.json} (or {@code release_parameters.json}) for parameters without a value. */
    public static ModelSpec load(Path dir) throws IOException {
        Path morph = findMorphology(dir);
        Map<String, Double> values = new HashMap<>();
        for (Path p : List.of(dir.resolve("tests/release_parameters.json"), dir.resolve("release_parameters.json"))) {
            if (Files.isRegularFile(p)) {
                values.putAll(releaseValues(p));
                break;
            }
        }
        return build(morph, dir.resolve("mechanisms.json"), dir.resolve("parameters.json"), values);
    }

    private static Path findMorphology(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase();
                return n.endsWith(".asc") || n.endsWith(".swc");
            }).sorted().findFirst().orElseThrow(() -> new DendriteException(dir + ": no .asc or .swc morphology"));
        }
    }

    /** The {@code "<param>_<mech>.<sectionlist>": value} map of a release-parameter file. */
    public static Map<String, Double> releaseValues(Path p) throws IOException {
        JsonNode root = ParamsFiles.json(p);
        JsonNode r = root.has("release_parameters") ? root.get("release_parameters") : root;
        Map<String, Double> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isNumber()) out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    public static ModelSpec build(Path morphologyFile, Path mechanismsJson, Path parametersJson,
                                  Map<String, Double> values) throws IOException {
        return build(ParamsFiles.morphology(morphologyFile), morphologyFile.getFileName().toString(), mechanismsJson,
                parametersJson, values);
    }

    /** Builds from an already-read morphology (before axon replacement). */
    public static ModelSpec build(Morphology original, String morphologyName, Path mechanismsJson, Path parametersJson,
                                  Map<String, Double> values) throws IOException {
        Morphology morph = replaceAxon(original);
        ModelSpec spec = new ModelSpec(morph);
        spec.mechanismLibrary = "hay";
        spec.name = "bluepyopt:" + morphologyName;
        for (int s = 0; s < morph.size(); s++) {
            spec.setNseg(s, morph.section(s).name().startsWith("axon[") && !morph.section(s).hasPoints()
                    ? 1 : ParamsFiles.nsegRule(morph.section(s).length()));
        }
        Map<String, List<Integer>> lists = sectionLists(morph);
        MechanismLibrary registry = MechanismLibrary.standard();
        JsonNode mechs = ParamsFiles.json(mechanismsJson);
        for (Iterator<Map.Entry<String, JsonNode>> it = mechs.fields(); it.hasNext(); ) {
            var e = it.next();
            for (JsonNode m : e.getValue()) {
                String name = m.asText();
                registry.get(name);
                for (int s : list(lists, e.getKey(), mechanismsJson)) {
                    spec.insertions.add(new ModelSpec.Insertion(name, s, Map.of()));
                }
            }
        }
        PathDistance paths = PathDistance.fromSoma(morph, spec::nseg);
        for (JsonNode p : ParamsFiles.json(parametersJson)) applyParameter(spec, p, values, lists, paths, registry, parametersJson);
        return spec;
    }

    private static List<Integer> list(Map<String, List<Integer>> lists, String name, Path file) {
        List<Integer> l = lists.get(name);
        if (l == null) throw new DendriteException(file + ": unknown section list '" + name + "' (" + lists.keySet() + ")");
        return l;
    }

    static Map<String, List<Integer>> sectionLists(Morphology m) {
        Map<String, List<Integer>> lists = new LinkedHashMap<>();
        List<Integer> all = new ArrayList<>();
        for (int s = 0; s < m.size(); s++) all.add(s);
        lists.put("all", all);
        lists.put("somatic", AxonStub.ofType(m, SectionType.SOMA));
        lists.put("axonal", AxonStub.ofType(m, SectionType.AXON));
        lists.put("basal", AxonStub.ofType(m, SectionType.BASAL));
        lists.put("apical", AxonStub.ofType(m, SectionType.APICAL));
        lists.put("myelinated", List.of());
        return lists;
    }

    /** BluePyOpt's replace_axon with the stub diameters taken after nseg was set on the original axon. */
    static Morphology replaceAxon(Morphology m) {
        List<Integer> axon = AxonStub.ofType(m, SectionType.AXON);
        double d0 = 1, d1 = 1;
        if (!axon.isEmpty()) {
            d0 = diamAtCentre(m, axon.get(0));
            d1 = d0;
            PathDistance paths = PathDistance.fromSoma(m);
            for (int s : axon) {
                if (paths.distance(s, 0.5) > 60) {
                    d1 = diamAtCentre(m, s);
                    break;
                }
            }
        }
        return AxonStub.replace(m, 1.0, 30, d0, d1);
    }

    /** {@code sec(0.5).diam} after {@code nseg = 1 + 2·int(L/40)}. */
    private static double diamAtCentre(Morphology m, int s) {
        int n = ParamsFiles.nsegRule(m.section(s).length());
        SegmentGeometry g = SegmentGeometry.of(m.section(s), n, 100);
        return g.diam()[Math.min(n - 1, (int) (0.5 * n))];
    }

    private static void applyParameter(ModelSpec spec, JsonNode p, Map<String, Double> values,
                                       Map<String, List<Integer>> lists, PathDistance paths, MechanismLibrary registry,
                                       Path file) {
        String name = p.get("param_name").asText();
        String type = p.get("type").asText();
        String listName = p.has("sectionlist") ? p.get("sectionlist").asText() : null;
        double value;
        if (p.has("value")) {
            value = p.get("value").asDouble();
        } else {
            Double v = values.get(name + "." + listName);
            if (v == null) throw new DendriteException(file + ": no value for free parameter " + name + "." + listName);
            value = v;
        }
        switch (type) {
            case "global" -> {
                switch (name) {
                    case "v_init" -> spec.run.vInit = value;
                    case "celsius" -> spec.run.celsius = value;
                    default -> spec.globals.put(name, value);
                }
            }
            case "section" -> {
                for (int s : list(lists, listName, file)) {
                    switch (name) {
                        case "cm" -> spec.setCm(s, value);
                        case "Ra" -> spec.setRa(s, value);
                        default -> sectionVariable(spec, s, name, SegmentValue.constant(value), registry, file);
                    }
                }
            }
            case "range" -> {
                String mech = p.get("mech").asText();
                String param = p.get("mech_param").asText();
                String dist = p.has("dist_type") ? p.get("dist_type").asText() : "uniform";
                SegmentValue sv;
                if (dist.equals("uniform")) {
                    sv = SegmentValue.constant(value);
                } else {
                    String expr = p.get("dist").asText().replace("{value}", "(" + value + ")");
                    sv = new Distribution(Expression.compile(expr), paths, spec::nseg, Distribution.Positions.CENTERS,
                            1, -1, name + "." + listName + " = " + p.get("dist").asText());
                }
                for (int s : list(lists, listName, file)) {
                    spec.insertions.add(new ModelSpec.Insertion(mech, s, Map.of(param, sv)));
                }
            }
            default -> throw new DendriteException(file + ": parameter " + name + ": unknown type '" + type + "'");
        }
    }

    /** A section parameter that is a mechanism variable ({@code g_pas}) or an ion variable ({@code ena}). */
    private static void sectionVariable(ModelSpec spec, int s, String name, SegmentValue v, MechanismLibrary registry,
                                        Path file) {
        org.dendrite.engine.mechanism.SuffixedName sn = org.dendrite.engine.mechanism.SuffixedName.split(name, registry);
        if (sn != null) {
            spec.insertions.add(new ModelSpec.Insertion(sn.mechanism(), s, Map.of(sn.variable(), v)));
            return;
        }
        if (name.matches("e[a-z]+|[a-z]+[io]")) {
            spec.rangeSettings.add(new ModelSpec.RangeSetting(s, name, v));
            return;
        }
        throw new DendriteException(file + ": unknown section parameter '" + name + "'");
    }

    /**
     * Adds a protocol of {@code protocols.json}: its IClamps at {@code soma[0](0.5)} (created in file order),
     * tstop = the stimuli's {@code totduration}, recordings of v at the soma and at each extra recording location
     * ({@code somadistance} on a section list: the last section of the list whose distance range contains the
     * target, at the interpolated x), and a spike detector (0 mV) at the soma.
     */
    public static void applyProtocol(ModelSpec spec, Path protocolsJson, String protocol) throws IOException {
        JsonNode all = ParamsFiles.json(protocolsJson);
        JsonNode p = all.get(protocol);
        if (p == null) {
            List<String> names = new ArrayList<>();
            all.fieldNames().forEachRemaining(names::add);
            throw new DendriteException(protocolsJson + ": no protocol '" + protocol + "' (protocols: " + names + ")");
        }
        Morphology m = spec.morphology();
        int soma = AxonStub.firstOfType(m, SectionType.SOMA);
        Location somaCentre = new Location(soma, 0.5);
        int k = 0;
        double tstop = 0;
        for (JsonNode st : p.get("stimuli")) {
            spec.points.add(new ModelSpec.PointSpec("stim" + k++, "IClamp", somaCentre,
                    Map.of("del", st.get("delay").asDouble(), "dur", st.get("duration").asDouble(),
                            "amp", st.get("amp").asDouble())));
            tstop = Math.max(tstop, st.get("totduration").asDouble());
        }
        spec.run.tstop = tstop;
        spec.probes.add(new ModelSpec.ProbeSpec("soma", somaCentre, null, "v"));
        Map<String, List<Integer>> lists = sectionLists(m);
        PathDistance paths = PathDistance.fromSoma(m);
        if (p.has("extra_recordings")) {
            for (JsonNode r : p.get("extra_recordings")) {
                Location loc = somaDistanceLocation(paths, lists.get(r.get("seclist_name").asText()),
                        r.get("somadistance").asDouble());
                spec.probes.add(new ModelSpec.ProbeSpec(r.get("name").asText(), loc, null, r.get("var").asText()));
            }
        }
        spec.netcons.add(new ModelSpec.NetConSpec("soma_spikes", null, somaCentre, 0, null, 0, new double[] {0}));
    }

    /** BluePyOpt's NrnSomaDistanceCompLocation: last section of the list with d(0) ≤ target ≤ d(1). */
    static Location somaDistanceLocation(PathDistance paths, List<Integer> sections, double target) {
        Location found = null;
        for (int s : sections) {
            double d0 = paths.distance(s, 0), d1 = paths.distance(s, 1);
            if (d0 <= target && target <= d1) found = new Location(s, (target - d0) / (d1 - d0));
        }
        if (found == null) throw new DendriteException("no section at " + target + " um from the soma");
        return found;
    }
}
