package org.dendrite.io.hoc;

import java.util.List;

/**
 * HOC's {@code Random}: deterministic for a given seed (SplitMix64 stream), with the common distributions.
 * The streams are dendrite's own; they do not reproduce NEURON's MCellRan4/ACG/Random123 numbers.
 */
final class HocRandom extends BuiltinObject {
    private long state;
    private String distribution = "uniform";
    private double p1 = 0, p2 = 1;

    HocRandom(int index, long seed) {
        super("Random", index);
        this.state = seed;
    }

    private long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private double unit() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    private double gaussian() {
        double u1 = unit(), u2 = unit();
        if (u1 < 1e-300) u1 = 1e-300;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    double repick() {
        switch (distribution) {
            case "uniform": return p1 + (p2 - p1) * unit();
            case "normal": return p1 + Math.sqrt(p2) * gaussian();
            case "lognormal": {
                // mean p1, variance p2 of the log-normal variable itself
                double s2 = Math.log(1 + p2 / (p1 * p1));
                double mu = Math.log(p1) - s2 / 2;
                return Math.exp(mu + Math.sqrt(s2) * gaussian());
            }
            case "negexp": return -p1 * Math.log(1 - unit());
            case "discunif": return Math.floor(p1 + (p2 - p1 + 1) * unit());
            case "poisson": {
                double l = Math.exp(-p1), p = 1;
                int k = 0;
                do {
                    k++;
                    p *= unit();
                } while (p > l);
                return k - 1;
            }
            default: throw new IllegalStateException(distribution);
        }
    }

    @Override
    Object call(HocInterpreter in, String m, List<Object> args, Ast.Node at) {
        switch (m) {
            case "uniform":
                distribution = m;
                p1 = args.size() > 1 ? num(args, 0, at, m) : 0;
                p2 = args.size() > 1 ? num(args, 1, at, m) : (args.isEmpty() ? 1 : num(args, 0, at, m));
                return repick();
            case "normal": case "lognormal": case "discunif":
                distribution = m;
                p1 = num(args, 0, at, m);
                p2 = num(args, 1, at, m);
                return repick();
            case "negexp": case "poisson":
                distribution = m;
                p1 = num(args, 0, at, m);
                return repick();
            case "repick":
                return repick();
            case "MCellRan4": case "ACG": case "MLCG": case "Isaac64": {
                if (!args.isEmpty()) state = (long) num(args, 0, at, m);
                return (double) state;
            }
            case "Random123": {
                long s = 0;
                for (int i = 0; i < args.size(); i++) s = s * 1_000_003L + (long) num(args, i, at, m);
                state = s;
                return 0.0;
            }
            case "seq":
                if (!args.isEmpty()) state = (long) num(args, 0, at, m);
                return (double) state;
            default:
                return super.call(in, m, args, at);
        }
    }
}
