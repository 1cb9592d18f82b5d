package org.dendrite.io.model;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import org.dendrite.engine.build.Distribution;
import org.dendrite.engine.build.Expression;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.build.SegmentValue;
import org.dendrite.engine.morphology.PathDistance;

/**
 * Reads a parameter value of the model file: a number, or an object describing a distribution over path distance
 * from {@code soma[0](0.5)} (µm):
 * <pre>
 * {"distribution": "uniform",     "value": v}
 * {"distribution": "linear",      "a": a, "b": b}                       a + b·d
 * {"distribution": "exponential", "a": a, "b": b, "c": c, "d0": d0}     a + b·exp(c·(d - d0))
 * {"distribution": "sigmoid",     "a": a, "b": b, "d0": d0, "k": k}     a + b/(1 + exp((d - d0)/k))
 * {"distribution": "step",        "d1": d1, "d2": d2, "inside": v1, "outside": v2}   v1 for d1 &lt; d &lt; d2
 * {"distribution": "expression",  "expression": "(-0.8696 + 2.087*exp(0.0031*distance))*8e-5"}
 * {"distribution": "hay", "type": 0..3, "p1": .., "p2": .., "p3": .., "p4": .., "scale": s}
 * </pre>
 * Options on every form: {@code "scale"} (multiplies the value), {@code "normalize": true} (d divided by the
 * largest distance to a terminal end of the group the parameter is set in), {@code "positions"}:
 * {@code "centers"} (default) or {@code "hay"} (last segment of a section at x = 1), {@code "decimals"}
 * (round as printf). {@code "hay"} is Hay's {@code distribute_channels(type, p1..p4, scale)}: types 0–2 use
 * normalised distance, type 3 is the step, positions "hay", 10 decimals.
 */
final class DistributionParser {
    private final String file;
    private final ModelSpec spec;
    private PathDistance paths;

    DistributionParser(String file, ModelSpec spec) {
        this.file = file;
        this.spec = spec;
    }

    /**
     * {@code {"distribution": "segments", "values": [v0, v1, ...]}}: one value per segment, for sections whose nseg
     * equals the number of values (what {@code dendrite convert} writes for values set segment by segment in HOC).
     */
    private SegmentValue perSegment(JsonFields f, String unit, List<Integer> group) {
        List<JsonNode> vals = f.array("values");
        f.finish();
        if (vals.isEmpty()) throw f.error(f.at("values"), "needs one value per segment");
        double[] v = new double[vals.size()];
        for (int i = 0; i < v.length; i++) v[i] = f.toNumber(vals.get(i), f.at("values") + "[" + i + "]", unit);
        for (int s : group) {
            if (spec.nseg(s) != v.length) {
                throw f.error(f.at("values"), v.length + " values but section " + spec.morphology().section(s).name()
                        + " has nseg " + spec.nseg(s));
            }
        }
        return (section, x) -> v[Math.min(v.length - 1, (int) (x * v.length))];
    }

    /** A number or a distribution object; {@code group} = the sections the value applies to. */
    SegmentValue parse(JsonNode n, String at, String unit, List<Integer> group, JsonFields owner) {
        if (!n.isObject()) return SegmentValue.constant(owner.toNumber(n, at, unit));
        JsonFields f = new JsonFields(file, at, n);
        String kind = f.requiredString("distribution");
        if (kind.equals("segments")) return perSegment(f, unit, group);
        double scale = f.number("scale", "1", 1);
        boolean normalize = false;
        Distribution.Positions positions = Distribution.Positions.CENTERS;
        int decimals = -1;
        DoubleUnaryOperator shape;
        switch (kind) {
            case "uniform" -> {
                double v = f.requiredNumber("value", unit);
                shape = d -> v;
            }
            case "linear" -> shape = Distribution.linear(f.requiredNumber("a", unit), f.requiredNumber("b", unit + "/um"));
            case "exponential" -> shape = Distribution.exponential(f.requiredNumber("a", unit), f.requiredNumber("b", unit),
                    f.requiredNumber("c", "1/um"), f.number("d0", "um", 0));
            case "sigmoid" -> shape = Distribution.sigmoid(f.requiredNumber("a", unit), f.requiredNumber("b", unit),
                    f.requiredNumber("d0", "um"), f.requiredNumber("k", "um"));
            case "step" -> shape = Distribution.step(f.requiredNumber("inside", unit), f.requiredNumber("outside", unit),
                    f.requiredNumber("d1", "um"), f.requiredNumber("d2", "um"));
            case "expression" -> {
                String e = f.requiredString("expression");
                try {
                    shape = Expression.compile(e);
                } catch (IllegalArgumentException ex) {
                    throw f.error(f.at("expression"), ex.getMessage());
                }
            }
            case "hay" -> {
                int type = f.integer("type", -1);
                double p1 = f.requiredNumber("p1", "1"), p2 = f.requiredNumber("p2", "1"),
                        p3 = f.requiredNumber("p3", "1"), p4 = f.requiredNumber("p4", "1");
                shape = switch (type) {
                    case 0 -> Distribution.linear(p1, p2);
                    case 1 -> Distribution.sigmoid(p1, p2, p3, p4);
                    case 2 -> Distribution.exponential(p1, p4, p2, p3);
                    case 3 -> Distribution.step(p1, p2, p3, p4);
                    default -> throw f.error(f.at("type"), "Hay distribution type must be 0 (linear), 1 (sigmoid), "
                            + "2 (exponential) or 3 (step)");
                };
                normalize = type != 3;
                positions = Distribution.Positions.HAY;
                decimals = 10;
            }
            default -> throw f.error(f.at("distribution"), "unknown distribution '" + kind
                    + "' (uniform, linear, exponential, sigmoid, step, expression, hay)");
        }
        if (f.has("normalize")) normalize = f.raw("normalize").asBoolean();
        String pos = f.string("positions", null);
        if (pos != null) {
            positions = switch (pos) {
                case "centers", "centres" -> Distribution.Positions.CENTERS;
                case "hay" -> Distribution.Positions.HAY;
                default -> throw f.error(f.at("positions"), "must be \"centers\" or \"hay\"");
            };
        }
        decimals = f.integer("decimals", decimals);
        f.finish();
        if (paths == null) paths = PathDistance.fromSoma(spec.morphology(), spec::nseg);
        double dScale = 1;
        if (normalize) {
            double maxL = Distribution.maxTerminalDistance(paths, group);
            if (!(maxL > 0)) throw f.error(at, "normalize: the group has no terminal section away from the soma");
            dScale = 1 / maxL;
        }
        DoubleUnaryOperator base = shape;
        DoubleUnaryOperator scaled = scale == 1 ? base : d -> scale * base.applyAsDouble(d);
        return new Distribution(scaled, paths, spec::nseg, positions, dScale, decimals, kind + " distribution at " + at);
    }
}
