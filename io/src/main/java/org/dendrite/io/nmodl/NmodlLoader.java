package org.dendrite.io.nmodl;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.mechanism.MechanismType;

/** Placeholder until the NMODL compiler lands: refuses every .mod file with a clear message. */
public final class NmodlLoader {
    private NmodlLoader() {}

    public static List<MechanismType> load(List<Path> filesOrFolders, Consumer<String> notes) {
        throw new DendriteException(filesOrFolders.get(0) + ": loading .mod files is not available in this build");
    }
}
