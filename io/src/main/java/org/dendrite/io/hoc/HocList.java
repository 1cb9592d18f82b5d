package org.dendrite.io.hoc;

import java.util.ArrayList;
import java.util.List;

/** HOC's {@code List}: an ordered list of object references. */
final class HocList extends BuiltinObject {
    final List<HocObject> items = new ArrayList<>();

    HocList(int index) {
        super("List", index);
    }

    @Override
    Object call(HocInterpreter in, String m, List<Object> args, Ast.Node at) {
        switch (m) {
            case "append": items.add(obj(args, 0, at, m)); return (double) items.size();
            case "prepend": items.add(0, obj(args, 0, at, m)); return (double) items.size();
            case "insrt": {
                int i = (int) num(args, 0, at, m);
                if (i < 0 || i > items.size()) throw at.error("List.insrt index " + i + " out of range");
                items.add(i, obj(args, 1, at, m));
                return (double) items.size();
            }
            case "count": return (double) items.size();
            case "object": case "o": {
                int i = (int) num(args, 0, at, m);
                if (i < 0 || i >= items.size()) throw at.error("List index " + i + " out of range (count " + items.size() + ")");
                return items.get(i);
            }
            case "remove": {
                int i = (int) num(args, 0, at, m);
                if (i < 0 || i >= items.size()) throw at.error("List index " + i + " out of range (count " + items.size() + ")");
                items.remove(i);
                return (double) items.size();
            }
            case "remove_all": items.clear(); return 0.0;
            case "index": {
                HocObject o = obj(args, 0, at, m);
                for (int i = 0; i < items.size(); i++) if (items.get(i) == o) return (double) i;
                return -1.0;
            }
            default: return super.call(in, m, args, at);
        }
    }

    /** {@code list.o[i]}: the legacy bracket form of {@code list.o(i)}, which NEURON still accepts. */
    @Override
    Object get(HocInterpreter in, String name, int[] index, Ast.Node at) {
        if ((name.equals("o") || name.equals("object")) && index != null && index.length == 1) {
            int i = index[0];
            if (i < 0 || i >= items.size()) throw at.error("List index " + i + " out of range (count " + items.size() + ")");
            return items.get(i);
        }
        return super.get(in, name, index, at);
    }
}
