package org.dendrite.io.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.dendrite.engine.build.Distribution;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.PathDistance;
import org.dendrite.engine.morphology.SectionType;
import org.dendrite.engine.SharedData;
import org.dendrite.io.asc.AscReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Path distances and the Hay template's distribution rules (mechanisms.md §5.4) on the real cells:
 * PathDistance against NEURON's distance() for all 699 segments of the BluePyOpt L5PC, and Hay's
 * distribute_channels on cell1.asc (maxL, the hot-zone segments, the end-of-section rule, 10-decimal rounding).
 */
@Tag("data")
class HayDistributionTest {

    @Test
    void pathDistanceEqualsNeuronsDistanceOnEverySegment() throws Exception {
        JsonNode ref = WholeCellReference.json(SharedData.path("reference/mechanisms/data/bpo_l5pc_step1.json"));
        Morphology m = AscReader.read(SharedData.path("data/models-bluepyopt-l5pc/C060114A7.asc"));
        Morphology cell = BluePyOptModel.replaceAxon(m);
        PathDistance paths = PathDistance.fromSoma(cell);
        double worst = 0;
        int n = 0;
        for (JsonNode sec : ref.get("sections")) {
            int s = cell.indexOf(sec.get("name").asText());
            JsonNode xs = sec.get("segments").get("x"), ds = sec.get("segments").get("distance_from_origin_um");
            for (int j = 0; j < xs.size(); j++) {
                worst = Math.max(worst, Math.abs(paths.distance(s, xs.get(j).asDouble()) - ds.get(j).asDouble()));
                n++;
            }
        }
        assertEquals(699, n);
        assertTrue(worst < 1e-9, "max |distance - NEURON| = " + worst + " um");
    }

    @Test
    void hayDistributionRulesOnCell1() throws Exception {
        Morphology m = AscReader.read(SharedData.path("data/hay-l5pc/cell1.asc"));
        ModelSpec spec = new ModelSpec(m);
        for (int s = 0; s < m.size(); s++) spec.setNseg(s, ParamsFiles.nsegRule(m.section(s).length()));
        PathDistance paths = PathDistance.fromSoma(m);
        List<Integer> apical = new ArrayList<>();
        for (int s = 0; s < m.size(); s++) if (m.section(s).type().equals(SectionType.APICAL)) apical.add(s);
        assertEquals(109, apical.size());
        double maxL = Distribution.maxTerminalDistance(paths, apical);
        assertEquals(1300.5335, maxL, 1e-4, "Hay's maxL for cell1.asc");
        // gCa_LVAstbar: 0.0187 in 685 < d < 885 um, else 1% (type 3); gIhbar exponential in d/maxL (type 2)
        Distribution ca = new Distribution(Distribution.step(1, 0.01, 685, 885).andThen(x -> x * 0.0187), paths,
                spec::nseg, Distribution.Positions.HAY, 1, 10, "Ca_LVAst");
        Distribution ih = new Distribution(Distribution.exponential(-0.8696, 2.087, 3.6161, 0).andThen(x -> x * 0.0002),
                paths, spec::nseg, Distribution.Positions.HAY, 1 / maxL, 10, "Ih");
        int hot = 0;
        TreeSet<String> hotSections = new TreeSet<>();
        double maxIh = 0;
        for (int s : apical) {
            int nseg = spec.nseg(s);
            for (int j = 0; j < nseg; j++) {
                double x = (j + 0.5) / nseg;
                if (ca.at(s, x) == 0.0187) {
                    hot++;
                    hotSections.add(m.section(s).name());
                }
                maxIh = Math.max(maxIh, ih.at(s, x));
            }
        }
        assertEquals(29, hot, "segments in the Ca hot zone");
        assertEquals(new TreeSet<>(List.of("apic[37]", "apic[50]", "apic[51]", "apic[60]")), hotSections);
        // apic[50]'s last segment: centre at 678.4 um (outside), far end at 688.7 um (inside): the x = 1 rule
        int a50 = m.indexOf("apic[50]");
        int last = spec.nseg(a50) - 1;
        double centre = (last + 0.5) / spec.nseg(a50);
        assertTrue(paths.distance(a50, centre) < 685 && paths.distance(a50, 1) > 685);
        assertEquals(0.0187, ca.at(a50, centre), 0);
        assertEquals(0.0002 * (-0.8696 + 2.087 * Math.exp(3.6161)), maxIh, 1e-10, "max Ih at d = maxL");
        double first = ih.at(m.indexOf("apic[0]"), 0.5 / spec.nseg(m.indexOf("apic[0]")));
        assertEquals(0.0002525, first, 0, "10-decimal rounding (mechanisms.md §5.4)");
    }
}
