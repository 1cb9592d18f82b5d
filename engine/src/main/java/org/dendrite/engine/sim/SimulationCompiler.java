package org.dendrite.engine.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.discretization.SegmentGeometry;
import org.dendrite.engine.mechanism.IonPool;
import org.dendrite.engine.mechanism.IonUse;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.mechanism.EventTarget;
import org.dendrite.engine.mechanism.builtin.IPlay;
import org.dendrite.engine.mechanism.NetCon;
import org.dendrite.engine.mechanism.ArtificialCell;
import org.dendrite.engine.mechanism.builtin.NetStim;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.sim.ThresholdDetector;
import org.dendrite.engine.record.Probe;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.VectorInput;

/** Turns a {@link ModelSpec} into a {@link Simulation}: node numbering, geometry, matrix coefficients, blocks. */
final class SimulationCompiler {
    private final ModelSpec spec;
    private final MechanismLibrary registry;
    private final Morphology morph;
    private Topology topo;
    private CellState state;
    private final Map<String, IonPool> ions = new LinkedHashMap<>();
    private final Map<String, MechanismBlock> densityBlocks = new LinkedHashMap<>();
    private final Map<String, MechanismBlock> pointBlockOf = new HashMap<>();
    private final Map<String, Integer> pointInstanceOf = new HashMap<>();
    private final List<MechanismBlock> blocks = new ArrayList<>();
    /** NetCons by model name (for live weight access from front ends such as HOC). */
    final Map<String, NetCon> netConOf = new HashMap<>();

    SimulationCompiler(ModelSpec spec, MechanismLibrary registry) {
        this.spec = spec;
        this.registry = registry;
        this.morph = spec.morphology();
    }

    ModelSpec spec() {
        return spec;
    }

    Simulation compile() {
        topo = new Topology(morph, spec.nsegs());
        int n = topo.nodeCount();
        double[] area = new double[n];
        double[] cm = new double[n];
        double[] diam = new double[n];
        double[] a = new double[n], b = new double[n];
        nodeGeometry(spec, topo, area, diam, cm, a, b);
        createIons(n);
        state = new CellState(n, area, diam, ions);
        ModelSpec.RunSettings run = spec.run;
        state.dt = run.dt;
        state.celsius = run.celsius;
        state.secondorder = run.secondorder;
        buildDensityMechanisms();
        applyRangeSettings();
        List<ArtificialCell> netStims = buildPointProcesses();
        for (IonPool p : ions.values()) p.seal();
        bindPointers();
        applyGlobals();
        blocks.sort(Comparator.comparingInt(m -> registry.order(m.type().name())));
        Map<String, SpikeSource> named = new LinkedHashMap<>();
        for (ModelSpec.ArtificialSpec c : spec.artificialCells) {
            if (pointBlockOf.get(c.name()) instanceof ArtificialCell ac) named.put(c.name(), ac.source(pointInstanceOf.get(c.name())));
        }
        List<ThresholdDetector> detectors = buildNetCons(named);
        List<Probe> probes = buildProbes();
        Traces.checkMemory(run.tstop, run.dt, run.recordEvery, probes.size());
        int expectedRows = (int) Math.min(50_000_000L, Math.round(run.tstop / run.dt) / run.recordEvery + 2);
        Traces traces = new Traces(probes, run.recordEvery, expectedRows);
        Simulation sim = new Simulation(morph, topo, state, a, b, cm, blocks.toArray(new MechanismBlock[0]),
                ions.values().toArray(new IonPool[0]), netStims.toArray(new ArtificialCell[0]),
                detectors.toArray(new ThresholdDetector[0]), named, traces);
        sim.vInitOverride = vInitOverride(n);
        sim.compiler = this;
        return sim;
    }

