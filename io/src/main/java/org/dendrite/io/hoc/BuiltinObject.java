package org.dendrite.io.hoc;

import java.util.List;

/** A built-in HOC class instance (Vector, List, SectionList, point processes, ...). */
abstract class BuiltinObject extends HocObject {
    BuiltinObject(String className, int index) {
        super(className, index);
    }

    /** {@code obj.method(args)}. */
    Object call(HocInterpreter in, String method, List<Object> args, Ast.Node at) {
        throw at.error(className() + " has no method '" + method + "'");
    }

    /**
     * {@code obj.name} or {@code obj.name[i]} read. A name that is no property but a method is called with no
     * arguments, as NEURON does ({@code vec.size}, {@code sref.nchild} without parentheses).
     */
    Object get(HocInterpreter in, String name, int[] index, Ast.Node at) {
        if (index == null) {
            try {
                return call(in, name, List.of(), at);
            } catch (HocException e) {
                if (!e.detail().equals(className() + " has no method '" + name + "'")) throw e;
            }
        }
        throw at.error(className() + " has no member '" + name + "'");
    }

    /** {@code obj.name[i] = value}. */
    void set(HocInterpreter in, String name, int[] index, Object value, Ast.Node at) {
        throw at.error("cannot assign to " + className() + "." + name);
    }

    /** {@code &obj.name}. */
    HocPointer pointer(HocInterpreter in, String name, int[] index, Ast.Node at) {
        throw at.error("cannot take the address of " + className() + "." + name);
    }

    static double num(List<Object> args, int i, Ast.Node at, String what) {
        if (i >= args.size()) throw at.error(what + ": argument " + (i + 1) + " missing");
        Object o = args.get(i);
        if (o instanceof Double) return (Double) o;
        throw at.error(what + ": argument " + (i + 1) + " must be a number");
    }

    static String str(List<Object> args, int i, Ast.Node at, String what) {
        if (i >= args.size()) throw at.error(what + ": argument " + (i + 1) + " missing");
        Object o = args.get(i);
        if (o instanceof StrRef) return ((StrRef) o).value;
        if (o instanceof String) return (String) o;
        throw at.error(what + ": argument " + (i + 1) + " must be a string");
    }

    static HocObject obj(List<Object> args, int i, Ast.Node at, String what) {
        if (i >= args.size()) throw at.error(what + ": argument " + (i + 1) + " missing");
        Object o = args.get(i);
        if (o == null || o instanceof HocObject) return (HocObject) o;
        throw at.error(what + ": argument " + (i + 1) + " must be an object");
    }

    static int idx(int[] index, Ast.Node at, String what) {
        if (index == null || index.length == 0) return 0;
        if (index.length != 1) throw at.error(what + " takes one index");
        return index[0];
    }
}
