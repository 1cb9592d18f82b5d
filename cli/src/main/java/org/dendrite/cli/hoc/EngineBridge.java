package org.dendrite.cli.hoc;

import java.util.ArrayList;
import java.util.HashMap;
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
 * Runs a HOC-built model in the engine. At {@code finitialize} the interpreter's section world is turned into a
 * {@link ModelSpec} and compiled to the engine's flat arrays, again only when the structure changed (sections,
 * geometry, nseg, insertions, point processes, NetCons, recordings); otherwise the compiled simulation is
 * re-initialised. After that the compiled arrays are the cell: every HOC read ({@code v(0.5)}, {@code m_hh},
 * {@code ina}, {@code stim.i}, {@code nc.weight[1]}, {@code t}) answers from them and every HOC write reaches
 * them (effective at the next step, as in NEURON). HOC is never inside the time-step loop: one step costs the
 * same as for a model read from JSON, plus one array read per recorded Vector.
 */
public final class EngineBridge implements HocSimulationBridge {
    private MechanismLibrary registry;
    private final List<String> extraRecordings;
    private Simulation sim;
    private ModelSpec spec;
    /** Structure the simulation was compiled from (see {@link #structureKey}); null forces a compile. */
    private String compiledKey;
    /** World geometry and model versions the compiled arrays reflect. */
    private long compiledGeometry, compiledModel;
    /** Model section index, point-process and NetCon model names of the compiled world. */
    private Map<HocSection, Integer> sectionIndex = new IdentityHashMap<>();
    private Map<PointProcess, String> pointNames = new IdentityHashMap<>();
    private final Map<NetConnection, String> netConNames = new IdentityHashMap<>();
    /** Live variables resolved so far (section:node:variable or point:variable); NONE when the engine has none. */
    private final Map<String, Probe> live = new HashMap<>();
    private static final Probe NONE = new Probe("none", "1", null, 0);
    private final List<Probe> probes = new ArrayList<>();
    private final List<RecordRequest> requests = new ArrayList<>();
    private final List<NetConnection> spikeRecorders = new ArrayList<>();
    private final List<SpikeSource> spikeSources = new ArrayList<>();
    /** Model names of the NetCons whose HOC objects record spike times (resolved after compile). */
    private List<String> pendingRecorderNames = List.of();
    private int[] spikesSeen = new int[0];
    /** Per request: record every k-th step (0: at the times of its tvec), next tvec index, sample times. */
    private int[] recordEvery = new int[0];
    private int[] nextTime = new int[0];
    private final List<DoubleList> sampleTimes = new ArrayList<>();
    /** Distinct time vectors of cvode.record requests (identity: HocVector does not override equals). */
    private final List<HocVector> timeOutputs = new ArrayList<>();
    private long step;
    /** Times of every step (ms), and the extra (--record) traces, for writing traces.csv. */
    private final DoubleList time = new DoubleList();
    private final List<DoubleList> extra = new ArrayList<>();
    private List<Probe> extraProbes = List.of();
    private int compiles;
    /** The variable-step integrator of {@link #sim} (cvode.active(1)), its tolerances, and whether it must restart. */
    private org.dendrite.engine.sim.VariableStep vs;
    private Simulation vsSim;
    private double vsAtol = Double.NaN, vsRtol = Double.NaN;
    private boolean vsStale = true;

    /** Mechanisms compiled from a user's .mod files (--mod, nrn_load_dll), and those files: carried into specs. */
    private final List<MechanismType> loaded = new ArrayList<>();
    private final List<java.nio.file.Path> loadedPaths = new ArrayList<>();

    /** Adds compiled .mod mechanisms to those the next compile uses (they replace same-named ones, with a note). */
    public void addLoaded(String origin, List<MechanismType> types, List<java.nio.file.Path> paths,
                          java.util.function.Consumer<String> notes) {
        registry = registry.with(origin, types, notes);
        loaded.addAll(types);
        loadedPaths.addAll(paths);
    }

    /** {@code run --method be|cn} on HOC files: the fixed step with this secondorder whatever the files set; -1: theirs. */
    private int forcedSecondorder = -1;

    /**
     * Runs fixed step with {@code secondorder} (0 backward Euler, 2 Crank-Nicolson) even where the HOC files ask
     * for cvode.active(1) or another secondorder (the user chose the method on the command line); -1 undoes it.
     */
    public void forceFixedStep(int secondorder) {
        forcedSecondorder = secondorder;
    }

    public MechanismLibrary library() {
        return registry;
    }

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

