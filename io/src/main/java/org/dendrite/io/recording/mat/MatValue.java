package org.dendrite.io.recording.mat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A MATLAB value as read from a MAT file of any version, independent of the library that read it. Dimensions are
 * MATLAB's (rows, columns, ...); element arrays are in MATLAB's column-major order.
 */
public sealed interface MatValue {
    int[] dims();

    /** Number of elements (product of the dimensions). */
    default int size() {
        int n = 1;
        for (int d : dims()) n *= d;
        return n;
    }

    /** A numeric or logical array; {@code matlabClass} is e.g. double, single, int16, logical. */
    record Numeric(String matlabClass, int[] dims, double[] real, double[] imag) implements MatValue {
        public boolean isComplex() {
            return imag != null;
        }

        /** The single value of a 1x1 array. */
        public double scalar() {
            if (real.length != 1) throw new IllegalStateException("not a scalar: " + Arrays.toString(dims));
            return real[0];
        }

        /** True for a row or column vector (or scalar). */
        public boolean isVector() {
            int big = 0;
            for (int d : dims) if (d > 1) big++;
            return big <= 1;
        }

        /** Column {@code c} of a 2-D array (length rows). */
        public double[] column(int c) {
            int rows = dims[0];
            return Arrays.copyOfRange(real, c * rows, (c + 1) * rows);
        }
    }

    /** A char array; {@code rows} holds each row as a string (one row for an ordinary string). */
    record Text(int[] dims, List<String> rows) implements MatValue {
        /** The rows joined by newlines ("" for an empty char array). */
        public String text() {
            return String.join("\n", rows);
        }
    }

    /** A struct array: field names in file order and, per element (column-major), the field values. */
    record Struct(int[] dims, List<String> fields, List<Map<String, MatValue>> elements) implements MatValue {
        /** Field {@code name} of element {@code i}, or null. */
        public MatValue get(int i, String name) {
            return elements.get(i).get(name);
        }
    }

    /** A cell array (column-major elements). */
    record CellArray(int[] dims, List<MatValue> elements) implements MatValue {}

    /** Anything else (sparse matrices, objects, function handles): kept only as its kind. */
    record Unsupported(String kind, int[] dims) implements MatValue {}
}
