package org.dendrite.engine.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.engine.discretization.NsegRule;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.MechanismLibrary;

/**
 * A complete description of a model, independent of any file format: morphology, per-section
 * discretisation and passive properties, mechanisms, point processes, network connections, recordings and
 * run settings. The JSON model reader and the HOC interpreter both fill one of these; {@link
 * org.dendrite.engine.sim.Simulation#compile} turns it into flat arrays.
 */
public final class ModelSpec {
    private final Morphology morphology;
    /** One cable per section (L, nseg, Ra, per-segment diam and cm, 3-D points): the model's geometry. */
    private final CableSection[] cables;
    public final List<Insertion> insertions = new ArrayList<>();
    public final List<RangeSetting> rangeSettings = new ArrayList<>();
    public final List<PointSpec> points = new ArrayList<>();
    /** Played current waveforms (IPlay point processes), e.g. a recording's stimulus. */
    public final List<CurrentWaveform> waveforms = new ArrayList<>();
    public final List<ArtificialSpec> artificialCells = new ArrayList<>();
    /** Spike times (ms) of event-list artificial cells ({@code VecStim}), by cell name. */
    public final Map<String, double[]> eventTimes = new LinkedHashMap<>();
    public final List<NetConSpec> netcons = new ArrayList<>();
    public final List<ProbeSpec> probes = new ArrayList<>();
    /** NMODL POINTERs of point processes and what they point at (HOC's {@code setpointer}). */
    public final List<PointerSpec> pointers = new ArrayList<>();
    /** Global mechanism parameters such as {@code usetable_hh}. */
    public final Map<String, Double> globals = new LinkedHashMap<>();
    public final RunSettings run = new RunSettings();
    /**
     * Which bundled channel libraries the mechanism names refer to, in load order: {@code hay} (the default),
     * {@code allen}, {@code none}, or several joined by commas ({@code "hay,allen"}: later names replace earlier).
     */
    public String mechanismLibrary = "hay";
    /**
     * Mechanisms the model brings itself (its .mod files, compiled by io), in registration order; loaded after
     * the bundles, replacing bundled types of the same name. {@link #modPaths} says where they came from.
     */
    public final List<MechanismType> loadedMechanisms = new ArrayList<>();
    /** The .mod files or folders the loaded mechanisms came from (kept for writing the model back). */
    public final List<String> modPaths = new ArrayList<>();
    /** Per-section initial voltage (mV) overriding {@code run.vInit}; NaN where not set. */
    private final double[] vInit;
    /** Model name (for reports); description is free text. */
    public String name = "model", description = "";

    /** A model of {@code morphology} with one new cable per section (its points or stylized size; nseg 1, Ra 35.4, cm 1). */
    public ModelSpec(Morphology morphology) {
        this.morphology = morphology;
        int n = morphology.size();
        cables = new CableSection[n];
        for (int s = 0; s < n; s++) cables[s] = CableSection.of(morphology.section(s));
        vInit = new double[n];
        java.util.Arrays.fill(vInit, Double.NaN);
    }

    /**
     * A model of {@code morphology} whose geometry is {@code cables} (one per section, in section order),
     * shared, not copied: whoever holds them (the HOC interpreter) edits this model's geometry.
     */
    public ModelSpec(Morphology morphology, List<CableSection> cables) {
        this.morphology = morphology;
        int n = morphology.size();
        if (cables.size() != n) throw new IllegalArgumentException(cables.size() + " cables for " + n + " sections");
        this.cables = cables.toArray(new CableSection[0]);
        vInit = new double[n];
        java.util.Arrays.fill(vInit, Double.NaN);
    }

    /** Initial voltage of one section (every node of it, as NEURON's {@code sec.v = x} before finitialize()). */
    public void setVInit(int section, double mV) {
        vInit[section] = mV;
    }

    /** Per-section initial voltage, NaN where the global v_init applies. */
    public double vInit(int section) {
        return vInit[section];
    }

    public Morphology morphology() { return morphology; }

