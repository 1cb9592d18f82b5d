package org.dendrite.io.hoc;

/**
 * What {@code &expr} yields: a reference to one number. For recording ({@code Vector.record}) and NetCon
 * sources the engine needs to know what it points to: a range variable at a location ({@link Kind#RANGE},
 * e.g. {@code &soma.v(0.5)}, {@code &ina(0.3)}), a point-process variable ({@link Kind#POINT_PROCESS},
 * {@code &stim.i}), the time {@code &t} ({@link Kind#TIME}), or a plain HOC variable ({@link Kind#VARIABLE}).
 */
public final class HocPointer {
    public enum Kind { RANGE, POINT_PROCESS, TIME, VARIABLE }

    private final Kind kind;
    private final HocSection section;
    private final double x;
    private final String variable;
    private final PointProcess pointProcess;
    private final Symbol symbol;
    private final int element;
    private final HocInterpreter interpreter;

    private HocPointer(Kind kind, HocSection section, double x, String variable, PointProcess pp, Symbol symbol,
                       int element, HocInterpreter interpreter) {
        this.kind = kind;
        this.section = section;
        this.x = x;
        this.variable = variable;
        this.pointProcess = pp;
        this.symbol = symbol;
        this.element = element;
        this.interpreter = interpreter;
    }

    static HocPointer range(HocInterpreter in, HocSection sec, double x, String variable) {
        return new HocPointer(Kind.RANGE, sec, x, variable, null, null, 0, in);
    }

    static HocPointer pointProcess(HocInterpreter in, PointProcess pp, String variable) {
        return new HocPointer(Kind.POINT_PROCESS, null, Double.NaN, variable, pp, null, 0, in);
    }

    static HocPointer time(HocInterpreter in) {
        return new HocPointer(Kind.TIME, null, Double.NaN, "t", null, null, 0, in);
    }

    static HocPointer variable(HocInterpreter in, Symbol symbol, int element) {
        return new HocPointer(Kind.VARIABLE, null, Double.NaN, symbol.elementName(element), null, symbol, element, in);
    }

    public Kind kind() { return kind; }
    /** Section of a RANGE pointer. */
    public HocSection section() { return section; }
    /** Location of a RANGE pointer (0..1, as written). */
    public double x() { return x; }
    /** Variable name: range variable ({@code v}, {@code m_hh}, {@code ina}), point-process variable ({@code i}), or HOC name. */
    public String variable() { return variable; }
    /** Point process of a POINT_PROCESS pointer. */
    public PointProcess pointProcess() { return pointProcess; }

    /** Current value (from the running simulation when there is one). */
    public double get() {
        return interpreter.pointerGet(this);
    }

    public void set(double value) {
        interpreter.pointerSet(this, value);
    }

    Symbol symbol() { return symbol; }
    int element() { return element; }

    /** How NEURON would name it, e.g. {@code soma.v(0.5)}, {@code IClamp[0].i}, {@code t}. */
    public String describe() {
        switch (kind) {
            case RANGE: return section.name() + "." + variable + "(" + HocFormat.g(x, 8) + ")";
            case POINT_PROCESS: return pointProcess + "." + variable;
            default: return variable;
        }
    }

    @Override
    public String toString() {
        return "&" + describe();
    }
}
