package org.dendrite.io.hoc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

import org.dendrite.engine.mechanism.Units;

/** HOC's built-in functions and classes (math, strings, files, sections, 3-D points, simulation, objects). */
final class Builtins {
    interface Fn {
        Object apply(List<Object> args, Ast.Ref at);
    }

    /** Graphical functions: accepted, ignored (one note in the world). */
    static final Set<String> GUI_FUNCTIONS = Set.of("xpanel", "xbutton", "xlabel", "xvalue", "xmenu", "xradiobutton",
            "xcheckbox", "xstatebutton", "xslider", "xvarlabel", "xfixedvalue", "doEvents", "doNotify", "nrnmainmenu",
            "nrncontrolmenu", "newPlotV", "newPlotI", "newPlot", "newshapeplot", "addplot", "flush_list", "graphItem",
            "xopen_broadcast_", "nrnpointmenu", "nrnsecmenu", "nrnglobalmechmenu", "nrnmechmenu", "movie_frame",
            "steprun_graph", "save_session", "load_session", "graphmenu", "nrnallsectionmenu", "nrnallpointmenu",
            "makeMainWindow", "fit_praxis_GUI", "pwman_place", "xpvalue", "boolean_dialog",
            "continue_dialog", "string_dialog", "secname_menu");
    /** GUI procedures defined by stdrun/stdlib (procs: they print nothing at top level). */
    static final Set<String> STDRUN_GUI_PROCS = Set.of("nrnmainmenu", "nrncontrolmenu", "newPlotV", "newPlotI",
            "newPlot", "newshapeplot", "addplot", "graphmenu");
    static final Set<String> GUI_CLASSES = Set.of("Graph", "PlotShape", "Shape", "VBox", "HBox", "Deck",
            "ValueFieldEditor", "RangeVarPlot", "SymChooser", "MenuExplore", "Inserter", "PointProcessManager",
            "NetWork", "LinearMechanism_GUI", "CellBuild", "MulRunFitter", "Grapher", "ModelView", "TextEditor",
            "GUIMath", "Pointer", "RunFitter", "MechanismStandard_GUI", "SectionBrowser", "PPShape", "Timer", "PWManager");
    static final Set<String> UNSUPPORTED_CLASSES = Set.of("Matrix", "Impedance", "PythonObject",
            "ParallelContext", "LinearMechanism", "KSChan", "MechanismType", "MechanismStandard",
            "PtrVector", "Import3d_MorphML", "Import3d_Eutectic_read", "Import3d_Section", "BBSaveState", "SaveState", "FInitializeHandler",
            "NetStim_noise", "VecStim", "PatternStim", "IntFire1", "IntFire2", "IntFire4",
            "OClamp", "VClamp", "AlphaSynapse", "ExpSyn2");

    private final HocInterpreter in;
    private final Map<String, Fn> fns = new HashMap<>();

    Builtins(HocInterpreter in) {
        this.in = in;
        math();
        strings();
        files();
        sections();
        pt3d();
        simulation();
        objects();
        for (String g : GUI_FUNCTIONS) {
            boolean proc = STDRUN_GUI_PROCS.contains(g);
            fns.put(g, (a, at) -> {
                in.noteGui(g + "()");
                if (g.equals("xbutton") && a.size() >= 2 && !(a.get(0) instanceof Double) && !(a.get(1) instanceof Double)) {
                    in.button(s(a, 0, at, g), s(a, 1, at, g));
                }
                return proc ? HocInterpreter.NO_VALUE : 0.0;
            });
        }
    }

    boolean hasFunction(String name) {
        return fns.containsKey(name);
    }

    boolean isClass(String name) {
        if (name.equals("Vector") || name.equals("List") || name.equals("SectionList") || name.equals("SectionRef")
                || name.equals("Random") || name.equals("NetCon") || name.equals("CVode") || name.startsWith("Import3d_")
                || name.equals("String") || name.equals("StringFunctions") || name.equals("APCount") || name.equals("File")) {
            return true;
        }
        if (GUI_CLASSES.contains(name) || UNSUPPORTED_CLASSES.contains(name)) return true;
        MechanismCatalog.Mechanism m = in.catalog().mechanism(name);
        return m != null && m.pointProcess();
    }

    Object call(String name, List<Ast.Expr> args, Ast.Ref at) {
        return fns.get(name).apply(in.evalArgs(args), at);
    }

    private static double n(List<Object> a, int i, Ast.Node at, String f) {
        return BuiltinObject.num(a, i, at, f);
    }

    private static String s(List<Object> a, int i, Ast.Node at, String f) {
        return BuiltinObject.str(a, i, at, f);
    }

    private static void arity(List<Object> a, int min, int max, Ast.Node at, String f) {
        if (a.size() < min || a.size() > max) {
            throw at.error(f + "() takes " + (min == max ? String.valueOf(min) : min + " to " + max)
                    + " argument(s), got " + a.size());
        }
    }