    /**
     * Adds mechanisms the model brings (its .mod files) after those it has; {@code notes} hears of every name
     * that replaces a built-in, bundled or earlier loaded one (NEURON's rule for a user's file with a known name).
     * {@code modFiles} are the .mod files or folders they were compiled from, kept in {@link #modPaths}.
     */
    public void addMechanisms(List<MechanismType> types, List<java.nio.file.Path> modFiles,
                              java.util.function.Consumer<String> notes) {
        library().with("the model's .mod files", types, notes);
        loadedMechanisms.addAll(types);
        for (java.nio.file.Path p : modFiles) modPaths.add(p.toString());
    }

    /** The mechanisms this model can use: built-ins, its bundles, then its own loaded mechanisms. */
    public MechanismLibrary library() {
        MechanismLibrary lib = MechanismLibrary.named(mechanismLibrary);
        return loadedMechanisms.isEmpty() ? lib : lib.with("the model's .mod files", loadedMechanisms, note -> {});
    }
    /** The cable (geometry, nseg, Ra, cm) of one section: the object the compiler reads. */
    public CableSection cable(int section) { return cables[section]; }
    public int nseg(int section) { return cables[section].nseg(); }
    public double ra(int section) { return cables[section].ra(); }
    /** cm of the section's first segment, uF/cm2 ({@link #segmentCm} when it varies). */
    public double cm(int section) { return cables[section].cm(0); }
    public int[] nsegs() {
        int[] n = new int[cables.length];
        for (int s = 0; s < n.length; s++) n[s] = cables[s].nseg();
        return n;
    }

    /** Sets nseg; per-segment diam and cm are kept as NEURON keeps range values (the old segment holding each new centre). */
    public void setNseg(int section, int n) {
        if (n < 1) throw new IllegalArgumentException(morphology.section(section).name() + ": nseg must be >= 1");
        cables[section].setNseg(n);
    }

    /** Axial resistivity, ohm*cm. */
    public void setRa(int section, double ohmCm) {
        if (!(ohmCm > 0)) throw new IllegalArgumentException(morphology.section(section).name() + ": Ra must be > 0 ohm*cm");
        cables[section].setRa(ohmCm);
    }

    /** Specific membrane capacitance of every segment of the section, uF/cm2. */
    public void setCm(int section, double ufPerCm2) {
        if (!(ufPerCm2 >= 0)) throw new IllegalArgumentException(morphology.section(section).name() + ": cm must be >= 0 uF/cm2");
        cables[section].setCm(-1, ufPerCm2);
    }

    /**
     * One diameter (um) per segment of a stylized section, as NEURON's {@code diam(x) = ...} or
     * {@code diam(0:1) = 2:1} make it (its area and axial resistances follow, segment by segment); one value
     * per current segment (set nseg first). Null: the morphology's one diameter.
     */
    public void setSegmentDiameters(int section, double[] diamUm) {
        String name = morphology.section(section).name();
        CableSection c = cables[section];
        if (diamUm == null) {
            if (!c.hasPoints()) c.setDiam(-1, morphology.section(section).stylizedDiam());
            return;
        }
        if (c.hasPoints()) {
            throw new IllegalArgumentException(name + ": per-segment diameters are for stylized sections (this one has 3-D points)");
        }
        if (diamUm.length != c.nseg()) {
            throw new IllegalArgumentException(name + ": " + diamUm.length + " diameters given for its " + c.nseg() + " segments");
        }
        for (double d : diamUm) {
            if (!(d > 0)) throw new IllegalArgumentException(name + ": diam must be > 0 um, is " + d);
        }
        c.setDiameters(diamUm);
    }

    /** Per-segment diameters (um) of a stylized section whose segments differ, or null (uniform, or 3-D points). */
    public double[] segmentDiameters(int section) {
        CableSection c = cables[section];
        if (c.hasPoints()) return null;
        double[] d = new double[c.nseg()];
        for (int j = 0; j < d.length; j++) d[j] = c.diam(j);
        return uniform(d) ? null : d;
    }

