package org.dendrite.io.hoc;

/** A named HOC variable (scalar or array) of one kind, a procedure, or a template. */
final class Symbol {
    enum Kind { NUMBER, STRING, OBJREF, SECTION, PROC, TEMPLATE }

    final String name;
    final Kind kind;
    int[] dims;       // null: scalar
    double[] nums;
    StrRef[] strs;
    HocObject[] objs;
    HocSection[] secs;
    Procedure proc;
    Template template;

    Symbol(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    static Symbol number(String name, double value) {
        Symbol s = new Symbol(name, Kind.NUMBER);
        s.nums = new double[] {value};
        return s;
    }

    int size() {
        if (dims == null) return 1;
        int n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    /** Flat index of an index list, checked against the dimensions. */
    int flatIndex(int[] index, Ast.Node at) {
        if (index == null || index.length == 0) return 0; // a bare array name means element 0, as in NEURON
        if (dims == null) {
            if (index.length == 1 && index[0] == 0) return 0;
            throw at.error("'" + name + "' is not an array");
        }
        if (index.length != dims.length) {
            throw at.error("'" + name + "' has " + dims.length + " dimension(s), indexed with " + index.length);
        }
        int flat = 0;
        for (int i = 0; i < dims.length; i++) {
            if (index[i] < 0 || index[i] >= dims[i]) {
                throw at.error("index " + index[i] + " out of range for " + name + " (size " + dims[i] + ")");
            }
            flat = flat * dims[i] + index[i];
        }
        return flat;
    }

    String elementName(int flat) {
        if (dims == null) return name;
        StringBuilder sb = new StringBuilder(name);
        int[] idx = new int[dims.length];
        for (int i = dims.length - 1; i >= 0; i--) {
            idx[i] = flat % dims[i];
            flat /= dims[i];
        }
        for (int i : idx) sb.append('[').append(i).append(']');
        return sb.toString();
    }
}
