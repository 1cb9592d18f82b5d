package org.dendrite.io.params;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;
import net.razorvine.pickle.objects.ClassDict;
import org.dendrite.engine.DendriteException;

/**
 * Parameter sets pickled by Python fitting tools (BluePyOpt, DEAP scripts, plain {@code pickle.dump}): a dict
 * {@code {name: value}} (nested dicts are joined with '.', {@code {"somatic": {"gnabar_hh": 0.1}}} →
 * {@code somatic.gnabar_hh}), or a list/tuple/array of values without names. Values may be Python numbers, numpy
 * scalars ({@code numpy.float64(0.1)}) or one-element numpy arrays; numpy 1.x ({@code numpy.core.multiarray}) and
 * 2.x ({@code numpy._core.multiarray}) pickles both read. Nothing in the pickle is executed: classes other than
 * numpy's arrays, scalars and dtypes are kept as inert records and then rejected with a message saying what the
 * pickle holds.
 */
public final class PickledParameters {
    /** The named values (in the pickle's order), or empty when the pickle holds an unnamed list. */
    public final Map<String, Double> named;
    /** The unnamed values of a list/array pickle (null for a dict). */
    public final double[] unnamed;
    public final Path file;

    private PickledParameters(Path file, Map<String, Double> named, double[] unnamed) {
        this.file = file;
        this.named = named;
        this.unnamed = unnamed;
    }

    static {
        for (String m : List.of("numpy.core.multiarray", "numpy._core.multiarray")) {
            Unpickler.registerConstructor(m, "_reconstruct", args -> new NdArray());
            Unpickler.registerConstructor(m, "scalar", PickledParameters::scalar);
        }
        Unpickler.registerConstructor("numpy", "dtype", args -> new DType(String.valueOf(args[0])));
        // DEAP's creator.Individual: a list of parameter values with a fitness attribute (as BluePyOpt's checkpoints hold)
        Unpickler.registerConstructor("deap.creator", "Individual", args -> new Individual());
    }

    /** A DEAP individual: its values (the list), its attributes (fitness…) ignored. */
    public static final class Individual extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