    /** How many times the world was compiled (a finitialize with an unchanged structure does not compile). */
    public int compileCount() {
        return compiles;
    }

    @Override
    public void finitialize(HocWorld world, double vInit) {
        String key = structureKey(world);
        if (sim == null || !key.equals(compiledKey)) {
            compile(world, vInit);
            compiledKey = key;
            compiledGeometry = world.geometryVersion();
            compiledModel = world.modelVersion();
        } else {
            syncRunSettings(world);
            applyGeometry(world);
        }
        sim.finitialize(vInit);
        world.setTime(sim.state().t);
        step = 0;
        time.clear();
        extra.clear();
        for (int i = 0; i < extraProbes.size(); i++) extra.add(new DoubleList());
        recordEvery = new int[requests.size()];
        nextTime = new int[requests.size()];
        sampleTimes.clear();
        timeOutputs.clear();
        for (int i = 0; i < requests.size(); i++) {
            RecordRequest r = requests.get(i);
            r.vector().clear();
            if (r.timesOut() != null && !timeOutputs.contains(r.timesOut())) {
                r.timesOut().clear();
                timeOutputs.add(r.timesOut());
            }
            sampleTimes.add(new DoubleList());
            recordEvery[i] = r.times() != null ? 0
                    : r.interval() > 0 ? Math.max(1, (int) Math.round(r.interval() / world.dt())) : 1;
        }
        spikesSeen = new int[spikeRecorders.size()];
        for (NetConnection nc : spikeRecorders) nc.recordTimes().clear();
        // variable step, a recording every interval ms: the sample index after t = 0
        for (int i = 0; i < requests.size(); i++) if (requests.get(i).times() == null) nextTime[i] = 1;
        vsStale = true;
        sample(world);
    }

    /** cvode.active(1) asks for the variable step, unless {@code run --method be|cn} forced the fixed step. */
    private boolean useCvode(HocWorld world) {
        return world.cvodeRequested() && forcedSecondorder < 0;
    }

    /** The variable-step integrator for the compiled simulation, restarted at the cell's state when needed. */
    private org.dendrite.engine.sim.VariableStep variableStep(HocWorld world) {
        syncRunSettings(world);
        applyGeometry(world);
        if (world.t() != sim.state().t) sim.state().t = world.t();
        if (vs == null || vsSim != sim || vsAtol != world.cvodeAtol() || vsRtol != world.cvodeRtol()) {
            vs = new org.dendrite.engine.sim.VariableStep(sim, world.cvodeAtol(), world.cvodeRtol());
            vsSim = sim;
            vsAtol = world.cvodeAtol();
            vsRtol = world.cvodeRtol();
            vs.onStep((tPrev, tn) -> {
                step++;
                world.setTime(tn);
                sampleVariableStep(tPrev, tn);
            });
            vsStale = true;
        }
        if (vsStale) {
            vs.setToleranceScales(world.cvodeAtolScales());
            vs.reset();
            vsStale = false;
        }
        return vs;
    }

    /** The variable-step integrator HOC's run used last (its statistics), or null. */
    public org.dendrite.engine.sim.VariableStep variableStep() {
        return vs;
    }

    private void compile(HocWorld world, double vInit) {
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
        compiles++;
        live.clear();
        List<Probe> all = sim.traces().probes();
        probes.clear();
        for (int i = 0; i < requests.size(); i++) probes.add(probeOfRequest[i] < 0 ? null : all.get(probeOfRequest[i]));
        extraProbes = all.subList(base, all.size());
        spikeSources.clear();
        for (String name : pendingRecorderNames) spikeSources.add(sim.spikeSources().get(name));
    }

    /** dt, celsius and secondorder as HOC has them now (they may change between runs without a recompile). */
    private void syncRunSettings(HocWorld world) {
        sim.state().dt = world.dt();
        sim.state().celsius = world.celsius();
        sim.state().secondorder = forcedSecondorder >= 0 ? forcedSecondorder : world.secondorder();
    }

