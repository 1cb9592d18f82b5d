package org.dendrite.io.hoc;

import java.util.Arrays;
import java.util.List;

/**
 * A point process ({@code IClamp}, {@code ExpSyn}, ...) or artificial cell ({@code NetStim}): its type, its
 * location (section and x; none for artificial cells) and its parameter values.
 */
public final class PointProcess extends BuiltinObject {
    private final MechanismCatalog.Mechanism mechanism;
    HocSection section;
    double x;
    final double[] values;

    PointProcess(MechanismCatalog.Mechanism mechanism, int index) {
        super(mechanism.name(), index);
        this.mechanism = mechanism;
        this.values = new double[mechanism.parameters().size()];
        for (int i = 0; i < values.length; i++) values[i] = mechanism.parameters().get(i).defaultValue();
    }

    public MechanismCatalog.Mechanism mechanism() { return mechanism; }
    /** The section it sits in, or null (artificial cell or not placed). */
    public HocSection section() { return section; }
    /** Its position: the node position NEURON moves it to (0, 1, or the centre of the segment containing x). */
    public double x() { return x; }
    public double value(String param) {
        int p = mechanism.indexOf(param);
        if (p < 0) throw new IllegalArgumentException(mechanism.name() + " has no variable " + param);
        return values[p];
    }
    public double[] values() { return Arrays.copyOf(values, values.length); }

    void place(HocSection sec, double pos, Ast.Node at) {
        if (!(pos >= 0 && pos <= 1)) throw at.error(className() + ": location " + pos + " outside [0, 1]");
        if (section != null) section.pointProcesses.remove(this);
        section = sec;
        // NEURON keeps a point process at its node: the centre of the segment containing x (or an end)
        x = sec != null ? sec.nodePosition(pos) : pos;
        if (sec != null) sec.pointProcesses.add(this);
    }

    @Override
    Object call(HocInterpreter in, String method, List<Object> args, Ast.Node at) {
        switch (method) {
            case "loc":
                place(in.currentSection(at), num(args, 0, at, "loc"), at);
                return x;
            case "get_loc":
                if (section == null) throw at.error(this + " has no location");
                in.pushSection(section);
                return x;
            case "has_loc":
                return section != null ? 1.0 : 0.0;
            default:
                return super.call(in, method, args, at);
        }
    }

    @Override
    Object get(HocInterpreter in, String name, int[] index, Ast.Node at) {
        int p = mechanism.indexOf(name);
        if (p < 0) return super.get(in, name, index, at);
        return in.pointProcessValue(this, name, values[p]);
    }

    @Override
    void set(HocInterpreter in, String name, int[] index, Object value, Ast.Node at) {
        int p = mechanism.indexOf(name);
        if (p < 0) throw at.error(className() + " has no variable '" + name + "'");
        if (!(value instanceof Double)) throw at.error(className() + "." + name + " must be a number");
        values[p] = (Double) value;
        in.pointProcessWritten(this, name, (Double) value);
    }

    @Override
    HocPointer pointer(HocInterpreter in, String name, int[] index, Ast.Node at) {
        if (mechanism.indexOf(name) < 0) return super.pointer(in, name, index, at);
        return HocPointer.pointProcess(in, this, name);
    }
}
