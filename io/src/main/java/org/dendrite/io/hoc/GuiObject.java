package org.dendrite.io.hoc;

import java.util.List;

/** A graphical object (Graph, PlotShape, VBox, ...): accepted and ignored, every method returns 0. */
final class GuiObject extends BuiltinObject {
    GuiObject(String className, int index) {
        super(className, index);
    }

    @Override
    Object call(HocInterpreter in, String method, List<Object> args, Ast.Node at) {
        return 0.0;
    }

    @Override
    Object get(HocInterpreter in, String name, int[] index, Ast.Node at) {
        return 0.0;
    }

    @Override
    void set(HocInterpreter in, String name, int[] index, Object value, Ast.Node at) {
    }
}