    /**
     * What the compiled arrays depend on beyond values HOC writes through to the engine: the world's model
     * version (topology, geometry, nseg, insertions), the point processes and where they sit, the NetCons
     * (source, target, threshold, delay, active), the recordings and plays.
     */
    private String structureKey(HocWorld world) {
        StringBuilder k = new StringBuilder();
        k.append(world.modelVersion()).append('|');
        for (PointProcess p : world.pointProcesses()) {
            k.append(System.identityHashCode(p)).append('@')
                    .append(p.section() == null ? "-" : System.identityHashCode(p.section())).append(':').append(p.x()).append(',');
        }
        k.append('|');
        for (NetConnection nc : world.netCons()) {
            k.append(System.identityHashCode(nc)).append(nc.isActive()).append(nc.threshold()).append('/').append(nc.delay())
                    .append(nc.recordTimes() == null ? "" : "r" + System.identityHashCode(nc.recordTimes())).append(',');
        }
        k.append('|');
        for (RecordRequest r : world.recordings()) k.append(System.identityHashCode(r)).append(',');
        k.append('|').append(world.plays().size());
        for (HocSection s : world.sections()) if (Double.isFinite(s.vInit(0))) k.append('|').append(s.name()).append(s.vInit(0));
        for (var g : world.mechanismGlobals().entrySet()) {
            // ion globals (cai0_ca_ion) are read at compile only
            if (g.getKey().endsWith("_ion")) k.append('|').append(g.getKey()).append(g.getValue());
        }
        return k.toString();
    }

    /**
     * L, diam, Ra, cm or 3-D points edited in HOC since the last look (they are edits of the compiled model's
     * own cables): areas and matrix coefficients are recomputed before the next step, as NEURON's
     * {@code diam_changed} makes its next fadvance do. A structural edit (nseg, insert, new sections or point
     * processes) needs a compile and waits for the next finitialize, with a note.
     */
    private void applyGeometry(HocWorld world) {
        if (world.modelVersion() != compiledModel) {
            world.note("a structural change after finitialize (nseg, insert/uninsert, create, connect, new point "
                    + "process or NetCon) takes effect at the next finitialize(); NEURON applies it at the next fadvance()");
            return;
        }
        if (world.geometryVersion() == compiledGeometry) return;
        sim.geometryChanged();
        compiledGeometry = world.geometryVersion();
    }

    @Override
    public void fadvance(HocWorld world) {
        if (sim == null) finitialize(world, world.vInit());
        if (useCvode(world)) {
            // cvode.active(1): one variable step per fadvance, t advances by the step taken (as NEURON)
            variableStep(world).step(Double.POSITIVE_INFINITY);
            world.setTime(sim.state().t);
            return;
        }
        vsStale = true;
        syncRunSettings(world);
        applyGeometry(world);
        if (world.t() != sim.state().t) sim.state().t = world.t();
        sim.fadvance();
        step++;
        world.setTime(sim.state().t);
        sample(world);
    }

    @Override
    public void continuerun(HocWorld world, double tstop) {
        if (sim == null) finitialize(world, world.vInit());
        if (useCvode(world)) {
            // cvode.active(1): variable steps to exactly tstop; recordings at every step, every Dt or at tvec times
            org.dendrite.engine.sim.VariableStep v = variableStep(world);
            double eps = 1e-12 * Math.max(1, Math.abs(tstop));
            while (sim.state().t < tstop - eps) v.step(tstop);
            world.setTime(sim.state().t);
            return;
        }
        while (sim.state().t < tstop - 0.5 * sim.state().dt) fadvance(world);
    }

    private void sample(HocWorld world) {
        double t = sim.state().t;
        time.add(t);
        for (int i = 0; i < extraProbes.size(); i++) extra.get(i).add(extraProbes.get(i).read());
        for (int i = 0; i < requests.size(); i++) {
            RecordRequest r = requests.get(i);
            if (recordEvery[i] == 0) {
                // at the times of tvec: the step whose t is nearest each listed time (events at step boundaries)
                HocVector tv = r.times();
                while (nextTime[i] < tv.size() && tv.get(nextTime[i]) <= t + 0.5 * sim.state().dt) {
                    record(i, r, t);
                    nextTime[i]++;
                }
            } else if (step % recordEvery[i] == 0) {
                record(i, r, t);
            }
        }
        // cvode.record's time vectors: one entry per step, however many recordings share the vector
        for (HocVector tv : timeOutputs) tv.append(t);
        for (int i = 0; i < spikeRecorders.size(); i++) {
            double[] s = spikeSources.get(i).spikeTimes();
            for (int k = spikesSeen[i]; k < s.length; k++) spikeRecorders.get(i).recordTimes().append(s[k]);
            spikesSeen[i] = s.length;
        }
    }

