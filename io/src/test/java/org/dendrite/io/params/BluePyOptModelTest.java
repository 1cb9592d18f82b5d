package org.dendrite.io.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.io.asc.AscReader;
import org.dendrite.engine.point.SpikeSource;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The BluePyOpt L5PC (release parameters, protocol Step1) built by {@link BluePyOptModel} against NEURON 8.2.2
 * running BluePyOpt's own construction (shared/reference/mechanisms/data/bpo_l5pc_step1).
 */
class BluePyOptModelTest {
    static final Path DIR = SharedData.path("data/models-bluepyopt-l5pc");
    static final Path REF = SharedData.path("reference/mechanisms/data");

    /**
     * The morphology as NEURON's Import3d holds it. Workaround: the ASC reader (io.asc, another module's code)
     * currently lists the 21 soma contour-centroid points in the reverse order of NEURON's, which moves
     * {@code soma[0](1)} (where BluePyOpt attaches the axon stub) to the other end and changes the soma's two
     * half-segment resistances. This puts them in NEURON's order (checked against the reference's first soma
     * point) and becomes a no-op once the reader is fixed.
     */
    static Morphology neuronOrientedMorphology(JsonNode ref) throws Exception {
        Morphology m = AscReader.read(DIR.resolve("C060114A7.asc"));
        JsonNode p0 = ref.get("sections").get(0).get("pt3d").get(0);
        Section soma = m.section(0);
        if (soma.x(0) == (float) p0.get(0).asDouble() && soma.y(0) == (float) p0.get(1).asDouble()) return m;
        Morphology.Builder b = Morphology.builder(m.source());
        for (int i = 0; i < m.size(); i++) {
            Section s = m.section(i);
            int n = s.pointCount();
            float[] x = new float[n], y = new float[n], z = new float[n], d = new float[n];
            for (int k = 0; k < n; k++) {
                int q = i == 0 ? n - 1 - k : k;
                x[k] = s.x(q);
                y[k] = s.y(q);
                z[k] = s.z(q);
                d[k] = s.diam(q);
            }
            b.add(Section.withPoints(s.name(), s.type(), s.parent(), s.parentX(), x, y, z, d));
        }
        return b.build();
    }

    static Simulation build(double tstop) throws Exception {
        JsonNode ref = WholeCellReference.json(REF.resolve("bpo_l5pc_step1.json"));
        ModelSpec spec = BluePyOptModel.build(neuronOrientedMorphology(ref), "C060114A7.asc",
                DIR.resolve("mechanisms.json"), DIR.resolve("parameters.json"),
                BluePyOptModel.releaseValues(DIR.resolve("tests/release_parameters.json")));
        BluePyOptModel.applyProtocol(spec, DIR.resolve("protocols.json"), "Step1");
        for (JsonNode loc : ref.get("recording_locations")) {
            if (loc.get("label").asText().equals("soma")) continue;
            spec.probes.add(new ModelSpec.ProbeSpec(loc.get("label").asText(),
                    new Location(spec.morphology().indexOf(loc.get("section").asText()), loc.get("x").asDouble()),
                    null, "v"));
        }
        spec.run.tstop = tstop;
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
        return sim;
    }

    /** Every mechanism parameter of every one of the 699 segments equals NEURON's to 1e-12 relative. */
    @Test
    void perSegmentDensitiesEqualNeuron() throws Exception {
        JsonNode ref = WholeCellReference.json(REF.resolve("bpo_l5pc_step1.json"));
        Simulation sim = build(0);
        int n = WholeCellReference.compareSegments(ref, sim, 1e-12);
        assertTrue(n > 3000, "compared " + n);
        assertEquals(699, sim.compartmentCount());
    }

    /**
     * First spike within 1e-3 ms of NEURON (it is identical), and the every-step 60 ms window around it
     * (soma, apical 653 µm and 809 µm) within 1e-7 mV (measured: 1.4e-10 mV at the soma through the spike, round-off).
     */
    @Test
    void firstSpikeMatchesNeuron() throws Exception {
        JsonNode ref = WholeCellReference.json(REF.resolve("bpo_l5pc_step1.json"));
        Simulation sim = build(760);
        long t0 = System.nanoTime();
        sim.advanceTo(760, null);
        System.out.printf("bpo_l5pc 760 ms: %.2f s%n", (System.nanoTime() - t0) / 1e9);
        SpikeSource soma = sim.spikeSources().get("soma_spikes");
        double[] expected = WholeCellReference.spikeTimes(ref, 0);
        double[] got = soma.spikeTimes();
        System.out.println("spikes " + java.util.Arrays.toString(got) + " NEURON first " + expected[0]);
        assertEquals(1, got.length, "spikes before 760 ms");
        assertEquals(expected[0], got[0], 1e-3);
        // the every-step window 700-760 ms (steps 28000..30400) around the first spike
        java.util.List<String> lines = java.nio.file.Files.readAllLines(REF.resolve("bpo_l5pc_step1_window.csv"));
        String[] cols = {"soma", "dend1", "dend2"};
        var tr = sim.traces();
        for (int c = 0; c < cols.length; c++) {
            double[] mine = tr.column(cols[c]);
            double worst = 0;
            for (int r = 1; r < lines.size(); r++) {
                double nrn = Double.parseDouble(lines.get(r).split(",")[c + 1]);
                worst = Math.max(worst, Math.abs(mine[28000 + r - 1] - nrn));
            }
            System.out.println("bpo window " + cols[c] + " max |dv| = " + worst + " mV");
            assertTrue(worst < 1e-7, cols[c] + ": max |dv| " + worst + " mV in the spike window");
        }
    }
}
