package org.dendrite.cli.hoc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.record.Probe;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.hoc.HocPointer;
import org.dendrite.io.hoc.HocSection;
import org.dendrite.io.hoc.HocSimulationBridge;
import org.dendrite.io.hoc.HocVector;
import org.dendrite.io.hoc.HocWorld;
import org.dendrite.io.hoc.MechanismInstance;
import org.dendrite.io.hoc.NetConnection;
import org.dendrite.io.hoc.PointProcess;
import org.dendrite.io.hoc.RecordRequest;

/**
 * Runs a HOC-built model in the engine. At every {@code finitialize} the interpreter's section world is turned
 * into a {@link ModelSpec} and compiled to the engine's flat arrays; {@code fadvance} then steps the engine and
 * copies recorded values into the HOC Vectors. HOC is never inside the time-step loop: one step costs the
 * same as for a model read from JSON, plus one array read per recorded Vector.
 */
public final class EngineBridge implements HocSimulationBridge {
    private final MechanismLibrary registry;
    private final List<String> extraRecordings;
    private Simulation sim;
    private ModelSpec spec;
    private final List<Probe> probes = new ArrayList<>();
    private final List<RecordRequest> requests = new ArrayList<>();
    private final List<NetConnection> spikeRecorders = new ArrayList<>();
    private final List<SpikeSource> spikeSources = new ArrayList<>();
    /** Model names of the NetCons whose HOC objects record spike times (resolved after compile). */
    private List<String> pendingRecorderNames = List.of();
    private int[] spikesSeen = new int[0];
    private int[] recordEvery = new int[0];
    private long step;
    /** Times of every step (ms), and the extra (--record) traces, for writing traces.csv. */
    private final DoubleList time = new DoubleList();
    private final List<DoubleList> extra = new ArrayList<>();
    private List<Probe> extraProbes = List.of();

    public EngineBridge(MechanismLibrary registry, List<String> extraRecordings) {
        this.registry = registry;
        this.extraRecordings = List.copyOf(extraRecordings);
    }

    /** The last compiled simulation (null before the first finitialize). */
    public Simulation simulation() {
        return sim;
    }

    public ModelSpec spec() {
        return spec;
    }

    @Override
    public void finitialize(HocWorld world, double vInit) {
        spec = toSpec(world, registry, vInit);
        int base = spec.probes.size();
        for (String r : extraRecordings) {
            try {
                ModelSpec.ProbeSpec p = org.dendrite.engine.build.Recordings.parse(spec.morphology(), r);
                spec.probes.add(p);
            } catch (IllegalArgumentException e) {
                throw new DendriteException("--record " + e.getMessage());
            }
        }
        sim = Simulation.compile(spec, registry);
        List<Probe> all = sim.traces().probes();
        probes.clear();
        for (int i = 0; i < requests.size(); i++) probes.add(probeOfRequest[i] < 0 ? null : all.get(probeOfRequest[i]));
        extraProbes = all.subList(base, all.size());
        spikeSources.clear();
        for (String name : pendingRecorderNames) spikeSources.add(sim.spikeSources().get(name));
        sim.finitialize(vInit);
        world.setTime(sim.state().t);
        step = 0;
        time.clear();
        extra.clear();
        for (int i = 0; i < extraProbes.size(); i++) extra.add(new DoubleList());
        recordEvery = new int[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            RecordRequest r = requests.get(i);
            r.vector().clear();
            if (r.times() != null) r.times().clear();
            recordEvery[i] = r.interval() > 0 ? Math.max(1, (int) Math.round(r.interval() / world.dt())) : 1;
        }
        spikesSeen = new int[spikeRecorders.size()];
        for (NetConnection nc : spikeRecorders) nc.recordTimes().clear();
        sample(world);
    }

    @Override
    public void fadvance(HocWorld world) {
        if (sim == null) finitialize(world, world.vInit());
        sim.fadvance();
        step++;
        world.setTime(sim.state().t);
        sample(world);
    }

    @Override
    public void continuerun(HocWorld world, double tstop) {
        if (sim == null) finitialize(world, world.vInit());
        while (sim.state().t < tstop - 0.5 * sim.state().dt) fadvance(world);
    }

