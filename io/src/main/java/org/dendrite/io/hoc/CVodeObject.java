package org.dendrite.io.hoc;

import java.util.List;

/** The {@code cvode} object: {@code active(1)} selects the variable step for run()/continuerun(), with a note. */
final class CVodeObject extends BuiltinObject {
    CVodeObject(int index) {
        super("CVode", index);
    }

    @Override
    Object call(HocInterpreter in, String m, List<Object> args, Ast.Node at) {
        switch (m) {
            case "active":
                if (!args.isEmpty()) {
                    boolean on = num(args, 0, at, m) != 0;
                    in.world().cvodeRequested = on;
                    if (on) in.world().note("cvode.active(1): " + "variable time step (BDF) in run()/continuerun() for mechanisms with a derivative form (hh, pas, Hay/Allen channels, .mod DERIVATIVE/KINETIC), recorded every dt; fadvance() loops stay fixed step");
                }
                return in.world().cvodeRequested ? 1.0 : 0.0;
            case "record": {
                // cvode.record(&var, yvec, tvec): yvec gets var and tvec the time of every step
                if (args.size() != 3 || !(args.get(0) instanceof HocPointer) || !(args.get(1) instanceof HocVector)
                        || !(args.get(2) instanceof HocVector)) {
                    throw at.error("cvode.record needs (&var, yvec, tvec)");
                }
                in.recordWithTimes((HocPointer) args.get(0), (HocVector) args.get(1), (HocVector) args.get(2));
                return 0.0;
            }
            case "record_remove":
                if (!args.isEmpty() && args.get(0) instanceof HocVector) in.world().recordings.removeIf(q -> q.vector() == args.get(0));
                return 0.0;
            case "atol":
                if (!args.isEmpty()) {
                    double v = num(args, 0, at, m);
                    if (!(v > 0)) throw at.error("cvode.atol needs a tolerance > 0, got " + v);
                    in.world().cvodeAtol = v;
                }
                return in.world().cvodeAtol;
            case "rtol":
                if (!args.isEmpty()) {
                    double v = num(args, 0, at, m);
                    if (!(v >= 0)) throw at.error("cvode.rtol needs a tolerance >= 0, got " + v);
                    in.world().cvodeRtol = v;
                }
                return in.world().cvodeRtol;
            case "maxstep": case "minstep": case "use_daspk": case "condition_order":
            case "cache_efficient": case "use_local_dt":
                return 0.0;
            default:
                return super.call(in, m, args, at);
        }
    }
}