        public void __setstate__(java.util.HashMap<?, ?> state) {
            // fitness and other attributes are not parameters
        }
    }

    /** Whether a file name looks like a pickle ({@code .pkl}, {@code .pickle}). */
    public static boolean isPickle(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".pkl") || n.endsWith(".pickle");
    }

    public static PickledParameters read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new DendriteException(file + ": file not found");
        Object root;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            Unpickler u = new Unpickler();
            root = u.load(in);
            u.close();
        } catch (PickleException | IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
            throw new DendriteException(file + ": not a pickle of a parameter set (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw new DendriteException(file + ": the pickle ends early (truncated file?)");
        } catch (IOException e) {
            // the file was found; what fails now is its content (an unknown opcode, an early end)
            throw new DendriteException(file + ": not a readable Python pickle (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            // razorvine wraps reflection failures (BUILD on an object it cannot set up) in RuntimeExceptions
            throw new DendriteException(file + ": the pickle holds objects dendrite cannot read as parameters ("
                    + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")");
        }
        if (root instanceof Map<?, ?> map) {
            Map<String, Double> out = new LinkedHashMap<>();
            flatten(file, "", map, out);
            if (out.isEmpty()) throw new DendriteException(file + ": the pickled dict is empty");
            return new PickledParameters(file, out, null);
        }
        if (root instanceof Collection<?> || root instanceof Object[] || root instanceof NdArray) {
            List<Object> items = items(root);
            double[] v = new double[items.size()];
            for (int i = 0; i < v.length; i++) {
                Double d = number(items.get(i));
                if (d == null) throw new DendriteException(file + ": item " + i + " of the pickled list is " + what(items.get(i)) + ", expected a number");
                v[i] = d;
            }
            return new PickledParameters(file, Map.of(), v);
        }
        Double d = number(root);
        if (d != null) throw new DendriteException(file + ": the pickle holds a single number (" + d + "), not a parameter set {name: value}");
        throw new DendriteException(file + ": the pickle holds " + what(root) + ", not a parameter set (expected a dict {name: value} "
                + "or a list of numbers)");
    }

    /** The values by name; a pickle of an unnamed list is an error saying so. */
    public Map<String, Double> requireNamed() {
        if (unnamed != null) {
            throw new DendriteException(file + ": the pickle holds " + unnamed.length + " values without names (a list, as a DEAP "
                    + "individual); dendrite needs a dict {name: value} here");
        }
        return named;
    }

    private static void flatten(Path file, String prefix, Map<?, ?> map, Map<String, Double> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw new DendriteException(file + ": dict key " + e.getKey() + " is " + what(e.getKey()) + ", expected a parameter name (str)");
            }
            String name = prefix.isEmpty() ? k : prefix + "." + k;
            Object v = e.getValue();
            if (v instanceof Map<?, ?> sub) {
                flatten(file, name, sub, out);
                continue;
            }
            Double d = number(v);
            if (d == null) {
                String extra = v instanceof NdArray a ? " with " + a.size() + " values" : v instanceof Collection<?> c ? " of " + c.size() + " items" : "";
                throw new DendriteException(file + ": '" + name + "' is " + what(v) + extra + ", expected one number");
            }
            out.put(name, d);
        }
    }

    private static List<Object> items(Object o) {
        if (o instanceof NdArray a) return a.values();
        if (o instanceof Object[] arr) return List.of(arr);
        return new ArrayList<>((Collection<?>) o);
    }

    /** A number (Python int/float, numpy scalar, one-element array), or null. Booleans are not numbers here. */
    private static Double number(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof NdArray a && a.size() == 1) return number(a.values().get(0));
        return null;
    }

    private static String what(Object o) {
        if (o == null) return "None";
        if (o instanceof ClassDict cd) return "a Python object of class " + cd.getClassName();
        if (o instanceof String) return "a string";
        if (o instanceof Boolean) return "a boolean";
        if (o instanceof Map<?, ?>) return "a dict";
        if (o instanceof Individual) return "a DEAP individual";
        if (o instanceof NdArray a) return "a numpy array (" + a.dtype + ")";
        if (o instanceof Collection<?> || o instanceof Object[]) return "a list";
        if (o instanceof byte[]) return "bytes";
        return "a " + o.getClass().getSimpleName();
    }

    // ---- numpy ------------------------------------------------------------------------------------------------

    /** numpy.dtype('f8', ...) with its byte order set by BUILD. */
    public static final class DType {
        final String code;
        char order = '<';

        DType(String code) {
            this.code = code;
        }

        public void __setstate__(Object[] state) {
            if (state.length > 1 && state[1] instanceof String s && !s.isEmpty()) order = s.charAt(0);
        }

        char kind() {
            return code.charAt(0);
        }

        int itemSize() {
            if (code.length() < 2) return code.equals("O") ? 0 : 8;
            return Integer.parseInt(code.substring(1));
        }

        @Override
        public String toString() {
            return code;
        }

        /** Decodes item {@code i} of raw bytes. */
        Object decode(byte[] raw, int i) {
            int size = itemSize();
            ByteBuffer b = ByteBuffer.wrap(raw, i * size, size).order(order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            return switch (kind()) {
                case 'f' -> switch (size) {
                    case 4 -> (double) b.getFloat();
                    case 8 -> b.getDouble();
                    default -> throw new DendriteException("numpy dtype " + code + " is not supported");
                };
                case 'i' -> switch (size) {
                    case 1 -> (long) b.get();
                    case 2 -> (long) b.getShort();
                    case 4 -> (long) b.getInt();
                    case 8 -> b.getLong();
                    default -> throw new DendriteException("numpy dtype " + code + " is not supported");
                };
                case 'u' -> switch (size) {
                    case 1 -> (long) (b.get() & 0xff);
                    case 2 -> (long) (b.getShort() & 0xffff);
                    case 4 -> b.getInt() & 0xffffffffL;
                    case 8 -> b.getLong();
                    default -> throw new DendriteException("numpy dtype " + code + " is not supported");
                };
                case 'b' -> b.get() != 0;
                default -> throw new DendriteException("numpy dtype " + code + " is not supported (numbers only)");
            };
        }
    }

    /** numpy.ndarray, filled by BUILD with (version, shape, dtype, is_fortran, data). */
    public static final class NdArray {
        DType dtype;
        int[] shape = new int[0];
        private List<Object> values = List.of();

        public void __setstate__(Object[] state) {
            int o = state.length == 5 ? 1 : 0; // (version, shape, dtype, fortran, data) or without version
            Object shp = state[o];
            Object[] dims = shp instanceof Object[] a ? a : ((Collection<?>) shp).toArray();
            shape = new int[dims.length];
            int n = 1;
            for (int i = 0; i < dims.length; i++) {
                shape[i] = ((Number) dims[i]).intValue();
                n *= shape[i];
            }
            dtype = (DType) state[o + 1];
            Object data = state[o + 3];
            List<Object> v = new ArrayList<>(n);
            if (data instanceof byte[] raw) {
                if (dtype.itemSize() == 0 || raw.length != n * dtype.itemSize()) {
                    throw new DendriteException("numpy array of " + n + " " + dtype + " values holds " + raw.length + " bytes");
                }
                for (int i = 0; i < n; i++) v.add(dtype.decode(raw, i));
            } else if (data instanceof String s) { // protocol 0/1 latin-1 text
                byte[] raw = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                for (int i = 0; i < n; i++) v.add(dtype.decode(raw, i));
            } else if (data instanceof Collection<?> c) { // object arrays
                v.addAll(c);
            } else {
                throw new DendriteException("numpy array with data of type " + what(data));
            }
            values = v;
        }

        int size() {
            return values.size();
        }

        List<Object> values() {
            return values;
        }
    }

    private static Object scalar(Object[] args) {
        DType t = (DType) args[0];
        Object data = args[1];
        byte[] raw = data instanceof byte[] b ? b : String.valueOf(data).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return t.decode(raw, 0);
    }
}
