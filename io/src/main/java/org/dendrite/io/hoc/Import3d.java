package org.dendrite.io.hoc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;

/**
 * NEURON's Import3d classes as HOC sees them: a reader ({@code Import3d_SWC_read}, {@code Import3d_Neurolucida3})
 * whose {@code input(file)} reads a morphology through the {@link MorphologyLoader}, and {@code Import3d_GUI}
 * whose {@code instantiate(obj)} creates the sections: arrays named by type ({@code soma[i]}, {@code axon[i]},
 * {@code dend[i]}, {@code apic[i]}, {@code dend_5[i]}, ...) in the object (or at top level for nil), with their
 * 3-D points and connections, and appended to the object's SectionLists {@code all}, {@code somatic},
 * {@code axonal}, {@code basal}, {@code apical} when it has them.
 */
final class Import3d {
    private Import3d() {}

    /** A reader object. */
    static final class Reader extends BuiltinObject {
        private final String format;
        double quiet;
        Morphology morphology;

        Reader(String className, int index, String format) {
            super(className, index);
            this.format = format;
        }

        @Override
        Object call(HocInterpreter in, String m, List<Object> args, Ast.Node at) {
            if (m.equals("input")) {
                String name = str(args, 0, at, m);
                MorphologyLoader loader = in.morphologyLoader();
                if (loader == null) {
                    throw at.error(className() + ".input: no morphology reader is attached to the HOC interpreter");
                }
                // relative names: the including file's directory first, then the working directory
                Path p = in.currentDirectory().resolve(name).normalize();
                if (!Files.isRegularFile(p)) p = in.workingDirectory().resolve(name).normalize();
                if (!Files.isRegularFile(p)) throw at.error(className() + ".input: cannot find '" + name + "'");
                try {
                    morphology = loader.load(p, format);
                } catch (HocException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw at.error(className() + ".input(\"" + name + "\"): " + e.getMessage());
                }
                return 1.0;
            }
            return super.call(in, m, args, at);
        }

        @Override
        Object get(HocInterpreter in, String name, int[] index, Ast.Node at) {
            if (name.equals("quiet")) return quiet;
            return super.get(in, name, index, at);
        }

        @Override
        void set(HocInterpreter in, String name, int[] index, Object value, Ast.Node at) {
            if (name.equals("quiet")) quiet = HocInterpreter.num(value, at);
            else super.set(in, name, index, value, at);
        }
    }

    /** Import3d_GUI(reader, show): only instantiate() does something. */
    static final class Gui extends BuiltinObject {
        private final Reader reader;

        Gui(int index, Reader reader) {
            super("Import3d_GUI", index);
            this.reader = reader;
        }

        @Override
        Object call(HocInterpreter in, String m, List<Object> args, Ast.Node at) {
            if (m.equals("instantiate")) {
                HocObject target = obj(args, 0, at, m);
                if (target != null && !(target instanceof TemplateObject)) {
                    throw at.error("Import3d_GUI.instantiate needs a template object or nil");
                }
                if (reader.morphology == null) throw at.error("Import3d_GUI.instantiate: the reader has no input() yet");
                instantiate(in, reader.morphology, (TemplateObject) target, at);
                return 0.0;
            }
            return 0.0; // other GUI methods are ignored
        }
    }

    static void instantiate(HocInterpreter in, Morphology m, TemplateObject owner, Ast.Node at) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] slot = new int[m.size()];
        for (int i = 0; i < m.size(); i++) {
            String base = m.section(i).type().neuronName();
            int k = counts.getOrDefault(base, 0);
            slot[i] = k;
            counts.put(base, k + 1);
        }
        Map<String, HocSection[]> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            arrays.put(e.getKey(), in.createSectionArray(owner, e.getKey(), e.getValue(), at));
        }
        List<HocSection> made = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            Section s = m.section(i);
            HocSection h = arrays.get(s.type().neuronName())[slot[i]];
            if (s.hasPoints()) {
                for (int k = 0; k < s.pointCount(); k++) h.cable.pt3dadd(s.x(k), s.y(k), s.z(k), s.diam(k));
            } else {
                h.cable.setLength(s.stylizedLength());
                h.cable.setDiam(-1, s.stylizedDiam());
            }
            made.add(h);
        }
        for (int i = 0; i < m.size(); i++) {
            Section s = m.section(i);
            if (s.parent() >= 0) in.connectSections(made.get(i), made.get(s.parent()), s.parentX());
        }
        if (owner != null) {
            for (int i = 0; i < m.size(); i++) {
                HocSection h = made.get(i);
                appendTo(owner, "all", h);
                appendTo(owner, m.section(i).type().groupName(), h);
            }
        }
        in.world().changed();
    }

    private static void appendTo(TemplateObject owner, String list, HocSection s) {
        Symbol sym = owner.fields.get(list);
        if (sym != null && sym.kind == Symbol.Kind.OBJREF && sym.objs[0] instanceof HocSectionList) {
            ((HocSectionList) sym.objs[0]).sections.add(s);
        }
    }
}