    /**
     * Recordings after a variable step (tPrev, tn]: those without an interval at tn (NEURON under cvode: every
     * step), those with an interval at its multiples and those with a tvec at its times, from the interpolated
     * history; time, --record traces and cvode.record time vectors at tn.
     */
    private void sampleVariableStep(double tPrev, double tn) {
        double eps = 1e-9 * Math.max(1, Math.abs(tn));
        boolean moved = false;
        for (int i = 0; i < requests.size(); i++) {
            RecordRequest r = requests.get(i);
            if (r.times() != null) {
                HocVector tv = r.times();
                while (nextTime[i] < tv.size() && tv.get(nextTime[i]) <= tn + eps) {
                    double ts = Math.max(tPrev, Math.min(tn, tv.get(nextTime[i])));
                    vs.showState(ts);
                    moved = true;
                    record(i, r, ts);
                    nextTime[i]++;
                }
            } else if (r.interval() > 0) {
                while (nextTime[i] * r.interval() <= tn + eps) {
                    double ts = Math.max(tPrev, Math.min(tn, nextTime[i] * r.interval()));
                    vs.showState(ts);
                    moved = true;
                    record(i, r, ts);
                    nextTime[i]++;
                }
            }
        }
        if (moved) vs.showState(tn);
        time.add(tn);
        for (int i = 0; i < extraProbes.size(); i++) extra.get(i).add(extraProbes.get(i).read());
        for (int i = 0; i < requests.size(); i++) {
            RecordRequest r = requests.get(i);
            if (r.times() == null && !(r.interval() > 0)) record(i, r, tn);
        }
        for (HocVector tv : timeOutputs) tv.append(tn);
        for (int i = 0; i < spikeRecorders.size(); i++) {
            double[] sp = spikeSources.get(i).spikeTimes();
            for (int k = spikesSeen[i]; k < sp.length; k++) spikeRecorders.get(i).recordTimes().append(sp[k]);
            spikesSeen[i] = sp.length;
        }
    }

    private void record(int i, RecordRequest r, double t) {
        Probe p = probes.get(i);
        r.vector().append(p == null ? t : p.read());
        sampleTimes.get(i).add(t);
    }

    /** Recorded step times (ms) since the last finitialize. */
    public double[] times() {
        return time.toArray();
    }

    /** Times (ms) at which recording {@code i} of the world (in {@link HocWorld#recordings()} order) sampled. */
    public double[] sampleTimes(int i) {
        return sampleTimes.get(i).toArray();
    }

