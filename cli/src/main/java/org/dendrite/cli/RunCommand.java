package org.dendrite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dendrite.cli.plot.TracePlot;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.Recordings;
import org.dendrite.engine.mechanism.SpikeSource;
import org.dendrite.engine.record.Probe;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.io.output.AtomicFiles;
import org.dendrite.io.output.TracesCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite run}: simulate a model and write traces, a summary and a plot. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a model with NEURON's fixed-step method and write traces, a summary and a plot.",
                "  DIR/traces.csv    t [ms] and one column per recording (NAME [unit]), full precision; HOC",
                "                    Vectors with other time bases (vec.record(&v(0.5), 0.1), a tvec) go to",
                "                    traces_2.csv, traces_3.csv, ... each with its own t column",
                "  DIR/summary.json  compartments, steps, wall time, spike times per spike detector",
                "  DIR/traces.png    the traces, one panel per unit",
                "Without MODEL, runs the bundled default model: a reconstructed pyramidal neuron (c91662) with Hay",
                "channel kinetics whose somatic action potential back-propagates into the apical dendrite.",
                "Bundled models by name: pyramidal (the default), ball_and_stick.",
                "",
                "Examples:",
                "  dendrite run",
                "  dendrite run ball_and_stick --tstop 100",
                "  dendrite run models/validation/neuron/case03_hh_ball_stick_table.json --out out/case03",
                "  dendrite run model.json --tstop 200 --dt 0.01 --method cn --record 'dend(0.9).v'",
                "  dendrite run cell.hoc biophys.hoc protocol.hoc",
                "  dendrite run ../shared/data/models-bluepyopt-l5pc --protocol Step1",
                "  dendrite run --allen 468193142_fit.json --morphology cell.swc --protocol step"})
