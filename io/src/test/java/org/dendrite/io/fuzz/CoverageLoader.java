package org.dendrite.io.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.IExecutionDataAccessorGenerator;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A child-first class loader that defines the readers' classes itself, instrumented with JaCoCo probes whose
 * arrays come from {@link Probes#get}. Classes under {@code instrumented} prefixes are instrumented; the entry
 * adapters ({@code org.dendrite.io.fuzz.targets}) are defined here uninstrumented so that what they call resolves
 * to the instrumented copies; everything else (engine, JDK, libraries not listed, the fuzzer) comes from the
 * parent, so {@code DendriteException} is one class on both sides.
 */
final class CoverageLoader extends ClassLoader {
    static final String TARGETS = "org.dendrite.io.fuzz.targets.";
    private final List<String> instrumented;
    private final Instrumenter instrumenter = new Instrumenter(new IExecutionDataAccessorGenerator() {
        @Override
        public int generateDataAccessor(long classid, String classname, int probecount, MethodVisitor mv) {
            mv.visitLdcInsn(classid);
            mv.visitLdcInsn(classname);
            mv.visitLdcInsn(probecount);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "org/dendrite/io/fuzz/Probes", "get", "(JLjava/lang/String;I)[Z", false);
            return 4; // long (2 slots) + String + int
        }
    });

    CoverageLoader(ClassLoader parent, List<String> instrumented) {
        super(parent);
        this.instrumented = instrumented;
    }

    private boolean instrument(String name) {
        if (name.startsWith("org.dendrite.io.fuzz.")) return false;
        for (String p : instrumented) if (name.startsWith(p)) return true;
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        boolean mine = name.startsWith(TARGETS) || instrument(name);
        if (!mine) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes;
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) throw new ClassNotFoundException(name);
                    bytes = in.readAllBytes();
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
                if (instrument(name)) {
                    try {
                        bytes = instrumenter.instrument(bytes, name);
                    } catch (IOException e) {
                        // left uninstrumented: no coverage from this class, but it still runs
                    }
                }
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) resolveClass(c);
            return c;
        }
    }
}