    /** The recordings the last finitialize set up, in the order of {@link #sampleTimes(int)}. */
    public List<RecordRequest> recordRequests() {
        return sampleTimes.size() == requests.size() ? List.copyOf(requests) : List.of();
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

    // ------------------------------------------------------------------ live values

    @Override
    public double value(HocWorld world, HocPointer p) {
        if (sim == null) return Double.NaN;
        if (p.kind() == HocPointer.Kind.TIME) return sim.state().t;
        Probe probe = liveProbe(p);
        return probe == NONE ? Double.NaN : probe.read();
    }

    @Override
    public boolean set(HocWorld world, HocPointer p, double value) {
        if (sim == null) return false;
        if (p.kind() == HocPointer.Kind.TIME) {
            sim.state().t = value;
            return true;
        }
        Probe probe = liveProbe(p);
        if (probe == NONE) return false;
        probe.array()[probe.index()] = value;
        return true;
    }

    @Override
    public void setGlobal(HocWorld world, String name, double value) {
        if (sim == null) return;
        // an ion global (cai0_ca_ion) is part of the structure key and recompiles at the next finitialize
        if (!name.endsWith("_ion")) sim.setGlobal(name, value);
    }

    @Override
    public void setWeight(HocWorld world, NetConnection nc, int i, double value) {
        double[] w = liveWeights(nc);
        if (w != null && i < w.length) w[i] = value;
    }

    @Override
    public double weight(HocWorld world, NetConnection nc, int i) {
        double[] w = liveWeights(nc);
        return w != null && i < w.length ? w[i] : Double.NaN;
    }

    private double[] liveWeights(NetConnection nc) {
        if (sim == null) return null;
        String name = netConNames.get(nc);
        if (name == null) return null;
        var con = sim.netCon(name);
        return con == null ? null : con.weight();
    }

    /** The engine's array element for a RANGE or POINT_PROCESS pointer, or NONE. */
    private Probe liveProbe(HocPointer p) {
        String key;
        ModelSpec.ProbeSpec ps;
        if (p.kind() == HocPointer.Kind.RANGE) {
            Integer s = sectionIndex.get(p.section());
            if (s == null) return NONE;
            int node = sim.topology().node(s, p.x());
            key = s + ":" + node + ":" + p.variable();
            Probe known = live.get(key);
            if (known != null) return known;
            if (p.variable().equals("cm")) {
                Probe c = new Probe("cm", "uF/cm2", sim.capacitance(), node);
                live.put(key, c);
                return c;
            }
            if (p.variable().equals("diam")) return NONE; // geometry: recompiled at the next finitialize
            ps = new ModelSpec.ProbeSpec("live", new Location(s, p.x()), null, p.variable());
        } else if (p.kind() == HocPointer.Kind.POINT_PROCESS) {
            String name = pointNames.get(p.pointProcess());
            if (name == null) return NONE;
            key = name + ":" + p.variable();
            Probe known = live.get(key);
            if (known != null) return known;
            ps = new ModelSpec.ProbeSpec("live", null, name, p.variable());
        } else {
            return NONE;
        }
        Probe found;
        try {
            found = sim.resolve(ps);
        } catch (DendriteException e) {
            found = NONE;
        }
        live.put(key, found);
        return found;
    }

    // ------------------------------------------------------------------ world -> model

    /** The world as a model description, as the next finitialize would compile it. */
    public ModelSpec specOf(HocWorld world) {
        return toSpec(world, registry, world.vInit());
    }

    private ModelSpec toSpec(HocWorld world, MechanismLibrary reg, double vInit) {
        Morphology morph = world.toMorphology("hoc");
        Map<HocSection, Integer> index = new IdentityHashMap<>();
        org.dendrite.engine.build.CableSection[] cables = new org.dendrite.engine.build.CableSection[morph.size()];
        for (HocSection s : world.sections()) {
            if (s.isDeleted()) continue;
            int i = morph.indexOf(s.name());
            if (i < 0) throw new DendriteException("HOC section " + s.name() + " did not reach the engine");
            index.put(s, i);
            cables[i] = s.cable();
        }
        // the sections' own cables: HOC's L, diam, nseg, Ra, cm and pt3d edits are edits of this model
        ModelSpec m = new ModelSpec(morph, java.util.Arrays.asList(cables));
        m.name = "hoc";
        m.run.dt = world.dt();
        m.run.celsius = world.celsius();
        m.run.secondorder = forcedSecondorder >= 0 ? forcedSecondorder : world.secondorder();
        m.run.tstop = world.tstop();
        m.run.vInit = vInit;
        if (!loaded.isEmpty()) {
            m.addMechanisms(loaded, loadedPaths, note -> {});
        }
        sectionIndex = index;
        for (HocSection s : world.sections()) {
            if (s.isDeleted()) continue;
            int i = index.get(s);
            double v0 = s.vInit(0);
            if (Double.isFinite(v0) && v0 != vInit) m.setVInit(i, v0);
            addMechanisms(m, reg, s, i);
        }
        for (var g : world.mechanismGlobals().entrySet()) m.globals.put(g.getKey(), g.getValue());
        Map<PointProcess, String> names = addPointProcesses(m, world, index);
        pointNames = names;
        for (HocWorld.PointerRequest pr : world.pointers()) {
            // setpointer: the same binding as the JSON "pointers" key
            HocPointer t = pr.target();
            Integer sec = index.get(t.section());
            String point = names.get(pr.point());
            if (sec == null || point == null) continue; // a deleted section or a point process not placed
            m.pointers.add(new ModelSpec.PointerSpec(point, pr.pointer(), new Location(sec, t.x()), t.variable()));
        }
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
        netConNames.clear();
        List<String> recorderNames = new ArrayList<>();
        int n = 0;
        for (NetConnection nc : world.netCons()) {
            if (!nc.isActive()) continue;
            String name = "NetCon[" + (n++) + "]";
            String target = nc.target() == null ? null : names.get(nc.target());
            double[] w = new double[(int) nc.weightCount()];
            for (int k = 0; k < w.length; k++) w[k] = nc.weight(k);
            if (nc.sourceObject() != null) {
                m.netcons.add(new ModelSpec.NetConSpec(name, names.get(nc.sourceObject()), null, nc.threshold(), target, nc.delay(), w));
            } else if (nc.sourcePointer() != null && nc.sourcePointer().kind() == HocPointer.Kind.RANGE) {
                HocPointer sp = nc.sourcePointer();
                Location at = new Location(index.get(sp.section()), sp.x());
                m.netcons.add(new ModelSpec.NetConSpec(name, null, at, nc.threshold(), target, nc.delay(), w));
            } else {
                continue;
            }
            netConNames.put(nc, name);
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
