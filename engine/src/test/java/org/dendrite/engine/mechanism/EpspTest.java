package org.dendrite.engine.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;
import org.dendrite.engine.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Hay's epsp current (mechanisms.md §4.15) with the BAC-protocol constants. */
@Tag("unit")
class EpspTest {
    @Test
    void currentHasThePublishedShape() {
        Morphology.Builder mb = Morphology.builder("test");
        mb.add(Section.stylized("soma", SectionType.SOMA, -1, 0, 20, 20));
        ModelSpec spec = new ModelSpec(mb.build());
        spec.insertions.add(new ModelSpec.Insertion("pas", 0, Map.of("g", SegmentValue.constant(1e-4))));
        spec.points.add(new ModelSpec.PointSpec("e", "epsp", new Location(0, 0.5),
                Map.of("onset", 5.0, "tau0", 0.5, "tau1", 5.0, "imax", 0.5)));
        spec.probes.add(new ModelSpec.ProbeSpec("i", null, "e", "i"));
        spec.run.tstop = 30;
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(-70);
        sim.advanceTo(30, null);
        double[] i = sim.traces().column("i"), t = sim.traces().time();
        double tpeak = 0.5 * 5 * Math.log(0.5 / 5) / (0.5 - 5);
        assertEquals(1.279214, tpeak, 1e-6, "tpeak (spec)");
        double adjust = 1 / ((1 - Math.exp(-tpeak / 0.5)) - (1 - Math.exp(-tpeak / 5)));
        assertEquals(1.435055, adjust, 1e-6, "adjust (spec)");
        double min = 0;
        for (int r = 1; r < i.length; r++) {
            double mid = t[r] - 0.0125; // evaluated at the mid-step time
            double s = mid - 5;
            double expected = s < 0 ? 0 : -0.5 * adjust * ((1 - Math.exp(-s / 0.5)) - (1 - Math.exp(-s / 5)));
            assertEquals(expected, i[r], 1e-12, "t = " + t[r]);
            min = Math.min(min, i[r]);
        }
        assertEquals(-0.5, min, 1e-4, "peaks at -imax (inward, depolarising)");
    }
}
