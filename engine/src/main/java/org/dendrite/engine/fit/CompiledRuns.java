package org.dendrite.engine.fit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.engine.sim.Topology;

/**
 * "Compile once, re-apply parameters": each worker thread compiles the model once per protocol and, for later
 * evaluations, writes the parameter values straight into the compiled arrays (density-mechanism parameters in the
 * addressed segments, {@code celsius}, {@code v_init}, {@code tstop}) before {@code finitialize}. Anything else
 * (Ra, cm, ion reversal potentials, point-process parameters, globals, dt, models with NetStims, or a parameter
 * the protocol also sets) falls back to rebuilding the simulation from a copied spec for every evaluation.
 * Both paths give bit-identical traces (tested).
 */
public final class CompiledRuns {
    private final ModelParameters model;
    private final List<ModelParameters.Target> targets;
    private final boolean fast;
    private final ThreadLocal<Map<Protocol, Entry>> cache = ThreadLocal.withInitial(IdentityHashMap::new);

    /** One thread's compiled simulation for one protocol, with where each target's values go. */
    private static final class Entry {
        Simulation sim;
        double vInit, tstop, stimStart, stimEnd;
        MechanismBlock[] block;
        int[][] instances;
        String[] parameter;
        int celsius = -1, vInitIndex = -1, tstopIndex = -1;
    }

    public CompiledRuns(ModelParameters model, List<ModelParameters.Target> targets) {
        this.model = model;
        this.targets = List.copyOf(targets);
        boolean ok = model.base().artificialCells.isEmpty();
        for (ModelParameters.Target t : targets) {
            if (t instanceof ModelParameters.Mechanism) continue;
            if (t instanceof ModelParameters.Run r && !r.setting().equals("dt")) continue;
            ok = false;
        }
        this.fast = ok && !Boolean.getBoolean("dendrite.fit.rebuild");
    }

    /** Whether evaluations re-use compiled simulations (else every evaluation rebuilds). */
    public boolean reusesCompiledModels() {
        return fast;
    }

    public ModelRun simulate(double[] values, Protocol protocol) {
        if (!fast || overlaps(protocol)) return ModelRun.simulate(model, targets, values, protocol);
        Map<Protocol, Entry> mine = cache.get();
        Entry e = mine.get(protocol);
        if (e == null) {
            e = compile(values, protocol);
            mine.put(protocol, e);
        }
        double vInit = e.vInit, tstop = e.tstop;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) throw new DendriteException("parameter value " + values[i] + " is not finite");
            if (e.block[i] != null) {
                for (int k : e.instances[i]) e.block[i].set(e.parameter[i], k, values[i]);
            } else if (i == e.celsius) {
                e.sim.state().celsius = values[i];
            } else if (i == e.vInitIndex) {
                vInit = values[i];
            } else if (i == e.tstopIndex) {
                tstop = values[i];
            }
        }
        Simulation sim = e.sim;
        try {
            sim.finitialize(vInit);
            sim.advanceTo(tstop, null);
        } catch (DendriteException ex) {
            return new ModelRun(new double[0], Map.of(), Map.of(), e.stimStart, e.stimEnd, ex.getMessage());
        }
        Traces tr = sim.traces();
        Map<String, double[]> traces = new LinkedHashMap<>();
        for (int c = 0; c < tr.probes().size(); c++) traces.put(tr.probes().get(c).name(), tr.column(c));
        Map<String, double[]> spikes = new LinkedHashMap<>();
        for (Map.Entry<String, SpikeSource> s : sim.spikeSources().entrySet()) spikes.put(s.getKey(), s.getValue().spikeTimes());
        return new ModelRun(tr.time(), traces, spikes, e.stimStart, e.stimEnd, null);
    }

    private boolean overlaps(Protocol p) {
        for (ModelParameters.Target t : targets) {
            if (t instanceof ModelParameters.Run r && p.settings().containsKey(r.setting())) return true;
        }
        return false;
    }

    private Entry compile(double[] values, Protocol protocol) {
        ModelSpec spec = ModelRun.specFor(model, targets, values, protocol);
        Entry e = new Entry();
        double[] w = Double.isNaN(protocol.stimStart()) || Double.isNaN(protocol.stimEnd())
                ? ModelRun.stimulusWindow(spec) : new double[] {protocol.stimStart(), protocol.stimEnd()};
        e.stimStart = w[0];
        e.stimEnd = w[1];
        e.vInit = spec.run.vInit;
        e.tstop = spec.run.tstop;
        e.sim = Simulation.compile(spec);
        int n = targets.size();
        e.block = new MechanismBlock[n];
        e.instances = new int[n][];
        e.parameter = new String[n];
        Topology topo = e.sim.topology();
        for (int i = 0; i < n; i++) {
            ModelParameters.Target t = targets.get(i);
            if (t instanceof ModelParameters.Mechanism m) {
                MechanismBlock block = null;
                for (MechanismBlock b : e.sim.mechanisms()) if (b.type().name().equals(m.mechanism())) block = b;
                if (block == null) throw new IllegalStateException("no compiled block for " + m.mechanism());
                List<Integer> inst = new ArrayList<>();
                for (int k = 0; k < block.count(); k++) {
                    int sec = topo.section(block.node(k));
                    for (int s : m.sections()) if (s == sec) inst.add(k);
                }
                e.block[i] = block;
                e.instances[i] = inst.stream().mapToInt(Integer::intValue).toArray();
                e.parameter[i] = m.parameter();
            } else if (t instanceof ModelParameters.Run r) {
                switch (r.setting()) {
                    case "celsius" -> e.celsius = i;
                    case "v_init" -> e.vInitIndex = i;
                    case "tstop" -> e.tstopIndex = i;
                    default -> throw new IllegalStateException(r.setting());
                }
            }
        }
        return e;
    }
}
