package org.dendrite.io.hoc;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dendrite.io.hoc.Ast.*;

/**
 * A tree-walking interpreter for NEURON's HOC language with its section world.
 *
 * <p>Usage: {@code new HocInterpreter()}, then {@link #loadFile(Path)} or {@link #execute(String, String)};
 * the resulting model is {@link #world()}. Simulation statements ({@code finitialize}, {@code fadvance},
 * {@code run}) are delegated to a {@link HocSimulationBridge} set with {@link #setBridge}; without one they
 * fail with a clear message, everything else (building cells, computing areas and distances) works.
 */
public final class HocInterpreter {
    /** HOC's default {@code float_epsilon} used by comparisons. */
    public static final double FLOAT_EPSILON = 1e-11;
    /** Names of NEURON's standard library files that resolve to dendrite's built-ins. */
    static final Set<String> STANDARD_LIBRARY = Set.of("stdrun.hoc", "stdlib.hoc", "import3d.hoc", "nrngui.hoc",
            "noload.hoc", "stdgui.hoc", "import3d_gui.hoc");
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "(no value)";
        }
    };

    private final HocWorld world;
    private final MechanismCatalog catalog;
    private PrintStream out = System.out;
    private HocSimulationBridge bridge;

    final Map<String, Symbol> globals = new HashMap<>();
    private final Map<String, Template> templates = new HashMap<>();
    private final Map<String, Integer> classCounters = new HashMap<>();
    private final Deque<HocSection> secStack = new ArrayDeque<>();
    private HocSection accessed;
    private Frame frame;
    private final Frame topFrame;
    private final Deque<Path> dirStack = new ArrayDeque<>();
    private final Set<Path> loaded = new HashSet<>();
    private final Set<String> loadedLibraries = new HashSet<>();
    private final Map<String, RangeName> rangeNames = new HashMap<>();
    private boolean initialized;
    private HocSection distanceOrigin;
    private double distanceOriginX;
    private boolean guiNoted;
    private final Builtins builtins;
    private int callDepth;

    /** Interpreter with NEURON's built-in mechanisms only. */
    public HocInterpreter() {
        this(new BuiltinMechanisms());
    }

    public HocInterpreter(MechanismCatalog catalog) {
        this.catalog = catalog;
        this.world = new HocWorld(catalog);
        this.topFrame = new Frame(null, null, List.of(), null);
        this.frame = topFrame;
        this.builtins = new Builtins(this);
        defineConstant("PI", Math.PI);
        defineConstant("E", Math.E);
        defineConstant("GAMMA", 0.57721566490153286060);
        defineConstant("DEG", 57.29577951308232087680);
        defineConstant("PHI", 1.61803398874989484820);
        defineConstant("FARADAY", 96485.33212331001);
        defineConstant("R", 8.31446261815324);
        defineConstant("float_epsilon", FLOAT_EPSILON);
        defineConstant("hoc_ac_", 0);
        defineConstant("steps_per_ms", 40);
        defineConstant("stoprun", 0);
        defineConstant("realtime", 0);
        defineConstant("runStopAt", 1e9);
        defineConstant("screen_update_invl", 0.05);
        defineConstant("using_cvode_", 0);
        Symbol cv = new Symbol("cvode", Symbol.Kind.OBJREF);
        cv.objs = new HocObject[] {new CVodeObject(0)};
        globals.put("cvode", cv);
    }

    private void defineConstant(String name, double v) {
        globals.put(name, Symbol.number(name, v));
    }

    // ================================================================ public API
    public HocWorld world() { return world; }
    public MechanismCatalog catalog() { return catalog; }
    public PrintStream out() { return out; }
    public void setOut(PrintStream out) { this.out = out; }
    public HocSimulationBridge bridge() { return bridge; }
    public void setBridge(HocSimulationBridge bridge) { this.bridge = bridge; }

    private java.util.function.Consumer<java.nio.file.Path> mechanismLoader;

    /**
     * What {@code nrn_load_dll(PATH)} does: the front end compiles the .mod files at PATH (a folder, a .mod file, or
     * a NEURON build's {@code x86_64/.libs/libnrnmech.so}) and makes their mechanisms insertable.
     */
    public void setMechanismLoader(java.util.function.Consumer<java.nio.file.Path> loader) { this.mechanismLoader = loader; }

    public java.util.function.Consumer<java.nio.file.Path> mechanismLoader() { return mechanismLoader; }

    /** Runs HOC source; {@code fileName} is used in messages and for relative {@code load_file}s (may be null). */
    public void execute(String source, String fileName) {
        run(source, fileName == null ? "<hoc>" : fileName, topFrame);
    }

    /** Loads and runs a file (as {@code xopen}). */
    public void loadFile(Path file) {
        Path p = file.toAbsolutePath().normalize();
        String src;
        try {
            src = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HocException(file.toString(), 0, 0, "cannot read HOC file: " + e.getMessage());
        }
        loaded.add(p);
        dirStack.push(p.getParent());
        try {
            // a file runs at top level, even when load_file is called inside a proc (ModelDB's restart())
            run(src, file.toString(), topFrame);
        } finally {
            dirStack.pop();
        }
    }

    /** Value of a top-level number variable (NaN if absent). */
    public double getNumber(String name) {
        Object v = globalValue(name);
        return v instanceof Double ? (Double) v : Double.NaN;
    }

    /** Value of a top-level strdef (null if absent). */
    public String getString(String name) {
        Object v = globalValue(name);
        return v instanceof StrRef ? ((StrRef) v).value : null;
    }

    /** Value of a top-level objref (null if absent or NULLobject). */
    public HocObject getObject(String name) {
        Object v = globalValue(name);
        return v instanceof HocObject ? (HocObject) v : null;
    }

    private Object globalValue(String name) {
        switch (name) {
            case "t": return world.t;
            case "dt": return world.dt;
            case "celsius": return world.celsius;
            case "secondorder": return world.secondorder;
            case "tstop": return world.tstop;
            case "v_init": return world.vInit;
            default:
        }
        Symbol s = globals.get(name);
        if (s == null) return null;
        switch (s.kind) {
            case NUMBER: return s.nums[0];
            case STRING: return s.strs[0];
            case OBJREF: return s.objs[0];
            case SECTION: return s.secs[0];
            default: return null;
        }
    }

    /** The live section with this full name ({@code soma}, {@code dend[2]}, {@code Cell[0].soma}), or null. */
    public HocSection section(String name) {
        for (HocSection s : world.sections) if (s.name().equals(name)) return s;
        return null;
    }

    /**
     * Every Vector held by a top-level object variable, by variable name ({@code vsoma}, {@code rec[2]}),
     * in declaration order of first appearance; the CLI names recorded columns after these.
     */
    public Map<String, HocVector> vectorVariables() {
        Map<String, HocVector> m = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(globals.keySet());
        names.sort(null);
        for (String n : names) {
            Symbol s = globals.get(n);
            if (s.kind != Symbol.Kind.OBJREF) continue;
            for (int i = 0; i < s.objs.length; i++) {
                if (s.objs[i] instanceof HocVector) m.put(s.elementName(i), (HocVector) s.objs[i]);
            }
        }
        return m;
    }

    // ================================================================ running source
    private void run(String source, String file, Frame context) {
        List<Token> tokens = Lexer.tokenize(source, file);
        Parser parser = new Parser(tokens, file);
        Frame saved = frame;
        frame = context;
        runDepth++;
        try {
            while (!parser.atEnd()) {
                Stmt s = parser.next();
                try {
                    exec(s);
                } catch (Signal sig) {
                    if (sig instanceof StopSignal) {
                        if (((StopSignal) sig).quit) {
                            quitRequested = true;
                            if (runDepth > 1) throw sig;
                        }
                        return;
                    }
                    throw s.error("'" + sig.name() + "' outside a loop or procedure");
                }
            }
        } finally {
            frame = saved;
            runDepth--;
        }
    }

    private int runDepth;

    // ================================================================ control-flow signals
    abstract static class Signal extends RuntimeException {
        Signal() {
            super(null, null, false, false);
        }

        abstract String name();
    }

    static final class BreakSignal extends Signal {
        static final BreakSignal INSTANCE = new BreakSignal();
        String name() { return "break"; }
    }

    static final class ContinueSignal extends Signal {
        static final ContinueSignal INSTANCE = new ContinueSignal();
        String name() { return "continue"; }
    }

    static final class StopSignal extends Signal {
        final boolean quit;
        StopSignal() { this(false); }
        StopSignal(boolean quit) { this.quit = quit; }
        String name() { return "stop"; }
    }

    private boolean quitRequested;

    /** Whether HOC called {@code quit()} (the interactive prompt then ends). */
    public boolean quitRequested() {
        return quitRequested;
    }

    static final class ReturnSignal extends Signal {
        final Object value;
        ReturnSignal(Object value) { this.value = value; }
        String name() { return "return"; }
    }

    /** A procedure activation: its arguments, local variables and object context. */
    static final class Frame {
        final Frame caller;
        final TemplateObject self;
        final List<Object> args;
        final Procedure proc;
        Map<String, Symbol> locals;
        /** For an iterator's activation: the loop body that iterator_statement runs. */
        IteratorLoop loop;
        /** Per argument, the caller's objref variable it came from (so {@code $o1 = obj} sets it), or null. */
        ObjrefSlot[] argSlots;

        Frame(Frame caller, TemplateObject self, List<Object> args, Procedure proc) {
            this.caller = caller;
            this.self = self;
            this.args = args;
            this.proc = proc;
        }
    }

    /**
     * The execution budget: statements one interpreter may execute (loop bodies count each time round), unlimited
     * unless set with {@link #setStepLimit} or {@code -Ddendrite.hoc.maxSteps=N}. A script past it ends with a
     * HocException naming the file and line of the statement (the fuzzer sets it so that no mutated script hangs).
     */
    private long stepLimit = Long.getLong("dendrite.hoc.maxSteps", Long.MAX_VALUE);
    private long steps;

    /**
     * Null when {@code elements} doubles (8 bytes each) fit in half of the memory this JVM has left, else the
     * message saying so ({@code what} names the array): one check for HOC arrays and Vectors.
     */
    static String tooLarge(long elements, String what) {
        long free = Runtime.getRuntime().maxMemory() - (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
        if (elements <= Integer.MAX_VALUE - 16 && elements * 8 <= free / 2) return null;
        return String.format(java.util.Locale.ROOT, "%s of %d elements needs %.3g GB, more than this JVM can use"
                + " (%.3g GB free)", what, elements, elements * 8 / 1e9, free / 1e9);
    }

    /** Sets the execution budget (statements; {@code Long.MAX_VALUE} for none) and restarts the count. */
    public void setStepLimit(long statements) {
        if (statements <= 0) throw new IllegalArgumentException("the HOC step limit must be positive: " + statements);
        stepLimit = statements;
        steps = 0;
    }

    // ================================================================ statements
    void exec(Stmt s) {
        if (++steps > stepLimit) {
            steps = stepLimit; // every statement still running reports the same error
            throw s.error("execution budget exceeded: more than " + stepLimit + " statements executed (a loop that"
                    + " does not end?); the limit is set by -Ddendrite.hoc.maxSteps");
        }
        try {
            execInner(s);
        } catch (Signal | HocException e) {
            if (e instanceof HocException && !((HocException) e).located()) {
                throw s.error(((HocException) e).detail());
            }
            throw e;
        } catch (StackOverflowError e) {
            throw s.error("recursion too deep");
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            throw s.error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void execInner(Stmt s) {
        if (s instanceof ExprStmt) {
            ExprStmt es = (ExprStmt) s;
            Object v = eval(es.expr);
            if (es.printResult && v != NO_VALUE) printValue(v);
            // a method called through an object at top level prints 0 even when it is a proc (NEURON 8.2)
            else if (es.printResult && es.expr instanceof Ref && ((Ref) es.expr).target != null) printValue(0.0);
        } else if (s instanceof Block) {
            for (Stmt b : ((Block) s).body) exec(b);
        } else if (s instanceof If) {
            If i = (If) s;
            if (truth(eval(i.cond), i.cond)) exec(i.then);
            else if (i.otherwise != null) exec(i.otherwise);
        } else if (s instanceof While) {
            While w = (While) s;
            while (truth(eval(w.cond), w.cond)) {
                try {
                    exec(w.body);
                } catch (BreakSignal b) {
                    break;
                } catch (ContinueSignal c) {
                    // next iteration
                }
            }
        } else if (s instanceof For) {
            execFor((For) s);
        } else if (s instanceof ForRange) {
            execForRange((ForRange) s);
        } else if (s instanceof ForSeg) {
            execForSeg((ForSeg) s);
        } else if (s instanceof ForIterator) {
            execForIterator((ForIterator) s);
        } else if (s instanceof IteratorStatement) {
            execIteratorStatement((IteratorStatement) s);
        } else if (s instanceof Jump) {
            String k = ((Jump) s).kind;
            if (k.equals("break")) throw BreakSignal.INSTANCE;
            if (k.equals("continue")) throw ContinueSignal.INSTANCE;
            throw new StopSignal();
        } else if (s instanceof Return) {
            Return r = (Return) s;
            throw new ReturnSignal(r.value == null ? null : eval(r.value));
        } else if (s instanceof Decl) {
            execDecl((Decl) s);
        } else if (s instanceof ProcDef) {
            ProcDef p = (ProcDef) s;
            if (frame.proc != null) throw s.error("a " + p.kind + " cannot be defined inside a procedure");
            if (frame.self != null) {
                frame.self.template.procs.put(p.name, new Procedure(p.name, p.kind, p.body, frame.self.template));
            } else {
                Symbol old = globals.get(p.name);
                if (old != null && old.kind != Symbol.Kind.PROC) {
                    throw s.error("'" + p.name + "' is already declared as a " + old.kind.name().toLowerCase());
                }
                Symbol sym = new Symbol(p.name, Symbol.Kind.PROC);
                sym.proc = new Procedure(p.name, p.kind, p.body, null);
                globals.put(p.name, sym);
                // NEURON creates the global variables a procedure assigns when it parses it (0 until set);
                // only numeric assignments are taken, an object assignment needs an objref declaration anyway
                java.util.Set<String> assigned = new java.util.LinkedHashSet<>();
                java.util.Set<String> locals = new java.util.HashSet<>();
                collectAssigned(p.body, assigned, locals, true);
                for (String n : assigned) {
                    if (!locals.contains(n) && !globals.containsKey(n) && rangeName(n) == null
                            && !WORLD_VARIABLES.contains(n) && !builtins.hasFunction(n) && !builtins.isClass(n)) {
                        globals.put(n, Symbol.number(n, 0));
                    }
                }
            }
        } else if (s instanceof TemplateDef) {
            defineTemplate((TemplateDef) s);
        } else if (s instanceof SectionStmt) {
            SectionStmt ss = (SectionStmt) s;
            HocSection sec = evalSection(ss.section);
            secStack.push(sec);
            int depth = secStack.size();
            try {
                exec(ss.body);
            } finally {
                while (secStack.size() > depth) secStack.pop();
                if (!secStack.isEmpty()) secStack.pop();
            }
        } else if (s instanceof Access) {
            // inside a section block, access replaces the top of the stack only (NEURON 8.2 behaviour)
            HocSection sec = evalSection(((Access) s).section);
            if (!secStack.isEmpty()) {
                secStack.pop();
                secStack.push(sec);
            } else {
                accessed = sec;
            }
        } else if (s instanceof Connect) {
            execConnect((Connect) s);
        } else if (s instanceof SetPointer) {
            execSetPointer((SetPointer) s);
        } else if (s instanceof Insert) {
            Insert ins = (Insert) s;
            if (ins.remove) uninsert(currentSection(s), ins.mechanism, s);
            else insert(currentSection(s), ins.mechanism, s);
        } else if (s instanceof SecLoop) {
            execSecLoop((SecLoop) s);
        } else if (s instanceof Print) {
            StringBuilder sb = new StringBuilder();
            for (Expr e : ((Print) s).items) {
                Object v = eval(e);
                if (v instanceof Double) sb.append(HocFormat.g((Double) v, 8)).append(' ');
                else if (v instanceof String || v instanceof StrRef) {
                    sb.append(v);
                    // NEURON 8.2 prints a space after an object's string member (obj.str), not after others
                    if (e instanceof Ref && ((Ref) e).target != null) sb.append(' ');
                }
                else if (v == null) sb.append("NULLobject ");
                else sb.append(v).append(' ');
            }
            out.println(sb);
        } else if (s instanceof Empty) {
            // nothing
        } else {
            throw s.error("unsupported statement");
        }
    }

    private void printValue(Object v) {
        if (v instanceof Double) out.println("\t" + HocFormat.g((Double) v, 8) + " ");
        else if (v instanceof String || v instanceof StrRef) out.println(v);
        else if (v == null) out.println("\tNULLobject ");
        else out.println("\t" + v + " ");
    }

    private void execFor(For f) {
        if (f.init != null) eval(f.init);
        while (f.cond == null || truth(eval(f.cond), f.cond)) {
            try {
                exec(f.body);
            } catch (BreakSignal b) {
                break;
            } catch (ContinueSignal c) {
                // step
            }
            if (f.step != null) eval(f.step);
        }
    }

    /** The body of the for-iterator loop being run, and the frame it runs in. */
    private static final class IteratorLoop {
        final Stmt body;
        final Frame frame;
        IteratorLoop(Stmt body, Frame frame) { this.body = body; this.frame = frame; }
    }

    /** Thrown through the iterator when the loop body executes break. */
    private static final class IteratorBreak extends Signal {
        final IteratorLoop loop;
        IteratorBreak(IteratorLoop loop) { this.loop = loop; }
        String name() { return "break"; }
    }

    private void execForIterator(ForIterator f) {
        Ref call = f.call;
        if (call.target == null && call.name.equals("case") && lookup("case") == null) {
            // stdlib's iterator case(&x, v1, v2, ...): x takes each value in turn (x is created if new)
            if (!call.args.isEmpty() && call.args.get(0) instanceof AddressOf
                    && ((AddressOf) call.args.get(0)).target instanceof Ref) {
                Ref x = (Ref) ((AddressOf) call.args.get(0)).target;
                if (x.target == null && x.index == null && x.args == null && lookup(x.name) == null
                        && rangeName(x.name) == null && !WORLD_VARIABLES.contains(x.name)) {
                    declarationScope().put(x.name, Symbol.number(x.name, 0));
                }
            }
            List<Object> args = evalArgs(call.args);
            if (args.isEmpty() || !(args.get(0) instanceof HocPointer)) throw f.error("for case(&x, values...) needs &x first");
            HocPointer p = (HocPointer) args.get(0);
            for (int i = 1; i < args.size(); i++) {
                p.set(num(args.get(i), call));
                try {
                    exec(f.body);
                } catch (BreakSignal b) {
                    break;
                } catch (ContinueSignal c) {
                    // next value
                }
            }
            return;
        }
        Procedure p;
        TemplateObject self;
        if (call.target == null) {
            Symbol s = lookup(call.name);
            if (s == null || s.kind != Symbol.Kind.PROC || !s.proc.kind.equals("iterator")) {
                throw f.error("'" + call.name + "' is not an iterator");
            }
            p = s.proc;
            self = p.template == null ? null : frame.self;
        } else {
            Object t = eval(call.target);
            if (!(t instanceof TemplateObject)) throw f.error("for " + call.name + "(...): not an iterator of an object");
            Symbol s = publicMember((TemplateObject) t, call);
            if (s.kind != Symbol.Kind.PROC || !s.proc.kind.equals("iterator")) {
                throw f.error("'" + call.name + "' is not an iterator");
            }
            p = s.proc;
            self = (TemplateObject) t;
        }
        IteratorLoop loop = new IteratorLoop(f.body, frame);
        try {
            List<Object> args = evalArgs(call.args);
            pendingSlots = objrefSlots(call.args);
            callProcedure(p, self, args, call, loop);
        } catch (IteratorBreak b) {
            if (b.loop != loop) throw b;
        } catch (IteratorReturn r) {
            if (r.loop != loop) throw r;
            throw new ReturnSignal(r.value);
        }
    }

    /** Thrown through the iterator when the loop body executes return (it returns from the loop's procedure). */
    private static final class IteratorReturn extends Signal {
        final IteratorLoop loop;
        final Object value;
        IteratorReturn(IteratorLoop loop, Object value) { this.loop = loop; this.value = value; }
        String name() { return "return"; }
    }

    private void execIteratorStatement(IteratorStatement s) {
        IteratorLoop loop = frame.loop;
        if (loop == null) throw s.error("iterator_statement outside an iterator");
        Frame saved = frame;
        frame = loop.frame;
        try {
            exec(loop.body);
        } catch (BreakSignal b) {
            throw new IteratorBreak(loop);
        } catch (ReturnSignal r) {
            throw new IteratorReturn(loop, r.value);
        } catch (ContinueSignal c) {
            // next iteration of the iterator
        } finally {
            frame = saved;
        }
    }

    private void execForRange(ForRange f) {
        double from = num(eval(f.from), f.from);
        assign(f.var, from, f);
        while (true) {
            double to = num(eval(f.to), f.to);
            double i = num(eval(f.var), f.var);
            if (!(i <= to)) break;
            try {
                exec(f.body);
            } catch (BreakSignal b) {
                break;
            } catch (ContinueSignal c) {
                // next
            }
            assign(f.var, num(eval(f.var), f.var) + 1, f);
        }
    }

    private void execForSeg(ForSeg f) {
        HocSection sec = currentSection(f);
        boolean ends = f.ends == null || num(eval(f.ends), f.ends) != 0;
        int n = sec.nseg();
        List<Double> xs = new ArrayList<>();
        if (ends) xs.add(0.0);
        // NEURON accumulates the centres: x = dx/2, then x += dx (matches its last bits)
        double dx = 1.0 / n, x0 = 0.5 * dx;
        for (int j = 0; j < n; j++, x0 += dx) xs.add(x0);
        if (ends) xs.add(1.0);
        for (double x : xs) {
            assign(f.var, x, f);
            try {
                exec(f.body);
            } catch (BreakSignal b) {
                break;
            } catch (ContinueSignal c) {
                // next
            }
        }
    }

    private void execSecLoop(SecLoop l) {
        if (l.kind.equals("ifsec")) {
            HocSection cur = currentSection(l);
            Object sel = eval(l.selector);
            boolean match;
            if (sel instanceof HocSectionList) match = ((HocSectionList) sel).sections().contains(cur);
            else match = SectionPattern.compile(string(sel, l.selector)).matches(cur.name());
            if (match) exec(l.body);
            return;
        }
        List<HocSection> list;
        // inside a template, forall and forsec "pattern" see only the object's own sections (NEURON 8.2)
        TemplateObject self = frame.self;
        if (l.kind.equals("forall")) {
            list = new ArrayList<>();
            for (HocSection s : world.sections) if (self == null || s.owner() == self) list.add(s);
        } else {
            Object sel = eval(l.selector);
            if (sel instanceof HocSectionList) {
                list = ((HocSectionList) sel).sections();
            } else if (sel instanceof String || sel instanceof StrRef) {
                SectionPattern p = SectionPattern.compile(sel.toString());
                list = new ArrayList<>();
                for (HocSection s : world.sections) {
                    if ((self == null || s.owner() == self) && p.matches(s.name())) list.add(s);
                }
            } else {
                throw l.selector.error("forsec needs a SectionList or a name pattern string");
            }
        }
        for (HocSection s : list) {
            if (s.deleted) continue;
            secStack.push(s);
            int depth = secStack.size();
            try {
                exec(l.body);
            } catch (BreakSignal b) {
                break;
            } catch (ContinueSignal c) {
                // next
            } finally {
                while (secStack.size() > depth) secStack.pop();
                secStack.pop();
            }
        }
    }

    // ---------------------------------------------------------------- declarations
    private Map<String, Symbol> declarationScope() {
        return frame.self != null ? frame.self.fields : globals;
    }

    private void execDecl(Decl d) {
        switch (d.kind) {
            case "public": case "external":
                throw d.error("'" + d.kind + "' is only allowed in a template");
            case "local": case "localobj": {
                if (frame.proc == null) throw d.error("'" + d.kind + "' is only allowed in a proc or func");
                if (frame.locals == null) frame.locals = new HashMap<>();
                for (int i = 0; i < d.names.size(); i++) {
                    String n = d.names.get(i);
                    Symbol s;
                    if (d.kind.equals("local")) {
                        s = new Symbol(n, Symbol.Kind.NUMBER);
                        int[] dims = dims(d.dims.get(i), d);
                        s.dims = dims;
                        s.nums = new double[dims == null ? 1 : product(dims)];
                    } else {
                        s = new Symbol(n, Symbol.Kind.OBJREF);
                        s.objs = new HocObject[1];
                    }
                    frame.locals.put(n, s);
                }
                return;
            }
            default:
        }
        Map<String, Symbol> scope = declarationScope();
        for (int i = 0; i < d.names.size(); i++) {
            String n = d.names.get(i);
            if (rangeName(n) != null || WORLD_VARIABLES.contains(n) || builtins.hasFunction(n) || builtins.isClass(n)) {
                throw d.error("'" + n + "' is a built-in name (section variable, range variable or function) "
                        + "and cannot be declared");
            }
            int[] dims = dims(d.dims.get(i), d);
            long size0 = 1;
            if (dims != null) for (int k : dims) size0 = Math.min(size0 * Math.max(k, 0), Long.MAX_VALUE / Integer.MAX_VALUE);
            String tooLarge = tooLarge(size0, "'" + n + "': an array");
            if (tooLarge != null) throw d.error(tooLarge);
            int size = (int) size0;
            Symbol old = scope.get(n);
            switch (d.kind) {
                case "objref": {
                    if (old != null && old.kind != Symbol.Kind.OBJREF) throw d.error("'" + n + "' is already declared as a " + kindName(old));
                    if (old != null && dims == null && old.dims == null) {
                        old.objs[0] = null;
                        if (n.equals("this") && frame.self != null) old.objs[0] = frame.self;
                        break;
                    }
                    Symbol s = new Symbol(n, Symbol.Kind.OBJREF);
                    s.dims = dims;
                    s.objs = new HocObject[size];
                    if (n.equals("this") && frame.self != null) s.objs[0] = frame.self;
                    scope.put(n, s);
                    break;
                }
                case "strdef": {
                    if (old != null && old.kind == Symbol.Kind.STRING) break;
                    if (old != null) throw d.error("'" + n + "' is already declared as a " + kindName(old));
                    Symbol s = new Symbol(n, Symbol.Kind.STRING);
                    s.strs = new StrRef[] {new StrRef("")};
                    scope.put(n, s);
                    break;
                }
                case "double": {
                    if (old != null && old.kind != Symbol.Kind.NUMBER) throw d.error("'" + n + "' is already declared as a " + kindName(old));
                    Symbol s = new Symbol(n, Symbol.Kind.NUMBER);
                    s.dims = dims;
                    s.nums = new double[size];
                    scope.put(n, s);
                    break;
                }
                case "create": {
                    if (old != null && old.kind != Symbol.Kind.SECTION) throw d.error("'" + n + "' is already declared as a " + kindName(old));
                    if (old != null) for (HocSection sec : old.secs) deleteSection(sec);
                    Symbol s = new Symbol(n, Symbol.Kind.SECTION);
                    s.dims = dims;
                    s.secs = new HocSection[size];
                    String prefix = frame.self != null ? frame.self + "." : "";
                    for (int k = 0; k < size; k++) {
                        HocSection sec = new HocSection(prefix + s.elementName(k), frame.self, world.nextSectionSerial());
                        s.secs[k] = sec;
                        world.sections.add(sec);
                    }
                    scope.put(n, s);
                    world.changed();
                    break;
                }
                default:
                    throw d.error("unsupported declaration '" + d.kind + "'");
            }
        }
    }

    private static String kindName(Symbol s) {
        switch (s.kind) {
            case NUMBER: return "variable";
            case STRING: return "strdef";
            case OBJREF: return "objref";
            case SECTION: return "section";
            case PROC: return "procedure";
            default: return "template";
        }
    }

    private int[] dims(List<Expr> exprs, Node at) {
        if (exprs == null) return null;
        int[] d = new int[exprs.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = toIndex(num(eval(exprs.get(i)), exprs.get(i)));
            if (d[i] < 1) throw at.error("array size must be at least 1, not " + d[i]);
        }
        return d;
    }

    private static int product(int[] dims) {
        int n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    static int toIndex(double v) {
        return (int) Math.floor(v + 1e-9);
    }

    private void defineTemplate(TemplateDef td) {
        if (frame.self != null || frame.proc != null) throw td.error("begintemplate must be at top level");
        if (templates.containsKey(td.name)) throw td.error("template " + td.name + " is already defined");
        Symbol old = globals.get(td.name);
        if (old != null) throw td.error("'" + td.name + "' is already declared as a " + kindName(old));
        Template t = new Template(td.name);
        for (Stmt s : td.body) {
            if (s instanceof ProcDef) {
                ProcDef p = (ProcDef) s;
                t.procs.put(p.name, new Procedure(p.name, p.kind, p.body, t));
            } else if (s instanceof Decl && ((Decl) s).kind.equals("public")) {
                t.publics.addAll(((Decl) s).names);
            } else if (s instanceof Decl && ((Decl) s).kind.equals("external")) {
                t.externals.addAll(((Decl) s).names);
            } else if (s instanceof Decl) {
                t.declarations.add(s);
            } else {
                t.definitionStatements.add(s);
            }
        }
        if (!t.definitionStatements.isEmpty()) runDefinitionStatements(t, td);
        // names assigned in the template's procedures without a declaration are template variables: every
        // instance has them, 0 until set (NEURON binds them when it parses the template)
        java.util.Set<String> declared = new java.util.HashSet<>(t.externals);
        declared.addAll(t.procs.keySet());
        for (Stmt s : t.declarations) declared.addAll(((Decl) s).names);
        for (Procedure p : t.procs.values()) {
            java.util.Set<String> assigned = new java.util.LinkedHashSet<>();
            java.util.Set<String> locals = new java.util.HashSet<>();
            collectAssigned(p.body, assigned, locals, false);
            for (String n : assigned) {
                if (!locals.contains(n) && !declared.contains(n) && !t.implicitNumbers.contains(n)
                        && rangeName(n) == null && !WORLD_VARIABLES.contains(n) && !BUILTIN_VARIABLES.contains(n)
                        && !n.equals("this")) {
                    t.implicitNumbers.add(n);
                }
            }
        }
        templates.put(td.name, t);
        Symbol sym = new Symbol(td.name, Symbol.Kind.TEMPLATE);
        sym.template = t;
        globals.put(td.name, sym);
    }

    /**
     * NEURON runs a template's non-declaration statements once, when the template is defined; the variables they
     * create exist in every instance but start at 0 there. They run here against a prototype object that has the
     * template's variables (not its sections).
     */
    private void runDefinitionStatements(Template t, TemplateDef td) {
        TemplateObject proto = new TemplateObject(t, -1);
        Frame saved = frame;
        frame = new Frame(frame, proto, List.of(), null);
        try {
            for (Stmt s : t.declarations) {
                if (!((Decl) s).kind.equals("create")) exec(s);
            }
            java.util.Set<String> declared = new java.util.HashSet<>(proto.fields.keySet());
            for (Stmt s : t.definitionStatements) exec(s);
            for (Symbol sym : proto.fields.values()) {
                if (!declared.contains(sym.name) && sym.kind == Symbol.Kind.NUMBER && sym.dims == null) {
                    t.implicitNumbers.add(sym.name);
                }
            }
        } finally {
            frame = saved;
        }
    }

    /** Simple names a statement assigns (x = ..., x += ..., for x = ..., for (x)), and its local declarations. */
    private static void collectAssigned(Stmt s, java.util.Set<String> out, java.util.Set<String> locals, boolean num) {
        if (s == null) return;
        if (s instanceof Block) {
            for (Stmt b : ((Block) s).body) collectAssigned(b, out, locals, num);
        } else if (s instanceof ExprStmt) {
            collectAssigned(((ExprStmt) s).expr, out, num);
        } else if (s instanceof If) {
            If i = (If) s;
            collectAssigned(i.cond, out, num);
            collectAssigned(i.then, out, locals, num);
            collectAssigned(i.otherwise, out, locals, num);
        } else if (s instanceof While) {
            collectAssigned(((While) s).cond, out, num);
            collectAssigned(((While) s).body, out, locals, num);
        } else if (s instanceof For) {
            For f = (For) s;
            collectAssigned(f.init, out, num);
            collectAssigned(f.step, out, num);
            collectAssigned(f.body, out, locals, num);
        } else if (s instanceof ForRange) {
            ForRange f = (ForRange) s;
            addSimple(f.var, out);
            collectAssigned(f.body, out, locals, num);
        } else if (s instanceof ForSeg) {
            addSimple(((ForSeg) s).var, out);
            collectAssigned(((ForSeg) s).body, out, locals, num);
        } else if (s instanceof ForIterator) {
            collectAssigned(((ForIterator) s).body, out, locals, num);
        } else if (s instanceof SectionStmt) {
            collectAssigned(((SectionStmt) s).body, out, locals, num);
        } else if (s instanceof SecLoop) {
            collectAssigned(((SecLoop) s).body, out, locals, num);
        } else if (s instanceof Return && ((Return) s).value != null) {
            collectAssigned(((Return) s).value, out, num);
        } else if (s instanceof Decl) {
            Decl d = (Decl) s;
            if (d.kind.equals("local") || d.kind.equals("localobj")) locals.addAll(d.names);
        }
    }

    private static boolean numeric(Expr e) {
        return e instanceof Num || e instanceof Binary || e instanceof Unary;
    }

    private static void collectAssigned(Expr e, java.util.Set<String> out, boolean num) {
        if (e instanceof Assign) {
            Assign a = (Assign) e;
            if (!num || !a.op.equals("=") || numeric(a.value)) addSimple(a.target, out);
            collectAssigned(a.value, out, num);
        } else if (e instanceof Binary) {
            collectAssigned(((Binary) e).left, out, num);
            collectAssigned(((Binary) e).right, out, num);
        } else if (e instanceof Unary) {
            collectAssigned(((Unary) e).operand, out, num);
        }
    }

    private static void addSimple(Expr e, java.util.Set<String> out) {
        if (e instanceof Ref) {
            Ref r = (Ref) e;
            if (r.target == null && r.args == null && r.index == null) out.add(r.name);
        }
    }

    TemplateObject instantiate(Template t, List<Object> args, Node at) {
        TemplateObject o = new TemplateObject(t, t.nextIndex++);
        t.instances.add(o);
        Frame f = new Frame(frame, o, List.of(), null);
        Frame saved = frame;
        frame = f;
        try {
            for (Stmt s : t.declarations) exec(s);
            for (String n : t.implicitNumbers) o.fields.putIfAbsent(n, Symbol.number(n, 0));
        } finally {
            frame = saved;
        }
        Procedure init = t.procs.get("init");
        if (init != null) callProcedure(init, o, args, at);
        else if (!args.isEmpty()) throw at.error("template " + t.name + " has no init() to take arguments");
        return o;
    }

    // ---------------------------------------------------------------- sections
    HocSection currentSection(Node at) {
        if (!secStack.isEmpty()) return secStack.peek();
        if (accessed != null && !accessed.deleted) return accessed;
        for (HocSection s : world.sections) {
            if (!s.deleted) {
                accessed = s;
                return s;
            }
        }
        throw at.error("no section is accessed (create a section first)");
    }

    HocSection currentSectionOrNull() {
        if (!secStack.isEmpty()) return secStack.peek();
        if (accessed != null && !accessed.deleted) return accessed;
        for (HocSection s : world.sections) if (!s.deleted) return s;
        return null;
    }

    void pushSection(HocSection s) {
        secStack.push(s);
    }

    void popSection(Node at) {
        if (secStack.isEmpty()) throw at.error("pop_section(): the section stack is empty");
        secStack.pop();
    }

    void deleteSection(HocSection s) {
        if (s.deleted) return;
        s.deleted = true;
        world.sections.remove(s);
        for (HocSection c : world.sections) {
            if (c.parent == s) c.parent = null;
        }
        for (PointProcess pp : new ArrayList<>(s.pointProcesses)) {
            pp.section = null;
        }
        if (accessed == s) accessed = null;
        world.changed();
    }

    private HocSection evalSection(Expr e) {
        Object v = eval(e);
        if (v instanceof HocSection) {
            HocSection s = (HocSection) v;
            if (s.deleted) throw e.error("section " + s.name() + " has been deleted");
            return s;
        }
        throw e.error(describe(e) + " is not a section");
    }

    private static String describe(Expr e) {
        if (e instanceof Ref) return "'" + ((Ref) e).name + "'";
        return "the expression";
    }

    /** {@code setpointer pp.name, sec.var(x)}: the POINTER {@code name} of point process {@code pp} reads that variable. */
    private void execSetPointer(SetPointer sp) {
        String usage = "setpointer needs a point process's POINTER and a section variable: setpointer pp.name, sec.v(0.5)";
        if (!(sp.pointer instanceof Ref) || ((Ref) sp.pointer).target == null) throw sp.pointer.error(usage);
        Ref r = (Ref) sp.pointer;
        if (r.args != null || r.index != null) throw r.error(usage);
        Object pp = eval(r.target);
        if (!(pp instanceof PointProcess)) {
            throw r.error("setpointer: " + typeName(pp) + " is not a point process (" + usage + ")");
        }
        HocPointer target = pointerTo(sp.target);
        if (target.kind() != HocPointer.Kind.RANGE) {
            throw sp.target.error("setpointer: the target must be a section variable such as dend.v(0.5) or cai(0.5), not "
                    + target.describe());
        }
        world.setPointer((PointProcess) pp, r.name, target);
    }

    private void execConnect(Connect c) {
        HocSection child;
        double end = 0;
        if (c.child instanceof Ref && ((Ref) c.child).args != null) {
            Ref r = (Ref) c.child;
            child = evalSection(new Ref(tokenAt(r), r.file, r.target, r.name, r.index, null));
            if (r.args.size() != 1) throw c.error("connect: the child takes one position, (0) or (1)");
            end = num(eval(r.args.get(0)), r.args.get(0));
        } else {
            child = evalSection(c.child);
        }
        if (end != 0 && end != 1) throw c.error("connect: a child attaches by its 0 or 1 end, not " + end);
        HocSection parent;
        double x;
        if (c.parent instanceof Ref && ((Ref) c.parent).args != null && isSectionRef((Ref) c.parent)) {
            Ref r = (Ref) c.parent;
            parent = evalSection(new Ref(tokenAt(r), r.file, r.target, r.name, r.index, null));
            if (r.args.size() != 1) throw c.error("connect: the parent takes one position");
            x = num(eval(r.args.get(0)), r.args.get(0));
        } else {
            Object v = eval(c.parent);
            if (v instanceof HocSection) {
                parent = (HocSection) v;
                x = 1;
            } else {
                parent = currentSection(c);
                x = num(v, c.parent);
            }
        }
        if (!(x >= 0 && x <= 1)) throw c.error("connect: position " + x + " outside [0, 1]");
        for (HocSection p = parent; p != null; p = p.parent) {
            if (p == child) throw c.error("connect: " + child.name() + " to " + parent.name() + " would make a loop");
        }
        child.parent = parent;
        child.parentX = x;
        child.childEnd = end;
        child.connectSerial = world.nextConnectSerial();
        world.changed();
    }

    private static Token tokenAt(Node n) {
        return new Token(Token.Type.IDENT, "", 0, null, n.line, n.column);
    }

    /** Whether a called reference names a section (so {@code name(x)} is a location, not a call). */
    private boolean isSectionRef(Ref r) {
        if (r.target != null) {
            Object t = eval(r.target);
            if (t instanceof TemplateObject) {
                Symbol s = ((TemplateObject) t).fields.get(r.name);
                return s != null && s.kind == Symbol.Kind.SECTION;
            }
            if (t instanceof HocSectionRef) return true;
            return false;
        }
        Symbol s = lookup(r.name);
        return s != null && s.kind == Symbol.Kind.SECTION;
    }

    void insert(HocSection sec, String name, Node at) {
        MechanismCatalog.Mechanism m = catalog.mechanism(name);
        if (m == null || m.pointProcess()) {
            throw at.error("insert: unknown density mechanism '" + name + "'"
                    + (m != null ? " (it is a point process; use new " + name + "(x))" : ""));
        }
        if (sec.mechanisms.containsKey(name)) return;
        sec.mechanisms.put(name, new MechanismInstance(m, sec.nseg()));
        for (String ion : m.ions()) {
            MechanismCatalog.Mechanism im = catalog.ion(ion);
            if (im != null && !sec.mechanisms.containsKey(im.name())) {
                sec.mechanisms.put(im.name(), new MechanismInstance(im, sec.nseg()));
            }
        }
        world.changed();
    }

    private void uninsert(HocSection sec, String name, Node at) {
        if (catalog.mechanism(name) == null) throw at.error("uninsert: unknown mechanism '" + name + "'");
        if (sec.mechanisms.remove(name) != null) world.changed();
    }

    // ================================================================ expressions
    Object eval(Expr e) {
        if (e instanceof Num) return ((Num) e).value;
        if (e instanceof Str) return ((Str) e).value;
        if (e instanceof Ref) return evalRef((Ref) e);
        if (e instanceof Binary) return evalBinary((Binary) e);
        if (e instanceof Assign) return evalAssign((Assign) e);
        if (e instanceof Unary) {
            Unary u = (Unary) e;
            Object v = eval(u.operand);
            if (u.op.equals("!")) return truth(v, u.operand) ? 0.0 : 1.0;
            return -num(v, u.operand);
        }
        if (e instanceof Dollar) return evalDollar((Dollar) e);
        if (e instanceof New) return evalNew((New) e);
        if (e instanceof AddressOf) return pointerTo(((AddressOf) e).target);
        if (e instanceof RangeArg) throw e.error("'a:b' ranges are only allowed as the argument of a range variable");
        throw e.error("unsupported expression");
    }

    static boolean truth(Object v, Node at) {
        if (v instanceof Double) return (Double) v != 0;
        if (v instanceof HocObject) return true;
        if (v == null) return false;
        throw at.error("a condition must be a number");
    }

    static double num(Object v, Node at) {
        if (v instanceof Double) return (Double) v;
        if (v == NO_VALUE) throw at.error("a procedure returns no value");
        if (v instanceof HocPointer) return ((HocPointer) v).get();
        throw at.error("expected a number, got " + typeName(v));
    }

    static String string(Object v, Node at) {
        if (v instanceof String) return (String) v;
        if (v instanceof StrRef) return ((StrRef) v).value;
        throw at.error("expected a string, got " + typeName(v));
    }

    static String typeName(Object v) {
        if (v == null) return "NULLobject";
        if (v instanceof Double) return "a number";
        if (v instanceof String || v instanceof StrRef) return "a string";
        if (v instanceof HocSection) return "a section";
        if (v instanceof HocPointer) return "a pointer";
        if (v instanceof HocObject) return "an object (" + v + ")";
        return "no value";
    }

    private Object evalBinary(Binary b) {
        String op = b.op;
        if (op.equals("&&")) {
            if (!truth(eval(b.left), b.left)) return 0.0;
            return truth(eval(b.right), b.right) ? 1.0 : 0.0;
        }
        if (op.equals("||")) {
            if (truth(eval(b.left), b.left)) return 1.0;
            return truth(eval(b.right), b.right) ? 1.0 : 0.0;
        }
        Object lv = eval(b.left);
        Object rv = eval(b.right);
        if ((op.equals("==") || op.equals("!=")) && !(lv instanceof Double) && !(rv instanceof Double)) {
            if (isObjectish(lv) && isObjectish(rv)) {
                boolean same = lv == rv;
                return (op.equals("==") == same) ? 1.0 : 0.0;
            }
        }
        double l = num(lv, b.left), r = num(rv, b.right);
        double eps = FLOAT_EPSILON;
        switch (op) {
            case "+": return l + r;
            case "-": return l - r;
            case "*": return l * r;
            case "/":
                if (r == 0) throw b.error("division by zero");
                return l / r;
            case "%":
                if (r == 0) throw b.error("division by zero in %");
                return l - r * Math.floor(l / r);
            case "^": return pow(l, r, b);
            case "==": return Math.abs(l - r) <= eps ? 1.0 : 0.0;
            case "!=": return Math.abs(l - r) > eps ? 1.0 : 0.0;
            case "<": return l < r - eps ? 1.0 : 0.0;
            case "<=": return l <= r + eps ? 1.0 : 0.0;
            case ">": return l > r + eps ? 1.0 : 0.0;
            case ">=": return l >= r - eps ? 1.0 : 0.0;
            default: throw b.error("unknown operator " + op);
        }
    }

    private static boolean isObjectish(Object v) {
        return v == null || v instanceof HocObject;
    }

    static double pow(double a, double b, Node at) {
        double r = Math.pow(a, b);
        if (Double.isNaN(r) && !Double.isNaN(a) && !Double.isNaN(b)) throw at.error("pow(" + a + ", " + b + ") is undefined");
        return r;
    }

    private Object evalDollar(Dollar d) {
        int n = d.number;
        if (d.var != null) n = toIndex(num(evalRef(new Ref(tokenAt(d), d.file, null, d.var, null, null)), d));
        List<Object> args = frame.args;
        if (frame.proc == null) throw d.error("$" + d.kind + n + " used outside a procedure");
        if (n < 1 || n > args.size()) {
            throw d.error("argument $" + d.kind + n + " was not passed to " + frame.proc.name + " (numarg() = " + args.size() + ")");
        }
        Object v = args.get(n - 1);
        switch (d.kind) {
            case "":
                if (v instanceof Double) return v;
                throw d.error("$" + n + " is " + typeName(v) + ", use $s" + n + " or $o" + n);
            case "s":
                if (v instanceof String || v instanceof StrRef) return v;
                throw d.error("$s" + n + " is " + typeName(v) + ", not a string");
            case "o":
                if (v == null || v instanceof HocObject) return v;
                throw d.error("$o" + n + " is " + typeName(v) + ", not an object");
            default: // &
                if (v instanceof HocPointer) return ((HocPointer) v).get();
                throw d.error("$&" + n + " is " + typeName(v) + ", not a pointer (pass &var)");
        }
    }

    private Object evalNew(New n) {
        List<Object> args = evalArgs(n.args);
        Symbol s = lookup(n.template);
        if (s != null && s.kind == Symbol.Kind.TEMPLATE) return instantiate(s.template, args, n);
        Template t = templates.get(n.template);
        if (t != null) return instantiate(t, args, n);
        return builtins.newObject(n.template, args, n);
    }

    int nextIndex(String className) {
        int i = classCounters.getOrDefault(className, 0);
        classCounters.put(className, i + 1);
        return i;
    }

    HocVector newVector() {
        return new HocVector(nextIndex("Vector"));
    }

    /** An element of an objref variable. */
    private static final class ObjrefSlot {
        final Symbol symbol;
        final int index;
        ObjrefSlot(Symbol symbol, int index) { this.symbol = symbol; this.index = index; }
    }

    private ObjrefSlot[] pendingSlots;

    /** For each argument that names an objref variable, that variable's slot: HOC passes objrefs by reference. */
    private ObjrefSlot[] objrefSlots(List<Expr> args) {
        if (args == null || args.isEmpty()) return null;
        ObjrefSlot[] slots = null;
        for (int i = 0; i < args.size(); i++) {
            if (!(args.get(i) instanceof Ref)) continue;
            Ref r = (Ref) args.get(i);
            if (r.target != null || r.args != null) continue;
            Symbol s = lookup(r.name);
            if (s == null || s.kind != Symbol.Kind.OBJREF) continue;
            if (slots == null) slots = new ObjrefSlot[args.size()];
            slots[i] = new ObjrefSlot(s, s.flatIndex(evalIndex(r.index), r));
        }
        return slots;
    }

    List<Object> evalArgs(List<Expr> args) {
        if (args == null || args.isEmpty()) return List.of();
        List<Object> r = new ArrayList<>(args.size());
        for (Expr a : args) {
            if (a instanceof RangeArg) throw a.error("'a:b' ranges are only allowed as the argument of a range variable");
            r.add(eval(a));
        }
        return r;
    }

    int[] evalIndex(List<Expr> index) {
        if (index == null) return null;
        int[] r = new int[index.size()];
        for (int i = 0; i < r.length; i++) r[i] = toIndex(num(eval(index.get(i)), index.get(i)));
        return r;
    }

    // ---------------------------------------------------------------- name lookup
    /** A user symbol visible here: locals, then the object's fields and procs (or the globals at top level). */
    Symbol lookup(String name) {
        if (frame.locals != null) {
            Symbol s = frame.locals.get(name);
            if (s != null) return s;
        }
        return lookupScoped(name, frame.self);
    }

    private Symbol lookupScoped(String name, TemplateObject self) {
        if (self != null) {
            Symbol s = self.fields.get(name);
            if (s != null) return s;
            Procedure p = self.template.procs.get(name);
            if (p != null) {
                Symbol ps = new Symbol(name, Symbol.Kind.PROC);
                ps.proc = p;
                return ps;
            }
            Symbol g = globals.get(name);
            if (g != null && (self.template.externals.contains(name) || g.kind == Symbol.Kind.TEMPLATE
                    || BUILTIN_VARIABLES.contains(name) || name.equals("cvode"))) {
                return g;
            }
            return null;
        }
        return globals.get(name);
    }

    static final Set<String> BUILTIN_VARIABLES = Set.of("PI", "E", "GAMMA", "DEG", "PHI", "FARADAY", "R",
            "float_epsilon", "hoc_ac_", "steps_per_ms", "stoprun", "realtime", "runStopAt", "screen_update_invl",
            "using_cvode_");
    static final Set<String> WORLD_VARIABLES = Set.of("t", "dt", "celsius", "secondorder", "tstop", "v_init");

    // ---------------------------------------------------------------- references
    private Object evalRef(Ref r) {
        if (r.target == null) {
            String name = r.name;
            if (frame.locals != null) {
                Symbol s = frame.locals.get(name);
                if (s != null) return readSymbol(s, r, frame.self);
            }
            if (name.equals("this") && frame.self != null && lookup(name) == null) return frame.self;
            RangeName rn = rangeName(name);
            if (rn != null) return readRange(rn, null, r);
            Symbol s = lookupScoped(name, frame.self);
            if (s != null) return readSymbol(s, r, frame.self);
            if (WORLD_VARIABLES.contains(name)) {
                if (r.args != null || r.index != null) throw r.error("'" + name + "' is not a function or array");
                return worldVariable(name);
            }
            if (builtins.hasFunction(name)) {
                if (r.args == null) throw r.error("'" + name + "' is a built-in function; call it as " + name + "(...)");
                return builtins.call(name, r.args, r);
            }
            if (Builtins.GUI_CLASSES.contains(name) && r.index != null && r.args == null) {
                // an instance of a GUI class by its index (PWManager[0].count in init.hoc): no display, no windows
                noteGui(name + "[" + HocFormat.g(num(eval(r.index.get(0)), r), 8) + "]");
                return new GuiObject(name, 0);
            }
            if (builtins.isClass(name) || templates.containsKey(name)) {
                throw r.error("'" + name + "' is a class; create an object with new " + name + "()");
            }
            if (frame.self != null && globals.containsKey(name)) {
                throw r.error("'" + name + "' is not declared in template " + frame.self.template.name
                        + " (declare it 'external' to use the top-level one)");
            }
            throw r.error("undefined variable or function '" + name + "'");
        }
        Object t = eval(r.target);
        return member(t, r);
    }

    private Object member(Object t, Ref r) {
        if (t instanceof TemplateObject) {
            TemplateObject o = (TemplateObject) t;
            Symbol s = publicMember(o, r);
            return readSymbol(s, r, o);
        }
        if (t instanceof BuiltinObject) {
            BuiltinObject b = (BuiltinObject) t;
            if (r.args != null) {
                if (r.index != null) throw r.error("'" + r.name + "' cannot be both indexed and called");
                return b.call(this, r.name, evalArgs(r.args), r);
            }
            return b.get(this, r.name, evalIndex(r.index), r);
        }
        if (t instanceof HocSection) {
            RangeName rn = rangeName(r.name);
            if (rn == null) throw r.error("'" + r.name + "' is not a section property or range variable");
            return readRange(rn, (HocSection) t, r);
        }
        if (t == null) throw r.error("cannot use '." + r.name + "' on NULLobject (the object variable is not set)");
        throw r.error("cannot use '." + r.name + "' on " + typeName(t));
    }

    private Symbol publicMember(TemplateObject o, Ref r) {
        boolean inside = frame.self == o;
        if (!inside && !o.template.publics.contains(r.name)) {
            throw r.error("'" + r.name + "' is not a public member of " + o.template.name);
        }
        Symbol s = o.fields.get(r.name);
        if (s != null) return s;
        Procedure p = o.template.procs.get(r.name);
        if (p != null) {
            Symbol ps = new Symbol(r.name, Symbol.Kind.PROC);
            ps.proc = p;
            return ps;
        }
        throw r.error(o.template.name + " has no member '" + r.name + "'");
    }

    private Object readSymbol(Symbol s, Ref r, TemplateObject ctx) {
        switch (s.kind) {
            case NUMBER:
                if (r.args != null) throw r.error("'" + s.name + "' is a variable, not a function");
                return s.nums[s.flatIndex(evalIndex(r.index), r)];
            case STRING:
                if (r.args != null) throw r.error("'" + s.name + "' is a strdef, not a function");
                return s.strs[s.flatIndex(evalIndex(r.index), r)];
            case OBJREF:
                if (r.args != null) throw r.error("'" + s.name + "' is an object variable, not a function");
                return s.objs[s.flatIndex(evalIndex(r.index), r)];
            case SECTION: {
                if (r.args != null) throw r.error("section '" + s.name + "(x)' can only be used in connect");
                HocSection sec = s.secs[s.flatIndex(evalIndex(r.index), r)];
                if (sec.deleted) throw r.error("section " + sec.name() + " has been deleted");
                return sec;
            }
            case PROC:
                // obj.f without parentheses calls f (HOC allows it for object members)
                if (r.args == null && r.target != null) return callProcedure(s.proc, ctx, List.of(), r);
                if (r.args == null) throw r.error("'" + s.name + "' is a " + s.proc.kind + "; call it as " + s.name + "()");
            {
                List<Object> args = evalArgs(r.args);
                pendingSlots = objrefSlots(r.args);
                return callProcedure(s.proc, s.proc.template == null ? null : ctx, args, r);
            }
            default:
                throw r.error("'" + s.name + "' is a template; create an object with new " + s.name + "()");
        }
    }

    Object callProcedure(Procedure p, TemplateObject self, List<Object> args, Node at) {
        return callProcedure(p, self, args, at, null);
    }

    private Object callProcedure(Procedure p, TemplateObject self, List<Object> args, Node at, IteratorLoop loop) {
        if (p.kind.equals("iterator") && loop == null) {
            throw at.error("iterator " + p.name + " can only be used as 'for " + p.name + "(...) statement'");
        }
        if (++callDepth > 2000) {
            callDepth = 0;
            throw at.error("procedure calls nested too deep (infinite recursion in " + p.name + "?)");
        }
        Frame f = new Frame(frame, self, new ArrayList<>(args), p);
        f.loop = loop;
        f.argSlots = pendingSlots;
        pendingSlots = null;
        Frame saved = frame;
        frame = f;
        Object result = null;
        try {
            exec(p.body);
        } catch (ReturnSignal r) {
            result = r.value;
        } catch (BreakSignal | ContinueSignal s) {
            throw at.error("'" + s.name() + "' outside a loop in " + p.name);
        } catch (HocException e) {
            if (!e.located() || depthOfCallContext(e) >= 8) throw e;
            throw e.withContext("in " + (self != null ? self + "." : "") + p.name + "() called from "
                    + HocException.where(at.file, at.line, at.column));
        } finally {
            frame = saved;
            callDepth--;
        }
        switch (p.kind) {
            case "func":
                if (result == null) return 0.0;
                if (!(result instanceof Double)) throw at.error("func " + p.name + " must return a number");
                return result;
            case "obfunc":
                if (result != null && !(result instanceof HocObject)) throw at.error("obfunc " + p.name + " must return an object");
                return result;
            default:
                return NO_VALUE;
        }
    }

    private static int depthOfCallContext(HocException e) {
        String d = e.detail();
        int n = 0;
        for (int i = d.indexOf("called from"); i >= 0; i = d.indexOf("called from", i + 1)) n++;
        return n;
    }

    /** Arguments of the procedure being executed. */
    List<Object> currentArgs() {
        return frame.args;
    }

    boolean inProcedure() {
        return frame.proc != null;
    }

    TemplateObject currentObject() {
        return frame.self;
    }

    // ---------------------------------------------------------------- assignment
    private Object evalAssign(Assign a) {
        Object value = eval(a.value);
        if (a.value2 != null) {
            double y1 = num(value, a.value), y2 = num(eval(a.value2), a.value2);
            if (!(a.target instanceof Ref) || ((Ref) a.target).args == null || ((Ref) a.target).args.size() != 1
                    || !(((Ref) a.target).args.get(0) instanceof RangeArg)) {
                throw a.error("'y1:y2' values need a range variable with an 'x1:x2' argument");
            }
            assignRangeLinear((Ref) a.target, y1, y2, a);
            return y1;
        }
        if (!a.op.equals("=")) {
            double old = num(eval(a.target), a.target);
            double v = num(value, a.value);
            switch (a.op) {
                case "+=": value = old + v; break;
                case "-=": value = old - v; break;
                case "*=": value = old * v; break;
                default:
                    if (v == 0) throw a.error("division by zero");
                    value = old / v;
            }
        }
        assign(a.target, value, a);
        return value;
    }

    void assign(Expr target, Object value, Node at) {
        if (target instanceof Dollar) {
            Dollar d = (Dollar) target;
            if (frame.proc == null) throw d.error("$ arguments exist only inside a procedure");
            int n = d.number;
            if (d.var != null) n = toIndex(num(evalRef(new Ref(tokenAt(d), d.file, null, d.var, null, null)), d));
            if (n < 1 || n > frame.args.size()) throw d.error("argument $" + d.kind + n + " was not passed");
            Object cur = frame.args.get(n - 1);
            if (d.kind.equals("&")) {
                if (!(cur instanceof HocPointer)) throw d.error("$&" + n + " is not a pointer");
                ((HocPointer) cur).set(num(value, at));
            } else if (d.kind.equals("s")) {
                if (!(cur instanceof StrRef)) throw d.error("$s" + n + " is not a strdef that can be assigned");
                ((StrRef) cur).value = string(value, at);
            } else {
                if (!(value instanceof Double) && d.kind.isEmpty()) throw d.error("$" + n + " must stay a number");
                if (d.kind.equals("o")) {
                    if (value != null && !(value instanceof HocObject)) throw d.error("$o" + n + " must be an object");
                    if (frame.argSlots != null && frame.argSlots[n - 1] != null) {
                        ObjrefSlot slot = frame.argSlots[n - 1];
                        slot.symbol.objs[slot.index] = (HocObject) value;
                    }
                }
                frame.args.set(n - 1, value);
            }
            return;
        }
        if (!(target instanceof Ref)) throw at.error("cannot assign to this expression");
        Ref r = (Ref) target;
        if (r.target != null) {
            Object t = eval(r.target);
            if (t instanceof TemplateObject) {
                TemplateObject o = (TemplateObject) t;
                writeSymbol(publicMember(o, r), r, value);
            } else if (t instanceof BuiltinObject) {
                if (r.args != null) throw r.error("cannot assign to a method call");
                ((BuiltinObject) t).set(this, r.name, evalIndex(r.index), value, r);
            } else if (t instanceof HocSection) {
                RangeName rn = rangeName(r.name);
                if (rn == null) throw r.error("'" + r.name + "' is not a section property or range variable");
                writeRange(rn, (HocSection) t, r, num(value, at));
            } else if (t == null) {
                throw r.error("cannot set '." + r.name + "' on NULLobject");
            } else {
                throw r.error("cannot set '." + r.name + "' on " + typeName(t));
            }
            return;
        }
        String name = r.name;
        if (frame.locals != null) {
            Symbol s = frame.locals.get(name);
            if (s != null) {
                writeSymbol(s, r, value);
                return;
            }
        }
        RangeName rn = rangeName(name);
        if (rn != null) {
            writeRange(rn, null, r, num(value, at));
            return;
        }
        Symbol s = lookupScoped(name, frame.self);
        if (s != null) {
            writeSymbol(s, r, value);
            return;
        }
        if (WORLD_VARIABLES.contains(name)) {
            setWorldVariable(name, num(value, at), r);
            return;
        }
        if (builtins.hasFunction(name) || builtins.isClass(name)) throw r.error("cannot assign to built-in '" + name + "'");
        if (r.index != null) throw r.error("'" + name + "' is not an array (declare it with double " + name + "[n])");
        if (r.args != null) throw r.error("undefined function '" + name + "'");
        if (!(value instanceof Double)) {
            throw r.error("'" + name + "' is undeclared; declare it with " + (value instanceof StrRef || value instanceof String
                    ? "strdef" : "objref") + " first");
        }
        Symbol ns = Symbol.number(name, (Double) value);
        declarationScope().put(name, ns);
    }

    private void writeSymbol(Symbol s, Ref r, Object value) {
        if (r.args != null && s.kind != Symbol.Kind.PROC) throw r.error("cannot assign to a call of '" + s.name + "'");
        switch (s.kind) {
            case NUMBER:
                s.nums[s.flatIndex(evalIndex(r.index), r)] = num(value, r);
                return;
            case STRING:
                s.strs[s.flatIndex(evalIndex(r.index), r)].value = string(value, r);
                return;
            case OBJREF:
                if (value != null && !(value instanceof HocObject)) {
                    throw r.error("cannot assign " + typeName(value) + " to object variable '" + s.name + "'");
                }
                s.objs[s.flatIndex(evalIndex(r.index), r)] = (HocObject) value;
                return;
            case SECTION:
                throw r.error("cannot assign to section '" + s.name + "'");
            default:
                throw r.error("cannot assign to '" + s.name + "'");
        }
    }

    private Object worldVariable(String name) {
        switch (name) {
            case "t": return world.t;
            case "dt": return world.dt;
            case "celsius": return world.celsius;
            case "secondorder": return world.secondorder;
            case "tstop": return world.tstop;
            default: return world.vInit;
        }
    }

    private void setWorldVariable(String name, double v, Node at) {
        switch (name) {
            case "t": world.t = v; break;
            case "dt":
                if (!(v > 0)) throw at.error("dt must be > 0 ms");
                world.dt = v;
                break;
            case "celsius": world.celsius = v; break;
            case "secondorder":
                if (v != 0 && v != 1 && v != 2) throw at.error("secondorder must be 0, 1 or 2");
                world.secondorder = v;
                break;
            case "tstop": world.tstop = v; break;
            default: world.vInit = v;
        }
    }

    // ---------------------------------------------------------------- range variables and section properties
    /** What a section-level name means. */
    static final class RangeName {
        enum Kind { L, NSEG, RA, RALLBRANCH, DIAM, CM, V, MECH, MECH_GLOBAL }

        final Kind kind;
        final String name;
        final MechanismCatalog.Mechanism mechanism;
        final int param;

        RangeName(Kind kind, String name, MechanismCatalog.Mechanism m, int param) {
            this.kind = kind;
            this.name = name;
            this.mechanism = m;
            this.param = param;
        }
    }

    RangeName rangeName(String name) {
        RangeName rn = rangeNames.get(name);
        if (rn != null || rangeNames.containsKey(name)) return rn;
        rn = resolveRangeName(name);
        rangeNames.put(name, rn);
        return rn;
    }

    private RangeName resolveRangeName(String name) {
        switch (name) {
            case "L": return new RangeName(RangeName.Kind.L, name, null, -1);
            case "nseg": return new RangeName(RangeName.Kind.NSEG, name, null, -1);
            case "Ra": return new RangeName(RangeName.Kind.RA, name, null, -1);
            case "rallbranch": return new RangeName(RangeName.Kind.RALLBRANCH, name, null, -1);
            case "diam": return new RangeName(RangeName.Kind.DIAM, name, null, -1);
            case "cm": return new RangeName(RangeName.Kind.CM, name, null, -1);
            case "v": return new RangeName(RangeName.Kind.V, name, null, -1);
            default:
        }
        // ion variables: ena, nai, nao, ina ...
        for (String mname : catalog.names()) {
            if (!mname.endsWith("_ion")) continue;
            MechanismCatalog.Mechanism m = catalog.mechanism(mname);
            int p = m.indexOf(name);
            if (p >= 0) return new RangeName(RangeName.Kind.MECH, name, m, p);
        }
        org.dendrite.engine.mechanism.SuffixedName sn = org.dendrite.engine.mechanism.SuffixedName.split(name, (param, mech) -> {
            MechanismCatalog.Mechanism m = catalog.mechanism(mech);
            return m != null && !m.pointProcess() && m.indexOf(param) >= 0;
        });
        if (sn == null) return null;
        MechanismCatalog.Mechanism m = catalog.mechanism(sn.mechanism());
        int p = m.indexOf(sn.variable());
        boolean global = m.parameters().get(p).global();
        return new RangeName(global ? RangeName.Kind.MECH_GLOBAL : RangeName.Kind.MECH, name, m, p);
    }

    /** Whether this name is a density-mechanism range variable or section property (for name_declared). */
    boolean isRangeName(String name) {
        return rangeName(name) != null;
    }

    private double rangeX(Ref r, HocSection sec) {
        if (r.args == null || r.args.isEmpty()) return 0.5;
        if (r.args.size() != 1) throw r.error(r.name + "(x) takes one position");
        Expr a = r.args.get(0);
        if (a instanceof RangeArg) throw a.error("'x1:x2' is only allowed on the left of an assignment");
        double x = num(eval(a), a);
        if (!(x >= 0 && x <= 1)) throw a.error(r.name + ": position " + x + " outside [0, 1]");
        return x;
    }

    private Object readRange(RangeName rn, HocSection given, Ref r) {
        if (rn.kind == RangeName.Kind.MECH_GLOBAL) {
            if (r.args != null) throw r.error("'" + rn.name + "' is a global, not a range variable");
            return mechanismGlobal(rn);
        }
        if (r.index != null) throw r.error("'" + rn.name + "' cannot be indexed");
        HocSection sec = given != null ? given : currentSection(r);
        switch (rn.kind) {
            case L:
                noArgs(r);
                return sec.L();
            case NSEG:
                noArgs(r);
                return (double) sec.nseg();
            case RA:
                noArgs(r);
                return sec.Ra();
            case RALLBRANCH:
                noArgs(r);
                return 1.0;
            default:
        }
        double x = rangeX(r, sec);
        int seg = sec.segmentIndex(x);
        switch (rn.kind) {
            case DIAM: return sec.diam(seg);
            case CM: return sec.cm(seg);
            case V: {
                if (initialized && bridge != null) {
                    double live = bridge.value(world, HocPointer.range(this, sec, x, "v"));
                    if (!Double.isNaN(live)) return live;
                }
                double v = initialV(sec, x);
                return Double.isNaN(v) ? world.vInit : v;
            }
            default: {
                MechanismInstance mi = sec.mechanisms.get(rn.mechanism.name());
                if (mi == null) throw r.error(notInserted(rn, sec));
                if (initialized && bridge != null) {
                    double live = bridge.value(world, HocPointer.range(this, sec, x, rn.name));
                    if (!Double.isNaN(live)) return live;
                }
                return mi.values[rn.param][seg];
            }
        }
    }

    private static String notInserted(RangeName rn, HocSection sec) {
        String m = rn.mechanism.name();
        if (m.endsWith("_ion")) {
            return rn.name + ": the " + m.substring(0, m.length() - 4) + " ion is not used by any mechanism in section "
                    + sec.name() + " (insert a mechanism that uses it first)";
        }
        return rn.name + ": mechanism " + m + " is not inserted in section " + sec.name();
    }

    private static void noArgs(Ref r) {
        if (r.args != null) throw r.error("'" + r.name + "' is a section property and takes no (x)");
    }

    private double mechanismGlobal(RangeName rn) {
        Double v = world.mechanismGlobals.get(rn.name);
        return v != null ? v : rn.mechanism.parameters().get(rn.param).defaultValue();
    }

    private void writeRange(RangeName rn, HocSection given, Ref r, double value) {
        if (rn.kind == RangeName.Kind.MECH_GLOBAL) {
            if (r.args != null) throw r.error("'" + rn.name + "' is a global, not a range variable");
            world.mechanismGlobals.put(rn.name, value);
            if (initialized && bridge != null) bridge.setGlobal(world, rn.name, value);
            return;
        }
        if (r.index != null) throw r.error("'" + rn.name + "' cannot be indexed");
        HocSection sec = given != null ? given : currentSection(r);
        switch (rn.kind) {
            case L:
                noArgs(r);
                if (!(value > 0)) throw r.error("L must be > 0 um, not " + HocFormat.g(value, 8));
                sec.cable.setLength(value);
                world.geometryChanged();
                return;
            case NSEG: {
                noArgs(r);
                int n = (int) value;
                if (n < 1) throw r.error("nseg must be at least 1, not " + HocFormat.g(value, 8));
                if (n > 32767) throw r.error("nseg " + n + " is too large");
                sec.setNseg(n);
                world.changed();
                return;
            }
            case RA:
                noArgs(r);
                if (!(value > 0)) throw r.error("Ra must be > 0 ohm cm");
                sec.cable.setRa(value);
                world.geometryChanged();
                return;
            case RALLBRANCH:
                noArgs(r);
                if (value != 1) throw r.error("rallbranch other than 1 is not supported");
                return;
            default:
        }
        if (r.args != null && r.args.size() == 1 && r.args.get(0) instanceof RangeArg) {
            // var(x1:x2) = y (constant)
            assignRangeLinear(r, value, value, r);
            return;
        }
        int lo = 0, hi = sec.nseg() - 1;
        if (r.args != null) {
            double x = rangeX(r, sec);
            if (rn.kind == RangeName.Kind.V && (x <= 0 || x >= 1)) {
                setEndV(sec, x, value);
                if (initialized && bridge != null) bridge.set(world, HocPointer.range(this, sec, x, "v"), value);
                return;
            }
            lo = hi = sec.segmentIndex(x);
        }
        whole = r.args == null;
        try {
            setRangeSegments(rn, sec, lo, hi, value, r);
        } finally {
            whole = false;
        }
    }

    private static void setEndV(HocSection sec, double x, double value) {
        if (x >= 1) {
            sec.vEnds[1] = value;
        } else if (sec.parent == null) {
            sec.vEnds[0] = value;
        } else {
            HocSection p = sec.parent;
            double px = p.nodePosition(sec.parentX);
            if (px > 0 && px < 1) p.v[p.segmentIndex(px)] = value;
            else setEndV(p, px, value);
        }
    }

    /** The initial v at x: the end nodes are separate from the segments (x = 0 of a child is its parent's node). */
    private static double initialV(HocSection sec, double x) {
        if (x <= 0) {
            if (sec.parent == null) return sec.vEnds[0];
            return initialV(sec.parent, sec.parent.nodePosition(sec.parentX));
        }
        if (x >= 1) return sec.vEnds[1];
        return sec.v[sec.segmentIndex(x)];
    }

    private boolean whole;

    private void setRangeSegments(RangeName rn, HocSection sec, int lo, int hi, double value, Node at) {
        switch (rn.kind) {
            case DIAM:
                if (!(value > 0)) throw at.error("diam must be > 0 um, not " + value);
                if (lo == 0 && hi == sec.nseg() - 1) sec.cable.setDiam(-1, value);
                else for (int j = lo; j <= hi; j++) sec.cable.setDiam(j, value);
                world.geometryChanged();
                return;
            case CM:
                for (int j = lo; j <= hi; j++) sec.cable.setCm(j, value);
                world.geometryChanged();
                forwardSegments(sec, lo, hi, "cm", value);
                return;
            case V:
                for (int j = lo; j <= hi; j++) sec.v[j] = value;
                forwardSegments(sec, lo, hi, "v", value);
                if (lo == 0 && hi == sec.nseg() - 1 && whole) {
                    // the whole section includes its 1-end node (and the 0-end node of a root section)
                    sec.vEnds[1] = value;
                    if (sec.parent == null) sec.vEnds[0] = value;
                    if (initialized && bridge != null) {
                        bridge.set(world, HocPointer.range(this, sec, 1, "v"), value);
                        if (sec.parent == null) bridge.set(world, HocPointer.range(this, sec, 0, "v"), value);
                    }
                }
                return;
            default: {
                MechanismInstance mi = sec.mechanisms.get(rn.mechanism.name());
                if (mi == null) throw at.error(notInserted(rn, sec));
                for (int j = lo; j <= hi; j++) mi.values[rn.param][j] = value;
                forwardSegments(sec, lo, hi, rn.name, value);
            }
        }
    }

    /** After finitialize, a range assignment also reaches the running simulation (effective at the next step). */
    private void forwardSegments(HocSection sec, int lo, int hi, String variable, double value) {
        if (!initialized || bridge == null) return;
        for (int j = lo; j <= hi; j++) bridge.set(world, HocPointer.range(this, sec, sec.centre(j), variable), value);
    }

    void pointProcessWritten(PointProcess pp, String name, double value) {
        if (initialized && bridge != null) bridge.set(world, HocPointer.pointProcess(this, pp, name), value);
    }

    void netConWeightWritten(NetConnection nc, int i, double value) {
        if (initialized && bridge != null) bridge.setWeight(world, nc, i, value);
    }

    double netConWeight(NetConnection nc, int i) {
        if (initialized && bridge != null) {
            double live = bridge.weight(world, nc, i);
            if (!Double.isNaN(live)) return live;
        }
        return nc.weight[i];
    }

    /** {@code var(x1:x2) = y1:y2}: segments whose centre lies in [x1, x2] get the linearly interpolated value. */
    private void assignRangeLinear(Ref r, double y1, double y2, Node at) {
        RangeName rn = rangeName(r.name);
        if (rn == null || rn.kind == RangeName.Kind.MECH_GLOBAL || rn.kind == RangeName.Kind.L
                || rn.kind == RangeName.Kind.NSEG || rn.kind == RangeName.Kind.RA || rn.kind == RangeName.Kind.RALLBRANCH) {
            throw at.error("'" + r.name + "' is not a range variable; 'x1:x2' needs one");
        }
        HocSection sec = r.target != null ? evalSection(r.target) : currentSection(r);
        RangeArg ra = (RangeArg) r.args.get(0);
        double x1 = num(eval(ra.from), ra.from), x2 = num(eval(ra.to), ra.to);
        if (!(x1 >= 0 && x1 <= 1 && x2 >= 0 && x2 <= 1)) throw ra.error("range " + x1 + ":" + x2 + " outside [0, 1]");
        for (int j = 0; j < sec.nseg(); j++) {
            double c = sec.centre(j);
            if (c < Math.min(x1, x2) - 1e-12 || c > Math.max(x1, x2) + 1e-12) continue;
            double y = x2 == x1 ? y1 : y1 + (y2 - y1) * (c - x1) / (x2 - x1);
            setRangeSegments(rn, sec, j, j, y, at);
        }
    }

    // ---------------------------------------------------------------- pointers
    private HocPointer pointerTo(Expr e) {
        if (!(e instanceof Ref)) throw e.error("'&' needs a variable");
        Ref r = (Ref) e;
        if (r.target != null) {
            Object t = eval(r.target);
            if (t instanceof HocSection) {
                RangeName rn = rangeName(r.name);
                if (rn == null || rn.kind == RangeName.Kind.MECH_GLOBAL) throw r.error("&" + r.name + ": not a range variable");
                return rangePointer(rn, (HocSection) t, r);
            }
            if (t instanceof BuiltinObject) return ((BuiltinObject) t).pointer(this, r.name, evalIndex(r.index), r);
            if (t instanceof TemplateObject) {
                Symbol s = publicMember((TemplateObject) t, r);
                if (s.kind != Symbol.Kind.NUMBER) throw r.error("&" + r.name + ": not a number variable");
                return HocPointer.variable(this, s, s.flatIndex(evalIndex(r.index), r));
            }
            throw r.error("cannot take the address of ." + r.name);
        }
        if (frame.locals != null && frame.locals.containsKey(r.name)) {
            Symbol s = frame.locals.get(r.name);
            if (s.kind != Symbol.Kind.NUMBER) throw r.error("&" + r.name + ": not a number variable");
            return HocPointer.variable(this, s, s.flatIndex(evalIndex(r.index), r));
        }
        if (r.name.equals("t")) return HocPointer.time(this);
        RangeName rn = rangeName(r.name);
        if (rn != null && rn.kind != RangeName.Kind.MECH_GLOBAL) return rangePointer(rn, currentSection(r), r);
        Symbol s = lookupScoped(r.name, frame.self);
        if (s == null || s.kind != Symbol.Kind.NUMBER) throw r.error("&" + r.name + ": not a number variable");
        return HocPointer.variable(this, s, s.flatIndex(evalIndex(r.index), r));
    }

    private HocPointer rangePointer(RangeName rn, HocSection sec, Ref r) {
        switch (rn.kind) {
            case V: case DIAM: case CM: case MECH:
                break;
            default:
                throw r.error("&" + r.name + ": not a range variable");
        }
        if (rn.kind == RangeName.Kind.MECH && !sec.mechanisms.containsKey(rn.mechanism.name())) {
            throw r.error(notInserted(rn, sec));
        }
        return HocPointer.range(this, sec, rangeX(r, sec), rn.name);
    }

    double pointerGet(HocPointer p) {
        switch (p.kind()) {
            case TIME: return world.t;
            case VARIABLE: return p.symbol().nums[p.element()];
            case POINT_PROCESS: return (Double) pointProcessValue(p.pointProcess(), p.variable(),
                    p.pointProcess().values[p.pointProcess().mechanism().indexOf(p.variable())]);
            default: {
                HocSection sec = p.section();
                RangeName rn = rangeName(p.variable());
                Ref fake = new Ref(new Token(Token.Type.IDENT, "", 0, null, 0, 0), "<pointer>", null, p.variable(),
                        null, List.of(new Num(new Token(Token.Type.NUMBER, "", 0, null, 0, 0), "<pointer>", p.x())));
                return num(readRange(rn, sec, fake), fake);
            }
        }
    }

    void pointerSet(HocPointer p, double v) {
        switch (p.kind()) {
            case TIME: world.t = v; return;
            case VARIABLE: p.symbol().nums[p.element()] = v; return;
            case POINT_PROCESS:
                p.pointProcess().values[p.pointProcess().mechanism().indexOf(p.variable())] = v;
                pointProcessWritten(p.pointProcess(), p.variable(), v);
                return;
            default: {
                RangeName rn = rangeName(p.variable());
                HocSection sec = p.section();
                int seg = sec.segmentIndex(p.x());
                setRangeSegments(rn, sec, seg, seg, v, new Num(new Token(Token.Type.NUMBER, "", 0, null, 0, 0), "<pointer>", 0));
            }
        }
    }

    Object pointProcessValue(PointProcess pp, String name, double stored) {
        if (initialized && bridge != null) {
            double live = bridge.value(world, HocPointer.pointProcess(this, pp, name));
            if (!Double.isNaN(live)) return live;
        }
        return stored;
    }

    // ---------------------------------------------------------------- simulation (delegated)
    private HocSimulationBridge requireBridge(String what, Node at) {
        if (bridge == null) {
            throw at.error(what + ": no simulation engine is attached (this interpreter only builds the model; "
                    + "use 'dendrite run' to simulate)");
        }
        return bridge;
    }

    void finitialize(double v, Node at) {
        checkPlays(requireBridge("finitialize", at), at);
        bridge.finitialize(world, v);
        initialized = true;
    }

    private void checkPlays(HocSimulationBridge b, Node at) {
        if (!world.plays.isEmpty() && !b.supportsPlay()) {
            throw at.error("Vector.play (" + world.plays.get(0).target().describe()
                    + ") is not supported by the attached engine yet");
        }
    }

    void play(HocVector v, List<Object> args, Node at) {
        if (args.isEmpty() || !(args.get(0) instanceof HocPointer)) {
            throw at.error("Vector.play needs a pointer: vec.play(&stim.amp, dt) or vec.play(&var, tvec[, continuous])"
                    + (args.isEmpty() || !(args.get(0) instanceof String || args.get(0) instanceof StrRef) ? ""
                    : "; playing into a statement is not supported"));
        }
        HocPointer p = (HocPointer) args.get(0);
        double interval = Double.NaN;
        HocVector times = null;
        boolean continuous = false;
        if (args.size() > 1) {
            Object a = args.get(1);
            if (a instanceof Double) interval = (Double) a;
            else if (a instanceof HocVector) times = (HocVector) a;
            else throw at.error("Vector.play: second argument must be an interval (ms) or a Vector of times");
        } else {
            interval = world.dt;
        }
        if (args.size() > 2) continuous = num(args.get(2), at) != 0;
        if (args.size() > 3) throw at.error("Vector.play with indices (4 arguments) is not supported");
        world.plays.removeIf(q -> q.values() == v);
        world.plays.add(new PlayRequest(v, p, interval, times, continuous));
    }

    void fadvance(Node at) {
        if (!initialized) throw at.error("fadvance: call finitialize() first");
        requireBridge("fadvance", at).fadvance(world);
    }

    void runStd(Node at) {
        checkPlays(requireBridge("run", at), at);
        bridge.run(world);
        initialized = true;
    }

    void continuerun(double tstop, Node at) {
        if (!initialized) throw at.error("continuerun: call finitialize() or stdinit() first");
        requireBridge("continuerun", at).continuerun(world, tstop);
    }

    void record(HocVector v, List<Object> args, Node at) {
        if (args.isEmpty() || !(args.get(0) instanceof HocPointer)) {
            throw at.error("Vector.record needs a pointer: vec.record(&soma.v(0.5))");
        }
        HocPointer p = (HocPointer) args.get(0);
        double interval = Double.NaN;
        HocVector times = null;
        if (args.size() > 1) {
            Object a = args.get(1);
            if (a instanceof Double) interval = (Double) a;
            else if (a instanceof HocVector) times = (HocVector) a;
            else throw at.error("Vector.record: second argument must be an interval (ms) or a Vector of times");
        }
        world.recordings.removeIf(q -> q.vector() == v);
        world.recordings.add(new RecordRequest(v, p, interval, times));
    }

    /** {@code cvode.record(&var, yvec, tvec)}: every step, yvec gets the value and tvec the time. */
    void recordWithTimes(HocPointer p, HocVector values, HocVector times) {
        world.recordings.removeIf(q -> q.vector() == values);
        world.recordings.add(new RecordRequest(values, p, Double.NaN, null, times));
    }

    // ---------------------------------------------------------------- distance
    void setDistanceOrigin(HocSection s, double x) {
        distanceOrigin = s;
        distanceOriginX = x;
    }

    /** Path distance (um) from the origin to (sec, x): the engine's walk (PathDistance), NEURON's node rules. */
    double distanceFromOrigin(HocSection sec, double x, Node at) {
        HocSection o = distanceOrigin;
        double ox = distanceOriginX;
        if (o == null || o.deleted) {
            o = sec;
            while (o.parent != null) o = o.parent;
            ox = 0;
        }
        return org.dendrite.engine.morphology.PathDistance.between(TREE, o, ox, sec, x);
    }

    /** The HOC sections as the engine's one path-distance walk sees them. */
    private static final org.dendrite.engine.morphology.PathDistance.Tree<HocSection> TREE =
            new org.dendrite.engine.morphology.PathDistance.Tree<>() {
                public HocSection parent(HocSection s) { return s.parent; }
                public double parentX(HocSection s) { return s.parentX; }
                public boolean attachedAtOne(HocSection s) { return s.childEnd != 0; }
                public double length(HocSection s) { return s.L(); }
                public int nseg(HocSection s) { return s.nseg(); }
            };

    // ---------------------------------------------------------------- misc helpers for built-ins
    void noteGui(String what) {
        if (!guiNoted) {
            guiNoted = true;
            world.note("graphical interface calls are ignored (first: " + what + ")");
        }
    }

    Path currentDirectory() {
        return dirStack.isEmpty() ? workingDirectory : dirStack.peek();
    }

    /** NEURON's working directory: the process's, until HOC calls {@code chdir}. */
    private Path workingDirectory = Path.of("").toAbsolutePath();

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** {@code chdir(path)}: 0 when {@code path} (relative to the working directory) is a folder, else -1. */
    double chdir(String path) {
        Path p = workingDirectory.resolve(path).normalize();
        if (!Files.isDirectory(p)) return -1;
        workingDirectory = p;
        return 0;
    }

    /** {@code xbutton(label, command)}s seen, label to command (there is no display to click them on). */
    private final Map<String, String> buttons = new java.util.LinkedHashMap<>();

    void button(String label, String command) {
        buttons.put(label, command);
    }

    /** The panel buttons the HOC defined (label to HOC command), in definition order. */
    public Map<String, String> buttons() {
        return java.util.Collections.unmodifiableMap(buttons);
    }

    boolean markLoaded(Path p) {
        return loaded.add(p);
    }

    boolean loadLibrary(String name) {
        boolean first = loadedLibraries.add(name);
        if (first && !name.equals("import3d.hoc")) defineStdrunGlobals();
        return first;
    }

    /**
     * The top-level names NEURON's stdlib/stdrun define and user files (and .ses session files) rely on:
     * objref tobj, tobj1; strdef tstr, temp_string_; graphList[4] and flush_list as Lists; a few numbers.
     */
    private void defineStdrunGlobals() {
        for (String n : new String[] {"tobj", "tobj1"}) {
            if (!globals.containsKey(n)) {
                Symbol sym = new Symbol(n, Symbol.Kind.OBJREF);
                sym.objs = new HocObject[1];
                globals.put(n, sym);
            }
        }
        for (String n : new String[] {"tstr", "temp_string_", "temp_string2_"}) {
            if (!globals.containsKey(n)) {
                Symbol sym = new Symbol(n, Symbol.Kind.STRING);
                sym.strs = new StrRef[] {new StrRef("")};
                globals.put(n, sym);
            }
        }
        String[] names = {"stdrun_quiet", "global_ra", "runStopIn", "running_", "n_graph_lists"};
        double[] values = {0, 35.4, 1, 0, 4};
        for (int i = 0; i < names.length; i++) globals.putIfAbsent(names[i], Symbol.number(names[i], values[i]));
        if (!globals.containsKey("graphList")) {
            Symbol sym = new Symbol("graphList", Symbol.Kind.OBJREF);
            sym.dims = new int[] {4};
            sym.objs = new HocObject[4];
            for (int i = 0; i < 4; i++) sym.objs[i] = new HocList(nextIndex("List"));
            globals.put("graphList", sym);
        }
        for (String n : new String[] {"flush_list", "fast_flush_list"}) {
            if (!globals.containsKey(n)) {
                Symbol sym = new Symbol(n, Symbol.Kind.OBJREF);
                sym.objs = new HocObject[] {new HocList(nextIndex("List"))};
                globals.put(n, sym);
            }
        }
    }

    /** Runs source in the top-level context (or in an object's), keeping the section stack: {@code execute()}. */
    void executeIn(String source, TemplateObject self) {
        Frame ctx = self == null ? topFrame : new Frame(frame, self, List.of(), null);
        run(source, "<execute>", ctx);
    }

    private MorphologyLoader morphologyLoader;

    /** Sets the reader that Import3d_SWC_read / Import3d_Neurolucida3 use for input(file). */
    public void setMorphologyLoader(MorphologyLoader loader) {
        this.morphologyLoader = loader;
    }

    public MorphologyLoader morphologyLoader() {
        return morphologyLoader;
    }

    /** Creates (or re-creates) the section array {@code name[n]} in the object (top level for null). */
    HocSection[] createSectionArray(TemplateObject owner, String name, int n, Node at) {
        Map<String, Symbol> scope = owner != null ? owner.fields : globals;
        Symbol old = scope.get(name);
        if (old != null && old.kind != Symbol.Kind.SECTION) {
            throw at.error("'" + name + "' is already declared as a " + kindName(old));
        }
        if (old != null) for (HocSection sec : old.secs) deleteSection(sec);
        Symbol s = new Symbol(name, Symbol.Kind.SECTION);
        s.dims = new int[] {n};
        s.secs = new HocSection[n];
        String prefix = owner != null ? owner + "." : "";
        for (int k = 0; k < n; k++) {
            HocSection sec = new HocSection(prefix + s.elementName(k), owner, world.nextSectionSerial());
            s.secs[k] = sec;
            world.sections.add(sec);
        }
        scope.put(name, s);
        world.changed();
        return s.secs;
    }

    /** connect child(0), parent(x). */
    void connectSections(HocSection child, HocSection parent, double x) {
        child.parent = parent;
        child.parentX = x;
        child.childEnd = 0;
        child.connectSerial = world.nextConnectSerial();
        world.changed();
    }

    Map<String, Template> templates() {
        return templates;
    }

    Deque<HocSection> sectionStack() {
        return secStack;
    }

    void setAccessed(HocSection s) {
        accessed = s;
    }
}
