package org.dendrite.io.nmodl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dendrite.engine.SharedData;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.sim.Simulation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every NEURON case of shared/reference/nmodl rebuilt from its JSON (single soma, the case's .mod files loaded
 * by {@link NmodlLoader}) and compared column by column at the case's {@code exact} tier: v 1e-6 mV; states
 * 1e-9 absolute or 1e-7 relative; currents 1e-6 of the column's max |x|; concentrations 1e-7 relative to max |x|.
 * Cases listed in {@link #KNOWN_FAILING} are run and reported but not asserted (docs/nmodl.md says why).
 */
@Tag("neuron-agreement")
class NmodlCasesTest {
    /** Cases that do not reach the exact tier yet (docs/nmodl.md); none today. */
    static final Set<String> KNOWN_FAILING = Set.of();

    static Stream<String> cases() throws Exception {
        Path dir = SharedData.path("reference/nmodl/cases");
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void caseMatchesNeuronExactTier(String name) throws Exception {
        Path dir = SharedData.path("reference/nmodl/cases");
        JsonNode c = new ObjectMapper().readTree(dir.resolve(name + ".json").toFile());
        String result;
        boolean pass;
        try {
            Outcome o = run(c, dir);
            pass = o.failures.isEmpty();
            result = (pass ? "PASS " : "FAIL ") + name + " " + o.report + (pass ? "" : " | " + String.join("; ", o.failures));
        } catch (RuntimeException e) {
            pass = false;
            result = "FAIL " + name + " (" + e.getMessage() + ")";
        }
        System.out.println("[nmodl-case] " + result);
        if (!KNOWN_FAILING.contains(name)) assertTrue(pass, result);
    }

    record Outcome(List<String> failures, String report) {}

    static Outcome run(JsonNode c, Path caseDir) throws Exception {
        Path shared = caseDir.getParent().getParent().getParent();
        String folder = c.at("/mechanism_library/model_folder").asText().split(" ")[0];
        Path modDir = shared.resolve(folder);
        List<Path> files = new ArrayList<>();
        for (JsonNode f : c.at("/mechanism_library/files_of_this_case")) {
            if (f.asText().endsWith(".mod")) files.add(modDir.resolve(f.asText()));
        }
        List<MechanismType> types = NmodlLoader.load(files);
        MechanismLibrary reg = MechanismLibrary.builtins().with(folder, types, n -> { });

        ReferenceCsvN csv = ReferenceCsvN.read(caseDir.resolve(c.at("/output/csv").asText()));
        int every = c.at("/output/record_every_n_steps").asInt();
        JsonNode stim = c.get("stimulus");
        List<Double> levels = new ArrayList<>();
        if (stim.get("type").asText().equals("vclamp")) for (JsonNode l : stim.get("levels_mV")) levels.add(l.asDouble());
        else levels.add(null);
        // column prefixes per sweep in order of appearance
        List<String> prefixes = new ArrayList<>();
        for (String n : csv.names()) {
            if (n.startsWith("vc=")) {
                String pre = n.substring(0, n.indexOf('/') + 1);
                if (!prefixes.contains(pre)) prefixes.add(pre);
            }
        }
        if (prefixes.isEmpty()) prefixes.add("");
        List<String> failures = new ArrayList<>();
        Map<String, Double> worst = new LinkedHashMap<>();
        for (int sw = 0; sw < levels.size(); sw++) {
            String pre = prefixes.get(sw);
            List<String> cols = new ArrayList<>();
            for (String n : csv.names()) if (!n.equals("t") && n.startsWith(pre) && (pre.isEmpty() == !n.startsWith("vc="))) cols.add(n);
            ModelSpec spec = build(c, levels.get(sw), cols, pre);
            Simulation sim = Simulation.compile(spec, reg);
            sim.finitialize(spec.run.vInit);
            int nsteps = c.at("/simulation/nsteps").asInt();
            // FUNCTION probes (pb.read_p1()): evaluated after finitialize and after every recorded step, as NEURON's driver did
            Map<String, double[]> probed = new LinkedHashMap<>();
            for (String col : cols) if (col.endsWith("()")) probed.put(col, new double[nsteps / every + 1]);
            sampleFunctions(c, sim, probed, pre, 0);
            for (int i = 0; i < nsteps; i++) {
                sim.fadvance();
                if ((i + 1) % every == 0) sampleFunctions(c, sim, probed, pre, (i + 1) / every);
            }
            Traces tr = sim.traces();
            for (String col : cols) {
                double[] mine = probed.containsKey(col) ? probed.get(col) : tr.column(col.substring(pre.length()));
                double[] ref = csv.column(col);
                if (mine == null) { failures.add(col + " not recorded"); continue; }
                String bare = col.substring(pre.length());
                String unit = csv.unit(col);
                double maxAbs = 0;
                for (double x : ref) maxAbs = Math.max(maxAbs, Math.abs(x));
                double dev = 0;
                boolean ok = true;
                int rows = Math.min(mine.length, ref.length);
                if (mine.length != ref.length) { failures.add(col + ": " + mine.length + " rows, NEURON " + ref.length); ok = false; }
                for (int r = 0; r < rows; r++) {
                    double d = Math.abs(mine[r] - ref[r]);
                    double tol;
                    if (bare.equals("v")) tol = 1e-6;
                    else if (unit.equals("mM")) tol = 1e-7 * maxAbs;
                    else if (unit.equals("mA/cm2") || unit.equals("nA") || bare.equals("i")) tol = 1e-6 * maxAbs;
                    else tol = Math.max(1e-9, 1e-7 * Math.abs(ref[r]));
                    if (!(d <= tol)) ok = false;
                    dev = Math.max(dev, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
                }
                worst.merge(bare, dev, Math::max);
                if (!ok) failures.add(col + " max|dev| " + String.format("%.3g", dev));
            }
        }
        StringBuilder rep = new StringBuilder();
        worst.forEach((k, v) -> rep.append(rep.length() == 0 ? "" : ", ").append(k).append('=').append(String.format("%.2g", v)));
        return new Outcome(failures, rep.toString());
    }

    /** Row {@code row} of every FUNCTION probe column {@code OBJECT.FUNCTION()}: the point process's FUNCTION now. */
    static void sampleFunctions(JsonNode c, Simulation sim, Map<String, double[]> probed, String pre, int row) {
        for (var e : probed.entrySet()) {
            String bare = e.getKey().substring(pre.length());
            String obj = bare.substring(0, bare.indexOf('.')), fn = bare.substring(bare.indexOf('.') + 1, bare.length() - 2);
            String type = null;
            for (JsonNode pp : c.get("point_processes")) if (pp.get("name").asText().equals(obj)) type = pp.get("type").asText();
            for (org.dendrite.engine.mechanism.MechanismBlock b : sim.mechanisms()) {
                if (b.type().name().equals(type)) e.getValue()[row] = b.callFunction(fn, 0);
            }
        }
    }

    static ModelSpec build(JsonNode c, Double level, List<String> cols, String pre) {
        JsonNode sec = c.at("/sections/0");
        Morphology.Builder mb = Morphology.builder("nmodl case");
        mb.add(Section.stylized("soma", SectionType.SOMA, -1, 1, sec.get("L_um").asDouble(), sec.get("diam_um").asDouble()));
        ModelSpec spec = new ModelSpec(mb.build());
        spec.setNseg(0, sec.get("nseg").asInt());
        spec.setCm(0, sec.get("cm_uF_per_cm2").asDouble());
        spec.setRa(0, sec.get("Ra_ohm_cm").asDouble());
        JsonNode sim = c.get("simulation");
        spec.run.dt = sim.get("dt_ms").asDouble();
        spec.run.tstop = sim.get("tstop_ms").asDouble();
        spec.run.vInit = sim.get("v_init_mV").asDouble();
        spec.run.celsius = sim.get("celsius_degC").asDouble();
        spec.run.recordEvery = c.at("/output/record_every_n_steps").asInt();
        for (JsonNode m : sec.get("mechanisms")) {
            Map<String, SegmentValue> params = new LinkedHashMap<>();
            m.get("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), SegmentValue.constant(e.getValue().asDouble())));
            spec.insertions.add(new ModelSpec.Insertion(m.get("suffix").asText(), 0, params));
        }
        sec.get("ions_set_before_finitialize").fields().forEachRemaining(e ->
                spec.rangeSettings.add(new ModelSpec.RangeSetting(0, e.getKey(), SegmentValue.constant(e.getValue().asDouble()))));
        c.get("globals_set").fields().forEachRemaining(e -> spec.globals.put(e.getKey(), e.getValue().asDouble()));
        Location mid = new Location(0, 0.5);
        int ns = 0;
        for (JsonNode pp : c.get("point_processes")) {
            Map<String, Double> params = new LinkedHashMap<>();
            pp.get("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asDouble()));
            String name = pp.get("name").asText();
            if (pp.get("artificial_cell").asBoolean()) spec.artificialCells.add(new ModelSpec.ArtificialSpec(name, pp.get("type").asText(), params));
            else spec.points.add(new ModelSpec.PointSpec(name, pp.get("type").asText(), mid, params));
            for (JsonNode st : pp.get("netstims")) {
                String sn = "ns" + (ns++);
                spec.artificialCells.add(new ModelSpec.ArtificialSpec(sn, "NetStim", Map.of("start", st.get("start").asDouble(),
                        "number", st.get("number").asDouble(), "interval", st.get("interval").asDouble(), "noise", 0.0)));
                spec.netcons.add(new ModelSpec.NetConSpec(null, sn, null, 10, name, st.get("delay").asDouble(),
                        new double[] {st.get("weight").asDouble()}));
            }
        }
        JsonNode stim = c.get("stimulus");
        if (stim.get("type").asText().equals("vclamp")) {
            double hold = stim.get("hold_mV").asDouble();
            spec.points.add(new ModelSpec.PointSpec("clamp", "SEClamp", mid, Map.of("rs", stim.get("rs_MOhm").asDouble(),
                    "dur1", stim.get("dur1_ms").asDouble(), "amp1", hold, "dur2", stim.get("dur2_ms").asDouble(),
                    "amp2", level, "dur3", stim.get("dur3_ms").asDouble(), "amp3", hold)));
        } else {
            int k = 0;
            for (JsonNode st : stim.get("steps")) {
                spec.points.add(new ModelSpec.PointSpec("stim" + (k++), "IClamp", mid, Map.of("del", st.get("delay_ms").asDouble(),
                        "dur", st.get("dur_ms").asDouble(), "amp", st.get("amp_nA").asDouble())));
            }
        }
        for (JsonNode p : c.path("pointers")) {
            String target = p.get("target").asText();
            spec.pointers.add(new ModelSpec.PointerSpec(p.get("point_process").asText(), p.get("pointer").asText(), mid,
                    target.substring(target.indexOf(").") + 2)));
        }
        for (String col : cols) {
            String bare = col.substring(pre.length());
            if (bare.endsWith("()")) continue; // a FUNCTION probe: sampled by run()
            int dot = bare.indexOf('.');
            boolean point = false;
            if (dot > 0) {
                String obj = bare.substring(0, dot);
                for (ModelSpec.PointSpec p : spec.points) if (p.name().equals(obj)) point = true;
                for (ModelSpec.ArtificialSpec p : spec.artificialCells) if (p.name().equals(obj)) point = true;
                if (point) {
                    spec.probes.add(new ModelSpec.ProbeSpec(bare, null, obj, bare.substring(dot + 1)));
                    continue;
                }
            }
            spec.probes.add(new ModelSpec.ProbeSpec(bare, mid, null, bare));
        }
        return spec;
    }

    /** The reference CSV with units kept. */
    record ReferenceCsvN(List<String> names, List<String> units, double[][] columns) {
        static ReferenceCsvN read(Path p) throws java.io.IOException {
            List<String> lines = Files.readAllLines(p);
            String[] header = lines.get(0).split(",");
            List<String> names = new ArrayList<>(), units = new ArrayList<>();
            for (String h : header) {
                int b = h.lastIndexOf(" [");
                names.add(b < 0 ? h : h.substring(0, b));
                units.add(b < 0 ? "" : h.substring(b + 2, h.length() - 1));
            }
            double[][] cols = new double[header.length][lines.size() - 1];
            for (int r = 1; r < lines.size(); r++) {
                String[] f = lines.get(r).split(",");
                for (int k = 0; k < f.length; k++) cols[k][r - 1] = Double.parseDouble(f[k]);
            }
            return new ReferenceCsvN(names, units, cols);
        }

        double[] column(String n) { return columns[names.indexOf(n)]; }
        String unit(String n) { return units.get(names.indexOf(n)); }
    }
}
