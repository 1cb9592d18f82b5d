package org.dendrite.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.dendrite.cli.hoc.HocRun;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.io.hoc.RecordRequest;
import org.dendrite.io.model.ModelWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite convert}: a HOC-built cell to dendrite's JSON model format. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert HOC model files to one dendrite JSON model file.",
                "The HOC files are executed in order (as nrniv would, without running a simulation unless they do);",
                "the cell they build (sections, 3-D points, nseg, Ra, cm, mechanisms with their values per segment,",
                "ions, point processes, NetStims, NetCons, Vector.record recordings, tstop/dt/celsius/v_init)",
                "is written as JSON; `dendrite run OUT.json` then gives the same traces as `dendrite run IN.hoc`.",
                "",
                "The model's own .mod files (--mod, or nrn_load_dll in the HOC) are named in the JSON's \"mod\" key.",
                "",
                "Example:  dendrite convert cell.hoc biophys.hoc protocol.hoc --mod mechanisms/ --out cell.json"})
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE.hoc", description = "HOC files, executed in order")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "OUT.json", required = true, description = "model file to write")
    Path out;

    @picocli.CommandLine.Mixin
    ModOptions mods = new ModOptions();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        HocRun.checkFiles(files);
        HocRun run = new HocRun(MechanismLibrary.standard(), List.of(), new PrintStream(OutputStream.nullOutputStream()));
        run.loadMechanisms(mods.mod, ModelInputs::note);
        for (Path f : files) run.interpreter().loadFile(f);
        ModelSpec m = run.bridge().specOf(run.interpreter().world());
        m.name = files.get(files.size() - 1).getFileName().toString().replaceFirst("\\.hoc$", "");
        m.description = "converted from " + files + " by dendrite convert";
        // recordings are named after the HOC variables that hold their Vectors
        List<RecordRequest> recs = run.interpreter().world().recordings();
        List<ModelSpec.ProbeSpec> renamed = new ArrayList<>();
        int r = 0;
        for (ModelSpec.ProbeSpec p : m.probes) {
            while (r < recs.size() && recs.get(r).source().kind() == org.dendrite.io.hoc.HocPointer.Kind.TIME) r++;
            String name = r < recs.size() ? run.variableHolding(recs.get(r).vector()) : null;
            renamed.add(new ModelSpec.ProbeSpec(name != null ? name : p.name().replaceFirst("^hoc:", ""), p.location(),
                    p.pointName(), p.variable()));
            r++;
        }
        m.probes.clear();
        m.probes.addAll(renamed);
        ModelWriter.write(m, out);
        PrintWriter noteOut = spec.commandLine().getErr();
        for (String note : run.notes()) noteOut.println("dendrite: note: " + note);
        noteOut.flush();
        spec.commandLine().getOut().printf("wrote %s: %d sections, %d mechanism insertions, %d point processes, %d recordings%n",
                out, m.morphology().size(), m.insertions.size(), m.points.size(), m.probes.size());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
