package org.dendrite.io.nmodl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.dendrite.engine.DendriteException;

/**
 * Compiles generated mechanism sources in memory with the JDK's compiler and keeps the class files in an
 * on-disk cache keyed by the class name (which holds the hash of its source): a second run defines the
 * classes from the cache without compiling. Cache writes go to a temporary file moved into place atomically,
 * so concurrent processes never see a half-written class.
 */
final class JavaClassCompiler {
    private JavaClassCompiler() {}

    /** Cache folder: system property {@code dendrite.nmodl.cache}, else $XDG_CACHE_HOME/dendrite/nmodl, else ~/.cache/dendrite/nmodl. */
    static Path cacheDir() {
        String p = System.getProperty("dendrite.nmodl.cache");
        if (p != null && !p.isBlank()) return Path.of(p);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "dendrite", "nmodl");
        return Path.of(System.getProperty("user.home"), ".cache", "dendrite", "nmodl");
    }

    /** How many classes the last {@link #load} call compiled (0 = all from the cache). */
    static volatile int lastCompiled;

    /** Class bytes for every (binary name → source), from the cache or compiled now. */
    static Map<String, byte[]> load(Map<String, String> sources) {
        Path dir = cacheDir();
        Map<String, byte[]> out = new LinkedHashMap<>();
        Map<String, String> todo = new LinkedHashMap<>();
        for (var e : sources.entrySet()) {
            Path f = dir.resolve(e.getKey() + ".class");
            byte[] b = null;
            if (Files.isRegularFile(f)) {
                try {
                    b = Files.readAllBytes(f);
                } catch (IOException ignored) {
                    b = null;
                }
            }
            if (b != null && b.length > 8) out.put(e.getKey(), b);
            else todo.put(e.getKey(), e.getValue());
        }
        lastCompiled = todo.size();
        if (todo.isEmpty()) return out;
        Map<String, byte[]> compiled = compile(todo);
        out.putAll(compiled);
        try {
            Files.createDirectories(dir);
            for (var e : compiled.entrySet()) {
                Path tmp = Files.createTempFile(dir, e.getKey(), ".tmp");
                Files.write(tmp, e.getValue());
                Path target = dir.resolve(e.getKey() + ".class");
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | SecurityException ignored) {
            // a read-only or missing cache only costs the next run a compilation
        }
        return out;
    }

    private static Map<String, byte[]> compile(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new DendriteException("loading .mod files needs the JDK's compiler (javax.tools), but this Java runtime "
                    + System.getProperty("java.home") + " has none: run dendrite with a JDK 17+, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diags, null, null);
        Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
        JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        classes.put(className, b);
                        return b;
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        for (var e : sources.entrySet()) {
            String src = e.getValue();
            units.add(new SimpleJavaFileObject(URI.create("mem:///" + e.getKey().replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return src;
                }
            });
        }
        List<String> options = List.of("-classpath", classPath(), "-g:none", "-nowarn", "-proc:none",
                "--release", "17");
        Boolean ok = javac.getTask(null, fm, diags, options, null, units).call();
        if (!Boolean.TRUE.equals(ok)) {
            StringBuilder sb = new StringBuilder("internal error: generated Java did not compile:");
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    sb.append("\n  ").append(d.getSource() == null ? "" : d.getSource().getName()).append(':')
                            .append(d.getLineNumber()).append(": ").append(d.getMessage(null));
                }
            }
            throw new DendriteException(sb.toString());
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (var e : classes.entrySet()) out.put(e.getKey().replace('/', '.'), e.getValue().toByteArray());
        return out;
    }

    private static String classPath() {
        Set<String> parts = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {org.dendrite.engine.mechanism.MechanismBlock.class, JavaClassCompiler.class}) {
            try {
                var src = c.getProtectionDomain().getCodeSource();
                if (src != null) parts.add(Path.of(src.getLocation().toURI()).toString());
            } catch (Exception ignored) {
                // fall back to java.class.path
            }
        }
        String cp = System.getProperty("java.class.path");
        if (cp != null) for (String p : cp.split(java.io.File.pathSeparator)) if (!p.isBlank()) parts.add(p);
        return String.join(java.io.File.pathSeparator, parts);
    }

    /** Defines generated classes next to the engine's classes. */
    static final class Loader extends ClassLoader {
        private final Map<String, byte[]> bytes;

        Loader(Map<String, byte[]> bytes) {
            super(org.dendrite.engine.mechanism.MechanismBlock.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = bytes.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }
}
