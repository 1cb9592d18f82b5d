package org.dendrite.engine.fit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;

/** Small models for fit and sweep tests. */
final class TestModels {
    private TestModels() {}

    /** A single-compartment hh soma (20 x 20 um) with an IClamp named stim; records soma(0.5).v. */
    static ModelSpec hhSoma() {
        Morphology.Builder b = Morphology.builder("test:hh");
        b.add(Section.stylized("soma", SectionType.SOMA, -1, 0, 20, 20));
        ModelSpec s = new ModelSpec(b.build());
        Map<String, SegmentValue> hh = new LinkedHashMap<>();
        hh.put("gnabar", SegmentValue.constant(0.12));
        hh.put("gkbar", SegmentValue.constant(0.036));
        s.insertions.add(new ModelSpec.Insertion("hh", 0, hh));
        s.points.add(new ModelSpec.PointSpec("stim", "IClamp", new Location(0, 0.5),
                new LinkedHashMap<>(Map.of("del", 5.0, "dur", 30.0, "amp", 0.1))));
        s.probes.add(new ModelSpec.ProbeSpec("soma(0.5).v", new Location(0, 0.5), null, "v"));
        s.run.tstop = 40;
        s.run.dt = 0.025;
        s.run.celsius = 6.3;
        return s;
    }

    /**
     * Ball and stick: hh soma and a passive 3-section dendrite (apical type, 5 segments each), IClamp stim at
     * the soma; records soma(0.5).v and dend2(0.5).v.
     */
    static ModelSpec ballAndStick() {
        Morphology.Builder b = Morphology.builder("test:ball-and-stick");
        b.add(Section.stylized("soma", SectionType.SOMA, -1, 0, 20, 20));
        b.add(Section.stylized("dend0", SectionType.APICAL, 0, 1, 150, 2));
        b.add(Section.stylized("dend1", SectionType.APICAL, 1, 1, 150, 1.5));
        b.add(Section.stylized("dend2", SectionType.APICAL, 2, 1, 150, 1));
        ModelSpec s = new ModelSpec(b.build());
        for (int i = 1; i < 4; i++) s.setNseg(i, 5);
        for (int i = 0; i < 4; i++) s.setRa(i, 100);
        Map<String, SegmentValue> hh = new LinkedHashMap<>();
        hh.put("gnabar", SegmentValue.constant(0.12));
        hh.put("gkbar", SegmentValue.constant(0.036));
        hh.put("gl", SegmentValue.constant(0.0003));
        s.insertions.add(new ModelSpec.Insertion("hh", 0, hh));
        for (int i = 1; i < 4; i++) {
            Map<String, SegmentValue> pas = new LinkedHashMap<>();
            pas.put("g", SegmentValue.constant(1e-4));
            pas.put("e", SegmentValue.constant(-65));
            s.insertions.add(new ModelSpec.Insertion("pas", i, pas));
        }
        s.points.add(new ModelSpec.PointSpec("stim", "IClamp", new Location(0, 0.5),
                new LinkedHashMap<>(Map.of("del", 5.0, "dur", 40.0, "amp", 0.2))));
        s.probes.add(new ModelSpec.ProbeSpec("soma(0.5).v", new Location(0, 0.5), null, "v"));
        s.probes.add(new ModelSpec.ProbeSpec("dend2(0.5).v", new Location(3, 0.5), null, "v"));
        s.run.tstop = 50;
        s.run.dt = 0.025;
        s.run.celsius = 6.3;
        return s;
    }
}
