package org.dendrite.io.hoc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;

/**
 * The section world a HOC program builds: sections (with geometry, mechanisms and range values), point
 * processes, NetCons, recording requests and the simulation globals. The engine bridge reads it; it is a
 * model builder only and never used inside the time-step loop.
 */
public final class HocWorld {
    private final MechanismCatalog catalog;
    final List<HocSection> sections = new ArrayList<>();
    final List<PointProcess> pointProcesses = new ArrayList<>();
    final List<NetConnection> netCons = new ArrayList<>();
    final List<RecordRequest> recordings = new ArrayList<>();
    final List<PlayRequest> plays = new ArrayList<>();
    final List<PointerRequest> pointers = new ArrayList<>();
    final Map<String, Double> mechanismGlobals = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    private long sectionSerial;
    private long connectSerial;
    private long modelVersion;
    private long geometryVersion;

    double t = 0;
    double dt = 0.025;
    double celsius = 6.3;
    double secondorder = 0;
    double tstop = 5;
    double vInit = -65;
    boolean cvodeRequested;
    /** cvode.atol / cvode.rtol (NEURON's defaults 1e-3 and 0). */
    double cvodeAtol = 1e-3, cvodeRtol = 0;
    /** cvode.atolscale(name, scale) per state name ({@code cai}, {@code m_hh}, {@code ExpSyn.g}). */
    final java.util.Map<String, Double> cvodeAtolScale = new java.util.LinkedHashMap<>();

    HocWorld(MechanismCatalog catalog) {
        this.catalog = catalog;
    }

    public MechanismCatalog catalog() { return catalog; }

    /** Live sections in creation order. */
    public List<HocSection> sections() { return Collections.unmodifiableList(sections); }
    /** Every point process and artificial cell, in creation order. */
    public List<PointProcess> pointProcesses() { return Collections.unmodifiableList(pointProcesses); }
    public List<NetConnection> netCons() { return Collections.unmodifiableList(netCons); }
    public List<RecordRequest> recordings() { return Collections.unmodifiableList(recordings); }
    /** {@code Vector.play} requests (an engine that cannot apply them says so through the bridge). */
    public List<PlayRequest> plays() { return Collections.unmodifiableList(plays); }
    /** {@code setpointer pp.name, sec.var(x)}: POINTER {@code pointer} of {@code point} reads {@code target}. */
    public record PointerRequest(PointProcess point, String pointer, HocPointer target) {}

    /** Every {@code setpointer} in force (a later one for the same POINTER replaces the earlier). */
    public List<PointerRequest> pointers() { return Collections.unmodifiableList(pointers); }

    void setPointer(PointProcess point, String pointer, HocPointer target) {
        pointers.removeIf(p -> p.point() == point && p.pointer().equals(pointer));
        pointers.add(new PointerRequest(point, pointer, target));
        changed();
    }

    /** Values of mechanism globals set in HOC, e.g. {@code usetable_hh → 0}. */
    public Map<String, Double> mechanismGlobals() { return Collections.unmodifiableMap(mechanismGlobals); }
    /** Things the interpreter accepted but ignored or approximated (GUI objects, cvode). */
    public List<String> notes() { return Collections.unmodifiableList(notes); }

    public double t() { return t; }
    public void setTime(double t) { this.t = t; }
    public double dt() { return dt; }
    public double celsius() { return celsius; }
    public int secondorder() { return (int) secondorder; }
    public double tstop() { return tstop; }
    public double vInit() { return vInit; }
    /** Whether HOC asked for variable time step ({@code cvode.active(1)}); dendrite runs fixed step. */
    public boolean cvodeRequested() { return cvodeRequested; }
    /** cvode.atol(): absolute tolerance of the variable step (mV for v). */
    public double cvodeAtol() { return cvodeAtol; }
    /** cvode.rtol(): relative tolerance of the variable step. */
    public double cvodeRtol() { return cvodeRtol; }
    /** cvode.atolscale settings: state name to scale of atol. */
    public java.util.Map<String, Double> cvodeAtolScales() { return java.util.Collections.unmodifiableMap(cvodeAtolScale); }

