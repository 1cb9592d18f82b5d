package org.dendrite.engine.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;

/**
 * Addresses model parameters by name and applies values to a copy of a {@link ModelSpec}.
 *
 * <p>Names (checked once by {@link #resolve}, with errors that say what exists):
 * <ul>
 *   <li>run settings: {@code celsius}, {@code v_init}, {@code tstop}, {@code dt};</li>
 *   <li>{@code TARGET.Ra}, {@code TARGET.cm}: axial resistivity and capacitance of the sections of TARGET;</li>
 *   <li>{@code TARGET.PARAM_MECH} or {@code TARGET.MECH.PARAM}: a density-mechanism parameter (e.g.
 *       {@code somatic.gnabar_hh}, {@code apical.gIhbar_Ih}, {@code dend.pas.g}) set uniformly in every section of
 *       TARGET where MECH is inserted (an error when it is inserted in none);</li>
 *   <li>{@code TARGET.e<ion>} ({@code ena}, {@code ek}…): ion reversal potentials;</li>
 *   <li>{@code POINT.PARAM}: a point process or artificial cell parameter ({@code stim.amp}, {@code syn.tau});</li>
 *   <li>a global such as {@code usetable_hh}.</li>
 * </ul>
 * TARGET is {@code all}, a region group ({@code somatic}, {@code basal}, {@code apical}, {@code axonal}, or
 * {@code custom_N}), an Import3d array name ({@code soma}, {@code dend}, {@code apic}, {@code axon}: every section
 * {@code NAME[i]}) or one section's name. BluePyOpt's order {@code PARAM.TARGET} (e.g.
 * {@code gNaTs2_tbar_NaTs2_t.apical}) is accepted too.
 *
 * <p>Applying values never changes the base spec: {@link #apply} copies it (morphology shared, lists copied) and
 * appends uniform overrides, which the compiler applies after the model's own values (so a distribution defined by
 * the model is replaced in the addressed sections only).
 */
public final class ModelParameters {
    private final ModelSpec base;
    private final MechanismLibrary registry;

    public ModelParameters(ModelSpec base) {
        this(base, base.library());
    }

    public ModelParameters(ModelSpec base, MechanismLibrary registry) {
        this.base = base;
        this.registry = registry;
    }

    public ModelSpec base() {
        return base;
    }

    /** What a parameter name addresses. */
    public sealed interface Target permits Run, Passive, Mechanism, Ion, Point, Global {}

    /** A run setting: celsius, v_init, tstop or dt. */
    public record Run(String setting) implements Target {}

    /** Ra or cm in sections. */
    public record Passive(String property, int[] sections) implements Target {}

    /** A density-mechanism parameter in the sections (of the target) where the mechanism is inserted. */
    public record Mechanism(String mechanism, String parameter, int[] sections) implements Target {}

    /** An ion variable (ena, ek…) set in sections. */
    public record Ion(String variable, int[] sections) implements Target {}

    /** A point process or artificial cell parameter. */
    public record Point(String name, String parameter) implements Target {}

    /** A global: a mechanism GLOBAL such as ehcn_Ih or usetable_hh, or an ion's initial concentration (cai0_ca_ion). */
    public record Global(String name) implements Target {}

    /** Resolves a parameter name, or throws a {@link DendriteException} that says what the model offers. */
    public Target resolve(String name) {
        String n = name.trim();
        switch (n) {
            case "celsius", "v_init", "tstop", "dt" -> {
                return new Run(n);
            }
            default -> { }
        }
        if (n.matches("[a-z]+[io]0_[a-z]+_ion") || isDeclaredGlobal(n)) return new Global(n);
        int dot = n.indexOf('.');
        if (dot <= 0 || dot == n.length() - 1) {
            throw new DendriteException("parameter '" + name + "': expected TARGET.PARAM (e.g. somatic.gnabar_hh, "
                    + "all.cm, stim.amp) or one of celsius, v_init, tstop, dt" + hint());
        }
        String head = n.substring(0, dot), rest = n.substring(dot + 1);
        Point p = point(head, rest, name);
        if (p != null) return p;
        int[] sections = sections(head);
        if (sections == null) {
            // BluePyOpt order: PARAM.TARGET
            int last = n.lastIndexOf('.');
            int[] alt = sections(n.substring(last + 1));
            if (alt != null) return sectionParameter(n.substring(0, last), alt, name);
            throw new DendriteException("parameter '" + name + "': '" + head + "' is neither a section, a section "
                    + "group nor a point process" + hint());
        }
        return sectionParameter(rest, sections, name);
    }

