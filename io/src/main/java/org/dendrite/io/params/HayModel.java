package org.dendrite.io.params;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.build.Distribution;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.discretization.SegmentGeometry;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.PathDistance;
import org.dendrite.engine.morphology.SectionType;

/**
 * The Hay et al. 2011 layer-5 pyramidal cell (ModelDB 139653: L5PCtemplate.hoc + L5PCbiophys3.hoc) rebuilt from
 * the facts of mechanisms.md §5: a Neurolucida reconstruction (their {@code cell1.asc}), nseg 1 + 2·int(L/40)
 * before the axon is replaced by a passive 2 × 30 µm stub at {@code soma(0.5)}, the uniform densities of
 * L5PCbiophys3 and its three {@code distribute_channels} calls (apical Ih exponential in normalised distance,
 * Ca_LVAst and Ca_HVA hot zone 685–885 µm), with the template's segment-position rule and 10-decimal rounding.
 * v_init −80 mV; celsius stays at NEURON's 6.3 °C as in the authors' scripts (it only affects eca).
 */
public final class HayModel {
    private HayModel() {}

    public static ModelSpec build(Path morphologyFile) throws IOException {
        Morphology morph = AxonStub.replace(ParamsFiles.morphology(morphologyFile), 0.5, 30, 1, 1);
        ModelSpec spec = new ModelSpec(morph);
        spec.mechanismLibrary = "hay";
        spec.name = "hay_l5pc:" + morphologyFile.getFileName();
        spec.run.vInit = -80;
        List<Integer> somatic = AxonStub.ofType(morph, SectionType.SOMA), apical = AxonStub.ofType(morph, SectionType.APICAL),
                basal = AxonStub.ofType(morph, SectionType.BASAL), axonal = AxonStub.ofType(morph, SectionType.AXON);
        for (int s = 0; s < morph.size(); s++) {
            boolean stub = morph.section(s).type().equals(SectionType.AXON) && !morph.section(s).hasPoints();
            spec.setNseg(s, stub ? 1 : ParamsFiles.nsegRule(morph.section(s).length()));
            spec.setRa(s, 100);
            spec.setCm(s, 1);
            insert(spec, "pas", s, "e", -90);
        }
        for (int s : somatic) {
            insert(spec, "pas", s, "g", 3.38e-5);
            insert(spec, "Ca_LVAst", s, "gCa_LVAstbar", 0.00343);
            insert(spec, "Ca_HVA", s, "gCa_HVAbar", 0.000992);
            insert(spec, "SKv3_1", s, "gSKv3_1bar", 0.693);
            insert(spec, "SK_E2", s, "gSK_E2bar", 0.0441);
            insert(spec, "K_Tst", s, "gK_Tstbar", 0.0812);
            insert(spec, "K_Pst", s, "gK_Pstbar", 0.00223);
            insert(spec, "Nap_Et2", s, "gNap_Et2bar", 0.00172);
            insert(spec, "NaTa_t", s, "gNaTa_tbar", 2.04);
            insert(spec, "Ih", s, "gIhbar", 0.0002);
            spec.insertions.add(new ModelSpec.Insertion("CaDynamics_E2", s, Map.of("decay", SegmentValue.constant(460),
                    "gamma", SegmentValue.constant(0.000501))));
            ions(spec, s);
        }
        PathDistance paths = PathDistance.fromSoma(morph, spec::nseg);
        double maxL = Distribution.maxTerminalDistance(paths, apical);
        SegmentValue ih = new Distribution(Distribution.exponential(-0.8696, 2.0870, 3.6161, 0).andThen(x -> 0.0002 * x),
                paths, spec::nseg, Distribution.Positions.HAY, 1 / maxL, 10, "apical gIhbar");
        SegmentValue caLva = new Distribution(Distribution.step(1, 0.01, 685, 885).andThen(x -> 0.0187 * x),
                paths, spec::nseg, Distribution.Positions.HAY, 1, 10, "apical gCa_LVAstbar");
        SegmentValue caHva = new Distribution(Distribution.step(1, 0.1, 685, 885).andThen(x -> 0.000555 * x),
                paths, spec::nseg, Distribution.Positions.HAY, 1, 10, "apical gCa_HVAbar");
        for (int s : apical) {
            spec.setCm(s, 2);
            insert(spec, "pas", s, "g", 5.89e-5);
            insert(spec, "SK_E2", s, "gSK_E2bar", 0.0012);
            insert(spec, "SKv3_1", s, "gSKv3_1bar", 0.000261);
            insert(spec, "NaTa_t", s, "gNaTa_tbar", 0.0213);
            insert(spec, "Im", s, "gImbar", 6.75e-5);
            spec.insertions.add(new ModelSpec.Insertion("Ih", s, Map.of("gIhbar", ih)));
            spec.insertions.add(new ModelSpec.Insertion("Ca_LVAst", s, Map.of("gCa_LVAstbar", caLva)));
            spec.insertions.add(new ModelSpec.Insertion("Ca_HVA", s, Map.of("gCa_HVAbar", caHva)));
            spec.insertions.add(new ModelSpec.Insertion("CaDynamics_E2", s, Map.of("decay", SegmentValue.constant(122),
                    "gamma", SegmentValue.constant(0.000509))));
            ions(spec, s);
        }
        for (int s : basal) {
            spec.setCm(s, 2);
            insert(spec, "pas", s, "g", 4.67e-5);
            insert(spec, "Ih", s, "gIhbar", 0.0002);
        }
        for (int s : axonal) insert(spec, "pas", s, "g", 3.25e-5);
        return spec;
    }