    /** Increases whenever topology, nseg or the set of inserted mechanisms changes (the model must be compiled again). */
    public long modelVersion() { return modelVersion; }

    /**
     * Increases whenever L, diam, Ra, cm or 3-D points of a section change (nseg unchanged): a running
     * simulation recomputes areas and matrix coefficients from the sections' cables at its next step, as
     * NEURON does after {@code diam_changed}.
     */
    public long geometryVersion() { return geometryVersion; }

    void changed() { modelVersion++; }

    void geometryChanged() { geometryVersion++; }

    long nextSectionSerial() { return sectionSerial++; }

    long nextConnectSerial() { return ++connectSerial; }

    public void note(String message) {
        if (!notes.contains(message)) notes.add(message);
    }

    /** Children of a section in NEURON's order: by attachment position, most recently connected first on ties. */
    public List<HocSection> children(HocSection parent) {
        List<HocSection> c = new ArrayList<>();
        for (HocSection s : sections) if (s.parent == parent) c.add(s);
        c.sort((a, b) -> {
            int k = Double.compare(a.parentX, b.parentX);
            return k != 0 ? k : Long.compare(b.connectSerial, a.connectSerial);
        });
        return c;
    }

    /** The section and everything below it, breadth first in NEURON's child order (as SectionList.subtree). */
    public List<HocSection> subtree(HocSection root) {
        List<HocSection> out = new ArrayList<>();
        Deque<HocSection> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            HocSection s = todo.poll();
            out.add(s);
            todo.addAll(children(s));
        }
        return out;
    }

    /**
     * The sections as an engine {@link Morphology}: parents before children (roots in creation order, then
     * breadth first, siblings in connect order so that the Morphology's "later index = more recently
     * connected" rule reproduces NEURON's child order). Region types come from the section's base name
     * (soma, axon, dend, apic). Limitation: a stylized section becomes one cylinder with the diameter of its
     * first segment (per-segment diam is in {@link HocSection#diam(int)}), and sections attached by their
     * 1 end are rejected.
     */
    public Morphology toMorphology(String source) {
        Morphology.Builder b = Morphology.builder(source);
        Map<HocSection, Integer> index = new IdentityHashMap<>();
        Deque<HocSection> queue = new ArrayDeque<>();
        for (HocSection s : sections) if (s.parent == null) queue.add(s);
        Map<HocSection, List<HocSection>> kids = new HashMap<>();
        for (HocSection s : sections) {
            if (s.parent != null) kids.computeIfAbsent(s.parent, k -> new ArrayList<>()).add(s);
        }
        while (!queue.isEmpty()) {
            HocSection s = queue.poll();
            if (s.childEnd != 0) {
                throw new HocException("section " + s.name() + " is attached by its 1 end; not supported by the engine yet");
            }
            int parent = s.parent == null ? -1 : index.get(s.parent);
            double px = s.parent == null ? 0 : s.parentX;
            SectionType type = typeOf(s.name());
            Section sec = s.cable.toSection(type, parent, px);
            index.put(s, b.add(sec));
            List<HocSection> ch = new ArrayList<>(kids.getOrDefault(s, List.of()));
            ch.sort((p, q) -> Long.compare(p.connectSerial, q.connectSerial));
            queue.addAll(ch);
        }
        return b.build();
    }

    static SectionType typeOf(String name) {
        String base = name.substring(name.lastIndexOf('.') + 1);
        int br = base.indexOf('[');
        if (br >= 0) base = base.substring(0, br);
        switch (base) {
            case "soma": return SectionType.SOMA;
            case "axon": return SectionType.AXON;
            case "dend": return SectionType.BASAL;
            case "apic": case "apical": return SectionType.APICAL;
            default: return SectionType.UNDEFINED;
        }
    }
}