    // ---------------------------------------------------------------- math
    private void math1(String name, DoubleUnaryOperator f) {
        fns.put(name, (a, at) -> {
            arity(a, 1, 1, at, name);
            double r = f.applyAsDouble(n(a, 0, at, name));
            if (Double.isNaN(r) && !Double.isNaN(n(a, 0, at, name))) throw at.error(name + "(" + n(a, 0, at, name) + ") is undefined");
            return r;
        });
    }

    private void math() {
        math1("sin", Math::sin);
        math1("cos", Math::cos);
        math1("atan", Math::atan);
        math1("tanh", Math::tanh);
        math1("exp", Math::exp);
        math1("sqrt", Math::sqrt);
        math1("abs", Math::abs);
        math1("int", v -> v < 0 ? Math.ceil(v) : Math.floor(v));
        math1("erf", Units::erf);
        math1("erfc", v -> 1 - Units.erf(v));
        fns.put("log", (a, at) -> {
            arity(a, 1, 1, at, "log");
            double v = n(a, 0, at, "log");
            if (v <= 0) throw at.error("log(" + v + "): argument must be > 0");
            return Math.log(v);
        });
        fns.put("log10", (a, at) -> {
            arity(a, 1, 1, at, "log10");
            double v = n(a, 0, at, "log10");
            if (v <= 0) throw at.error("log10(" + v + "): argument must be > 0");
            return Math.log10(v);
        });
        fns.put("atan2", (a, at) -> {
            arity(a, 2, 2, at, "atan2");
            return Math.atan2(n(a, 0, at, "atan2"), n(a, 1, at, "atan2"));
        });
        fns.put("startsw", (a, at) -> System.nanoTime() * 1e-9);
        fns.put("stopsw", (a, at) -> 0.0);
    }

    // ---------------------------------------------------------------- strings and output
    private void strings() {
        fns.put("printf", (a, at) -> {
            if (a.isEmpty()) throw at.error("printf needs a format string");
            String str = HocFormat.printf(s(a, 0, at, "printf"), a.subList(1, a.size()), at);
            in.out().print(str);
            in.out().flush();
            return (double) str.length();
        });
        fns.put("fprint", fns.get("printf"));
        fns.put("sprint", (a, at) -> {
            if (a.size() < 2 || !(a.get(0) instanceof StrRef)) throw at.error("sprint(strdef, format, ...) needs a strdef first");
            String str = HocFormat.printf(s(a, 1, at, "sprint"), a.subList(2, a.size()), at);
            ((StrRef) a.get(0)).value = str;
            return 1.0;
        });
        fns.put("sscanf", (a, at) -> {
            if (a.size() < 2) throw at.error("sscanf(string, format, &x, ...) needs a string and a format");
            return (double) sscanf(s(a, 0, at, "sscanf"), s(a, 1, at, "sscanf"), a.subList(2, a.size()), at);
        });
        fns.put("strcmp", (a, at) -> {
            arity(a, 2, 2, at, "strcmp");
            int c = s(a, 0, at, "strcmp").compareTo(s(a, 1, at, "strcmp"));
            return (double) Integer.signum(c);
        });
        fns.put("execute", (a, at) -> {
            arity(a, 1, 2, at, "execute");
            TemplateObject ctx = null;
            if (a.size() == 2) {
                Object o = a.get(1);
                if (!(o instanceof TemplateObject)) throw at.error("execute(cmd, obj): obj must be a template object");
                ctx = (TemplateObject) o;
            }
            String cmd = s(a, 0, at, "execute");
            try {
                in.executeIn(cmd, ctx);
            } catch (HocException e) {
                // what failed inside the executed text, and where execute() was called
                if (!e.located()) throw at.error("in execute(\"" + cmd.strip() + "\"): " + e.detail());
                throw e.withContext("in execute(\"" + cmd.strip() + "\") at " + HocException.where(at.file, at.line, at.column));
            }
            return 0.0;
        });
        fns.put("execute1", (a, at) -> {
            arity(a, 1, 2, at, "execute1");
            try {
                TemplateObject ctx = a.size() == 2 && a.get(1) instanceof TemplateObject ? (TemplateObject) a.get(1) : null;
                in.executeIn(s(a, 0, at, "execute1"), ctx);
                return 1.0;
            } catch (HocException e) {
                in.out().println(e.getMessage());
                return 0.0;
            }
        });
        fns.put("name_declared", (a, at) -> {
            String name = s(a, 0, at, "name_declared");
            Symbol sym = in.lookup(name);
            if (sym == null) sym = in.globals.get(name);
            if (sym == null) {
                if (name.equals("L") || name.equals("nseg") || name.equals("Ra")) return 5.0;
                if (fns.containsKey(name) || isClass(name) || in.isRangeName(name)) return 1.0;
                return 0.0;
            }
            switch (sym.kind) {
                case OBJREF: return 2.0;
                case SECTION: return 3.0;
                case STRING: return 4.0;
                case NUMBER: return 5.0;
                default: return 1.0;
            }
        });
        fns.put("numarg", (a, at) -> {
            if (!in.inProcedure()) throw at.error("numarg() outside a procedure");
            return (double) in.currentArgs().size();
        });
        fns.put("argtype", (a, at) -> {
            if (!in.inProcedure()) throw at.error("argtype() outside a procedure");
            int i = (int) n(a, 0, at, "argtype");
            List<Object> args = in.currentArgs();
            if (i < 1 || i > args.size()) return -1.0;
            Object v = args.get(i - 1);
            if (v instanceof Double) return 0.0;
            if (v == null || v instanceof HocObject) return 1.0;
            if (v instanceof String || v instanceof StrRef) return 2.0;
            return 3.0;
        });
        fns.put("getcwd", (a, at) -> in.workingDirectory().toString() + "/");
        fns.put("chdir", (a, at) -> in.chdir(s(a, 0, at, "chdir")));
        fns.put("quit", (a, at) -> {
            throw new HocInterpreter.StopSignal(true);
        });
        fns.put("nrn_load_dll", (a, at) -> {
            String name = s(a, 0, at, "nrn_load_dll");
            if (in.mechanismLoader() == null) {
                in.world().note("nrn_load_dll(\"" + name + "\") ignored: mechanisms come from dendrite's catalogue");
                return 1.0;
            }
            java.nio.file.Path p = in.workingDirectory().resolve(name);
            try {
                in.mechanismLoader().accept(p);
            } catch (org.dendrite.engine.DendriteException e) {
                throw at.error("nrn_load_dll(\"" + name + "\"): " + e.getMessage());
            }
            return 1.0;
        });
        fns.put("nrnversion", (a, at) -> "dendrite HOC interpreter (NEURON 8.2 compatible subset)");
        fns.put("system", (a, at) -> {
            throw at.error("system() is not supported (dendrite does not run shell commands from HOC)");
        });
        fns.put("units", (a, at) -> {
            throw at.error("units() is not supported");
        });
        fns.put("hoc_pointer_", (a, at) -> {
            throw at.error("hoc_pointer_ is not supported");
        });
    }

