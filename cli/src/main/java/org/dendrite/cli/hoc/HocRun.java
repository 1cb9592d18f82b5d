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
    private final RegistryCatalog catalog;

    public HocRun(MechanismLibrary registry, List<String> extraRecordings, PrintStream out) {
        bridge = new EngineBridge(registry, extraRecordings);
        catalog = new RegistryCatalog(registry);
        hoc = new HocInterpreter(catalog);
        hoc.setOut(out);
        hoc.setBridge(bridge);
        // nrn_load_dll(PATH): compile the .mod files there (NEURON would load their nrnivmodl library)
        hoc.setMechanismLoader(path -> loadMechanisms(List.of(path), note -> hoc.world().note(note)));
        // Import3d_SWC_read / Import3d_Neurolucida3 read files with the io readers (NEURON's Import3d rules)
        hoc.setMorphologyLoader((file, format) -> org.dendrite.io.morph.MorphologyFiles.read(file));
    }

    /**
     * Compiles and adds a user's .mod files or folders (NmodlLoader; an error names file and line): HOC can insert
     * them from now on, the next compile uses them, and a model converted from this run carries them.
     */
    public void loadMechanisms(List<Path> mod, java.util.function.Consumer<String> notes) {
        if (mod.isEmpty()) return;
        addMechanisms(org.dendrite.io.nmodl.NmodlLoader.load(mod, notes), mod, notes);
    }

    /** Adds mechanisms already compiled from the .mod files {@code mod} (see {@link #loadMechanisms}). */
    public void addMechanisms(List<org.dendrite.engine.mechanism.MechanismType> types, List<Path> mod,
                              java.util.function.Consumer<String> notes) {
        bridge.addLoaded(mod.toString(), types, mod, notes);
        for (org.dendrite.engine.mechanism.MechanismType t : types) catalog.add(t);
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
        return execute(files, tstopOverride, List.of());
    }

    /**
     * Executes the files in order, then the statements (as {@code nrniv FILE -c STATEMENT}); runs the model with
     * stdrun's {@code run()} if none of them did. A file that only builds a panel of buttons (a ModelDB
     * {@code mosinit.hoc}) and no cell is told apart: the error lists its buttons and how to press one.
     */
    public Simulation execute(List<Path> files, Double tstopOverride, List<String> statements) {
        for (Path f : files) hoc.loadFile(f);
        for (int i = 0; i < statements.size(); i++) hoc.execute(statements.get(i), "-c " + (i + 1));
        if (bridge.simulation() == null && hoc.world().sections().isEmpty() && !hoc.buttons().isEmpty()) {
            StringBuilder b = new StringBuilder(files.get(files.size() - 1) + " built no cell and ran no simulation; "
                    + "it defines panel buttons (there is no display to press them on):");
            hoc.buttons().forEach((label, cmd) -> b.append("\n  ").append(label).append(": ").append(cmd));
            b.append("\npress one with -c, e.g. -c '").append(hoc.buttons().values().iterator().next()).append("'");
            throw new org.dendrite.engine.DendriteException(b.toString());
        }
        if (bridge.simulation() == null || tstopOverride != null) {
            if (tstopOverride != null) hoc.execute("tstop = " + tstopOverride, "--tstop");
            hoc.execute("run()", "dendrite run");
        }
        return bridge.simulation();
    }

    /**
     * The recorded Vectors as columns named after the variable holding them (else after what they record),
     * with their time base first: the table of the first recording (traces.csv), see {@link #tables()}.
     */
    public List<ColumnsCsv.Column> columns() {
        return tables().get(0);
    }

    /**
     * One table per time base: the recordings that sampled at the same times share a table whose first column
     * is that time ({@code t [ms]}); a recording at every step, one with {@code vec.record(&x, 0.1)} (every 0.1
     * ms) and one with {@code vec.record(&x, tvec)} each get their own table when their times differ. The table
     * of the first recording comes first; the --record traces (every step) join the per-step table. Never an
     * empty cell: every column of a table has one value per time.
     */
    public List<List<ColumnsCsv.Column>> tables() {
        List<double[]> bases = new ArrayList<>();
        List<List<ColumnsCsv.Column>> tables = new ArrayList<>();
        Simulation sim = bridge.simulation();
        List<RecordRequest> recs = bridge.recordRequests();
        for (int i = 0; i < recs.size(); i++) {
            RecordRequest r = recs.get(i);
            HocVector v = r.vector();
            String name = variableHolding(v);
            if (name == null) name = r.source().describe();
            tableFor(bridge.sampleTimes(i), bases, tables).add(new ColumnsCsv.Column(name, unitOf(sim, r), v.toArray()));
        }
        List<double[]> extra = bridge.extraTraces();
        if (!extra.isEmpty() || tables.isEmpty()) {
            List<ColumnsCsv.Column> step = tableFor(bridge.times(), bases, tables);
            for (int i = 0; i < extra.size(); i++) {
                Probe p = bridge.extraProbes().get(i);
                step.add(new ColumnsCsv.Column(p.name(), p.unit(), extra.get(i)));
            }
        }
        return tables;
    }

    private static List<ColumnsCsv.Column> tableFor(double[] times, List<double[]> bases, List<List<ColumnsCsv.Column>> tables) {
        for (int k = 0; k < bases.size(); k++) if (java.util.Arrays.equals(bases.get(k), times)) return tables.get(k);
        bases.add(times);
        List<ColumnsCsv.Column> t = new ArrayList<>();
        t.add(new ColumnsCsv.Column("t", "ms", times));
        tables.add(t);
        return t;
    }

    /** File of table k (0: {@code file} itself; then {@code traces_2.csv}, {@code traces_3.csv}, ... beside it). */
    public static Path tableFile(Path file, int k) {
        if (k == 0) return file;
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name, ext = dot > 0 ? name.substring(dot) : "";
        return file.resolveSibling(stem + "_" + (k + 1) + ext);
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

    /** Writes every table ({@link #tables()}): the first to {@code file}, the others beside it; returns the files. */
    public List<Path> writeCsv(Path file) throws IOException {
        List<Path> written = new ArrayList<>();
        List<List<ColumnsCsv.Column>> tables = tables();
        for (int k = 0; k < tables.size(); k++) {
            Path f = tableFile(file, k);
            ColumnsCsv.write(tables.get(k), f);
            written.add(f);
        }
        return written;
    }

    /** Notes of the run (GUI calls ignored, cvode runs fixed step, ...), each once. */
    public List<String> notes() {
        return hoc.world().notes();
    }
}
