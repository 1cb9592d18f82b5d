package org.dendrite.io.hoc;

import java.util.List;

/** The {@code cvode} object: variable time step is not available, so {@code active(1)} records a warning. */
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
                    if (on) in.world().note("cvode.active(1): variable time step is not available; dendrite runs fixed step (dt)");
                }
                return in.world().cvodeRequested ? 1.0 : 0.0;
            case "atol": case "rtol": case "maxstep": case "minstep": case "use_daspk": case "condition_order":
            case "cache_efficient": case "use_local_dt":
                return 0.0;
            default:
                return super.call(in, m, args, at);
        }
    }
}