    /** C sscanf for %d %i %f %g %e (with optional l) into pointers and %s into strdefs; %*x skips. */
    static int sscanf(String text, String fmt, List<Object> targets, Ast.Node at) {
        int ti = 0, assigned = 0, ai = 0;
        for (int fi = 0; fi < fmt.length(); fi++) {
            char c = fmt.charAt(fi);
            if (Character.isWhitespace(c)) {
                while (ti < text.length() && Character.isWhitespace(text.charAt(ti))) ti++;
                continue;
            }
            if (c != '%') {
                if (ti >= text.length() || text.charAt(ti) != c) return assigned;
                ti++;
                continue;
            }
            fi++;
            boolean skip = fi < fmt.length() && fmt.charAt(fi) == '*';
            if (skip) fi++;
            while (fi < fmt.length() && (Character.isDigit(fmt.charAt(fi)) || fmt.charAt(fi) == 'l' || fmt.charAt(fi) == 'h')) fi++;
            if (fi >= fmt.length()) throw at.error("sscanf: incomplete format '" + fmt + "'");
            char conv = fmt.charAt(fi);
            if (conv == '%') {
                if (ti >= text.length() || text.charAt(ti) != '%') return assigned;
                ti++;
                continue;
            }
            while (ti < text.length() && Character.isWhitespace(text.charAt(ti))) ti++;
            int start = ti;
            String token;
            switch (conv) {
                case 'd': case 'i': {
                    if (ti < text.length() && (text.charAt(ti) == '-' || text.charAt(ti) == '+')) ti++;
                    while (ti < text.length() && Character.isDigit(text.charAt(ti))) ti++;
                    break;
                }
                case 'f': case 'g': case 'e': {
                    java.util.regex.Matcher m = java.util.regex.Pattern
                            .compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?").matcher(text);
                    if (m.find(ti) && m.start() == ti) ti = m.end();
                    break;
                }
                case 's':
                    while (ti < text.length() && !Character.isWhitespace(text.charAt(ti))) ti++;
                    break;
                default:
                    throw at.error("sscanf: unsupported conversion '%" + conv + "'");
            }
            token = text.substring(start, ti);
            if (token.isEmpty() || token.equals("-") || token.equals("+")) return assigned;
            if (skip) continue;
            if (ai >= targets.size()) throw at.error("sscanf: more conversions than arguments");
            Object target = targets.get(ai++);
            if (conv == 's') {
                if (!(target instanceof StrRef)) throw at.error("sscanf: %s needs a strdef argument");
                ((StrRef) target).value = token;
            } else {
                if (!(target instanceof HocPointer)) throw at.error("sscanf: %" + conv + " needs a pointer argument (&x)");
                ((HocPointer) target).set(Double.parseDouble(token));
            }
            assigned++;
        }
        return assigned;
    }