    private static void insert(ModelSpec spec, String mech, int s, String param, double value) {
        spec.insertions.add(new ModelSpec.Insertion(mech, s, Map.of(param, SegmentValue.constant(value))));
    }

    private static void ions(ModelSpec spec, int s) {
        spec.rangeSettings.add(new ModelSpec.RangeSetting(s, "ek", SegmentValue.constant(-85)));
        spec.rangeSettings.add(new ModelSpec.RangeSetting(s, "ena", SegmentValue.constant(50)));
    }

    /** The apical location at this path distance with the largest diameter (Hay's trunk rule, §5.5). */
    public static Location trunkLocation(ModelSpec spec, double distanceUm) {
        Morphology m = spec.morphology();
        PathDistance paths = PathDistance.fromSoma(m);
        Location best = null;
        double bestDiam = -1;
        for (int s : AxonStub.ofType(m, SectionType.APICAL)) {
            double d0 = paths.distance(s, 0), d1 = paths.distance(s, 1);
            if (d0 <= distanceUm && distanceUm < d1) {
                double x = (distanceUm - d0) / (d1 - d0);
                SegmentGeometry g = SegmentGeometry.of(m.section(s), spec.nseg(s), 100);
                double diam = g.diam()[Math.min(spec.nseg(s) - 1, (int) (x * spec.nseg(s)))];
                if (diam > bestDiam) {
                    bestDiam = diam;
                    best = new Location(s, x);
                }
            }
        }
        return best;
    }

    /**
     * Hay's BAC-firing protocol (§5.5): IClamp 1.9 nA for 5 ms from 295 ms at the soma plus an {@code epsp}
     * (imax 0.5 nA, tau0 0.5, tau1 5 ms, onset 300 ms) on the apical trunk at 620 µm; tstop 600 ms; recordings
     * soma and trunk v, soma spike detector. {@code withPulse}/{@code withEpsp} select the BAP and EPSP variants.
     */
    public static void bacProtocol(ModelSpec spec, boolean withPulse, boolean withEpsp) {
        int soma = AxonStub.firstOfType(spec.morphology(), SectionType.SOMA);
        Location c = new Location(soma, 0.5);
        Location trunk = trunkLocation(spec, 620);
        if (withPulse) spec.points.add(new ModelSpec.PointSpec("pulse", "IClamp", c, Map.of("del", 295.0, "dur", 5.0, "amp", 1.9)));
        if (withEpsp) {
            spec.points.add(new ModelSpec.PointSpec("syn", "epsp", trunk,
                    Map.of("onset", 300.0, "tau0", 0.5, "tau1", 5.0, "imax", 0.5)));
        }
        spec.run.tstop = 600;
        spec.probes.add(new ModelSpec.ProbeSpec("soma", c, null, "v"));
        spec.probes.add(new ModelSpec.ProbeSpec("trunk620", trunk, null, "v"));
        spec.netcons.add(new ModelSpec.NetConSpec("soma_spikes", null, c, 0, null, 0, new double[] {0}));
    }
}
