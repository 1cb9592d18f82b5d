package org.dendrite.cli.mod;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.mechanism.IonUse;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.io.nmodl.NmodlLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dendrite mod check FILE|FOLDER...}: parse, list mechanisms, variables, ions, what is unsupported. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Parses .mod files (a folder: its *.mod files in C-locale name order, as nrnivmodl) and",
                "lists each mechanism: kind (density / POINT_PROCESS / ARTIFICIAL_CELL), variables with units and",
                "roles (PARAMETER, STATE, ASSIGNED, GLOBAL; names as NEURON shows them: gbar_kap, kap.n), ions read",
                "and written, nocmodl-style notes. A file that cannot run (real C in VERBATIM, an unsupported",
                "construct) is reported as FILE:LINE[:COL]: reason, and the exit code is 2.",
                "Example: dendrite mod check mechanisms/"})
public final class ModCheckCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", description = ".mod files or folders of .mod files")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<NmodlLoader.Report> reports = NmodlLoader.check(paths);
        int refused = 0;
        for (NmodlLoader.Report r : reports) {
            if (r.name() != null) {
                String kind = switch (r.kind()) {
                    case DENSITY -> "density mechanism (SUFFIX)";
                    case POINT_PROCESS -> "POINT_PROCESS";
                    case ARTIFICIAL_CELL -> "ARTIFICIAL_CELL";
                };
                out.printf("%s: %s, %s%n", r.file(), r.name(), kind);
                for (Variable v : r.variables()) {
                    String shown = v.role() == Variable.Role.GLOBAL ? v.name() + "_" + r.name() : r.name() + "." + v.name();
                    out.printf("  %-9s %-28s [%s]%s%n", v.role(), shown, v.unit(),
                            v.role() == Variable.Role.PARAMETER || v.role() == Variable.Role.GLOBAL
                                    ? " = " + v.defaultValue() : "");
                }
                for (IonUse u : r.ions()) {
                    StringBuilder sb = new StringBuilder("  ion " + u.ion() + ":");
                    if (u.readsReversal()) sb.append(" reads e").append(u.ion());
                    if (u.readsConcentration()) sb.append(" reads concentrations");
                    if (u.readsCurrent()) sb.append(" reads i").append(u.ion());
                    if (u.writesCurrent()) sb.append(" writes i").append(u.ion());
                    if (u.writesConcentration()) sb.append(" writes concentrations (e").append(u.ion())
                            .append(" by Nernst every step)");
                    if (u.valence() != 0) sb.append(" valence ").append(u.valence());
                    out.println(sb);
                }
            }
            for (String n : r.notes()) out.println("  note: " + n);
            if (r.refusal() != null) {
                refused++;
                out.println(r.refusal());
            }
        }
        out.printf("%d file(s), %d loadable, %d refused%n", reports.size(), reports.size() - refused, refused);
        out.flush();
        if (refused > 0) throw new DendriteException(refused + " of " + reports.size() + " .mod file(s) cannot be loaded (see above)");
        return 0;
    }
}
