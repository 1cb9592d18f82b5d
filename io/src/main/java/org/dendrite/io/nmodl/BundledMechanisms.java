package org.dendrite.io.nmodl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.mechanism.MechanismBundles;
import org.dendrite.engine.mechanism.MechanismType;

/**
 * dendrite's own NMODL files of its channel libraries (resources {@code mechanisms/<bundle>/}, listed in that
 * folder's {@code index.txt}), compiled by the NMODL loader and offered to the engine as the bundles
 * {@code <bundle>-nmodl} ({@code hay-nmodl}, {@code allen-nmodl}): {@code "mechanism_library": "hay-nmodl"}.
 * Registered for {@link java.util.ServiceLoader} in META-INF/services.
 */
public final class BundledMechanisms implements MechanismBundles {
    private static final List<String> BUNDLES = List.of("hay", "allen");
    private static final String SUFFIX = "-nmodl";

    @Override
    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        for (String b : BUNDLES) if (index(b) != null) out.add(b + SUFFIX);
        return out;
    }

    @Override
    public List<MechanismType> load(String name) {
        String bundle = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        List<String> files = index(bundle);
        if (files == null) throw new DendriteException("no bundled NMODL library '" + name + "'");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dendrite-" + bundle + "-mod-");
            for (String f : files) {
                try (InputStream in = resource("mechanisms/" + bundle + "/" + f)) {
                    if (in == null) throw new DendriteException("bundled NMODL file mechanisms/" + bundle + "/" + f + " is missing from the build");
                    Files.copy(in, dir.resolve(f));
                }
            }
            List<MechanismType> types = new ArrayList<>();
            for (MechanismType t : NmodlLoader.load(List.of(dir), note -> {})) types.add(t.from(name));
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    /** The .mod and .inc file names of a bundle, or null when the build has no such bundle. */
    private static List<String> index(String bundle) {
        try (InputStream in = resource("mechanisms/" + bundle + "/index.txt")) {
            if (in == null) return null;
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) out.add(l);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return BundledMechanisms.class.getClassLoader().getResourceAsStream(name);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
