package org.dendrite.io.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.build.Location;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.Recordings;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.discretization.NsegRule;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;

/**
 * Reads dendrite's JSON model format (documented in README.md, "Model file format") into a {@link ModelSpec}.
 * Every error names the file and the JSON path.
 */
public final class ModelReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final String file;
    private final Path baseDir;
    private MechanismLibrary registry;
    private DistributionParser distributions;
    private final Function<Path, Morphology> morphologyFiles;
    private ModelSpec spec;
    private Morphology morph;
    private final Map<String, List<Integer>> groups = new LinkedHashMap<>();

    /** .mod files or folders given outside the model file (the CLI's --mod), loaded after the model's own "mod". */
    private List<Path> extraMod = List.of();
    private java.util.function.Consumer<String> notes = note -> {};

    private ModelReader(String file, Path baseDir, MechanismLibrary registry, Function<Path, Morphology> morphologyFiles) {
        this.file = file;
        this.baseDir = baseDir;
        this.registry = registry;
        this.morphologyFiles = morphologyFiles;
    }

    /** Reads a model file; morphology files it names are read with {@code morphologyFiles}. */
    public static ModelSpec read(Path path, Function<Path, Morphology> morphologyFiles) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelFormatException(path.toString(), "$", "file not found");
        }
        Path dir = path.toAbsolutePath().getParent();
        return new ModelReader(path.toString(), dir, MechanismLibrary.standard(), morphologyFiles).parse(bytes);
    }

    /**
     * Reads a model file, loading its own .mod files ({@code "mod"}) and then {@code extraMod} (files or folders,
     * e.g. from {@code --mod}) into the model's mechanism library; loader notes go to {@code notes}.
     */
    public static ModelSpec read(Path path, Function<Path, Morphology> morphologyFiles, List<Path> extraMod,
                                 java.util.function.Consumer<String> notes) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelFormatException(path.toString(), "$", "file not found");
        }
        ModelReader r = new ModelReader(path.toString(), path.toAbsolutePath().getParent(), MechanismLibrary.standard(),
                morphologyFiles);
        r.extraMod = List.copyOf(extraMod);
        r.notes = notes;
        return r.parse(bytes);
    }

    /** As {@link #read(InputStream, String, Path, Function)}, with .mod files loaded into the model's library. */
    public static ModelSpec read(InputStream in, String name, Path baseDir, Function<Path, Morphology> morphologyFiles,
                                 List<Path> extraMod, java.util.function.Consumer<String> notes) throws IOException {
        ModelReader r = new ModelReader(name, baseDir, MechanismLibrary.standard(), morphologyFiles);
        r.extraMod = List.copyOf(extraMod);
        r.notes = notes;
        return r.parse(in.readAllBytes());
    }

    /** Reads a model from a stream (a bundled resource); relative morphology files resolve against baseDir. */
    public static ModelSpec read(InputStream in, String name, Path baseDir, Function<Path, Morphology> morphologyFiles)
            throws IOException {
        return new ModelReader(name, baseDir, MechanismLibrary.standard(), morphologyFiles).parse(in.readAllBytes());
    }

    private ModelSpec parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String what = org.dendrite.io.json.JsonFiles.describe(e);
            throw new ModelFormatException(file, loc == null ? "$" : "line " + loc.getLineNr() + ", column "
                    + loc.getColumnNr(), what.substring(what.indexOf("not valid JSON")));
        } catch (IOException e) {
            throw new ModelFormatException(file, "$", "cannot read: " + e.getMessage());
        }
        if (root == null) throw new ModelFormatException(file, "$", "empty file");
        JsonFields top = new JsonFields(file, "$", root);
        int version = top.integer("dendrite_model", 1);
        if (version != 1) throw top.error("$.dendrite_model", "unsupported format version " + version + " (this dendrite reads 1)");
        String name = top.string("name", null);
        String description = top.string("description", "");
        top.raw("notes");
        String library = top.string("mechanism_library", "hay");
        try {
            registry = MechanismLibrary.named(library);
        } catch (IllegalArgumentException e) {
            throw top.error("$.mechanism_library", e.getMessage());
        }
        JsonFields published = top.object("published_model");
        if (published != null) {
            spec = readPublished(published);
            morph = spec.morphology();
            library = spec.mechanismLibrary;
            registry = MechanismLibrary.named(library);
        } else {
            morph = readMorphology(top);
            spec = new ModelSpec(morph);
        }
        spec.mechanismLibrary = library;
        readMod(top);
        registry = spec.library();
        distributions = new DistributionParser(file, spec);
        spec.name = name != null ? name : java.nio.file.Path.of(file).getFileName().toString().replaceFirst("\\.json$", "");
        spec.description = description;
        defineGroups(top);
        readSimulation(top.object("simulation"));
        readProperties(top);
        readMechanisms(top);
        readIons(top);
        readGlobals(top);
        readPointProcesses(top);
        readArtificialCells(top);
        readNetCons(top);
        readPointers(top);
        readRecordings(top);
        top.finish();
        return spec;
    }

    /**
     * A cell built by a published-parameter loader (io.params): {@code {"format": "allen", "fit": F, "morphology": M}}
     * or {@code {"format": "bluepyopt", "folder": D}}, paths relative to the model file. The rest of the model
     * file (simulation, point processes, recordings) applies on top.
     */
    private ModelSpec readPublished(JsonFields p) {
        String format = p.requiredString("format");
        String fit = p.string("fit", null), m = p.string("morphology", null), folder = p.string("folder", null);
        p.finish();
        try {
            return org.dendrite.io.params.PublishedModels.load(format, resolvePath(fit), resolvePath(m), resolvePath(folder));
        } catch (IOException | org.dendrite.engine.DendriteException | IllegalArgumentException e) {
            throw p.error(p.path, e.getMessage());
        }
    }

    private Path resolvePath(String f) {
        if (f == null) return null;
        return baseDir == null ? Path.of(f) : baseDir.resolve(f).normalize();
    }

    // ------------------------------------------------------------------ morphology

    /**
     * {@code "mod": "mechanisms/"} or a list of .mod files and folders (relative to the model file): compiled and
     * loaded after the bundles, as NEURON loads a model's nrnivmodl library; then the --mod paths.
     */
    private void readMod(JsonFields top) {
        List<Path> paths = new ArrayList<>();
        JsonNode mod = top.raw("mod");
        if (mod != null) {
            List<JsonNode> items = new ArrayList<>();
            if (mod.isArray()) mod.forEach(items::add);
            else items.add(mod);
            for (int i = 0; i < items.size(); i++) {
                JsonNode n = items.get(i);
                String at = mod.isArray() ? "$.mod[" + i + "]" : "$.mod";
                if (!n.isTextual()) throw top.error(at, "expected a .mod file or folder name (string)");
                Path p = baseDir == null ? Path.of(n.asText()) : baseDir.resolve(n.asText());
                if (!Files.exists(p)) throw top.error(at, p + ": no such .mod file or folder");
                paths.add(p);
            }
        }
        paths.addAll(extraMod);
        if (paths.isEmpty()) return;
        spec.addMechanisms(org.dendrite.io.nmodl.NmodlLoader.load(paths, notes), paths, notes);
    }

    private Morphology readMorphology(JsonFields top) {
        JsonFields m = top.object("morphology");
        if (m == null) throw top.error("$.morphology", "missing (give \"file\" or \"sections\")");
        String f = m.string("file", null);
        List<JsonNode> secs = m.array("sections");
        m.finish();
        if (f != null && !secs.isEmpty()) throw m.error(m.path, "give either \"file\" or \"sections\", not both");
        if (f != null) {
            Path p = baseDir == null ? Path.of(f) : baseDir.resolve(f);
            if (!Files.isRegularFile(p)) throw m.error(m.at("file"), "morphology file not found: " + p);
            return morphologyFiles.apply(p);
        }
        if (secs.isEmpty()) throw m.error(m.path, "needs \"file\" or a non-empty \"sections\" list");
        Morphology.Builder b = Morphology.builder(file);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < secs.size(); i++) {
            JsonFields s = new JsonFields(file, m.at("sections") + "[" + i + "]", secs.get(i));
            String name = s.requiredString("name");
            if (index.containsKey(name)) throw s.error(s.at("name"), "a section named '" + name + "' already exists");
            SectionType type;
            try {
                type = SectionType.parse(s.string("type", guessType(name)));
            } catch (IllegalArgumentException e) {
                throw s.error(s.at("type"), e.getMessage());
            }
            String parentName = s.string("parent", null);
            double px = s.number("parent_x", "1", 1.0);
            int parent = -1;
            if (parentName != null) {
                Integer pi = index.get(parentName);
                if (pi == null) throw s.error(s.at("parent"), "no earlier section named '" + parentName + "' (parents come first)");
                parent = pi;
                if (!(px >= 0 && px <= 1)) throw s.error(s.at("parent_x"), "must be between 0 and 1");
            }
            List<JsonNode> pts = s.array("points");
            Section sec;
            try {
                if (!pts.isEmpty()) {
                    double[][] xyzd = new double[pts.size()][];
                    for (int k = 0; k < pts.size(); k++) {
                        JsonNode p = pts.get(k);
                        String at = s.at("points") + "[" + k + "]";
                        if (!p.isArray() || p.size() != 4) throw s.error(at, "expected [x, y, z, diam] in um");
                        xyzd[k] = new double[] {s.toNumber(p.get(0), at, "um"), s.toNumber(p.get(1), at, "um"),
                                s.toNumber(p.get(2), at, "um"), s.toNumber(p.get(3), at, "um")};
                    }
                    s.number("L", "um", Double.NaN);
                    s.number("diam", "um", Double.NaN);
                    if (s.has("L") || s.has("diam")) throw s.error(s.path, "give either \"points\" or L/diam, not both");
                    sec = Section.withPoints(name, type, parent, px, xyzd);
                } else {
                    sec = Section.stylized(name, type, parent, px, s.requiredNumber("L", "um"), s.requiredNumber("diam", "um"));
                }
            } catch (IllegalArgumentException e) {
                throw s.error(s.path, e.getMessage());
            }
            s.finish();
            index.put(name, b.add(sec));
        }
        return b.build();
    }

    private static String guessType(String name) {
        String base = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
        return switch (base) {
            case "soma" -> "soma";
            case "axon" -> "axon";
            case "dend" -> "dend";
            case "apic" -> "apic";
            default -> "undefined";
        };
    }

    // ------------------------------------------------------------------ groups and targets

    private void defineGroups(JsonFields top) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < morph.size(); i++) all.add(i);
        groups.put("all", all);
        for (int code = -10; code <= 20; code++) {
            SectionType t = new SectionType(code);
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < morph.size(); i++) if (morph.section(i).type().code() == code) members.add(i);
            groups.put(t.groupName(), members);
        }
        for (var e : top.entries("groups")) {
            String at = "$.groups." + e.getKey();
            if (groups.containsKey(e.getKey()) || morph.indexOf(e.getKey()) >= 0) {
                throw top.error(at, "group name '" + e.getKey() + "' is already a section or built-in group name");
            }
            JsonFields g = new JsonFields(file, at, e.getValue());
            List<Integer> members = new ArrayList<>();
            for (JsonNode t : g.array("types")) {
                try {
                    SectionType st = SectionType.parse(t.asText());
                    for (int i = 0; i < morph.size(); i++) if (morph.section(i).type().equals(st) && !members.contains(i)) members.add(i);
                } catch (IllegalArgumentException ex) {
                    throw g.error(g.at("types"), ex.getMessage());
                }
            }
            for (JsonNode n : g.array("sections")) {
                for (int i : resolve(n, g.at("sections"))) if (!members.contains(i)) members.add(i);
            }
            String pattern = g.string("pattern", null);
            if (pattern != null) {
                java.util.regex.Pattern re;
                try {
                    re = java.util.regex.Pattern.compile(pattern);
                } catch (java.util.regex.PatternSyntaxException ex) {
                    throw g.error(g.at("pattern"), "not a valid regular expression: " + ex.getDescription());
                }
                for (int i = 0; i < morph.size(); i++) {
                    if (re.matcher(morph.section(i).name()).matches() && !members.contains(i)) members.add(i);
                }
            }
            g.finish();
            members.sort(Integer::compare);
            groups.put(e.getKey(), members);
        }
    }

    /** Sections named by {@code "in"}: a group, a section name, or an array of those. */
    private List<Integer> resolve(JsonNode target, String at) {
        List<Integer> out = new ArrayList<>();
        if (target == null || target.isNull()) return groups.get("all");
        if (target.isArray()) {
            for (JsonNode t : target) for (int i : resolve(t, at)) if (!out.contains(i)) out.add(i);
            return out;
        }
        if (!target.isTextual()) throw new ModelFormatException(file, at, "expected a section or group name");
        String name = target.asText();
        if (groups.containsKey(name)) return groups.get(name);
        if (name.equals("soma") || name.equals("axon") || name.equals("dend") || name.equals("apic")) {
            if (morph.indexOf(name) < 0) return groups.get(SectionType.parse(name).groupName());
        }
        int idx = morph.indexOf(name);
        if (idx < 0) {
            throw new ModelFormatException(file, at, "'" + name + "' is neither a section nor a group (groups: "
                    + String.join(", ", groups.keySet().stream().filter(g -> !groups.get(g).isEmpty()).toList()) + ")");
        }
        out.add(idx);
        return out;
    }

    // ------------------------------------------------------------------ simulation and properties

    private void readSimulation(JsonFields s) {
        ModelSpec.RunSettings r = spec.run;
        if (s == null) return;
        r.tstop = s.number("tstop", "ms", r.tstop);
        r.dt = s.number("dt", "ms", r.dt);
        r.vInit = s.number("v_init", "mV", r.vInit);
        r.celsius = s.number("celsius", "degC", r.celsius);
        String method = s.string("method", null);
        int so = s.integer("secondorder", -1);
        r.recordEvery = s.integer("record_every", 1);
        r.atol = s.number("atol", "1", r.atol);
        r.rtol = s.number("rtol", "1", r.rtol);
        JsonNode steps = s.raw("record_steps");
        if (steps != null && !steps.isNull()) {
            if (!steps.isBoolean()) throw s.error(s.at("record_steps"), "expected true or false, found " + steps);
            r.recordSteps = steps.asBoolean();
        }
        s.finish();
        if (!(r.atol > 0) || !Double.isFinite(r.atol)) throw s.error(s.at("atol"), "must be > 0 (mV for v)");
        if (!(r.rtol >= 0) || !Double.isFinite(r.rtol)) throw s.error(s.at("rtol"), "must be >= 0");
        if (!(r.dt > 0)) throw s.error(s.at("dt"), "must be > 0 ms");
        if (!(r.tstop >= 0)) throw s.error(s.at("tstop"), "must be >= 0 ms");
        if (r.recordEvery < 1) throw s.error(s.at("record_every"), "must be >= 1 step");
        if (method != null && so >= 0) throw s.error(s.path, "give either \"method\" or \"secondorder\", not both");
        if (r.recordSteps && !"cvode".equals(method)) {
            throw s.error(s.at("record_steps"), "records at every variable step: needs \"method\": \"cvode\"");
        }
        if ("cvode".equals(method)) {
            r.cvode = true;
        } else if (method != null) {
            r.secondorder = switch (method) {
                case "be", "backward_euler" -> 0;
                case "cn", "crank_nicolson" -> 2;
                default -> throw s.error(s.at("method"), "unknown method '" + method + "' (be, cn or cvode)");
            };
        } else if (so >= 0) {
            if (so > 2) throw s.error(s.at("secondorder"), "must be 0, 1 or 2");
            r.secondorder = so;
        }
    }

    /** Ra, cm and nseg: rules and per-target values, applied in file order (an nseg rule after Ra/cm). */
    private void readProperties(JsonFields top) {
        List<JsonNode> list = top.array("properties");
        int[] explicitNseg = new int[morph.size()];
        double[][] segmentCm = new double[morph.size()][], segmentDiam = new double[morph.size()][];
        String[] cmAt = new String[morph.size()], diamAt = new String[morph.size()];
        NsegRule rule = null;
        JsonFields d = top.object("discretization");
        if (d != null) rule = readRule(d);
        for (int i = 0; i < list.size(); i++) {
            JsonFields p = new JsonFields(file, "$.properties[" + i + "]", list.get(i));
            List<Integer> targets = resolve(p.raw("in"), p.at("in"));
            double ra = p.number("Ra", "ohm*cm", Double.NaN);
            // "cm": one value, or one per segment; "diam": one per segment of a stylized section
            double[] cms = perSegment(p, "cm", "uF/cm2");
            double[] diams = perSegment(p, "diam", "um");
            double cm = cms == null && p.has("cm") ? p.number("cm", "uF/cm2", Double.NaN) : Double.NaN;
            if (diams == null && p.has("diam")) throw p.error(p.at("diam"), "expected one diameter (um) per segment, an array");
            int nseg = p.integer("nseg", 0);
            double vInit = p.number("v_init", "mV", Double.NaN);
            p.finish();
            if (!Double.isNaN(ra) && !(ra > 0)) throw p.error(p.at("Ra"), "must be > 0 ohm*cm");
            if (!Double.isNaN(cm) && !(cm >= 0)) throw p.error(p.at("cm"), "must be >= 0 uF/cm2");
            if (cms != null) for (double c : cms) if (!(c >= 0)) throw p.error(p.at("cm"), "must be >= 0 uF/cm2");
            if (diams != null) for (double dm : diams) if (!(dm > 0)) throw p.error(p.at("diam"), "must be > 0 um");
            if (p.has("nseg") && nseg < 1) throw p.error(p.at("nseg"), "must be >= 1");
            for (int s : targets) {
                if (!Double.isNaN(ra)) spec.setRa(s, ra);
                if (!Double.isNaN(cm)) {
                    spec.setCm(s, cm);
                    segmentCm[s] = null;
                    cmAt[s] = null;
                }
                if (cms != null) {
                    segmentCm[s] = cms;
                    cmAt[s] = p.at("cm");
                }
                if (diams != null) {
                    if (morph.section(s).hasPoints()) {
                        throw p.error(p.at("diam"), "per-segment diameters are for stylized sections; "
                                + morph.section(s).name() + " has 3-D points");
                    }
                    segmentDiam[s] = diams;
                    diamAt[s] = p.at("diam");
                }
                if (nseg > 0) explicitNseg[s] = nseg;
                if (!Double.isNaN(vInit)) spec.setVInit(s, vInit);
            }
        }
        try {
            if (rule != null) spec.applyNsegRule(rule);
        } catch (IllegalArgumentException e) {
            throw top.error("$.discretization", e.getMessage());
        }
        for (int s = 0; s < morph.size(); s++) if (explicitNseg[s] > 0) spec.setNseg(s, explicitNseg[s]);
        // per-segment values last: they need the final nseg
        for (int s = 0; s < morph.size(); s++) {
            if (segmentDiam[s] != null) {
                checkSegments(top, diamAt[s], segmentDiam[s].length, s);
                spec.setSegmentDiameters(s, segmentDiam[s]);
            }
            if (segmentCm[s] != null) {
                checkSegments(top, cmAt[s], segmentCm[s].length, s);
                spec.setSegmentCm(s, segmentCm[s]);
            }
        }
    }

    private void checkSegments(JsonFields top, String at, int given, int s) {
        if (given != spec.nseg(s)) {
            throw top.error(at, given + " values for the " + spec.nseg(s) + " segments of " + morph.section(s).name()
                    + " (one per segment; give nseg in the same file)");
        }
    }

    /** An array of numbers at {@code key} (one per segment), or null when the key is absent or not an array. */
    private static double[] perSegment(JsonFields p, String key, String unit) {
        JsonNode n = p.raw(key);
        if (n == null || !n.isArray()) return null;
        double[] v = new double[n.size()];
        if (v.length == 0) throw p.error(p.at(key), "expected one value per segment, got an empty array");
        for (int i = 0; i < v.length; i++) v[i] = p.toNumber(n.get(i), p.at(key) + "[" + i + "]", unit);
        return v;
    }

    private NsegRule readRule(JsonFields d) {
        String rule = d.requiredString("rule");
        NsegRule r = switch (rule) {
            case "d_lambda" -> NsegRule.dLambda(d.number("frequency", "Hz", 100), d.number("d_lambda", "1", 0.1));
            case "fixed" -> NsegRule.fixed(d.integer("nseg", 1));
            case "bluepyopt" -> NsegRule.bluePyOpt(d.number("length", "um", 40));
            default -> throw d.error(d.at("rule"), "unknown rule '" + rule + "' (d_lambda, fixed or bluepyopt)");
        };
        d.finish();
        return r;
    }

    private void readMechanisms(JsonFields top) {
        List<JsonNode> list = top.array("mechanisms");
        for (int i = 0; i < list.size(); i++) {
            JsonFields m = new JsonFields(file, "$.mechanisms[" + i + "]", list.get(i));
            String name = m.requiredString("insert");
            MechanismType type;
            try {
                type = registry.get(name);
            } catch (IllegalArgumentException e) {
                throw m.error(m.at("insert"), e.getMessage());
            }
            List<Integer> targets = resolve(m.raw("in"), m.at("in"));
            Map<String, SegmentValue> params = new LinkedHashMap<>();
            for (var p : m.entries("params")) {
                String at = m.at("params") + "." + p.getKey();
                Variable v = parameter(type, p.getKey(), at);
                params.put(v.name(), distributions.parse(p.getValue(), at, v.unit(), targets, m));
            }
            m.finish();
            for (int s : targets) spec.insertions.add(new ModelSpec.Insertion(type.name(), s, params));
        }
    }

    private Variable parameter(MechanismType type, String key, String at) {
        org.dendrite.engine.mechanism.SuffixedName sn =
                org.dendrite.engine.mechanism.SuffixedName.split(key, type.name()::equals);
        String plain = sn == null ? key : sn.variable();
        Variable v = type.variable(plain).orElse(null);
        if (v == null || v.role() == Variable.Role.ASSIGNED) {
            StringBuilder known = new StringBuilder();
            for (Variable x : type.variables()) {
                if (x.role() == Variable.Role.PARAMETER) known.append(known.length() == 0 ? "" : ", ").append(x.name());
            }
            throw new ModelFormatException(file, at, type.name() + " has no parameter '" + key + "' (parameters: " + known + ")");
        }
        return v;
    }

    private void readIons(JsonFields top) {
        List<JsonNode> list = top.array("ions");
        for (int i = 0; i < list.size(); i++) {
            JsonFields m = new JsonFields(file, "$.ions[" + i + "]", list.get(i));
            List<Integer> targets = resolve(m.raw("in"), m.at("in"));
            for (var p : m.entries("values")) {
                String at = m.at("values") + "." + p.getKey();
                String unit = p.getKey().startsWith("e") ? "mV" : "mM";
                double v = m.toNumber(p.getValue(), at, unit);
                for (int s : targets) spec.rangeSettings.add(new ModelSpec.RangeSetting(s, p.getKey(), SegmentValue.constant(v)));
            }
            m.finish();
        }
    }

    private void readGlobals(JsonFields top) {
        for (var g : top.entries("globals")) {
            JsonNode v = g.getValue();
            if (!v.isNumber()) throw top.error("$.globals." + g.getKey(), "expected a number");
            spec.globals.put(g.getKey(), v.asDouble());
        }
    }

    // ------------------------------------------------------------------ point processes and network

    private Location location(JsonFields f, String key) {
        String text = f.requiredString(key);
        try {
            return Location.parse(morph, text);
        } catch (IllegalArgumentException e) {
            throw f.error(f.at(key), e.getMessage());
        }
    }

    private Map<String, Double> pointParams(JsonFields f, MechanismType type) {
        Map<String, Double> params = new LinkedHashMap<>();
        for (var p : f.entries("params")) {
            String at = f.at("params") + "." + p.getKey();
            String key = p.getKey().equals("delay") && type.name().equals("IClamp") ? "del" : p.getKey();
            Variable v = parameter(type, key, at);
            params.put(v.name(), f.toNumber(p.getValue(), at, v.unit()));
        }
        return params;
    }

    private MechanismType pointType(JsonFields f) {
        String t = f.requiredString("type");
        try {
            return registry.get(t);
        } catch (IllegalArgumentException e) {
            throw f.error(f.at("type"), e.getMessage());
        }
    }

    private void readPointProcesses(JsonFields top) {
        List<JsonNode> list = top.array("point_processes");
        for (int i = 0; i < list.size(); i++) {
            JsonFields p = new JsonFields(file, "$.point_processes[" + i + "]", list.get(i));
            String name = p.requiredString("name");
            MechanismType type = pointType(p);
            Location loc = location(p, "at");
            Map<String, Double> params = pointParams(p, type);
            p.finish();
            spec.points.add(new ModelSpec.PointSpec(name, type.name(), loc, params));
        }
    }

    private void readArtificialCells(JsonFields top) {
        List<JsonNode> list = top.array("artificial_cells");
        for (int i = 0; i < list.size(); i++) {
            JsonFields p = new JsonFields(file, "$.artificial_cells[" + i + "]", list.get(i));
            String name = p.requiredString("name");
            MechanismType type = pointType(p);
            Map<String, Double> params = pointParams(p, type);
            if (p.has("times")) { // spike-time list of a VecStim, ms
                List<JsonNode> times = p.array("times");
                double[] t = new double[times.size()];
                for (int k = 0; k < t.length; k++) t[k] = p.toNumber(times.get(k), p.at("times") + "[" + k + "]", "ms");
                spec.eventTimes.put(name, t);
            }
            p.finish();
            spec.artificialCells.add(new ModelSpec.ArtificialSpec(name, type.name(), params));
        }
    }

    private void readNetCons(JsonFields top) {
        List<JsonNode> list = top.array("netcons");
        for (int i = 0; i < list.size(); i++) {
            JsonFields n = new JsonFields(file, "$.netcons[" + i + "]", list.get(i));
            String name = n.string("name", null);
            JsonNode src = n.raw("source");
            String sourceName = null;
            Location sourceLoc = null;
            double threshold = 10;
            if (src == null) throw n.error(n.at("source"), "missing (an artificial cell name or {\"at\": ..., \"threshold\": ...})");
            if (src.isTextual()) {
                sourceName = src.asText();
            } else {
                JsonFields s = new JsonFields(file, n.at("source"), src);
                sourceLoc = location(s, "at");
                threshold = s.number("threshold", "mV", 10);
                s.finish();
            }
            String target = n.string("target", null);
            double delay = n.number("delay", "ms", 1);
            double[] weight = weights(n);
            n.finish();
            if (delay < 0) throw n.error(n.at("delay"), "must be >= 0 ms");
            spec.netcons.add(new ModelSpec.NetConSpec(name, sourceName, sourceLoc, threshold, target, delay, weight));
        }
        List<JsonNode> dets = top.array("spike_detectors");
        for (int i = 0; i < dets.size(); i++) {
            JsonFields n = new JsonFields(file, "$.spike_detectors[" + i + "]", dets.get(i));
            String name = n.requiredString("name");
            Location loc = location(n, "at");
            double threshold = n.number("threshold", "mV", 0);
            n.finish();
            spec.netcons.add(new ModelSpec.NetConSpec(name, null, loc, threshold, null, 0, new double[] {0}));
        }
    }

    /**
     * A NetCon's {@code "weight"}: a number (uS for the built-in synapses), or an array for a target whose
     * NET_RECEIVE takes several arguments (NEURON's {@code nc.weight[i]}).
     */
    private static double[] weights(JsonFields n) {
        JsonNode w = n.raw("weight");
        if (w == null || !w.isArray()) return new double[] {n.number("weight", "uS", 0)};
        if (w.isEmpty()) throw n.error(n.at("weight"), "an empty array; give at least one weight");
        double[] out = new double[w.size()];
        for (int k = 0; k < out.length; k++) out[k] = n.toNumber(w.get(k), n.at("weight") + "[" + k + "]", "uS");
        return out;
    }

    /**
     * {@code "pointers": [{"point": "syn", "pointer": "vpre", "to": "dend(0.5).v"}]}: an NMODL POINTER of a point
     * process connected to a range variable, as HOC's {@code setpointer syn.vpre, dend.v(0.5)}.
     */
    private void readPointers(JsonFields top) {
        List<JsonNode> list = top.array("pointers");
        for (int i = 0; i < list.size(); i++) {
            String at = "$.pointers[" + i + "]";
            JsonFields f = new JsonFields(file, at, list.get(i));
            String point = f.requiredString("point");
            String pointer = f.requiredString("pointer");
            String to = f.requiredString("to");
            f.finish();
            ModelSpec.ProbeSpec target;
            try {
                target = Recordings.parse(morph, to);
            } catch (IllegalArgumentException e) {
                throw f.error(f.at("to"), e.getMessage());
            }
            if (target.location() == null) {
                throw f.error(f.at("to"), "'" + to + "': expected a range variable SECTION(x).VARIABLE (e.g. soma(0.5).v)");
            }
            spec.pointers.add(new ModelSpec.PointerSpec(point, pointer, target.location(), target.variable()));
        }
    }

    private void readRecordings(JsonFields top) {
        List<JsonNode> list = top.array("recordings");
        for (int i = 0; i < list.size(); i++) {
            String at = "$.recordings[" + i + "]";
            JsonNode r = list.get(i);
            if (r.isTextual()) {
                spec.probes.add(parseProbe(r.asText(), r.asText(), at));
                continue;
            }
            JsonFields f = new JsonFields(file, at, r);
            String name = f.string("name", null);
            String var = f.requiredString("variable");
            String point = f.string("point", null);
            String loc = f.string("at", null);
            f.finish();
            if ((point == null) == (loc == null)) throw f.error(at, "give exactly one of \"at\" (a location) or \"point\"");
            if (point != null) {
                spec.probes.add(new ModelSpec.ProbeSpec(name != null ? name : point + "." + var, null, point, var));
            } else {
                Location l;
                try {
                    l = Location.parse(morph, loc);
                } catch (IllegalArgumentException e) {
                    throw f.error(f.at("at"), e.getMessage());
                }
                spec.probes.add(new ModelSpec.ProbeSpec(name != null ? name : loc + "." + var, l, null, var));
            }
        }
    }

    private ModelSpec.ProbeSpec parseProbe(String text, String name, String at) {
        try {
            return Recordings.parse(morph, text);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, at, "recording " + e.getMessage());
        }
    }
}