    private void sample(HocWorld world) {
        double t = sim.state().t;
        time.add(t);
        for (int i = 0; i < extraProbes.size(); i++) extra.get(i).add(extraProbes.get(i).read());
        for (int i = 0; i < requests.size(); i++) {
            if (step % recordEvery[i] != 0) continue;
            RecordRequest r = requests.get(i);
            Probe p = probes.get(i);
            r.vector().append(p == null ? t : p.read());
            if (r.times() != null) r.times().append(t);
        }
        for (int i = 0; i < spikeRecorders.size(); i++) {
            double[] s = spikeSources.get(i).spikeTimes();
            for (int k = spikesSeen[i]; k < s.length; k++) spikeRecorders.get(i).recordTimes().append(s[k]);
            spikesSeen[i] = s.length;
        }
    }

    /** Recorded step times (ms) since the last finitialize. */
    public double[] times() {
        return time.toArray();
    }

    /** Values of the --record traces, in the order given. */
    public List<double[]> extraTraces() {
        List<double[]> out = new ArrayList<>();
        for (DoubleList d : extra) out.add(d.toArray());
        return out;
    }

    public List<Probe> extraProbes() {
        return extraProbes;
    }

    // ------------------------------------------------------------------ world -> model

    /** The world as a model description, as the next finitialize would compile it. */
    public ModelSpec specOf(HocWorld world) {
        return toSpec(world, registry, world.vInit());
    }

    private ModelSpec toSpec(HocWorld world, MechanismLibrary reg, double vInit) {
        Morphology morph = world.toMorphology("hoc");
        ModelSpec m = new ModelSpec(morph);
        m.name = "hoc";
        m.run.dt = world.dt();
        m.run.celsius = world.celsius();
        m.run.secondorder = world.secondorder();
        m.run.tstop = world.tstop();
        m.run.vInit = vInit;
        Map<HocSection, Integer> index = new IdentityHashMap<>();
        for (HocSection s : world.sections()) {
            if (s.isDeleted()) continue;
            int i = morph.indexOf(s.name());
            if (i < 0) throw new DendriteException("HOC section " + s.name() + " did not reach the engine");
            index.put(s, i);
            m.setNseg(i, s.nseg());
            m.setRa(i, s.Ra());
            m.setCm(i, s.cm(0));
            double v0 = s.vInit(0);
            if (Double.isFinite(v0) && v0 != vInit) m.setVInit(i, v0);
            addMechanisms(m, reg, s, i);
        }
        for (var g : world.mechanismGlobals().entrySet()) m.globals.put(g.getKey(), g.getValue());
        Map<PointProcess, String> names = addPointProcesses(m, world, index);
        addNetCons(m, world, index, names);
        addRecordings(m, world, index, names);
        return m;
    }

    private static SegmentValue perSegment(double[] values) {
        if (allEqual(values)) return SegmentValue.constant(values[0]);
        return (section, x) -> values[Math.min(values.length - 1, (int) (x * values.length))];
    }

    private static boolean allEqual(double[] a) {
        for (double x : a) if (Double.compare(x, a[0]) != 0) return false;
        return true;
    }

    private static void addMechanisms(ModelSpec m, MechanismLibrary reg, HocSection s, int i) {
        List<String> ionsUsed = new ArrayList<>();
        for (MechanismInstance mi : s.mechanisms().values()) {
            if (mi.name().endsWith("_ion") || !reg.contains(mi.name())) continue;
            MechanismType t = reg.get(mi.name());
            t.ions().forEach(u -> ionsUsed.add(u.ion()));
            Map<String, SegmentValue> params = new LinkedHashMap<>();
            for (Variable v : t.variables()) {
                if (v.role() != Variable.Role.PARAMETER || mi.mechanism().indexOf(v.name()) < 0) continue;
                double[] vals = new double[s.nseg()];
                for (int k = 0; k < vals.length; k++) vals[k] = mi.value(v.name(), k);
                if (allEqual(vals) && vals[0] == v.defaultValue()) continue;
                params.put(v.name(), perSegment(vals));
            }
            m.insertions.add(new ModelSpec.Insertion(t.name(), i, params));
        }
        for (MechanismInstance mi : s.mechanisms().values()) {
            if (!mi.name().endsWith("_ion")) continue;
            String ion = mi.name().substring(0, mi.name().length() - 4);
            if (!ionsUsed.contains(ion)) continue;
            for (String var : List.of("e" + ion, ion + "i", ion + "o")) {
                if (mi.mechanism().indexOf(var) < 0) continue;
                double[] vals = new double[s.nseg()];
                for (int k = 0; k < vals.length; k++) vals[k] = mi.value(var, k);
                m.rangeSettings.add(new ModelSpec.RangeSetting(i, var, perSegment(vals)));
            }
        }
    }

