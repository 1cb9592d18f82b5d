package org.dendrite.io.recording.mat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.dendrite.io.recording.RecordingFormatException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * Reads every variable of a MAT file into {@link MatValue}s: Level 5 files (MATLAB v6 uncompressed and v7 compressed)
 * through MFL, v7.3 files (HDF5 after a 512-byte MATLAB header) through jHDF, following MATLAB's HDF5 layout
 * (a MATLAB_class attribute per variable, dimensions reversed, MATLAB_empty for empty arrays, char as UTF-16 codes,
 * cells and struct arrays as object references into {@code #refs#}).
 */
public final class MatFiles {
    /** The variables of a file, in file order, and the container version ("6", "7" or "7.3"). */
    public record Contents(String version, String headerText, Map<String, MatValue> variables) {}

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private MatFiles() {}

    /** True when {@code head} (the first 128 bytes or more) is a MATLAB MAT-file header. */
    public static boolean looksLikeMat(byte[] head) {
        return head.length >= 10 && new String(head, 0, 10, StandardCharsets.ISO_8859_1).equals("MATLAB 5.0")
                || head.length >= 10 && new String(head, 0, 10, StandardCharsets.ISO_8859_1).startsWith("MATLAB 7.");
    }

    public static Contents read(Path file) {
        byte[] head = new byte[528];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new RecordingFormatException(file, "cannot read: " + e.getMessage(), e);
        }
        if (n < 128) throw new RecordingFormatException(file, 0, "expected a 128-byte MAT-file header but the file has " + n + " bytes");
        String text = new String(head, 0, 116, StandardCharsets.ISO_8859_1).replace('\0', ' ').strip();
        if (!text.startsWith("MATLAB")) {
            throw new RecordingFormatException(file, 0, "expected a MAT-file header starting \"MATLAB 5.0 MAT-file\" or \"MATLAB 7.3 MAT-file\" but found \""
                    + text.substring(0, Math.min(20, text.length())).replaceAll("[^\\x20-\\x7e]", "?") + "\"");
        }
        boolean hdf5 = n >= 520 && java.util.Arrays.equals(java.util.Arrays.copyOfRange(head, 512, 520), HDF5_SIGNATURE);
        if (hdf5) return new Contents("7.3", text, readHdf5(file));
        // Level 5: the endian indicator "IM" at bytes 126-127; the first element's type 15 means compressed (v7)
        ByteOrder order = head[126] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int firstType = n >= 132 ? ByteBuffer.wrap(head, 128, 4).order(order).getInt() : 0;
        String version = firstType == 15 ? "7" : "6";
        return new Contents(version, text, readLevel5(file));
    }

    // ------------------------------------------------------------------ Level 5 (MFL)

    private static Map<String, MatValue> readLevel5(Path file) {
        Map<String, MatValue> out = new LinkedHashMap<>();
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            for (MatFile.Entry e : mat.getEntries()) out.put(e.getName(), convert(e.getValue()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof RecordingFormatException r) throw r;
            String why = e instanceof java.io.EOFException || e.getCause() instanceof java.io.EOFException
                    ? "the file ends inside a data element (truncated?); its size is " + sizeOf(file) + " bytes"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new RecordingFormatException(file, "not a readable MAT v5/v7 file: " + why, e);
        } catch (OutOfMemoryError e) {
            // a corrupt size field asks for an array larger than the heap; the allocation failed, nothing was kept
            throw new RecordingFormatException(file, "not a readable MAT v5/v7 file: an element's size field asks for more memory than "
                    + "is available (corrupt file, or a variable too large for -Xmx)");
        }
        return out;
    }

    private static String sizeOf(Path file) {
        try {
            return Long.toString(java.nio.file.Files.size(file));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static MatValue convert(Array a) {
        int[] dims = a.getDimensions().clone();
        if (a instanceof Matrix m) {
            int size = m.getNumElements();
            double[] re = new double[size];
            double[] im = m.isComplex() ? new double[size] : null;
            for (int i = 0; i < size; i++) {
                re[i] = m.getDouble(i);
                if (im != null) im[i] = m.getImaginaryDouble(i);
            }
            String cls = m.isLogical() ? "logical" : a.getType().toString();
            return new MatValue.Numeric(cls, dims, re, im);
        }
        if (a instanceof Char c) {
            List<String> rows = new ArrayList<>();
            int r = c.getNumRows(), cols = c.getNumCols();
            for (int i = 0; i < r; i++) {
                StringBuilder s = new StringBuilder();
                for (int j = 0; j < cols; j++) s.append(c.getChar(i, j));
                rows.add(utf8InUtf16(s.toString()));
            }
            return new MatValue.Text(dims, rows);
        }
        if (a instanceof Struct s) {
            List<String> fields = new ArrayList<>(s.getFieldNames());
            List<Map<String, MatValue>> elements = new ArrayList<>();
            for (int i = 0; i < s.getNumElements(); i++) {
                Map<String, MatValue> el = new LinkedHashMap<>();
                for (String f : fields) el.put(f, convert(s.get(f, i)));
                elements.add(el);
            }
            return new MatValue.Struct(dims, fields, elements);
        }
        if (a instanceof Cell c) {
            List<MatValue> elements = new ArrayList<>();
            for (int i = 0; i < c.getNumElements(); i++) elements.add(convert(c.get(i)));
            return new MatValue.CellArray(dims, elements);
        }
        return new MatValue.Unsupported(a.getType().toString(), dims);
    }

    /**
     * Some writers store a UTF-8 byte pair in one 16-bit character (e.g. 0xC3A9 for U+00E9); when every character
     * above U+00FF is such a pair (lead byte C2-DF, continuation byte 80-BF), decode them, otherwise keep the text.
     */
    static String utf8InUtf16(String s) {
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch > 0xff) {
                int hi = ch >> 8, lo = ch & 0xff;
                if (hi < 0xc2 || hi > 0xdf || lo < 0x80 || lo > 0xbf) return s;
                any = true;
            }
        }
        if (!any) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            out.append(ch > 0xff ? (char) (((ch >> 8) & 0x1f) << 6 | (ch & 0x3f)) : ch);
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ v7.3 (HDF5)

    private static Map<String, MatValue> readHdf5(Path file) {
        org.dendrite.io.recording.Hdf5Logging.quiet();
        Map<String, MatValue> out = new LinkedHashMap<>();
        try (HdfFile h = new HdfFile(file)) {
            for (Node node : h) {
                if (node.getName().startsWith("#")) continue; // #refs#, #subsystem#
                out.put(node.getName(), convert(h, node));
            }
        } catch (RecordingFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RecordingFormatException(file, "not a readable MAT v7.3 (HDF5) file: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new RecordingFormatException(file, "not a readable MAT v7.3 (HDF5) file: a dataset asks for more memory than is available "
                    + "(corrupt file, or a variable too large for -Xmx)");
        }
        return out;
    }

    private static String attr(Node n, String name) {
        Attribute a = n.getAttribute(name);
        if (a == null) return null;
        Object d = a.getData();
        if (d instanceof String s) return s;
        if (d instanceof String[] s && s.length > 0) return s[0];
        if (d != null && d.getClass().isArray() && java.lang.reflect.Array.getLength(d) > 0) return String.valueOf(java.lang.reflect.Array.get(d, 0));
        return String.valueOf(d);
    }

    private static int[] matlabDims(int[] hdfDims) {
        int[] d = new int[Math.max(2, hdfDims.length)];
        java.util.Arrays.fill(d, 1);
        for (int i = 0; i < hdfDims.length; i++) d[i] = hdfDims[hdfDims.length - 1 - i];
        if (hdfDims.length == 1) {
            d[0] = hdfDims[0];
            d[1] = 1;
        }
        return d;
    }

    private static MatValue convert(HdfFile h, Node node) {
        String cls = attr(node, "MATLAB_class");
        if (node instanceof Group g) {
            // scalar struct: one dataset (or group) per field
            List<String> fields = new ArrayList<>();
            Map<String, MatValue> el = new LinkedHashMap<>();
            Map<String, Node> children = g.getChildren();
            List<String> order = new ArrayList<>(children.keySet());
            Attribute fieldAttr = g.getAttribute("MATLAB_fields");
            if (fieldAttr != null && fieldAttr.getData() instanceof Object[] names) {
                order.clear();
                for (Object o : names) {
                    StringBuilder s = new StringBuilder();
                    if (o instanceof String[] chars) for (String c : chars) s.append(c);
                    else s.append(o);
                    order.add(s.toString());
                }
            }
            // a struct array stores each field as a dataset of references, one per element
            boolean array = false;
            for (String f : order) {
                Node c = children.get(f);
                if (c instanceof Dataset d && attr(d, "MATLAB_class") == null && d.getJavaType() == long.class) array = true;
            }
            if (array) {
                int count = -1;
                int[] dims = null;
                Map<String, long[]> refs = new LinkedHashMap<>();
                for (String f : order) {
                    Dataset d = (Dataset) children.get(f);
                    long[] r = (long[]) d.getDataFlat();
                    refs.put(f, r);
                    count = r.length;
                    dims = matlabDims(d.getDimensions());
                }
                List<Map<String, MatValue>> elements = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Map<String, MatValue> e = new LinkedHashMap<>();
                    for (String f : order) e.put(f, convert(h, h.getNodeByAddress(refs.get(f)[i])));
                    elements.add(e);
                }
                return new MatValue.Struct(dims, order, elements);
            }
            for (String f : order) {
                Node c = children.get(f);
                if (c == null) continue;
                fields.add(f);
                el.put(f, convert(h, c));
            }
            return new MatValue.Struct(new int[] {1, 1}, fields, List.of(el));
        }
        Dataset d = (Dataset) node;
        if ("1".equals(attr(d, "MATLAB_empty"))) {
            Object dimsData = d.getDataFlat();
            int[] dims = new int[java.lang.reflect.Array.getLength(dimsData)];
            for (int i = 0; i < dims.length; i++) dims[i] = ((Number) java.lang.reflect.Array.get(dimsData, i)).intValue();
            if ("char".equals(cls)) return new MatValue.Text(dims, List.of());
            if ("cell".equals(cls)) return new MatValue.CellArray(dims, List.of());
            if ("struct".equals(cls)) return new MatValue.Struct(dims, List.of(), List.of());
            return new MatValue.Numeric(cls == null ? "double" : cls, dims, new double[0], null);
        }
        int[] dims = matlabDims(d.getDimensions());
        Object data = d.getDataFlat();
        if ("cell".equals(cls)) {
            long[] refs = (long[]) data;
            List<MatValue> elements = new ArrayList<>();
            for (long r : refs) elements.add(convert(h, h.getNodeByAddress(r)));
            return new MatValue.CellArray(dims, elements);
        }
        if ("char".equals(cls)) {
            double[] codes = toDoubles(data);
            int rows = dims[0], cols = dims[1];
            List<String> out = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                StringBuilder s = new StringBuilder();
                for (int c = 0; c < cols; c++) s.append((char) codes[c * rows + r]);
                out.add(s.toString());
            }
            return new MatValue.Text(dims, out);
        }
        if (data instanceof Map<?, ?> compound) {
            double[] re = toDoubles(compound.get("real"));
            double[] im = toDoubles(compound.get("imag"));
            return new MatValue.Numeric(cls == null ? "double" : cls, dims, re, im);
        }
        return new MatValue.Numeric(cls == null ? "double" : cls, dims, toDoubles(data), null);
    }

    static double[] toDoubles(Object flat) {
        if (flat instanceof double[] d) return d;
        int n = java.lang.reflect.Array.getLength(flat);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Object o = java.lang.reflect.Array.get(flat, i);
            out[i] = o instanceof Number num ? num.doubleValue() : o instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
        }
        return out;
    }
}