public final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "MODEL",
            description = "dendrite model file (.json), a folder holding model.json, or HOC files (.hoc) run in order"
                    + " as nrniv would; HOC Vectors that record become columns named after their variables")
    List<Path> models = new ArrayList<>();

    @picocli.CommandLine.Mixin
    org.dendrite.cli.ModOptions mods = new org.dendrite.cli.ModOptions();

    @Option(names = "--allen", paramLabel = "FIT.json",
            description = "an Allen Cell Types perisomatic fit (with --morphology CELL.swc), built as AllenSDK does")
    Path allenFit;

    @Option(names = "--morphology", paramLabel = "FILE", description = "morphology (.swc, .asc) for --allen")
    Path morphology;

    @Option(names = "--protocol", paramLabel = "NAME",
            description = "stimulus protocol of a published model: a protocols.json entry of a BluePyOpt folder"
                    + " (e.g. Step1), or 'step' for an Allen fit (AllenSDK's 0.35 nA, 1000-2000 ms step)")
    String protocol;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "set a model parameter, e.g. somatic.gnabar_hh=0.1, apical.gIhbar_Ih=2e-4, stim.amp=0.3,"
                    + " celsius=34 (names as in sweep/fit; repeatable)")
    Map<String, Double> set = new LinkedHashMap<>();

    @Option(names = "--override", paramLabel = "VALUES.json",
            description = "parameter values {\"name\": value} to apply, e.g. a fit's best_parameters.json, or a Python pickle (.pkl) of such a dict")
    Path override;

    @Option(names = "--tstop", paramLabel = "MS", description = "simulated time in ms (default: the model's)")
    Double tstop;

    @Option(names = "--dt", paramLabel = "MS", description = "time step in ms (default: the model's, else 0.025)")
    Double dt;

    @Option(names = "--method", paramLabel = "be|cn|cvode",
            description = {"be = backward Euler (first order, NEURON's default), cn = Crank-Nicolson (secondorder 2),",
                    "cvode = variable time step and order (BDF 1-5, as cvode.active(1)); records every dt x record-every ms"})
    String method;

    @Option(names = "--atol", paramLabel = "TOL",
            description = "cvode absolute tolerance (mV for v, the state's unit for states; default 1e-3 as NEURON)")
    Double atol;

    @Option(names = "--rtol", paramLabel = "TOL", description = "cvode relative tolerance (default 0 as NEURON)")
    Double rtol;

    @Option(names = "--record-steps", description = "with --method cvode: record at the end of every variable step "
            + "(traces.csv gets the steps' times, as NEURON's Vector.record under cvode) instead of every dt x record-every ms")
    boolean recordSteps;

    /** The variable-step integrator of the last run, for its statistics; null for fixed step. */
    private org.dendrite.engine.sim.VariableStep variableStep;

    @Option(names = "--celsius", paramLabel = "DEGC", description = "temperature in degC (default: the model's, else 6.3)")
    Double celsius;

    @Option(names = "--v-init", paramLabel = "MV", description = "initial membrane potential in mV")
    Double vInit;

    @Option(names = "--record", paramLabel = "VAR",
            description = "add a recording, e.g. 'soma(0.5).v', 'dend(0.3).hh.m', 'soma(0.5).ina', 'stim.i' (repeatable)")
    List<String> records = new ArrayList<>();

    @Option(names = {"-c", "--exec"}, paramLabel = "HOC",
            description = "HOC statement run after the .hoc files, as nrniv -c (repeatable); e.g. for a mosinit.hoc"
                    + " whose panel has buttons: -c 'restart(\"Step_current_firing\")'")
    List<String> exec = new ArrayList<>();

    @Option(names = "--record-every", paramLabel = "K", description = "record every K-th step (default: the model's, else 1)")
    Integer recordEvery;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})",
            defaultValue = "dendrite-out")
    Path out;

    @Option(names = "--no-plot", description = "do not write traces.png")
    boolean noPlot;

    @Option(names = {"-q", "--quiet"}, description = "print nothing but errors")
    boolean quiet;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!models.isEmpty() && models.get(0).toString().toLowerCase(Locale.ROOT).endsWith(".hoc")) return runHoc();
        if (models.size() > 1) throw new DendriteException("give one model file (several files only for HOC)");
        ModelSpec m = applyParameters(loadModel());
        applyOverrides(m);
        long t0 = System.nanoTime();
        Simulation sim = Simulation.compile(m);
        sim.finitialize(m.run.vInit);
        Progress progress = Progress.forSteps(quiet, "simulating " + m.name);
        try {
            if (m.run.cvode) variableStep = sim.runVariableStep(m.run.tstop, m.run.atol, m.run.rtol, m.run.recordSteps);
            else sim.advanceTo(m.run.tstop, progress);
        } finally {
            progress.close();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        writeOutputs(m, sim, wall);
        if (!quiet) printSummary(m, sim, wall);
        return 0;
    }

    /** --override then --set values, addressed as in sweep and fit. */
    private ModelSpec applyParameters(ModelSpec m) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        if (override != null) values.putAll(org.dendrite.cli.fit.ParamsFile.values(override));
        values.putAll(set);
        if (values.isEmpty()) return m;
        try {
            return new org.dendrite.engine.fit.ModelParameters(m).apply(values);
        } catch (IllegalArgumentException e) {
            throw new DendriteException(e.getMessage());
        }
    }

    /** A JSON model, a bundled model, a published-model folder (BluePyOpt, Allen), or --allen FIT --morphology. */
    private ModelSpec loadModel() throws IOException {
        if (allenFit != null) {
            if (!models.isEmpty()) throw new DendriteException("give either MODEL or --allen, not both");
            if (morphology == null) throw new DendriteException("--allen needs --morphology CELL.swc");
            ModelSpec m = org.dendrite.io.params.PublishedModels.load("allen", allenFit, morphology, null);
            if (protocol != null) org.dendrite.io.params.AllenModel.stepProtocol(m, 0.35, 1000, 1000, 3000);
            mods.addTo(m);
            return m;
        }
        Path model = models.isEmpty() ? null : models.get(0);
        if (model != null && java.nio.file.Files.isDirectory(model)
                && !java.nio.file.Files.isRegularFile(model.resolve("model.json"))
                && org.dendrite.io.params.PublishedModels.isPublishedModelFolder(model)) {
            ModelSpec m = org.dendrite.io.params.PublishedModels.loadFolder(model, protocol);
            mods.addTo(m);
            return m;
        }
        if (protocol != null) throw new DendriteException("--protocol applies to published-model folders and --allen");
        return ModelInputs.load(model, mods.mod);
    }

    private Integer runHoc() throws IOException {
        org.dendrite.cli.hoc.HocRun.checkFiles(models);
        if (tstop != null) checkTstop(tstop);
        long t0 = System.nanoTime();
        org.dendrite.cli.hoc.HocRun run = new org.dendrite.cli.hoc.HocRun(
                org.dendrite.engine.mechanism.MechanismLibrary.standard(), records,
                quiet ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream()) : System.out);
        run.loadMechanisms(mods.mod, ModelInputs::note);
        if (method != null) {
            // the command line chooses the method over the files': fixed step (backward Euler or Crank-Nicolson)
            // despite their cvode.active(1) and secondorder, or the variable step as cvode.active(1) before them
            String mm = method.toLowerCase(Locale.ROOT);
            switch (mm) {
                case "be", "cn" -> {
                    run.bridge().forceFixedStep(mm.equals("cn") ? 2 : 0);
                    run.interpreter().world().note("--method " + mm + ": fixed step, secondorder "
                            + (mm.equals("cn") ? 2 : 0) + ", whatever the files set (cvode.active, secondorder)");
                }
                case "cvode" -> run.interpreter().execute("cvode.active(1)", "--method cvode");
                default -> throw new DendriteException("--method must be be, cn or cvode, not '" + method + "'");
            }
        }
        Simulation sim = run.execute(models, tstop, exec);
        double wall = (System.nanoTime() - t0) / 1e9;
        List<Path> tables = run.writeCsv(out.resolve("traces.csv"));
        PrintWriter noteOut = spec.commandLine().getErr();
        for (String note : run.notes()) noteOut.println("dendrite: note: " + note);
        noteOut.flush();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", models.toString());
        summary.put("sections", sim.morphology().size());
        summary.put("compartments", sim.compartmentCount());
        summary.put("steps", sim.steps());
        summary.put("dt_ms", sim.state().dt);
        summary.put("tstop_ms", sim.state().t);
        summary.put("wall_time_s", wall);
        summary.put("spike_times_ms", run.spikes());
        var hv = run.bridge().variableStep();
        if (hv != null && run.interpreter().world().cvodeRequested()) {
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("atol", run.interpreter().world().cvodeAtol());
            cv.put("rtol", run.interpreter().world().cvodeRtol());
            cv.put("steps", hv.steps());
            cv.put("f_evaluations", hv.fEvaluations());
            cv.put("newton_iterations", hv.newtonIterations());
            cv.put("error_test_failures", hv.errorTestFailures());
            cv.put("newton_convergence_failures", hv.convergenceFailures());
            cv.put("restarts", hv.restarts());
            cv.put("events_delivered", hv.eventsDelivered());
            summary.put("cvode", cv);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(out.resolve("summary.json"), o -> json.writeValue(o, summary));
        var cols = run.columns();
        if (!noPlot && cols.size() > 1) {
            TracePlot plot = new TracePlot(models.get(models.size() - 1).getFileName().toString());
            for (var c : cols.subList(1, cols.size())) {
                if (c.values().length == cols.get(0).values().length) plot.add(c.name(), c.unit(), cols.get(0).values(), c.values());
            }
            if (!plot.isEmpty()) plot.writePng(out.resolve("traces.png"));
        }
        if (!quiet) {
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "%s: %d sections, %d compartments, %d steps, %.3f s wall%n", models,
                    sim.morphology().size(), sim.compartmentCount(), sim.steps(), wall);
            run.spikes().forEach((k, v) -> w.printf(Locale.ROOT, "spikes at %s: %d%n", k, v.length));
            w.printf("wrote %s (%d columns), %s%n", out.resolve("traces.csv"), cols.size(), out.resolve("summary.json"));
            if (tables.size() > 1) {
                w.printf("recordings with other time bases (each with its own t column): %s%n",
                        tables.subList(1, tables.size()));
            }
            w.flush();
        }
        return 0;
    }

    private static void checkTstop(double tstop) {
        if (!(tstop >= 0) || !Double.isFinite(tstop)) {
            throw new DendriteException("--tstop " + tstop + ": expected a finite time >= 0 ms"
                    + (tstop == Double.POSITIVE_INFINITY ? " (a number beyond 1.8e308 reads as Infinity)" : ""));
        }
    }

    private void applyOverrides(ModelSpec m) {
        if (tstop != null) {
            checkTstop(tstop);
            m.run.tstop = tstop;
        }
        if (dt != null) {
            if (!(dt > 0) || !Double.isFinite(dt)) throw new DendriteException("--dt " + dt + ": expected a finite step > 0 ms");
            m.run.dt = dt;
        }
        if (method != null) {
            m.run.secondorder = switch (method.toLowerCase(Locale.ROOT)) {
                case "be" -> 0;
                case "cn" -> 2;
                case "cvode" -> m.run.secondorder;
                default -> throw new DendriteException("--method must be be, cn or cvode, not '" + method + "'");
            };
            m.run.cvode = method.equalsIgnoreCase("cvode");
        }
        if (atol != null) {
            if (!(atol > 0) || !Double.isFinite(atol)) throw new DendriteException("--atol " + atol + ": expected a tolerance > 0");
            m.run.atol = atol;
        }
        if (rtol != null) {
            if (!(rtol >= 0) || !Double.isFinite(rtol)) throw new DendriteException("--rtol " + rtol + ": expected a tolerance >= 0");
            m.run.rtol = rtol;
        }
        if (recordSteps) {
            if (!m.run.cvode) throw new DendriteException("--record-steps records at every variable step: needs --method cvode");
            m.run.recordSteps = true;
        }
        if (celsius != null) m.run.celsius = celsius;
        if (vInit != null) m.run.vInit = vInit;
        if (recordEvery != null) {
            if (recordEvery < 1) throw new DendriteException("--record-every must be >= 1");
            m.run.recordEvery = recordEvery;
        }
        for (String r : records) {
            try {
                m.probes.add(Recordings.parse(m.morphology(), r));
            } catch (IllegalArgumentException e) {
                throw new DendriteException("--record " + e.getMessage());
            }
        }
        if (m.probes.isEmpty()) {
            m.probes.add(Recordings.parse(m.morphology(), m.morphology().section(0).name() + "(0.5).v"));
        }
    }

    private void writeOutputs(ModelSpec m, Simulation sim, double wall) throws IOException {
        Traces tr = sim.traces();
        TracesCsv.write(tr, out.resolve("traces.csv"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", m.name);
        summary.put("sections", m.morphology().size());
        summary.put("compartments", sim.compartmentCount());
        summary.put("nodes", sim.topology().nodeCount());
        summary.put("steps", sim.steps());
        summary.put("dt_ms", m.run.dt);
        summary.put("tstop_ms", m.run.tstop);
        summary.put("method", m.run.cvode ? "cvode" : m.run.secondorder == 0 ? "backward_euler" : "crank_nicolson");
        if (variableStep != null) {
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("atol", m.run.atol);
            cv.put("rtol", m.run.rtol);
            cv.put("steps", variableStep.steps());
            cv.put("f_evaluations", variableStep.fEvaluations());
            cv.put("newton_iterations", variableStep.newtonIterations());
            cv.put("error_test_failures", variableStep.errorTestFailures());
            cv.put("newton_convergence_failures", variableStep.convergenceFailures());
            cv.put("restarts", variableStep.restarts());
            cv.put("events_delivered", variableStep.eventsDelivered());
            cv.put("recorded", m.run.recordSteps ? "every step" : "every " + m.run.dt * m.run.recordEvery + " ms");
            summary.put("cvode", cv);
        }
        summary.put("celsius_degC", m.run.celsius);
        summary.put("v_init_mV", m.run.vInit);
        summary.put("wall_time_s", wall);
        summary.put("ns_per_compartment_step", wall * 1e9 / Math.max(1, (double) sim.compartmentCount() * sim.steps()));
        Map<String, Object> spikes = new LinkedHashMap<>();
        for (Map.Entry<String, SpikeSource> e : sim.spikeSources().entrySet()) spikes.put(e.getKey(), e.getValue().spikeTimes());
        summary.put("spike_times_ms", spikes);
        List<String> cols = new ArrayList<>();
        for (Probe p : tr.probes()) cols.add(p.header());
        summary.put("columns", cols);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(out.resolve("summary.json"), o -> json.writeValue(o, summary));
        if (!noPlot) {
            TracePlot plot = new TracePlot(m.name);
            double[] t = tr.time();
            for (int c = 0; c < tr.probes().size(); c++) {
                Probe p = tr.probes().get(c);
                plot.add(p.name(), p.unit(), t, tr.column(c));
            }
            plot.writePng(out.resolve("traces.png"));
        }
    }

    private void printSummary(ModelSpec m, Simulation sim, double wall) {
        PrintWriter w = spec.commandLine().getOut();
        if (m.run.cvode) {
            w.printf(Locale.ROOT, "%s: %d sections, %d compartments, %d variable steps (cvode, atol %s, rtol %s), %.3f s wall%n",
                    m.name, m.morphology().size(), sim.compartmentCount(), sim.steps(), m.run.atol, m.run.rtol, wall);
        } else {
            w.printf(Locale.ROOT, "%s: %d sections, %d compartments, %d steps of %s ms (%s), %.3f s wall%n", m.name,
                    m.morphology().size(), sim.compartmentCount(), sim.steps(), m.run.dt,
                    m.run.secondorder == 0 ? "backward Euler" : "Crank-Nicolson", wall);
        }
        for (Map.Entry<String, SpikeSource> e : sim.spikeSources().entrySet()) {
            double[] s = e.getValue().spikeTimes();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(s.length, 20); i++) sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", s[i]));
            if (s.length > 20) sb.append(", ...");
            w.printf(Locale.ROOT, "spikes at %s: %d%s%n", e.getKey(), s.length, s.length == 0 ? "" : " [" + sb + "] ms");
        }
        w.printf("wrote %s, %s%s%n", out.resolve("traces.csv"), out.resolve("summary.json"),
                noPlot ? "" : ", " + out.resolve("traces.png"));
        w.flush();
    }
}