    private Map<PointProcess, String> addPointProcesses(ModelSpec m, HocWorld world, Map<HocSection, Integer> index) {
        Map<PointProcess, String> names = new IdentityHashMap<>();
        int n = 0;
        for (PointProcess p : world.pointProcesses()) {
            String name = p.mechanism().name() + "[" + (n++) + "]";
            names.put(p, name);
            MechanismType t = registry.get(p.mechanism().name());
            Map<String, Double> params = new LinkedHashMap<>();
            for (Variable v : t.variables()) {
                if (v.role() == Variable.Role.PARAMETER && p.mechanism().indexOf(v.name()) >= 0) {
                    params.put(v.name(), p.value(v.name()));
                }
            }
            if (p.mechanism().artificial()) {
                m.artificialCells.add(new ModelSpec.ArtificialSpec(name, t.name(), params));
            } else if (p.section() != null && index.containsKey(p.section())) {
                m.points.add(new ModelSpec.PointSpec(name, t.name(), new Location(index.get(p.section()), p.x()), params));
            }
        }
        return names;
    }

    private void addNetCons(ModelSpec m, HocWorld world, Map<HocSection, Integer> index, Map<PointProcess, String> names) {
        spikeRecorders.clear();
        List<String> recorderNames = new ArrayList<>();
        int n = 0;
        for (NetConnection nc : world.netCons()) {
            if (!nc.isActive()) continue;
            String name = "NetCon[" + (n++) + "]";
            String target = nc.target() == null ? null : names.get(nc.target());
            double[] w = {nc.weight(0)};
            if (nc.sourceObject() != null) {
                m.netcons.add(new ModelSpec.NetConSpec(name, names.get(nc.sourceObject()), null, nc.threshold(), target, nc.delay(), w));
            } else if (nc.sourcePointer() != null && nc.sourcePointer().kind() == HocPointer.Kind.RANGE) {
                HocPointer sp = nc.sourcePointer();
                Location at = new Location(index.get(sp.section()), sp.x());
                m.netcons.add(new ModelSpec.NetConSpec(name, null, at, nc.threshold(), target, nc.delay(), w));
            } else {
                continue;
            }
            if (nc.recordTimes() != null) {
                spikeRecorders.add(nc);
                recorderNames.add(name);
            }
        }
        pendingRecorderNames = recorderNames;
    }

    /** Index into the compiled probes of each Vector.record request; -1 records t. */
    private int[] probeOfRequest = new int[0];

    private void addRecordings(ModelSpec m, HocWorld world, Map<HocSection, Integer> index, Map<PointProcess, String> names) {
        requests.clear();
        List<Integer> idx = new ArrayList<>();
        for (RecordRequest r : world.recordings()) {
            HocPointer p = r.source();
            String name = "hoc:" + p.describe();
            switch (p.kind()) {
                case RANGE -> m.probes.add(new ModelSpec.ProbeSpec(name, new Location(index.get(p.section()), p.x()),
                        null, p.variable()));
                case POINT_PROCESS -> m.probes.add(new ModelSpec.ProbeSpec(name, null, names.get(p.pointProcess()),
                        p.variable()));
                case TIME -> {
                    idx.add(-1);
                    requests.add(r);
                    continue;
                }
                default -> throw new DendriteException("Vector.record of " + p.describe()
                        + ": only section variables, point-process variables and t can be recorded");
            }
            idx.add(m.probes.size() - 1);
            requests.add(r);
        }
        probeOfRequest = idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Growable primitive list. */
    static final class DoubleList {
        private double[] a = new double[1024];
        private int n;

        void add(double x) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = x;
        }

        void clear() {
            n = 0;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