    /**
     * Fills the per-node membrane area (um2; 100 at zero-area nodes), diameter (um), cm (uF/cm2) and the
     * matrix coefficients a, b of every node from the spec's cables (neuron-numerics §3-4); at compile and
     * again when geometry changes during a run ({@link Simulation#geometryChanged}).
     */
    static void nodeGeometry(ModelSpec spec, Topology topo, double[] area, double[] diam, double[] cm,
                             double[] a, double[] b) {
        int n = topo.nodeCount();
        double[] ri = new double[n];
        java.util.Arrays.fill(area, 100.0);
        java.util.Arrays.fill(diam, 0);
        for (int s = 0; s < spec.morphology().size(); s++) {
            org.dendrite.engine.build.CableSection c = spec.cable(s);
            int ns = topo.nseg(s);
            if (c.nseg() != ns) throw new IllegalStateException(c.name() + ": nseg " + c.nseg() + " but " + ns + " compiled");
            SegmentGeometry g;
            try {
                g = c.geometry();
            } catch (IllegalArgumentException e) {
                throw new DendriteException(e.getMessage());
            }
            int first = topo.firstNode(s);
            for (int j = 0; j < ns; j++) {
                area[first + j] = g.area()[j];
                diam[first + j] = g.diam()[j];
                ri[first + j] = g.ri()[j];
                cm[first + j] = c.cm(j);
            }
            ri[first + ns] = g.ri()[ns];
        }
        int[] parent = topo.parents();
        for (int i = topo.rootCount(); i < n; i++) {
            double g = 1.0 / ri[i];
            b[i] = (-1e2 * g) / area[i];
            a[i] = (-1e2 * g) / area[parent[i]];
        }
    }

    /** Per-node initial voltages from per-section settings: every node of the section, its 0-end root included. */
    private double[] vInitOverride(int n) {
        double[] out = null;
        for (int s = 0; s < morph.size(); s++) {
            double v0 = spec.vInit(s);
            if (Double.isNaN(v0)) continue;
            if (out == null) {
                out = new double[n];
                java.util.Arrays.fill(out, Double.NaN);
            }
            for (int nd = 0; nd < n; nd++) if (topo.section(nd) == s) out[nd] = v0;
        }
        return out;
    }

    private String sectionName(int s) {
        return morph.section(s).name();
    }

    private MechanismType type(String name, String where) {
        try {
            return registry.get(name);
        } catch (IllegalArgumentException e) {
            throw new DendriteException(where + ": " + e.getMessage());
        }
    }

    private void createIons(int n) {
        List<MechanismType> users = new ArrayList<>();
        for (ModelSpec.Insertion ins : spec.insertions) users.add(type(ins.mechanism(), sectionName(ins.section())));
        // point processes may use ions too (a synapse carrying ica, a POINTER mechanism reading ica)
        for (ModelSpec.PointSpec p : spec.points) users.add(type(p.type(), "point process " + p.name()));
        for (String name : new String[] {"na", "k", "ca"}) {
            // NEURON registers na, k, ca first; others follow in order of first use
            for (MechanismType t : users) {
                for (IonUse u : t.ions()) {
                    if (u.ion().equals(name)) ions.computeIfAbsent(name, k -> IonPool.withDefaults(k, n));
                }
            }
        }
        for (MechanismType t : users) {
            for (IonUse u : t.ions()) ions.computeIfAbsent(u.ion(), k -> IonPool.withDefaults(k, n));
        }
    }

    /** NMODL POINTERs of point processes connected to the variables they name ({@code setpointer}). */
    private void bindPointers() {
        for (ModelSpec.PointerSpec ps : spec.pointers) {
            MechanismBlock blk = pointBlockOf.get(ps.pointName());
            String label = "pointer " + ps.pointName() + "." + ps.pointer();
            if (blk == null) throw new DendriteException(label + ": no point process named '" + ps.pointName() + "'");
            Probe target = rangeProbe(new ModelSpec.ProbeSpec(label, ps.location(), null, ps.variable()));
            try {
                blk.bindPointer(ps.pointer(), pointInstanceOf.get(ps.pointName()), target.array(), target.index());
            } catch (IllegalArgumentException e) {
                throw new DendriteException(label + ": " + e.getMessage());
            }
        }
    }

