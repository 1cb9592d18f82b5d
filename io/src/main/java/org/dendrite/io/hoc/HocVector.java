package org.dendrite.io.hoc;

import java.util.Arrays;
import java.util.List;

/** HOC's {@code Vector}: a growable array of doubles with the common methods, and recording requests. */
public final class HocVector extends BuiltinObject {
    private double[] data = new double[0];
    private int size;
    private String label = "";

    HocVector(int index) {
        super("Vector", index);
    }

    public int size() { return size; }
    public double get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("Vector index " + i + " (size " + size + ")");
        return data[i];
    }
    public double[] toArray() { return Arrays.copyOf(data, size); }
    public String label() { return label; }

    /** Appends one value (used by the engine bridge while recording). */
    public void append(double v) {
        if (size == data.length) data = Arrays.copyOf(data, Math.max(8, size * 2));
        data[size++] = v;
    }

    /** Empties the vector (the bridge does this at finitialize for recording vectors). */
    public void clear() {
        size = 0;
    }

    void resize(int n) {
        if (n < 0) n = 0;
        if (n > data.length) {
            String tooLarge = HocInterpreter.tooLarge(n, "a Vector");
            if (tooLarge != null) throw new HocException(tooLarge);
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(n, 2L * data.length)));
        }
        if (n > size) Arrays.fill(data, size, n, 0);
        size = n;
    }

    private int checkIndex(int i, Ast.Node at) {
        if (i < 0 || i >= size) throw at.error("Vector index " + i + " out of range (size " + size + ")");
        return i;
    }

    @Override
    Object get(HocInterpreter in, String name, int[] index, Ast.Node at) {
        if (name.equals("x")) return data[checkIndex(idx(index, at, "x"), at)];
        return super.get(in, name, index, at);
    }

    @Override
    void set(HocInterpreter in, String name, int[] index, Object value, Ast.Node at) {
        if (!name.equals("x")) super.set(in, name, index, value, at);
        if (!(value instanceof Double)) throw at.error("Vector elements are numbers");
        data[checkIndex(idx(index, at, "x"), at)] = (Double) value;
    }

    @Override
    HocPointer pointer(HocInterpreter in, String name, int[] index, Ast.Node at) {
        throw at.error("&Vector.x[i] is not supported");
    }

    @Override
    Object call(HocInterpreter in, String m, List<Object> args, Ast.Node at) {
        switch (m) {
            case "size": return (double) size;
            case "resize": resize((int) num(args, 0, at, m)); return this;
            case "buffer_size": return (double) data.length;
            case "get": return data[checkIndex((int) num(args, 0, at, m), at)];
            case "set": data[checkIndex((int) num(args, 0, at, m), at)] = num(args, 1, at, m); return this;
            case "append":
                for (int i = 0; i < args.size(); i++) {
                    Object a = args.get(i);
                    if (a instanceof HocVector) {
                        HocVector o = (HocVector) a;
                        for (int k = 0; k < o.size; k++) append(o.data[k]);
                    } else {
                        append(num(args, i, at, m));
                    }
                }
                return this;
            case "insrt": {
                int at0 = (int) num(args, 0, at, m);
                if (at0 < 0 || at0 > size) throw at.error("Vector.insrt index out of range");
                double v = num(args, 1, at, m);
                append(0);
                System.arraycopy(data, at0, data, at0 + 1, size - 1 - at0);
                data[at0] = v;
                return this;
            }
            case "remove": {
                int a = checkIndex((int) num(args, 0, at, m), at);
                int b = args.size() > 1 ? checkIndex((int) num(args, 1, at, m), at) : a;
                System.arraycopy(data, b + 1, data, a, size - b - 1);
                size -= b - a + 1;
                return this;
            }
            case "fill": {
                double v = num(args, 0, at, m);
                int a = args.size() > 1 ? (int) num(args, 1, at, m) : 0;
                int b = args.size() > 2 ? (int) num(args, 2, at, m) : size - 1;
                for (int i = a; i <= b; i++) data[checkIndex(i, at)] = v;
                return this;
            }
            case "indgen": {
                double start = 0, step = 1;
                if (args.size() == 1) step = num(args, 0, at, m);
                else if (args.size() == 2) {
                    start = num(args, 0, at, m);
                    double end = num(args, 1, at, m);
                    resize((int) Math.floor((end - start) / 1 + 1e-9) + 1);
                } else if (args.size() >= 3) {
                    start = num(args, 0, at, m);
                    double end = num(args, 1, at, m);
                    step = num(args, 2, at, m);
                    resize((int) Math.floor((end - start) / step + 1e-9) + 1);
                }
                for (int i = 0; i < size; i++) data[i] = start + i * step;
                return this;
            }
            case "add": case "sub": case "mul": case "div": {
                Object a = args.isEmpty() ? null : args.get(0);
                for (int i = 0; i < size; i++) {
                    double o;
                    if (a instanceof HocVector) {
                        HocVector ov = (HocVector) a;
                        if (ov.size != size) throw at.error("Vector." + m + ": sizes differ");
                        o = ov.data[i];
                    } else {
                        o = num(args, 0, at, m);
                    }
                    switch (m) {
                        case "add": data[i] += o; break;
                        case "sub": data[i] -= o; break;
                        case "mul": data[i] *= o; break;
                        default: data[i] /= o;
                    }
                }
                return this;
            }
            case "scale": {
                double lo = num(args, 0, at, m), hi = num(args, 1, at, m);
                double mn = min(), mx = max();
                double f = mx > mn ? (hi - lo) / (mx - mn) : 0;
                for (int i = 0; i < size; i++) data[i] = lo + (data[i] - mn) * f;
                return f;
            }
            case "sum": { double s = 0; for (int i = 0; i < size; i++) s += data[i]; return s; }
            case "sumsq": { double s = 0; for (int i = 0; i < size; i++) s += data[i] * data[i]; return s; }
            case "mean": {
                if (size == 0) throw at.error("Vector.mean of an empty vector");
                double s = 0;
                for (int i = 0; i < size; i++) s += data[i];
                return s / size;
            }
            case "var": case "stdev": {
                if (size < 2) throw at.error("Vector." + m + " needs at least 2 elements");
                double mean = 0;
                for (int i = 0; i < size; i++) mean += data[i];
                mean /= size;
                double s = 0;
                for (int i = 0; i < size; i++) s += (data[i] - mean) * (data[i] - mean);
                double var = s / (size - 1);
                return m.equals("var") ? var : Math.sqrt(var);
            }
            case "max": if (size == 0) throw at.error("Vector.max of an empty vector"); return max();
            case "min": if (size == 0) throw at.error("Vector.min of an empty vector"); return min();
            case "max_ind": case "min_ind": {
                if (size == 0) throw at.error("Vector." + m + " of an empty vector");
                int best = 0;
                for (int i = 1; i < size; i++) {
                    if (m.equals("max_ind") ? data[i] > data[best] : data[i] < data[best]) best = i;
                }
                return (double) best;
            }
            case "abs": for (int i = 0; i < size; i++) data[i] = Math.abs(data[i]); return this;
            case "reverse": {
                for (int i = 0, j = size - 1; i < j; i++, j--) { double t = data[i]; data[i] = data[j]; data[j] = t; }
                return this;
            }
            case "sort": Arrays.sort(data, 0, size); return this;
            case "c": case "cl": {
                HocVector v = in.newVector();
                v.data = Arrays.copyOf(data, Math.max(size, 1));
                v.size = size;
                if (m.equals("cl")) v.label = label;
                return v;
            }
            case "copy": {
                HocObject o = obj(args, 0, at, m);
                if (!(o instanceof HocVector)) throw at.error("Vector.copy needs a Vector");
                HocVector src = (HocVector) o;
                data = Arrays.copyOf(src.data, Math.max(src.size, 1));
                size = src.size;
                return this;
            }
            case "contains": {
                double v = num(args, 0, at, m);
                for (int i = 0; i < size; i++) if (Math.abs(data[i] - v) <= HocInterpreter.FLOAT_EPSILON) return 1.0;
                return 0.0;
            }
            case "indwhere": {
                String op = str(args, 0, at, m);
                double v = num(args, 1, at, m);
                for (int i = 0; i < size; i++) if (compare(op, data[i], v, at)) return (double) i;
                return -1.0;
            }
            case "label":
                if (!args.isEmpty()) label = str(args, 0, at, m);
                return label;
            case "printf": {
                StringBuilder sb = new StringBuilder();
                String fmt = args.isEmpty() ? "%g\t" : str(args, 0, at, m);
                for (int i = 0; i < size; i++) {
                    sb.append(HocFormat.printf(fmt, List.of(data[i]), at));
                    if (args.isEmpty() && (i + 1) % 5 == 0) sb.append('\n'); // NEURON: 5 values per line
                }
                if (args.isEmpty()) sb.append('\n');
                in.out().print(sb);
                return (double) size;
            }
            case "setrand": {
                HocObject r = obj(args, 0, at, m);
                if (!(r instanceof HocRandom)) throw at.error("Vector.setrand needs a Random");
                for (int i = 0; i < size; i++) data[i] = ((HocRandom) r).repick();
                return this;
            }
            case "record":
                in.record(this, args, at);
                return this;
            case "plot": case "line": case "mark": case "ploterr":
                // drawing into a Graph: there is no display
                in.noteGui("Vector." + m + "()");
                return this;
            case "play":
                in.play(this, args, at);
                return this;
            case "play_remove":
                in.world().plays.removeIf(q -> q.values() == this);
                return this;
            default:
                return super.call(in, m, args, at);
        }
    }

    private static boolean compare(String op, double a, double b, Ast.Node at) {
        double e = HocInterpreter.FLOAT_EPSILON;
        switch (op) {
            case "==": return Math.abs(a - b) <= e;
            case "!=": return Math.abs(a - b) > e;
            case ">": return a > b + e;
            case "<": return a < b - e;
            case ">=": return a >= b - e;
            case "<=": return a <= b + e;
            default: throw at.error("unknown comparison '" + op + "'");
        }
    }

    private double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) m = Math.max(m, data[i]);
        return m;
    }

    private double min() {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) m = Math.min(m, data[i]);
        return m;
    }
}
