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
    final Map<String, Double> mechanismGlobals = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    private long sectionSerial;
    private long connectSerial;
    private long modelVersion;

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

    /** Increases whenever topology, geometry, nseg or the set of inserted mechanisms changes. */
    public long modelVersion() { return modelVersion; }

    void changed() { modelVersion++; }

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
            Section sec;
            if (s.n3d() > 1) {
                float[] x = new float[s.n3d], y = new float[s.n3d], z = new float[s.n3d], d = new float[s.n3d];
                System.arraycopy(s.px, 0, x, 0, s.n3d);
                System.arraycopy(s.py, 0, y, 0, s.n3d);
                System.arraycopy(s.pz, 0, z, 0, s.n3d);
                System.arraycopy(s.pd, 0, d, 0, s.n3d);
                sec = Section.withPoints(s.name(), type, parent, px, x, y, z, d);
            } else {
                sec = Section.stylized(s.name(), type, parent, px, s.L(), s.diam(0));
            }
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
