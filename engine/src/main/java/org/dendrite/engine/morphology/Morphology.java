package org.dendrite.engine.morphology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable tree (or forest) of sections, in creation order. Creation order matters: NEURON orders the
 * children of a section by attachment position and, at equal positions, most recently connected first
 * (neuron-numerics §2.4), so the order of this list fixes node numbering.
 */
public final class Morphology {
    private final String source;
    private final List<Section> sections;
    private final Map<String, Integer> byName;
    private final List<String> notes;

    private Morphology(String source, List<Section> sections, List<String> notes) {
        this.source = source;
        this.sections = List.copyOf(sections);
        this.notes = List.copyOf(notes);
        this.byName = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (byName.put(s.name(), i) != null) {
                throw new IllegalArgumentException("two sections are named '" + s.name() + "'");
            }
            if (s.parent() >= i) {
                throw new IllegalArgumentException("section " + s.name() + " must come after its parent");
            }
        }
    }

    /** Where this morphology came from (file name or "inline"). */
    public String source() { return source; }
    public List<Section> sections() { return sections; }
    public int size() { return sections.size(); }
    public Section section(int i) { return sections.get(i); }
    /** Messages from the reader about what it changed or dropped (never errors). */
    public List<String> notes() { return notes; }

    /** Index of the named section, or -1. */
    public int indexOf(String name) {
        Integer i = byName.get(name);
        return i == null ? -1 : i;
    }

    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** Collects sections; each parent must be added before its children. */
    public static final class Builder {
        private final String source;
        private final List<Section> sections = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String source) {
            this.source = source;
        }

        /** Adds a section and returns its index. */
        public int add(Section s) {
            if (s.parent() >= sections.size()) {
                throw new IllegalArgumentException("section " + s.name() + ": parent index " + s.parent()
                        + " not yet added");
            }
            sections.add(s);
            return sections.size() - 1;
        }

        public Builder note(String message) {
            notes.add(message);
            return this;
        }

        public int size() {
            return sections.size();
        }

        public Section get(int i) {
            return sections.get(i);
        }

        public Morphology build() {
            return new Morphology(source, sections, notes);
        }
    }

    /** Children of every section in NEURON's child order (by attachment x, later-connected first on ties). */
    public List<List<Integer>> childrenInNeuronOrder() {
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) children.add(new ArrayList<>());
        for (int i = sections.size() - 1; i >= 0; i--) {
            int p = sections.get(i).parent();
            if (p >= 0) children.get(p).add(i);
        }
        for (List<Integer> c : children) {
            // stable sort keeps "most recently connected first" among equal positions
            c.sort((a, b) -> Double.compare(sections.get(a).parentX(), sections.get(b).parentX()));
        }
        return Collections.unmodifiableList(children);
    }
}