    /** One block per density mechanism type; instances in node order; later insertions override parameters. */
    private void buildDensityMechanisms() {
        Map<String, TreeMap<Integer, List<ModelSpec.Insertion>>> byType = new LinkedHashMap<>();
        for (ModelSpec.Insertion ins : spec.insertions) {
            MechanismType t = type(ins.mechanism(), sectionName(ins.section()));
            if (t.kind() != MechanismKind.DENSITY) {
                throw new DendriteException(sectionName(ins.section()) + ": " + t.name()
                        + " is a point process, not a density mechanism; place it as a point process");
            }
            TreeMap<Integer, List<ModelSpec.Insertion>> nodes = byType.computeIfAbsent(t.name(), k -> new TreeMap<>());
            int first = topo.firstNode(ins.section());
            for (int j = 0; j < topo.nseg(ins.section()); j++) {
                nodes.computeIfAbsent(first + j, k -> new ArrayList<>()).add(ins);
            }
        }
        for (var e : byType.entrySet()) {
            MechanismType t = registry.get(e.getKey());
            int[] nodes = e.getValue().keySet().stream().mapToInt(Integer::intValue).toArray();
            for (IonUse u : t.ions()) {
                IonPool pool = ions.get(u.ion());
                for (int nd : nodes) pool.require(nd, u.style());
            }
            MechanismBlock block = t.factory().create(t, nodes, state);
            int k = 0;
            for (var inst : e.getValue().entrySet()) {
                int nd = inst.getKey();
                for (ModelSpec.Insertion ins : inst.getValue()) {
                    for (var p : ins.params().entrySet()) {
                        setParameter(block, k, p.getKey(), p.getValue().at(ins.section(), topo.x(nd)),
                                sectionName(ins.section()));
                    }
                }
                k++;
            }
            densityBlocks.put(t.name(), block);
            blocks.add(block);
        }
    }

    private static void setParameter(MechanismBlock block, int k, String name, double value, String where) {
        MechanismType t = block.type();
        String plain = name.endsWith("_" + t.name()) ? name.substring(0, name.length() - t.name().length() - 1) : name;
        Variable v = t.variable(plain).orElseThrow(() -> new DendriteException(where + ": " + t.name()
                + " has no parameter '" + name + "' (parameters: " + parameterNames(t) + ")"));
        if (v.role() == Variable.Role.ASSIGNED) {
            throw new DendriteException(where + ": " + t.name() + "." + plain + " is computed, not a parameter");
        }
        if (!Double.isFinite(value)) {
            throw new DendriteException(where + ": " + t.name() + "." + plain + " = " + value + " is not a finite number");
        }
        block.set(plain, k, value);
    }

    private static String parameterNames(MechanismType t) {
        StringBuilder sb = new StringBuilder();
        for (Variable v : t.variables()) {
            if (v.role() == Variable.Role.PARAMETER) sb.append(sb.length() == 0 ? "" : ", ").append(v.name())
                    .append(" [").append(v.unit()).append(']');
        }
        return sb.toString();
    }

    /** Ion variables set per section: e<ion> (mV), <ion>i and <ion>o (mM). */
    private void applyRangeSettings() {
        for (ModelSpec.RangeSetting r : spec.rangeSettings) {
            IonVariable iv = IonVariable.parse(r.variable());
            String where = sectionName(r.section());
            if (iv == null) throw new DendriteException(where + ": '" + r.variable() + "' is not an ion variable");
            IonPool pool = ions.get(iv.ion());
            if (pool == null) {
                throw new DendriteException(where + ": " + r.variable() + " set, but no inserted mechanism uses ion "
                        + iv.ion());
            }
            int first = topo.firstNode(r.section());
            for (int j = 0; j < topo.nseg(r.section()); j++) {
                int nd = first + j;
                if (pool.style(nd) == 0) {
                    throw new DendriteException(where + ": " + r.variable() + " set, but no mechanism inserted in "
                            + where + " uses ion " + iv.ion());
                }
                iv.array(pool)[nd] = r.value().at(r.section(), topo.x(nd));
            }
        }
    }

