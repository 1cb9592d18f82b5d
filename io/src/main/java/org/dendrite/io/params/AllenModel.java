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
 * genome) and its SWC reconstruction, with the operations of AllenSDK's {@code Utils.generate_morphology} and
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

    /** Builds the model of a fit file and a morphology file. */
    public static ModelSpec build(Path fitJson, Path morphologyFile) throws IOException {
        JsonNode fit = ParamsFiles.json(fitJson);
        Morphology morph = AxonStub.replace(ParamsFiles.morphology(morphologyFile), 0.5, 30, 1, 1);
        ModelSpec spec = new ModelSpec(morph);
        spec.mechanismLibrary = "allen";
        spec.name = "allen:" + fitJson.getFileName();
        for (int s = 0; s < morph.size(); s++) {
            spec.setNseg(s, ParamsFiles.nsegRule(morph.section(s).length()));
        }
        Map<String, List<Integer>> lists = Map.of("soma", AxonStub.ofType(morph, SectionType.SOMA),
                "axon", AxonStub.ofType(morph, SectionType.AXON), "dend", AxonStub.ofType(morph, SectionType.BASAL),
                "apic", AxonStub.ofType(morph, SectionType.APICAL));
        JsonNode passive = fit.get("passive").get(0);
        for (int s = 0; s < morph.size(); s++) {
            spec.setRa(s, passive.get("ra").asDouble());
            spec.insertions.add(new ModelSpec.Insertion("pas", s,
                    Map.of("e", SegmentValue.constant(passive.get("e_pas").asDouble()))));
        }
        for (JsonNode c : passive.get("cm")) {
            for (int s : section(lists, c.get("section").asText(), fitJson)) {
                spec.setCm(s, ParamsFiles.percentG(c.get("cm").asDouble()));
            }
        }
        for (JsonNode g : fit.get("genome")) {
            String secList = g.get("section").asText();
            String name = g.get("name").asText();
            double value = ParamsFiles.percentG(g.get("value").asDouble());
            if (secList.equals("glob")) {
                spec.globals.put(name, value);
                continue;
            }
            String mech = g.has("mechanism") ? g.get("mechanism").asText() : "";
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
            for (int s : section(lists, secList, fitJson)) {
                spec.insertions.add(new ModelSpec.Insertion(mech, s, Map.of(param, SegmentValue.constant(value))));
            }
        }
        JsonNode cond = fit.get("conditions").get(0);
        spec.run.celsius = cond.get("celsius").asDouble();
        spec.run.vInit = cond.get("v_init").asDouble();
        for (JsonNode e : cond.get("erev")) {
            for (int s : section(lists, e.get("section").asText(), fitJson)) {
                for (String ion : new String[] {"ena", "ek"}) {
                    if (e.has(ion)) {
                        spec.rangeSettings.add(new ModelSpec.RangeSetting(s, ion,
                                SegmentValue.constant(ParamsFiles.percentG(e.get(ion).asDouble()))));
                    }
                }
            }
        }
        return spec;
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
