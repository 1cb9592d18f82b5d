package org.dendrite.cli.hoc;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.record.Probe;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.hoc.HocInterpreter;
import org.dendrite.io.hoc.HocVector;
import org.dendrite.io.hoc.RecordRequest;
import org.dendrite.io.output.ColumnsCsv;

/**
 * Runs HOC files as NEURON would ({@code nrniv a.hoc b.hoc}), in the engine. If the files never start a
 * simulation themselves, stdrun's {@code run()} is called with the files' {@code tstop}.
 */
public final class HocRun {
    private final HocInterpreter hoc;
    private final EngineBridge bridge;

    public HocRun(MechanismLibrary registry, List<String> extraRecordings, PrintStream out) {
        bridge = new EngineBridge(registry, extraRecordings);
        hoc = new HocInterpreter(new RegistryCatalog(registry));
        hoc.setOut(out);
        hoc.setBridge(bridge);
        // Import3d_SWC_read / Import3d_Neurolucida3 read files with the io readers (NEURON's Import3d rules)
        hoc.setMorphologyLoader((file, format) -> org.dendrite.io.morph.MorphologyFiles.read(file));
    }

    /** Every file must be an existing .hoc file; a user error names the first that is not. */
    public static void checkFiles(List<Path> files) {
        for (Path f : files) {
            if (!f.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".hoc")) {
                throw new org.dendrite.engine.DendriteException(f + ": expected a .hoc file (HOC runs take only .hoc files)");
            }
            if (!java.nio.file.Files.isRegularFile(f)) throw new org.dendrite.engine.DendriteException(f + ": file not found");
        }
    }

    public HocInterpreter interpreter() {
        return hoc;
    }

    public EngineBridge bridge() {
        return bridge;
    }

    /** Executes the files in order; runs the model if none of them did. */
    public Simulation execute(List<Path> files, Double tstopOverride) {
        for (Path f : files) hoc.loadFile(f);
        if (bridge.simulation() == null || tstopOverride != null) {
            if (tstopOverride != null) hoc.execute("tstop = " + tstopOverride, "--tstop");
            hoc.execute("run()", "dendrite run");
        }
        return bridge.simulation();
    }

    /**
     * The recorded Vectors as columns named after the variable holding them (else after what they record),
     * with t first and the --record traces last.
     */
    public List<ColumnsCsv.Column> columns() {
        List<ColumnsCsv.Column> cols = new ArrayList<>();
        cols.add(new ColumnsCsv.Column("t", "ms", bridge.times()));
        Simulation sim = bridge.simulation();
        List<RecordRequest> recs = hoc.world().recordings();
        for (RecordRequest r : recs) {
            HocVector v = r.vector();
            String name = variableHolding(v);
            if (name == null) name = r.source().describe();
            cols.add(new ColumnsCsv.Column(name, unitOf(sim, r), v.toArray()));
        }
        List<double[]> extra = bridge.extraTraces();
        for (int i = 0; i < extra.size(); i++) {
            Probe p = bridge.extraProbes().get(i);
            cols.add(new ColumnsCsv.Column(p.name(), p.unit(), extra.get(i)));
        }
        return cols;
    }

    /** The top-level HOC variable holding the Vector ({@code vsoma}, {@code rec[2]}), or null. */
    public String variableHolding(HocVector v) {
        for (Map.Entry<String, HocVector> e : hoc.vectorVariables().entrySet()) if (e.getValue() == v) return e.getKey();
        return null;
    }

    private static String unitOf(Simulation sim, RecordRequest r) {
        String described = "hoc:" + r.source().describe();
        for (Probe p : sim.traces().probes()) if (p.name().equals(described)) return p.unit();
        return r.source().variable().equals("t") ? "ms" : "1";
    }

    /** Spike times of every NetCon (named NetCon[i] in creation order). */
    public Map<String, double[]> spikes() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, SpikeSource> e : bridge.simulation().spikeSources().entrySet()) {
            out.put(e.getKey(), e.getValue().spikeTimes());
        }
        return out;
    }

    public void writeCsv(Path file) throws IOException {
        ColumnsCsv.write(columns(), file);
    }
}