    private List<ArtificialCell> buildPointProcesses() {
        Map<String, List<ModelSpec.PointSpec>> byType = new LinkedHashMap<>();
        java.util.Set<String> pointNames = new java.util.HashSet<>();
        for (ModelSpec.PointSpec p : spec.points) {
            if (!pointNames.add(p.name())) {
                throw new DendriteException("two point processes are named '" + p.name() + "'");
            }
            MechanismType t = type(p.type(), "point process " + p.name());
            if (t.kind() != MechanismKind.POINT_PROCESS) {
                throw new DendriteException("point process " + p.name() + ": " + t.name() + " is not a point process");
            }
            byType.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(p);
        }
        for (ModelSpec.ArtificialSpec c : spec.artificialCells) {
            MechanismType t = type(c.type(), "artificial cell " + c.name());
            if (t.kind() != MechanismKind.ARTIFICIAL_CELL) {
                throw new DendriteException("artificial cell " + c.name() + ": " + t.name() + " is not an artificial cell");
            }
            byType.computeIfAbsent(t.name(), k -> new ArrayList<>())
                    .add(new ModelSpec.PointSpec(c.name(), c.type(), null, c.params()));
        }
        for (ModelSpec.CurrentWaveform w : spec.waveforms) {
            byType.computeIfAbsent(IPlay.TYPE.name(), k -> new ArrayList<>())
                    .add(new ModelSpec.PointSpec(w.name(), IPlay.TYPE.name(), w.location(), Map.of()));
        }
        List<ArtificialCell> netStims = new ArrayList<>();
        for (var e : byType.entrySet()) {
            MechanismType t = registry.get(e.getKey());
            List<ModelSpec.PointSpec> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparingInt(p -> p.location() == null ? 0 : nodeOf(p.location())));
            int[] nodes = list.stream().mapToInt(p -> p.location() == null ? 0 : nodeOf(p.location())).toArray();
            if (t.kind() == MechanismKind.POINT_PROCESS) {
                for (IonUse u : t.ions()) for (int nd : nodes) ions.get(u.ion()).require(nd, u.style());
            }
            MechanismBlock block = t.factory().create(t, nodes, state);
            for (int k = 0; k < list.size(); k++) {
                ModelSpec.PointSpec p = list.get(k);
                for (var prm : p.params().entrySet()) {
                    setParameter(block, k, prm.getKey(), prm.getValue(), "point process " + p.name());
                }
                pointBlockOf.put(p.name(), block);
                pointInstanceOf.put(p.name(), k);
                double[] times = spec.eventTimes.get(p.name());
                if (times != null) {
                    if (!(block instanceof VectorInput vs)) {
                        throw new DendriteException(p.name() + ": spike times given, but " + t.name() + " takes none");
                    }
                    vs.setInput(k, times, null);
                }
            }
            blocks.add(block);
            if (block instanceof ArtificialCell ns) netStims.add(ns);
            if (t.name().equals(IPlay.TYPE.name()) && block instanceof VectorInput play) {
                for (ModelSpec.CurrentWaveform w : spec.waveforms) {
                    try {
                        play.setInput(pointInstanceOf.get(w.name()), w.timeMs(), w.currentNa());
                    } catch (IllegalArgumentException ex) {
                        throw new DendriteException("current waveform " + w.name() + ": " + ex.getMessage());
                    }
                }
            }
        }
        return netStims;
    }

    private int nodeOf(Location loc) {
        return topo.node(loc.section(), loc.x());
    }

    private void applyGlobals() {
        for (var g : spec.globals.entrySet()) {
            if (g.getKey().matches("[a-z]+[io]0_[a-z]+_ion")) {
                String ionName = g.getKey().substring(g.getKey().indexOf('_') + 1, g.getKey().lastIndexOf("_ion"));
                IonPool pool = ions.get(ionName);
                if (pool == null) continue; // no mechanism uses that ion: the global has no effect, as in NEURON
                if (g.getKey().charAt(g.getKey().indexOf('_') - 2) == 'i') pool.ci0 = g.getValue();
                else pool.co0 = g.getValue();
            } else if (!setMechanismGlobal(g.getKey(), g.getValue())) {
                throw new DendriteException("unknown global parameter '" + g.getKey()
                        + "' (known: <ion>i0_<ion>_ion, <ion>o0_<ion>_ion, and the GLOBALs of the mechanisms: "
                        + String.join(", ", declaredGlobals()) + ")");
            }
        }
    }

    /**
     * A mechanism GLOBAL as NEURON names it ({@code <param>_<SUFFIX>}, declared by the mechanism): set on the
     * block of that type; accepted without effect when the mechanism is inserted nowhere (as NEURON does).
     */
    boolean setMechanismGlobal(String name, double value) {
        boolean known = false;
        for (MechanismType t : registry.all()) {
            if (!name.endsWith("_" + t.name()) || t.globalIndex(name) < 0) continue;
            known = true;
            for (MechanismBlock m : blocks) if (m.type().name().equals(t.name())) m.setGlobal(name, value);
        }
        return known;
    }

    /** Every settable mechanism GLOBAL of the library, NEURON-named. */
    private List<String> declaredGlobals() {
        List<String> out = new ArrayList<>();
        for (MechanismType t : registry.all()) for (Variable v : t.globals()) out.add(v.name() + "_" + t.name());
        return out;
    }

    private List<ThresholdDetector> buildNetCons(Map<String, SpikeSource> named) {
        List<ThresholdDetector> detectors = new ArrayList<>();
        Map<String, ThresholdDetector> byPlace = new HashMap<>();
        for (ModelSpec.NetConSpec nc : spec.netcons) {
            SpikeSource source;
            String label = nc.name() != null ? nc.name() : (nc.sourceName() != null ? nc.sourceName() : "netcon");
            if (nc.sourceName() != null) {
                MechanismBlock blk = pointBlockOf.get(nc.sourceName());
                if (!(blk instanceof ArtificialCell ns)) {
                    throw new DendriteException("NetCon " + label + ": source '" + nc.sourceName()
                            + "' is not an artificial cell (use a location to detect threshold crossings)");
                }
                source = ns.source(pointInstanceOf.get(nc.sourceName()));
            } else if (nc.sourceLocation() != null) {
                int nd = nodeOf(nc.sourceLocation());
                String key = nd + "@" + nc.thresholdMv();
                ThresholdDetector det = byPlace.get(key);
                if (det == null) {
                    det = new ThresholdDetector(state.v, nd, nc.thresholdMv(),
                            new SpikeSource(nc.sourceLocation().format(morph)));
                    byPlace.put(key, det);
                    detectors.add(det);
                }
                source = det.source();
            } else {
                throw new DendriteException("NetCon " + label + ": needs a source");
            }
            EventTarget target = null;
            int instance = 0;
            if (nc.target() != null) {
                MechanismBlock blk = pointBlockOf.get(nc.target());
                if (!(blk instanceof EventTarget et)) {
                    throw new DendriteException("NetCon " + label + ": target '" + nc.target()
                            + "' is not a point process of this model");
                }
                if (!blk.type().receivesEvents()) {
                    throw new DendriteException("NetCon " + label + ": target '" + nc.target() + "' is a "
                            + blk.type().name() + ", which takes no events (it has no NET_RECEIVE)");
                }
                target = et;
                instance = pointInstanceOf.get(nc.target());
            }
            NetCon con = new NetCon(target, instance, nc.delayMs(), nc.weight());
            source.connect(con);
            if (nc.name() != null) {
                named.put(nc.name(), source);
                netConOf.put(nc.name(), con);
            }
        }
        return detectors;
    }

    private List<Probe> buildProbes() {
        List<Probe> probes = new ArrayList<>();
        for (ModelSpec.ProbeSpec p : spec.probes) {
            probes.add(p.pointName() != null ? pointProbe(p) : rangeProbe(p));
        }
        return probes;
    }

    Probe probe(ModelSpec.ProbeSpec p) {
        return p.pointName() != null ? pointProbe(p) : rangeProbe(p);
    }

    private Probe pointProbe(ModelSpec.ProbeSpec p) {
        MechanismBlock blk = pointBlockOf.get(p.pointName());
        if (blk == null) throw new DendriteException("recording " + p.name() + ": no point process named '" + p.pointName() + "'");
        double[] arr = blk.variable(p.variable());
        if (arr == null) {
            throw new DendriteException("recording " + p.name() + ": " + blk.type().name() + " has no variable '"
                    + p.variable() + "'");
        }
        String unit = blk.type().variable(p.variable()).map(Variable::unit).orElse("1");
        return new Probe(p.name(), unit, arr, pointInstanceOf.get(p.pointName()));
    }

    private Probe rangeProbe(ModelSpec.ProbeSpec p) {
        int nd = nodeOf(p.location());
        String where = p.location().format(morph);
        String var = p.variable();
        if (var.equals("v")) return new Probe(p.name(), "mV", state.v, nd);
        IonVariable iv = IonVariable.parse(var);
        if (iv != null && ions.containsKey(iv.ion())) {
            IonPool pool = ions.get(iv.ion());
            if (pool.style(nd) == 0) {
                throw new DendriteException("recording " + p.name() + ": no mechanism at " + where + " uses ion " + iv.ion());
            }
            return new Probe(p.name(), iv.unit(), iv.array(pool), nd);
        }
        String mech, name;
        int dot = var.indexOf('.');
        if (dot > 0) {
            mech = var.substring(0, dot);
            name = var.substring(dot + 1);
        } else {
            // NEURON style NAME_MECH (mechanism names may themselves contain '_': NaTa_t)
            org.dendrite.engine.mechanism.SuffixedName sn =
                    org.dendrite.engine.mechanism.SuffixedName.split(var, densityBlocks::containsKey);
            if (sn == null) {
                throw new DendriteException("recording " + p.name() + ": unknown variable '" + var
                        + "' (use v, an ion variable such as ina or cai, or MECH.VAR such as hh.m)");
            }
            mech = sn.mechanism();
            name = sn.variable();
        }
        MechanismBlock blk = densityBlocks.get(mech);
        if (blk == null) throw new DendriteException("recording " + p.name() + ": mechanism " + mech + " is not inserted anywhere");
        int inst = -1;
        for (int k = 0; k < blk.count(); k++) if (blk.node(k) == nd) inst = k;
        if (inst < 0) throw new DendriteException("recording " + p.name() + ": " + mech + " is not inserted at " + where);
        double[] arr = blk.variable(name);
        if (arr == null) throw new DendriteException("recording " + p.name() + ": " + mech + " has no variable '" + name + "'");
        String unit = blk.type().variable(name).map(Variable::unit).orElse("1");
        return new Probe(p.name(), unit, arr, inst);
    }

    /** An ion variable name: e<ion>, i<ion>, <ion>i, <ion>o. */
    record IonVariable(String ion, char kind) {
        static IonVariable parse(String v) {
            if (v.length() < 2) return null;
            if (v.startsWith("e") && isIon(v.substring(1))) return new IonVariable(v.substring(1), 'e');
            if (v.startsWith("i") && isIon(v.substring(1))) return new IonVariable(v.substring(1), 'c');
            if (v.endsWith("i") && isIon(v.substring(0, v.length() - 1))) return new IonVariable(v.substring(0, v.length() - 1), 'i');
            if (v.endsWith("o") && isIon(v.substring(0, v.length() - 1))) return new IonVariable(v.substring(0, v.length() - 1), 'o');
            return null;
        }

        private static boolean isIon(String s) {
            return s.equals("na") || s.equals("k") || s.equals("ca") || s.equals("cl") || s.equals("h");
        }

        double[] array(IonPool p) {
            return switch (kind) {
                case 'e' -> p.e;
                case 'c' -> p.i;
                case 'i' -> p.ci;
                default -> p.co;
            };
        }

        String unit() {
            return switch (kind) {
                case 'e' -> "mV";
                case 'c' -> "mA/cm2";
                default -> "mM";
            };
        }
    }
}