    /** One cm (uF/cm2) per current segment ({@code cm(x) = ...}); null: every segment as the first. */
    public void setSegmentCm(int section, double[] ufPerCm2) {
        CableSection c = cables[section];
        if (ufPerCm2 == null) {
            c.setCm(-1, c.cm(0));
            return;
        }
        String name = morphology.section(section).name();
        if (ufPerCm2.length != c.nseg()) {
            throw new IllegalArgumentException(name + ": " + ufPerCm2.length + " cm values given for its " + c.nseg() + " segments");
        }
        for (double x : ufPerCm2) {
            if (!(x >= 0)) throw new IllegalArgumentException(name + ": cm must be >= 0 uF/cm2");
        }
        c.setCms(ufPerCm2);
    }

    /** Per-segment cm (uF/cm2) of a section whose segments differ, or null. */
    public double[] segmentCm(int section) {
        CableSection c = cables[section];
        double[] v = new double[c.nseg()];
        for (int j = 0; j < v.length; j++) v[j] = c.cm(j);
        return uniform(v) ? null : v;
    }

    private static boolean uniform(double[] a) {
        for (double x : a) if (Double.compare(x, a[0]) != 0) return false;
        return true;
    }

    /** Applies an nseg rule to every section (call after Ra and cm are set, as NEURON users do). */
    public void applyNsegRule(NsegRule rule) {
        for (int s = 0; s < cables.length; s++) setNseg(s, rule.nseg(morphology.section(s), ra(s), cm(s)));
    }

    /** Inserts a density mechanism into a section, with parameter values (others keep their defaults). */
    public record Insertion(String mechanism, int section, Map<String, SegmentValue> params) {}

    /** Sets an ion variable such as {@code ena}, {@code ek}, {@code cai0}… in a section. */
    public record RangeSetting(int section, String variable, SegmentValue value) {}

    /** A point process ({@code IClamp}, {@code ExpSyn}…) named for NetCons and recordings. */
    public record PointSpec(String name, String type, Location location, Map<String, Double> params) {}

    /** A current injection following sampled values: times in ms, currents in nA (piecewise constant). */
    public record CurrentWaveform(String name, Location location, double[] timeMs, double[] currentNa) {}

    /** An artificial cell ({@code NetStim}). */
    public record ArtificialSpec(String name, String type, Map<String, Double> params) {}

    /**
     * A NetCon: from a named artificial cell or point process ({@code sourceName}), or from a threshold
     * crossing of {@code v} at {@code sourceLocation}; to a named point process, or to nothing (a spike
     * detector, reported by name in the run summary).
     */
    public record NetConSpec(String name, String sourceName, Location sourceLocation, double thresholdMv,
                             String target, double delayMs, double[] weight) {}

    /**
     * A recording: {@code variable} at {@code location} (v, ion variables like ina/cai/ena, or mechanism
     * variables as {@code hh.m} or {@code m_hh}), or {@code variable} of the named point process.
     */
    /** POINTER {@code pointer} of point process {@code pointName} → {@code variable} at {@code location} ({@code v}, {@code i_pas}, {@code cai}…). */
    public record PointerSpec(String pointName, String pointer, Location location, String variable) {}

    public record ProbeSpec(String name, Location location, String pointName, String variable) {}

    /** Run settings with NEURON's defaults. */
    public static final class RunSettings {
        /** ms */ public double tstop = 5;
        /** ms */ public double dt = 0.025;
        /** mV */ public double vInit = -65;
        /** degC */ public double celsius = 6.3;
        /** 0 backward Euler, 1 Crank–Nicolson, 2 Crank–Nicolson with ion-current correction. */
        public int secondorder = 0;
        /** Record every k-th step (variable step: every recordEvery * dt ms, interpolated). */
        public int recordEvery = 1;
        /** Variable time step ({@code cvode.active(1)}): the BDF integrator instead of the fixed step. */
        public boolean cvode;
        /** Variable step: absolute tolerance (mV for v; NEURON's {@code cvode.atol} default 1e-3). */
        public double atol = 1e-3;
        /** Variable step: relative tolerance (NEURON's {@code cvode.rtol} default 0). */
        public double rtol = 0;
        /** Variable step: record at the end of every step instead of every recordEvery * dt ms. */
        public boolean recordSteps;
    }
}
