package org.dendrite.io.nmodl;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.mechanism.MechanismBlock;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.CellState;

/**
 * Loads NEURON .mod files at run time: parse, check, generate Java, compile in memory (or take the classes from
 * the on-disk cache), and return one {@link MechanismType} per file in registration order (a folder: its .mod
 * files in C-locale order of their names, as nrnivmodl). Errors are {@link NmodlException}s naming file:line.
 */
public final class NmodlLoader {
    private NmodlLoader() {}

    /** Bump when the generated code changes meaning: old cache entries are then never used. */
    static final String GENERATOR_VERSION = "nmodl-gen-2";

    /** Loads .mod files and folders of .mod files; notes (nocmodl-style warnings) are dropped. */
    public static List<MechanismType> load(List<Path> filesOrFolders) {
        return load(filesOrFolders, n -> { });
    }

    /** Loads .mod files and folders; {@code notes} receives nocmodl-style warnings. */
    public static List<MechanismType> load(List<Path> filesOrFolders, Consumer<String> notes) {
        List<Mechanism> mechs = new ArrayList<>();
        for (Path f : modFiles(filesOrFolders)) {
            Ast.ModFile mod = Parser.parse(f);
            Mechanism m = new Mechanism(mod);
            m.notes.forEach(notes);
            mod.notes.forEach(notes);
            if (!mod.unsupported.isEmpty()) {
                String first = mod.unsupported.get(0);
                throw new DendriteException(first + " is not supported");
            }
            mechs.add(m);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Mechanism m : mechs) {
            String probe = new CodeGen(m, "M_X").generate();
            String hash = sha(GENERATOR_VERSION + "\n" + probe).substring(0, 20);
            String cls = "M_" + m.name.replaceAll("[^A-Za-z0-9_]", "_") + "_" + hash;
            String src = probe.replace("public final class M_X ", "public final class " + cls + " ")
                    .replace("  public M_X(", "  public " + cls + "(");
            sources.put(CodeGen.PACKAGE + "." + cls, src);
            String dump = System.getProperty("dendrite.nmodl.dump");
            if (dump != null) {
                try {
                    Files.createDirectories(Path.of(dump));
                    Files.writeString(Path.of(dump, cls + ".java"), src);
                } catch (IOException e) {
                    notes.accept("cannot write generated source to " + dump + ": " + e.getMessage());
                }
            }
            names.add(CodeGen.PACKAGE + "." + cls);
        }
        Map<String, byte[]> bytes = JavaClassCompiler.load(sources);
        JavaClassCompiler.Loader loader = new JavaClassCompiler.Loader(bytes);
        List<MechanismType> out = new ArrayList<>();
        for (int i = 0; i < mechs.size(); i++) {
            Mechanism m = mechs.get(i);
            Constructor<?> ctor;
            try {
                ctor = loader.loadClass(names.get(i)).getConstructor(MechanismType.class, int[].class, CellState.class);
            } catch (ReflectiveOperationException e) {
                throw new DendriteException("internal error: generated class for " + m.name + ": " + e);
            }
            Constructor<?> c = ctor;
            MechanismType.Factory factory = (type, nodes, state) -> {
                try {
                    return (MechanismBlock) c.newInstance(type, nodes, state);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new DendriteException(m.name + ": " + e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new DendriteException("internal error: " + m.name + ": " + e);
                }
            };
            MechanismType t = new MechanismType(m.name, m.kind, List.copyOf(m.variables), List.copyOf(m.ions), factory,
                    m.mod.path);
            out.add(m.mod.netReceive != null ? t.receivingEvents() : t);
        }
        return out;
    }

    /**
     * What {@code dendrite mod check} prints for one file: the mechanism, its kind, variables (with units and
     * roles), ions, notes, and the refusal ({@code FILE:LINE[:COL]: ...}) when it cannot be loaded, else null.
     */
    public record Report(Path file, String name, org.dendrite.engine.mechanism.MechanismKind kind,
                         List<org.dendrite.engine.mechanism.Variable> variables,
                         List<org.dendrite.engine.mechanism.IonUse> ions, List<String> notes, String refusal) {}

    /** Parses and checks every file (code is generated but not compiled): one report per file, in load order. */
    public static List<Report> check(List<Path> filesOrFolders) {
        List<Report> out = new ArrayList<>();
        for (Path f : modFiles(filesOrFolders)) {
            Mechanism m = null;
            String refusal = null;
            List<String> notes = new ArrayList<>();
            try {
                Ast.ModFile mod = Parser.parse(f);
                m = new Mechanism(mod);
                notes.addAll(m.notes);
                if (!mod.unsupported.isEmpty()) refusal = mod.unsupported.get(0) + " is not supported";
                else new CodeGen(m, "M_check").generate();
            } catch (DendriteException e) {
                refusal = e.getMessage();
            }
            out.add(m == null ? new Report(f, null, null, List.of(), List.of(), notes, refusal)
                    : new Report(f, m.name, m.kind, List.copyOf(m.variables), List.copyOf(m.ions), notes, refusal));
        }
        return out;
    }

    /** Files in load order: a folder gives its *.mod files sorted by name in C-locale (byte) order. */
    public static List<Path> modFiles(List<Path> filesOrFolders) {
        List<Path> out = new ArrayList<>();
        for (Path p0 : filesOrFolders) {
            Path p = neuronTree(p0);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".mod") && Files.isRegularFile(f))
                            .sorted((a, b) -> compareBytes(a.getFileName().toString(), b.getFileName().toString()))
                            .forEach(out::add);
                } catch (IOException e) {
                    throw new DendriteException(p + ": cannot list the folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new DendriteException(p + ": no such .mod file or folder");
            }
        }
        return out;
    }

    /**
     * A NEURON user's build product ({@code .../x86_64/.libs/libnrnmech.so}, {@code .../x86_64/.libs},
     * {@code .../x86_64}) stands for the folder of .mod files that holds {@code x86_64}.
     */
    static Path neuronTree(Path p) {
        Path a = p.toAbsolutePath().normalize();
        for (Path q = a; q != null; q = q.getParent()) {
            Path name = q.getFileName();
            if (name != null && (name.toString().equals("x86_64") || name.toString().equals("aarch64")
                    || name.toString().equals("arm64")) && (q.equals(a) || a.startsWith(q.resolve(".libs")))) {
                return q.getParent();
            }
        }
        return p;
    }

    private static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8), y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
