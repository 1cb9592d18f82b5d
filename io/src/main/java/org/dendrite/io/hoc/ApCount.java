package org.dendrite.io.hoc;

import java.util.List;

/**
 * NEURON's {@code APCount} point process: counts upward crossings of {@code thresh} (mV, default -20) by the
 * membrane potential at its location; {@code n} is the count, {@code time} the last crossing (ms) and
 * {@code record(vec)} collects the crossing times. Built on a spike-detecting NetCon without target (the
 * engine's threshold detector), so the times are those a {@code NetCon} at the same place records.
 */
final class ApCount extends BuiltinObject {
    private final NetConnection detector;
    private final HocVector own = new HocVector(-1);
    private final HocSection section;
    private final double x;

    ApCount(HocInterpreter in, int index, HocSection sec, double pos, Ast.Node at) {
        super("APCount", index);
        if (!(pos >= 0 && pos <= 1)) throw at.error("APCount: location " + pos + " outside [0, 1]");
        this.section = sec;
        this.x = sec.nodePosition(pos);
        detector = new NetConnection(-1, HocPointer.range(in, sec, x, "v"), null, null);
        detector.threshold = -20;
        detector.delay = 0;
        detector.recordTimes = own;
        in.world().netCons.add(detector);
    }

    @Override
    Object call(HocInterpreter in, String method, List<Object> args, Ast.Node at) {
        switch (method) {
            case "record": {
                if (args.isEmpty()) {
                    detector.recordTimes = own;
                    return 0.0;
                }
                HocObject v = obj(args, 0, at, "APCount.record");
                if (!(v instanceof HocVector)) throw at.error("APCount.record needs a Vector");
                detector.recordTimes = (HocVector) v;
                return 0.0;
            }
            case "get_loc":
                in.pushSection(section);
                return x;
            case "has_loc":
                return 1.0;
            default:
                return super.call(in, method, args, at);
        }
    }

    @Override
    Object get(HocInterpreter in, String name, int[] index, Ast.Node at) {
        switch (name) {
            case "thresh": return detector.threshold;
            case "n": return (double) detector.recordTimes.size();
            case "time": {
                HocVector t = detector.recordTimes;
                return t.size() == 0 ? -1.0 : t.get(t.size() - 1);
            }
            default: return super.get(in, name, index, at);
        }
    }

    @Override
    void set(HocInterpreter in, String name, int[] index, Object value, Ast.Node at) {
        if (!(value instanceof Double)) throw at.error("APCount." + name + " must be a number");
        switch (name) {
            case "thresh": detector.threshold = (Double) value; break;
            case "n": if ((Double) value == 0) detector.recordTimes.clear(); break;
            default: super.set(in, name, index, value, at);
        }
    }
}