    // ---------------------------------------------------------------- files
    private void files() {
        fns.put("load_file", (a, at) -> {
            if (a.isEmpty()) throw at.error("load_file needs a file name");
            boolean force = a.get(0) instanceof Double;
            String name = s(a, force ? 1 : 0, at, "load_file");
            return load(name, !force, at) ? 1.0 : 0.0;
        });
        fns.put("xopen", (a, at) -> {
            arity(a, 1, 2, at, "xopen");
            return load(s(a, 0, at, "xopen"), false, at) ? 1.0 : 0.0;
        });
        for (String f : new String[] {"load_proc", "load_func", "load_template"}) {
            fns.put(f, (a, at) -> {
                throw at.error(f + "(\"" + s(a, 0, at, f) + "\"): searching NEURON's library is not supported; use load_file");
            });
        }
    }

    private boolean load(String name, boolean once, Ast.Node at) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        if (HocInterpreter.STANDARD_LIBRARY.contains(base)) {
            in.loadLibrary(base);
            return true;
        }
        List<Path> candidates = new ArrayList<>();
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            candidates.add(p);
        } else {
            candidates.add(in.currentDirectory().resolve(name));
            candidates.add(in.workingDirectory().resolve(name));
        }
        for (Path c : candidates) {
            Path norm = c.toAbsolutePath().normalize();
            if (Files.isRegularFile(norm)) {
                if (once && !in.markLoaded(norm)) return true;
                in.loadFile(norm);
                return true;
            }
        }
        throw at.error("cannot find HOC file '" + name + "' (looked in " + in.currentDirectory() + ")");
    }

    // ---------------------------------------------------------------- sections
    private void sections() {
        fns.put("secname", (a, at) -> in.currentSection(at).name());
        fns.put("sectionname", (a, at) -> {
            if (a.size() != 1 || !(a.get(0) instanceof StrRef)) throw at.error("sectionname(strdef) needs a strdef");
            ((StrRef) a.get(0)).value = in.currentSection(at).name();
            return 1.0;
        });
        fns.put("issection", (a, at) -> {
            HocSection cur = in.currentSectionOrNull();
            if (cur == null) return 0.0;
            return SectionPattern.compile(s(a, 0, at, "issection")).matchesWhole(cur.name()) ? 1.0 : 0.0;
        });
        fns.put("ismembrane", (a, at) -> {
            String m = s(a, 0, at, "ismembrane");
            HocSection cur = in.currentSection(at);
            if (cur.mechanisms.containsKey(m)) return 1.0;
            return cur.mechanisms.containsKey(m + "_ion") ? 1.0 : 0.0;
        });
        fns.put("section_exists", (a, at) -> {
            String name = s(a, 0, at, "section_exists");
            if (a.size() > 1 && a.get(1) instanceof Double) name = name + "[" + (int) n(a, 1, at, "section_exists") + "]";
            HocObject owner = a.size() > 2 ? BuiltinObject.obj(a, 2, at, "section_exists") : in.currentObject();
            String full = owner != null ? owner + "." + name : name;
            return in.section(full) != null || in.section(full + "[0]") != null ? 1.0 : 0.0;
        });
        fns.put("pop_section", (a, at) -> {
            in.popSection(at);
            return 1.0;
        });
        fns.put("push_section", (a, at) -> {
            String name = s(a, 0, at, "push_section");
            HocSection sec = in.section(name);
            if (sec == null) throw at.error("push_section: no section named " + name);
            in.pushSection(sec);
            return HocInterpreter.NO_VALUE;
        });
        fns.put("delete_section", (a, at) -> {
            HocSection sec = in.currentSection(at);
            in.deleteSection(sec);
            return 0.0;
        });
        fns.put("area", (a, at) -> {
            arity(a, 1, 1, at, "area");
            HocSection sec = in.currentSection(at);
            double x = pos(a, 0, at, "area");
            if (x <= 0 || x >= 1) return 0.0;
            return sec.segmentArea(sec.segmentIndex(x));
        });
        fns.put("ri", (a, at) -> {
            arity(a, 1, 1, at, "ri");
            // NEURON keeps 1/ri per node and ri() answers 1/(1/ri): reproduce that rounding
            double r = ri(in.currentSection(at), pos(a, 0, at, "ri"));
            return r >= 1e30 ? r : 1 / (1 / r);
        });
        fns.put("distance", (a, at) -> {
            HocSection sec = in.currentSection(at);
            if (a.isEmpty()) {
                in.setDistanceOrigin(sec, 0);
                return 0.0;
            }
            if (a.size() == 1) return in.distanceFromOrigin(sec, pos(a, 0, at, "distance"), at);
            double mode = n(a, 0, at, "distance");
            double x = pos(a, 1, at, "distance");
            if (mode == 0) {
                in.setDistanceOrigin(sec, x);
                return 0.0;
            }
            return in.distanceFromOrigin(sec, x, at);
        });
        fns.put("topology", (a, at) -> {
            in.out().println();
            for (HocSection s : in.world().sections()) {
                if (s.parent != null) continue;
                printTree(s, 0, true);
            }
            in.out().println();
            return 1.0;
        });
        fns.put("psection", (a, at) -> {
            psection(in.currentSection(at));
            return 1.0;
        });
        fns.put("lambda_f", (a, at) -> {
            arity(a, 1, 1, at, "lambda_f");
            return lambdaF(in.currentSection(at), n(a, 0, at, "lambda_f"), at);
        });
        fns.put("this_section", (a, at) -> {
            throw at.error("this_section() is not supported");
        });
        fns.put("parent_section", (a, at) -> {
            throw at.error("parent_section() is not supported; use SectionRef.parent");
        });
        fns.put("ion_style", (a, at) -> {
            throw at.error("ion_style() is not supported yet");
        });
        fns.put("setSpineArea", (a, at) -> {
            throw at.error("setSpineArea() is not supported");
        });
    }

    /** stdlib's lambda_f(f): the AC length constant (um) of a section at f Hz (neuron-numerics §4.1). */
    static double lambdaF(HocSection s, double freq, Ast.Node at) {
        double cm = s.cm[s.segmentIndex(0.5)];
        if (cm == 0) return 1e10;
        if (s.n3d < 2) {
            return 1e5 * Math.sqrt(s.diam(s.segmentIndex(0.5)) / (4 * Math.PI * freq * s.ra * cm));
        }
        double[] arc = s.arc3d();
        double lam = 0;
        for (int k = 1; k < s.n3d; k++) {
            double d = (double) s.pd[k - 1] + s.pd[k];
            if (!(d > 0)) throw at.error("lambda_f: zero 3-D diameter in " + s.name());
            lam += (arc[k] - arc[k - 1]) / Math.sqrt(d);
        }
        lam *= Math.sqrt(2) * 1e-5 * Math.sqrt(4 * Math.PI * freq * s.ra * cm);
        return s.L() / lam;
    }

    private static double pos(List<Object> a, int i, Ast.Node at, String f) {
        double x = n(a, i, at, f);
        if (!(x >= 0 && x <= 1)) throw at.error(f + ": position " + x + " outside [0, 1]");
        return x;
    }

    private double ri(HocSection sec, double x) {
        if (x <= 0) {
            if (sec.parent == null) return 1e30;
            HocSection p = sec.parent;
            return ri(p, p.nodePosition(sec.parentX));
        }
        if (x >= 1) return sec.segmentRi(sec.nseg);
        return sec.segmentRi(sec.segmentIndex(x));
    }

    /**
     * NEURON's topology() drawing: a root is {@code |---|} (one dash per segment), a child {@code `--|} drawn
     * from the column of its attachment node on the parent; children follow their parent depth first, in
     * decreasing attachment position.
     */
    private void printTree(HocSection s, int col, boolean root) {
        int n = s.nseg;
        StringBuilder sb = new StringBuilder();
        int firstSeg;
        if (root) {
            sb.append('|').append("-".repeat(n)).append('|');
            firstSeg = col + 1;
        } else {
            sb.append(" ".repeat(col)).append('`').append("-".repeat(n - 1)).append('|');
            firstSeg = col;
        }
        sb.append("       ").append(s.name()).append(s.childEnd == 1 ? "(1-0)" : "(0-1)");
        in.out().println(sb);
        List<HocSection> ch = new ArrayList<>(in.world().children(s));
        java.util.Collections.reverse(ch);
        for (HocSection c : ch) {
            int idx = c.parentX <= 0 ? -1 : c.parentX >= 1 ? n : Math.min((int) (n * c.parentX), n - 1);
            printTree(c, firstSeg + idx + 1, false);
        }
    }

    /** NEURON's psection() text: geometry, connection, and the PARAMETER values of the first segment. */
    private void psection(HocSection s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.name()).append(" { nseg=").append(s.nseg).append("  L=").append(HocFormat.g(s.L(), 6))
                .append("  Ra=").append(HocFormat.g(s.ra, 6)).append('\n');
        if (s.parent != null) {
            sb.append('\t').append(s.parent.name()).append(" connect ").append(s.name()).append(" (")
                    .append(HocFormat.g(s.childEnd, 6)).append("), ").append(HocFormat.g(s.parentX, 6)).append('\n');
        } else {
            int cell = 0;
            for (HocSection r : in.world().sections()) {
                if (r == s) break;
                if (r.parent == null) cell++;
            }
            sb.append("\t/*location 0 attached to cell ").append(cell).append("*/\n");
        }
        sb.append("\t/* First segment only */\n");
        String cap = "\tinsert capacitance { cm=" + HocFormat.g(s.cm[0], 6) + "}\n";
        String morph = "\tinsert morphology { diam=" + HocFormat.g(s.diam(0), 6) + "}\n";
        sb.append(s.nsegChanged ? cap + morph : morph + cap);
        for (MechanismInstance m : s.mechanisms.values()) {
            sb.append("\tinsert ").append(m.name()).append(" {");
            List<MechanismCatalog.Parameter> ps = m.mechanism().parameters();
            for (int i = 0; i < ps.size(); i++) {
                if (ps.get(i).kind() != MechanismCatalog.Kind.PARAMETER) continue;
                String full = m.name().endsWith("_ion") ? ps.get(i).name() : ps.get(i).name() + "_" + m.name();
                sb.append(' ').append(full).append('=').append(HocFormat.g(m.values[i][0], 6));
            }
            sb.append("}\n");
        }
        sb.append('}');
        in.out().println(sb);
    }

    // ---------------------------------------------------------------- 3-D points
    private void pt3d() {
        fns.put("pt3dclear", (a, at) -> {
            HocSection s = in.currentSection(at);
            s.pt3dclear();
            in.world().changed();
            return 0.0;
        });
        fns.put("pt3dadd", (a, at) -> {
            arity(a, 4, 4, at, "pt3dadd");
            HocSection s = in.currentSection(at);
            s.pt3dadd(n(a, 0, at, "pt3dadd"), n(a, 1, at, "pt3dadd"), n(a, 2, at, "pt3dadd"), n(a, 3, at, "pt3dadd"));
            in.world().changed();
            return (double) s.n3d;
        });
        fns.put("pt3dchange", (a, at) -> {
            HocSection s = in.currentSection(at);
            int i = point(s, n(a, 0, at, "pt3dchange"), at);
            if (a.size() == 2) {
                s.pt3dchange(i, s.px[i], s.py[i], s.pz[i], n(a, 1, at, "pt3dchange"));
            } else {
                arity(a, 5, 5, at, "pt3dchange");
                s.pt3dchange(i, n(a, 1, at, "pt3dchange"), n(a, 2, at, "pt3dchange"), n(a, 3, at, "pt3dchange"),
                        n(a, 4, at, "pt3dchange"));
            }
            in.world().changed();
            return 0.0;
        });
        fns.put("pt3dinsert", (a, at) -> {
            arity(a, 5, 5, at, "pt3dinsert");
            HocSection s = in.currentSection(at);
            int i = (int) n(a, 0, at, "pt3dinsert");
            if (i < 0 || i > s.n3d) throw at.error("pt3dinsert: index " + i + " out of range (n3d = " + s.n3d + ")");
            s.pt3dinsert(i, n(a, 1, at, "pt3dinsert"), n(a, 2, at, "pt3dinsert"), n(a, 3, at, "pt3dinsert"),
                    n(a, 4, at, "pt3dinsert"));
            in.world().changed();
            return 0.0;
        });
        fns.put("pt3dremove", (a, at) -> {
            HocSection s = in.currentSection(at);
            s.pt3dremove(point(s, n(a, 0, at, "pt3dremove"), at));
            in.world().changed();
            return 0.0;
        });
        fns.put("pt3dstyle", (a, at) -> {
            HocSection s = in.currentSection(at);
            if (!a.isEmpty()) {
                double style = n(a, 0, at, "pt3dstyle");
                s.pt3dStyle = (int) style;
                if (style != 0) in.world().note("pt3dstyle(1, ...) logical connection points are kept for display only");
            }
            return (double) s.pt3dStyle;
        });
        fns.put("n3d", (a, at) -> (double) in.currentSection(at).n3d);
        fns.put("x3d", (a, at) -> {
            HocSection s = in.currentSection(at);
            return (double) s.px[point(s, n(a, 0, at, "x3d"), at)];
        });
        fns.put("y3d", (a, at) -> {
            HocSection s = in.currentSection(at);
            return (double) s.py[point(s, n(a, 0, at, "y3d"), at)];
        });
        fns.put("z3d", (a, at) -> {
            HocSection s = in.currentSection(at);
            return (double) s.pz[point(s, n(a, 0, at, "z3d"), at)];
        });
        fns.put("diam3d", (a, at) -> {
            HocSection s = in.currentSection(at);
            return (double) s.pd[point(s, n(a, 0, at, "diam3d"), at)];
        });
        fns.put("arc3d", (a, at) -> {
            HocSection s = in.currentSection(at);
            return s.arc3d()[point(s, n(a, 0, at, "arc3d"), at)];
        });
        fns.put("define_shape", (a, at) -> {
            defineShape();
            return 1.0;
        });
    }

    private static int point(HocSection s, double i, Ast.Node at) {
        int k = (int) i;
        if (k < 0 || k >= s.n3d) throw at.error("3-D point index " + k + " out of range (n3d = " + s.n3d + ") in " + s.name());
        return k;
    }

    /**
     * NEURON's define_shape for what affects the model: stylized sections get 3-D points at 0, every segment
     * centre and L with their segment diameters (which changes their areas, neuron-numerics §3.3); sections
     * with points are translated so that they start at their parent's attachment point. The 2-D layout
     * (angles) is dendrite's own: children continue along +x.
     */
    void defineShape() {
        HocWorld w = in.world();
        for (HocSection root : w.sections()) {
            if (root.parent != null) continue;
            for (HocSection s : w.subtree(root)) {
                double[] origin = {0, 0, 0};
                if (s.parent != null) origin = location(s.parent, s.parent.nodePosition(s.parentX) == s.parentX ? s.parentX : s.parentX);
                if (s.n3d == 0) {
                    double L = s.L();
                    int nseg = s.nseg;
                    double[] diams = new double[nseg];
                    for (int j = 0; j < nseg; j++) diams[j] = s.diam(j);
                    s.pt3dadd(origin[0], origin[1], origin[2], diams[0]);
                    for (int j = 0; j < nseg; j++) s.pt3dadd(origin[0] + L * s.centre(j), origin[1], origin[2], diams[j]);
                    s.pt3dadd(origin[0] + L, origin[1], origin[2], diams[nseg - 1]);
                } else if (s.parent != null) {
                    double dx = origin[0] - s.px[0], dy = origin[1] - s.py[0], dz = origin[2] - s.pz[0];
                    if (dx != 0 || dy != 0 || dz != 0) {
                        for (int k = 0; k < s.n3d; k++) {
                            s.px[k] = (float) (s.px[k] + dx);
                            s.py[k] = (float) (s.py[k] + dy);
                            s.pz[k] = (float) (s.pz[k] + dz);
                        }
                    }
                }
            }
        }
        w.changed();
    }

    private static double[] location(HocSection s, double x) {
        if (s.n3d == 0) return new double[] {0, 0, 0};
        double[] arc = s.arc3d();
        double target = x * arc[s.n3d - 1];
        for (int k = 1; k < s.n3d; k++) {
            if (arc[k] >= target || k == s.n3d - 1) {
                double seg = arc[k] - arc[k - 1];
                double f = seg > 0 ? (target - arc[k - 1]) / seg : 1;
                return new double[] {s.px[k - 1] + f * (s.px[k] - s.px[k - 1]), s.py[k - 1] + f * (s.py[k] - s.py[k - 1]),
                        s.pz[k - 1] + f * (s.pz[k] - s.pz[k - 1])};
            }
        }
        return new double[] {s.px[0], s.py[0], s.pz[0]};
    }

    // ---------------------------------------------------------------- simulation
    private void simulation() {
        // finitialize and fadvance are built-in functions (they return 1); run, stdinit, init, continuerun,
        // steprun, setdt are stdrun procs (no value, nothing printed at top level)
        fns.put("finitialize", (a, at) -> {
            in.finitialize(a.isEmpty() ? in.world().vInit() : n(a, 0, at, "finitialize"), at);
            return 1.0;
        });
        fns.put("fadvance", (a, at) -> {
            in.fadvance(at);
            return 1.0;
        });
        fns.put("run", (a, at) -> {
            if (!a.isEmpty()) in.world().tstop = n(a, 0, at, "run");
            in.runStd(at);
            return HocInterpreter.NO_VALUE;
        });
        fns.put("stdinit", (a, at) -> {
            in.finitialize(in.world().vInit(), at);
            return HocInterpreter.NO_VALUE;
        });
        fns.put("init", fns.get("stdinit"));
        fns.put("continuerun", (a, at) -> {
            in.continuerun(n(a, 0, at, "continuerun"), at);
            return HocInterpreter.NO_VALUE;
        });
        fns.put("steprun", (a, at) -> {
            in.fadvance(at);
            return HocInterpreter.NO_VALUE;
        });
        fns.put("setdt", (a, at) -> HocInterpreter.NO_VALUE);
        fns.put("stoppedrun", (a, at) -> 0.0);
        fns.put("step", fns.get("steprun"));
        fns.put("advance", fns.get("steprun"));
        fns.put("set_ra", (a, at) -> HocInterpreter.NO_VALUE);
        fns.put("cvode_local", (a, at) -> {
            if (!a.isEmpty() && n(a, 0, at, "cvode_local") != 0) {
                in.world().note("cvode_local(1): local variable time step is not available; dendrite runs fixed step (dt)");
            }
            return 0.0;
        });
        fns.put("fcurrent", (a, at) -> {
            throw at.error("fcurrent() is not supported yet");
        });
        fns.put("cvode_active", (a, at) -> {
            if (!a.isEmpty()) {
                boolean on = n(a, 0, at, "cvode_active") != 0;
                in.world().cvodeRequested = on;
                if (on) in.world().note("cvode_active(1): " + "variable time step (BDF) in run()/continuerun() for mechanisms with a derivative form (hh, pas, Hay/Allen channels, .mod DERIVATIVE/KINETIC), recorded every dt; fadvance() loops stay fixed step");
            }
            return in.world().cvodeRequested() ? 1.0 : 0.0;
        });
    }

    // ---------------------------------------------------------------- objects
    private void objects() {
        fns.put("object_id", (a, at) -> {
            HocObject o = BuiltinObject.obj(a, 0, at, "object_id");
            return o == null ? 0.0 : (double) System.identityHashCode(o);
        });
        fns.put("isobj", (a, at) -> {
            Object o = a.isEmpty() ? null : a.get(0);
            if (a.size() > 1) {
                String cls = s(a, 1, at, "isobj");
                return o instanceof HocObject && ((HocObject) o).className().equals(cls) ? 1.0 : 0.0;
            }
            return o instanceof HocObject ? 1.0 : 0.0;
        });
    }

    Object newObject(String cls, List<Object> args, Ast.Node at) {
        switch (cls) {
            case "Vector": {
                HocVector v = in.newVector();
                if (!args.isEmpty()) {
                    v.resize((int) n(args, 0, at, "Vector"));
                    if (args.size() > 1) v.call(in, "fill", List.of(n(args, 1, at, "Vector")), at);
                }
                return v;
            }
            case "List": {
                HocList l = new HocList(in.nextIndex("List"));
                if (!args.isEmpty()) {
                    String t = s(args, 0, at, "List");
                    Template tp = in.templates().get(t);
                    if (tp == null) throw at.error("List(\"" + t + "\"): no template named " + t);
                    l.items.addAll(tp.instances);
                }
                return l;
            }
            case "SectionList":
                return new HocSectionList(in.nextIndex("SectionList"));
            case "SectionRef":
                return new HocSectionRef(in.nextIndex("SectionRef"), in.currentSection(at));
            case "Random": {
                long seed = args.isEmpty() ? 0 : (long) n(args, 0, at, "Random");
                return new HocRandom(in.nextIndex("Random"), seed);
            }
            case "CVode":
                return new CVodeObject(in.nextIndex("CVode"));
            case "String":
                return new HocStrings.StringObject(in.nextIndex("String"), args.isEmpty() ? "" : s(args, 0, at, cls));
            case "StringFunctions":
                return new HocStrings.Functions(in.nextIndex("StringFunctions"));
            case "NetCon":
                return newNetCon(args, at);
            case "File":
                return new HocFile(in.nextIndex(cls), args.isEmpty() ? null : s(args, 0, at, cls));
            case "APCount":
                if (args.isEmpty()) throw at.error("new APCount(x) needs a position");
                return new ApCount(in, in.nextIndex(cls), in.currentSection(at), n(args, 0, at, cls), at);
            case "Import3d_SWC_read":
                return new Import3d.Reader(cls, in.nextIndex(cls), "swc");
            case "Import3d_Neurolucida3":
                return new Import3d.Reader(cls, in.nextIndex(cls), "asc");
            case "Import3d_GUI": {
                HocObject r = BuiltinObject.obj(args, 0, at, cls);
                if (!(r instanceof Import3d.Reader)) throw at.error("new Import3d_GUI(reader, 0) needs an Import3d reader");
                return new Import3d.Gui(in.nextIndex(cls), (Import3d.Reader) r);
            }
            default:
        }
        if (GUI_CLASSES.contains(cls)) {
            in.noteGui("new " + cls + "()");
            return new GuiObject(cls, in.nextIndex(cls));
        }
        MechanismCatalog.Mechanism m = in.catalog().mechanism(cls);
        if (m != null && m.pointProcess()) {
            PointProcess pp = new PointProcess(m, in.nextIndex(cls));
            if (!m.artificial()) {
                if (args.isEmpty()) throw at.error("new " + cls + "(x) needs a position");
                pp.place(in.currentSection(at), n(args, 0, at, cls), at);
            }
            in.world().pointProcesses.add(pp);
            in.world().changed();
            return pp;
        }
        if (UNSUPPORTED_CLASSES.contains(cls)) {
            if (cls.startsWith("Import3d")) {
                throw at.error("new " + cls + "(): Import3d morphology loading from HOC is not supported yet "
                        + "(it waits on dendrite's SWC/ASC readers)");
            }
            throw at.error("new " + cls + "(): the " + cls + " class is not supported");
        }
        if (m != null) throw at.error(cls + " is a density mechanism; use insert " + cls);
        throw at.error("unknown template or class '" + cls + "'");
    }

    private NetConnection newNetCon(List<Object> args, Ast.Node at) {
        if (args.size() < 2) throw at.error("new NetCon(source, target[, threshold, delay, weight]) needs 2 arguments");
        Object src = args.get(0);
        HocPointer sp = null;
        PointProcess so = null;
        if (src instanceof HocPointer) sp = (HocPointer) src;
        else if (src instanceof PointProcess) so = (PointProcess) src;
        else if (src == null) { /* no source */ }
        else throw at.error("NetCon source must be &v(x) or a point process, not " + HocInterpreter.typeName(src));
        Object tgt = args.get(1);
        if (tgt != null && !(tgt instanceof PointProcess)) {
            throw at.error("NetCon target must be a point process or nil, not " + HocInterpreter.typeName(tgt));
        }
        NetConnection nc = new NetConnection(in.nextIndex("NetCon"), sp, so, (PointProcess) tgt);
        if (args.size() > 2) nc.threshold = n(args, 2, at, "NetCon");
        if (args.size() > 3) nc.delay = n(args, 3, at, "NetCon");
        if (args.size() > 4) nc.weight[0] = n(args, 4, at, "NetCon");
        in.world().netCons.add(nc);
        in.world().changed();
        return nc;
    }
}
