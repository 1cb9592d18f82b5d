package org.dendrite.io.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.io.output.AtomicFiles;

/**
 * Writes a {@link ModelSpec} as a dendrite JSON model file that {@link ModelReader} reads back into the same
 * model: sections inline (3-D points as the float values stored), per-section Ra/nseg, cm (and diam of stylized
 * sections) per segment where the segments differ, every inserted
 * mechanism with its values (uniform, or one value per segment), ion values, point processes, network and
 * recordings. Used by {@code dendrite convert} to move a HOC-built cell to the JSON format.
 */
public final class ModelWriter {
    private ModelWriter() {}

    public static void write(ModelSpec m, Path file) throws IOException {
        Map<String, Object> root = toJson(m);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(file, out -> json.writeValue(out, root));
    }

    static Map<String, Object> toJson(ModelSpec m) {
        if (!m.waveforms.isEmpty()) throw new DendriteException("played current waveforms cannot be written to a model file yet");
        Morphology morph = m.morphology();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dendrite_model", 1);
        root.put("name", m.name);
        if (!m.description.isEmpty()) root.put("description", m.description);
        if (!m.mechanismLibrary.equals("hay")) root.put("mechanism_library", m.mechanismLibrary);
        if (!m.modPaths.isEmpty()) root.put("mod", m.modPaths.stream().map(p -> Path.of(p).toAbsolutePath().toString()).toList());
        root.put("morphology", Map.of("sections", sections(morph)));
        Map<String, Object> sim = new LinkedHashMap<>();
        sim.put("tstop", m.run.tstop);
        sim.put("dt", m.run.dt);
        sim.put("v_init", m.run.vInit);
        sim.put("celsius", m.run.celsius);
        if (m.run.cvode) {
            sim.put("method", "cvode");
            sim.put("atol", m.run.atol);
            sim.put("rtol", m.run.rtol);
            if (m.run.recordSteps) sim.put("record_steps", true);
        } else {
            sim.put("secondorder", m.run.secondorder);
        }
        sim.put("record_every", m.run.recordEvery);
        root.put("simulation", sim);
        if (!m.globals.isEmpty()) root.put("globals", m.globals);
        List<Object> props = new ArrayList<>();
        for (int s = 0; s < morph.size(); s++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("in", morph.section(s).name());
            p.put("nseg", m.nseg(s));
            p.put("Ra", m.ra(s));
            double[] cms = m.segmentCm(s), diams = m.segmentDiameters(s);
            p.put("cm", cms != null ? cms : (Object) m.cm(s));        // one per segment when they differ
            if (diams != null) p.put("diam", diams);                    // stylized sections whose segments differ
            if (!Double.isNaN(m.vInit(s))) p.put("v_init", m.vInit(s));
            props.add(p);
        }
        root.put("properties", props);
        List<Object> mechs = new ArrayList<>();
        for (ModelSpec.Insertion ins : m.insertions) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("insert", ins.mechanism());
            e.put("in", morph.section(ins.section()).name());
            Map<String, Object> params = new LinkedHashMap<>();
            ins.params().forEach((k, v) -> params.put(k, values(m, ins.section(), v)));
            e.put("params", params);
            mechs.add(e);
        }
        root.put("mechanisms", mechs);
        List<Object> ions = new ArrayList<>();
        for (ModelSpec.RangeSetting r : m.rangeSettings) {
            Object v = values(m, r.section(), r.value());
            if (!(v instanceof Double)) throw new DendriteException("ion value " + r.variable() + " varies along "
                    + morph.section(r.section()).name() + "; not expressible in a model file yet");
            ions.add(Map.of("in", morph.section(r.section()).name(), "values", Map.of(r.variable(), v)));
        }
        if (!ions.isEmpty()) root.put("ions", ions);
        List<Object> pps = new ArrayList<>();
        for (ModelSpec.PointSpec p : m.points) {
            pps.add(Map.of("name", p.name(), "type", p.type(), "at", at(morph, p.location()), "params", p.params()));
        }
        if (!pps.isEmpty()) root.put("point_processes", pps);
        List<Object> cells = new ArrayList<>();
        for (ModelSpec.ArtificialSpec c : m.artificialCells) cells.add(Map.of("name", c.name(), "type", c.type(), "params", c.params()));
        if (!cells.isEmpty()) root.put("artificial_cells", cells);
        List<Object> ncs = new ArrayList<>();
        for (ModelSpec.NetConSpec nc : m.netcons) {
            Map<String, Object> e = new LinkedHashMap<>();
            if (nc.name() != null) e.put("name", nc.name());
            e.put("source", nc.sourceName() != null ? nc.sourceName()
                    : Map.of("at", at(morph, nc.sourceLocation()), "threshold", nc.thresholdMv()));
            if (nc.target() != null) e.put("target", nc.target());
            e.put("delay", nc.delayMs());
            e.put("weight", nc.weight().length == 1 ? (Object) nc.weight()[0] : nc.weight());
            ncs.add(e);
        }
        if (!ncs.isEmpty()) root.put("netcons", ncs);
        List<Object> ptrs = new ArrayList<>();
        for (ModelSpec.PointerSpec p : m.pointers) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("point", p.pointName());
            e.put("pointer", p.pointer());
            e.put("to", at(morph, p.location()) + "." + p.variable());
            ptrs.add(e);
        }
        if (!ptrs.isEmpty()) root.put("pointers", ptrs);
        List<Object> recs = new ArrayList<>();
        for (ModelSpec.ProbeSpec p : m.probes) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", p.name());
            if (p.pointName() != null) e.put("point", p.pointName());
            else e.put("at", at(morph, p.location()));
            e.put("variable", p.variable());
            recs.add(e);
        }
        if (!recs.isEmpty()) root.put("recordings", recs);
        return root;
    }

    private static List<Object> sections(Morphology morph) {
        List<Object> out = new ArrayList<>();
        for (Section s : morph.sections()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", s.name());
            e.put("type", s.type().code() >= 1 && s.type().code() <= 4 ? s.type().neuronName() : String.valueOf(s.type().code()));
            if (s.parent() >= 0) {
                e.put("parent", morph.section(s.parent()).name());
                e.put("parent_x", s.parentX());
            }
            if (s.hasPoints()) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < s.pointCount(); i++) pts.add(new double[] {s.x(i), s.y(i), s.z(i), s.diam(i)});
                e.put("points", pts);
            } else {
                e.put("L", s.stylizedLength());
                e.put("diam", s.stylizedDiam());
            }
            out.add(e);
        }
        return out;
    }

    private static String at(Morphology m, Location l) {
        return m.section(l.section()).name() + "(" + l.x() + ")";
    }

    /** A number when uniform over the section's segments, else {"distribution": "segments", "values": [...]}. */
    private static Object values(ModelSpec m, int section, SegmentValue v) {
        int n = m.nseg(section);
        double[] vals = new double[n];
        for (int j = 0; j < n; j++) vals[j] = v.at(section, (j + 0.5) / n);
        boolean uniform = true;
        for (double x : vals) uniform &= Double.compare(x, vals[0]) == 0;
        if (uniform) return vals[0];
        return Map.of("distribution", "segments", "values", vals);
    }
}
