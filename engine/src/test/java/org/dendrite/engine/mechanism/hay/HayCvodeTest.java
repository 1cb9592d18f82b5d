package org.dendrite.engine.mechanism.hay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
import org.dendrite.engine.sim.Simulation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hand-written Hay channels (GateChannel) and calcium pool (CaDynamics_E2, whose state is the ion's cai)
 * under the variable step: a Hay-like soma converges to the 1 us fixed-step answer.
 */
@Tag("unit")
class HayCvodeTest {
    static ModelSpec soma() {
        Morphology.Builder b = Morphology.builder("c");
        b.add(Section.stylized("soma", SectionType.SOMA, -1, 0, 20, 20));
        ModelSpec spec = new ModelSpec(b.build());
        spec.setNseg(0, 1);
        spec.setRa(0, 100);
        spec.setCm(0, 1);
        // Hay et al. 2011 somatic densities (S/cm2), pool gamma/decay of the soma
        insert(spec, "pas", "g", 3e-5, "e", -90);
        insert(spec, "NaTs2_t", "gNaTs2_tbar", 0.983);
        insert(spec, "SKv3_1", "gSKv3_1bar", 0.303);
        insert(spec, "SK_E2", "gSK_E2bar", 0.0441);
        insert(spec, "Ca_HVA", "gCa_HVAbar", 0.000992);
        insert(spec, "Ca_LVAst", "gCa_LVAstbar", 0.00343);
        insert(spec, "Ih", "gIhbar", 8e-5);
        insert(spec, "CaDynamics_E2", "gamma", 0.000609, "decay", 210);
        spec.points.add(new ModelSpec.PointSpec("stim", "IClamp", new Location(0, 0.5),
                Map.of("del", 5.0, "dur", 100.0, "amp", 0.3)));
        spec.netcons.add(new ModelSpec.NetConSpec("ap", null, new Location(0, 0.5), -10, null, 0, new double[] {0}));
        return spec;
    }

    static void insert(ModelSpec spec, String mech, Object... kv) {
        Map<String, SegmentValue> p = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) p.put((String) kv[i], SegmentValue.constant(((Number) kv[i + 1]).doubleValue()));
        spec.insertions.add(new ModelSpec.Insertion(mech, 0, p));
    }

    @Test
    void haySomaUnderCvodeConvergesToFineFixedStep() {
        ModelSpec spec = soma();
        spec.run.dt = 0.001;
        Simulation fine = Simulation.compile(spec);
        fine.finitialize(-80);
        fine.advanceTo(100, null);
        spec.run.dt = 0.025;
        Simulation cv = Simulation.compile(spec);
        cv.finitialize(-80);
        cv.runVariableStep(100, 1e-5, 0);
        double[] ref = fine.spikeSources().get("ap").spikeTimes(), got = cv.spikeSources().get("ap").spikeTimes();
        assertTrue(ref.length >= 3, "reference spikes " + ref.length);
        assertEquals(ref.length, got.length, "spike count");
        // 1 us fixed step is within ~1e-3 ms of the converged times; atol 1e-5 within 0.02 ms (measured 0.0005,
        // 0.003, 0.009 ms; cai 1.8835e-4 vs 1.8833e-4 mM)
        for (int i = 0; i < ref.length; i++) assertEquals(ref[i], got[i], 0.02, "spike " + i);
        int nd = cv.topology().node(0, 0.5);
        double caRef = fine.state().ion("ca").ci[nd], caCv = cv.state().ion("ca").ci[nd];
        // the pool integrates the spikes' calcium: cai well above its 1e-4 mM floor, within 1 % of fixed step
        assertTrue(caRef > 1.5e-4, "cai " + caRef + " mM");
        assertEquals(caRef, caCv, 0.01 * caRef, "cai at 100 ms (mM)");
    }
}
