package org.dendrite.io.hoc;

import java.util.Arrays;
import java.util.List;

/**
 * A {@code NetCon}: a source (a voltage pointer with threshold detection, or a point process / artificial cell
 * such as NetStim), a target point process (or none: a pure spike detector), threshold, delay and weights.
 */
public final class NetConnection extends BuiltinObject {
    /** Source when it is a variable ({@code &v(0.5)}), else null. */
    final HocPointer sourcePointer;
    /** Source when it is a point process (NetStim, ...), else null. */
    final PointProcess sourceObject;
    final PointProcess target;
    double threshold = 10;
    double delay = 1;
    double[] weight = new double[5];
    boolean active = true;
    HocVector recordTimes;
    HocVector recordIds;

    NetConnection(int index, HocPointer sourcePointer, PointProcess sourceObject, PointProcess target) {
        super("NetCon", index);
        this.sourcePointer = sourcePointer;
        this.sourceObject = sourceObject;
        this.target = target;
    }

    public HocPointer sourcePointer() { return sourcePointer; }
    public PointProcess sourceObject() { return sourceObject; }
    public PointProcess target() { return target; }
    public double threshold() { return threshold; }
    public double delay() { return delay; }
    public double weight(int i) { return weight[i]; }
    /** Number of weights ({@code wcnt}): the target's NET_RECEIVE arguments; 5 here for every target. */
    public int weightCount() { return weight.length; }
    public boolean isActive() { return active; }
    /** Vector that collects this NetCon's spike times ({@code nc.record(vec)}), or null. */
    public HocVector recordTimes() { return recordTimes; }

    @Override
    Object call(HocInterpreter in, String method, List<Object> args, Ast.Node at) {
        switch (method) {
            case "record": {
                if (args.isEmpty()) {
                    recordTimes = null;
                    return 0.0;
                }
                HocObject v = obj(args, 0, at, "NetCon.record");
                if (!(v instanceof HocVector)) throw at.error("NetCon.record needs a Vector");
                recordTimes = (HocVector) v;
                if (args.size() > 1) {
                    HocObject ids = obj(args, 1, at, "NetCon.record");
                    if (!(ids instanceof HocVector)) throw at.error("NetCon.record needs a Vector");
                    recordIds = (HocVector) ids;
                }
                return 0.0;
            }
            case "active":
                if (!args.isEmpty()) active = num(args, 0, at, "active") != 0;
                return active ? 1.0 : 0.0;
            case "valid":
                return (sourcePointer != null || sourceObject != null) ? 1.0 : 0.0;
            case "wcnt":
                return (double) weight.length;
            case "syn":
                return target;
            case "pre":
                return sourceObject;
            case "preloc":
                if (sourcePointer == null || sourcePointer.section() == null) return -1.0;
                in.pushSection(sourcePointer.section());
                return sourcePointer.x();
            case "setpost": case "event":
                throw at.error("NetCon." + method + "() is not supported yet");
            default:
                return super.call(in, method, args, at);
        }
    }

    @Override
    Object get(HocInterpreter in, String name, int[] index, Ast.Node at) {
        switch (name) {
            case "threshold": return threshold;
            case "delay": return delay;
            case "weight": {
                int i = idx(index, at, "weight");
                if (i < 0 || i >= weight.length) throw at.error("NetCon.weight index " + i + " out of range");
                return in.netConWeight(this, i);
            }
            case "x": return sourcePointer != null && sourcePointer.kind() == HocPointer.Kind.RANGE ? sourcePointer.x() : -1.0;
            default: return super.get(in, name, index, at);
        }
    }

    @Override
    void set(HocInterpreter in, String name, int[] index, Object value, Ast.Node at) {
        if (!(value instanceof Double)) throw at.error("NetCon." + name + " must be a number");
        double v = (Double) value;
        switch (name) {
            case "threshold": threshold = v; break;
            case "delay":
                if (v < 0) throw at.error("NetCon.delay must be >= 0");
                delay = v;
                break;
            case "weight": {
                int i = idx(index, at, "weight");
                if (i < 0 || i >= weight.length) throw at.error("NetCon.weight index " + i + " out of range");
                weight[i] = v;
                in.netConWeightWritten(this, i, v);
                break;
            }
            default: super.set(in, name, index, value, at);
        }
    }

    double[] weights() { return Arrays.copyOf(weight, weight.length); }
}