    private Target sectionParameter(String param, int[] sections, String name) {
        if (param.equals("Ra") || param.equals("cm")) return new Passive(param, sections);
        if (param.matches("e(na|k|ca|[a-z]+)") && !isMechanismParameter(param, sections)) {
            return new Ion(param, sections);
        }
        String mech = null, plain = null;
        int dot = param.indexOf('.');
        if (dot > 0) {
            mech = param.substring(0, dot);
            plain = param.substring(dot + 1);
        } else {
            java.util.Collection<String> inserted = insertedIn(sections);
            org.dendrite.engine.mechanism.SuffixedName sn =
                    org.dendrite.engine.mechanism.SuffixedName.split(param, inserted::contains);
            if (sn != null) {
                mech = sn.mechanism();
                plain = sn.variable();
            }
        }
        if (mech == null) {
            throw new DendriteException("parameter '" + name + "': '" + param + "' names no mechanism inserted there"
                    + " (write PARAM_MECH, e.g. gnabar_hh; mechanisms inserted there: " + insertedIn(sections) + ")");
        }
        MechanismType type;
        try {
            type = registry.get(mech);
        } catch (IllegalArgumentException e) {
            throw new DendriteException("parameter '" + name + "': " + e.getMessage());
        }
        final String plainName = plain;
        Variable v = type.variable(plain).orElseThrow(() -> new DendriteException("parameter '" + name + "': "
                + type.name() + " has no parameter '" + plainName + "' (parameters: " + parameterNames(type) + ")"));
        if (v.role() != Variable.Role.PARAMETER) {
            throw new DendriteException("parameter '" + name + "': " + type.name() + "." + plain
                    + " is a state or computed variable, not a parameter");
        }
        List<Integer> where = new ArrayList<>();
        for (int s : sections) if (hasInsertion(s, type.name())) where.add(s);
        if (where.isEmpty()) {
            throw new DendriteException("parameter '" + name + "': " + type.name() + " is not inserted in "
                    + describe(sections));
        }
        return new Mechanism(type.name(), plain, where.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A mechanism GLOBAL as NEURON names it ({@code ehcn_Ih}, {@code usetable_hh}), declared by a library type. */
    private boolean isDeclaredGlobal(String n) {
        for (MechanismType t : registry.all()) if (n.endsWith("_" + t.name()) && t.globalIndex(n) >= 0) return true;
        return false;
    }

    private boolean isMechanismParameter(String param, int[] sections) {
        return org.dendrite.engine.mechanism.SuffixedName.split(param, insertedIn(sections)::contains) != null;
    }

    private Point point(String head, String param, String name) {
        for (ModelSpec.PointSpec p : base.points) {
            if (p.name().equals(head)) {
                checkPointParameter(p.type(), param, name);
                return new Point(head, param);
            }
        }
        for (ModelSpec.ArtificialSpec a : base.artificialCells) {
            if (a.name().equals(head)) {
                checkPointParameter(a.type(), param, name);
                return new Point(head, param);
            }
        }
        return null;
    }

    private void checkPointParameter(String typeName, String param, String name) {
        MechanismType t = registry.get(typeName);
        Variable v = t.variable(param).orElseThrow(() -> new DendriteException("parameter '" + name + "': "
                + typeName + " has no parameter '" + param + "' (parameters: " + parameterNames(t) + ")"));
        if (v.role() != Variable.Role.PARAMETER) {
            throw new DendriteException("parameter '" + name + "': " + typeName + "." + param + " is not a parameter");
        }
    }

    /** Sections of a target name, or null when the name is no section or group. */
    int[] sections(String target) {
        Morphology m = base.morphology();
        List<Integer> out = new ArrayList<>();
        if (target.equals("all")) {
            for (int s = 0; s < m.size(); s++) out.add(s);
        } else if (m.indexOf(target) >= 0) {
            out.add(m.indexOf(target));
        } else {
            for (int s = 0; s < m.size(); s++) {
                Section sec = m.section(s);
                String nm = sec.name();
                int br = nm.indexOf('[');
                boolean arrayMatch = br > 0 && nm.substring(0, br).equals(target);
                if (sec.type().groupName().equals(target) || arrayMatch) out.add(s);
            }
            if (out.isEmpty()) return null;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private Set<String> insertedIn(int[] sections) {
        Set<String> names = new LinkedHashSet<>();
        for (ModelSpec.Insertion ins : base.insertions) {
            for (int s : sections) if (ins.section() == s) names.add(ins.mechanism());
        }
        return names;
    }

    private boolean hasInsertion(int section, String mech) {
        for (ModelSpec.Insertion ins : base.insertions) {
            if (ins.section() == section && ins.mechanism().equals(mech)) return true;
        }
        return false;
    }

    private String describe(int[] sections) {
        Morphology m = base.morphology();
        if (sections.length == 1) return "section " + m.section(sections[0]).name();
        return sections.length + " sections (" + m.section(sections[0]).name() + ", …)";
    }

    private String hint() {
        StringBuilder sb = new StringBuilder("; the model has groups all");
        Set<String> groups = new LinkedHashSet<>();
        for (Section s : base.morphology().sections()) groups.add(s.type().groupName());
        for (String g : groups) sb.append(", ").append(g);
        if (!base.points.isEmpty() || !base.artificialCells.isEmpty()) {
            sb.append("; point processes ");
            List<String> pts = new ArrayList<>();
            for (var p : base.points) pts.add(p.name() + " (" + p.type() + ")");
            for (var a : base.artificialCells) pts.add(a.name() + " (" + a.type() + ")");
            sb.append(String.join(", ", pts));
        }
        return sb.toString();
    }

    private static String parameterNames(MechanismType t) {
        List<String> names = new ArrayList<>();
        for (Variable v : t.variables()) if (v.role() == Variable.Role.PARAMETER) names.add(v.name());
        return String.join(", ", names);
    }

    /** Resolves every name (in order); errors name the first bad one. */
    public List<Target> resolveAll(List<String> names) {
        List<Target> out = new ArrayList<>();
        for (String n : names) out.add(resolve(n));
        return out;
    }

    /** A copy of the base spec with the values applied (names as {@link #resolve} accepts). */
    public ModelSpec apply(Map<String, Double> values) {
        List<String> names = new ArrayList<>(values.keySet());
        List<Target> targets = resolveAll(names);
        double[] v = new double[names.size()];
        for (int i = 0; i < v.length; i++) v[i] = values.get(names.get(i));
        return apply(targets, v);
    }

    /** A copy of the base spec with {@code values[i]} applied to {@code targets.get(i)}. */
    public ModelSpec apply(List<Target> targets, double[] values) {
        ModelSpec s = copy(base);
        for (int i = 0; i < targets.size(); i++) set(s, targets.get(i), values[i]);
        return s;
    }

    private static void set(ModelSpec s, Target t, double value) {
        if (!Double.isFinite(value)) throw new DendriteException("parameter value " + value + " is not finite");
        if (t instanceof Run r) {
            switch (r.setting()) {
                case "celsius" -> s.run.celsius = value;
                case "v_init" -> s.run.vInit = value;
                case "tstop" -> s.run.tstop = value;
                case "dt" -> s.run.dt = value;
                default -> throw new IllegalStateException(r.setting());
            }
        } else if (t instanceof Passive p) {
            for (int sec : p.sections()) {
                if (p.property().equals("Ra")) s.setRa(sec, value);
                else s.setCm(sec, value);
            }
        } else if (t instanceof Mechanism m) {
            SegmentValue c = SegmentValue.constant(value);
            for (int sec : m.sections()) s.insertions.add(new ModelSpec.Insertion(m.mechanism(), sec, Map.of(m.parameter(), c)));
        } else if (t instanceof Ion ion) {
            SegmentValue c = SegmentValue.constant(value);
            for (int sec : ion.sections()) s.rangeSettings.add(new ModelSpec.RangeSetting(sec, ion.variable(), c));
        } else if (t instanceof Point p) {
            for (int k = 0; k < s.points.size(); k++) {
                ModelSpec.PointSpec ps = s.points.get(k);
                if (ps.name().equals(p.name())) {
                    Map<String, Double> params = new LinkedHashMap<>(ps.params());
                    params.put(p.parameter(), value);
                    s.points.set(k, new ModelSpec.PointSpec(ps.name(), ps.type(), ps.location(), params));
                }
            }
            for (int k = 0; k < s.artificialCells.size(); k++) {
                ModelSpec.ArtificialSpec a = s.artificialCells.get(k);
                if (a.name().equals(p.name())) {
                    Map<String, Double> params = new LinkedHashMap<>(a.params());
                    params.put(p.parameter(), value);
                    s.artificialCells.set(k, new ModelSpec.ArtificialSpec(a.name(), a.type(), params));
                }
            }
        } else if (t instanceof Global g) {
            s.globals.put(g.name(), value);
        }
    }

    /** A copy sharing the (immutable) morphology and records; lists, maps and cables are new. */
    public static ModelSpec copy(ModelSpec b) {
        java.util.List<org.dendrite.engine.build.CableSection> cables = new java.util.ArrayList<>();
        for (int i = 0; i < b.morphology().size(); i++) cables.add(b.cable(i).copy());
        ModelSpec s = new ModelSpec(b.morphology(), cables);
        for (int i = 0; i < b.morphology().size(); i++) s.setVInit(i, b.vInit(i));
        s.insertions.addAll(b.insertions);
        s.rangeSettings.addAll(b.rangeSettings);
        s.points.addAll(b.points);
        s.waveforms.addAll(b.waveforms);
        s.artificialCells.addAll(b.artificialCells);
        s.eventTimes.putAll(b.eventTimes);
        s.netcons.addAll(b.netcons);
        s.probes.addAll(b.probes);
        s.pointers.addAll(b.pointers);
        s.globals.putAll(b.globals);
        s.run.tstop = b.run.tstop;
        s.run.dt = b.run.dt;
        s.run.vInit = b.run.vInit;
        s.run.celsius = b.run.celsius;
        s.run.secondorder = b.run.secondorder;
        s.run.recordEvery = b.run.recordEvery;
        s.run.cvode = b.run.cvode;
        s.run.atol = b.run.atol;
        s.run.rtol = b.run.rtol;
        s.run.recordSteps = b.run.recordSteps;
        s.mechanismLibrary = b.mechanismLibrary;
        s.loadedMechanisms.addAll(b.loadedMechanisms);
        s.modPaths.addAll(b.modPaths);
        s.name = b.name;
        s.description = b.description;
        return s;
    }

    /** Formats a value map as text for messages. */
    static String format(Map<String, Double> values) {
        StringBuilder sb = new StringBuilder();
        for (var e : values.entrySet()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.getKey()).append('=').append(String.format(Locale.ROOT, "%.6g", e.getValue()));
        }
        return sb.toString();
    }
}
