package org.dendrite.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.io.nmodl.NmodlLoader;
import picocli.CommandLine.Option;

/** {@code --mod PATH}: the user's NMODL mechanisms, shared by run, sweep, fit and compare (a picocli mixin). */
public final class ModOptions {
    @Option(names = "--mod", paramLabel = "PATH",
            description = {"a .mod file or a folder of them (NEURON's NMODL, compiled when the model loads; "
                    + "repeatable). A folder's files register in C-locale file-name order, as nrnivmodl; "
                    + "a name that dendrite already has is replaced, with a note. Also accepted: the "
                    + "x86_64/.libs/libnrnmech.so of a NEURON build (its folder's .mod files are loaded)."})
    public List<Path> mod = new ArrayList<>();

    /** The mechanisms loaded from --mod, added to a model that was read without them (published models). */
    public void addTo(ModelSpec spec) {
        if (mod.isEmpty()) return;
        spec.addMechanisms(NmodlLoader.load(mod, ModelInputs::note), mod, ModelInputs::note);
    }
}
