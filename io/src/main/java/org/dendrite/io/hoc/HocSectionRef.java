package org.dendrite.io.hoc;

import java.util.List;

/** HOC's {@code SectionRef}: a handle on the section that was current when it was made. */
final class HocSectionRef extends BuiltinObject {
    final HocSection section;

    HocSectionRef(int index, HocSection section) {
        super("SectionRef", index);
        this.section = section;
    }

    private HocSection live(Ast.Node at) {
        if (section.isDeleted()) throw at.error("SectionRef refers to a deleted section");
        return section;
    }

    @Override
    Object get(HocInterpreter in, String name, int[] index, Ast.Node at) {
        switch (name) {
            case "sec": return live(at);
            case "parent": case "trueparent": {
                HocSection s = live(at);
                if (s.parent == null) throw at.error(s.name() + " has no parent");
                HocSection p = s.parent;
                if (name.equals("trueparent")) {
                    // skip parents to whose 0 end the section is attached
                    HocSection c = s;
                    while (c.parentX == 0 && c.parent.parent != null) c = c.parent;
                    p = c.parent;
                }
                return p;
            }
            case "root": {
                HocSection s = live(at);
                while (s.parent != null) s = s.parent;
                return s;
            }
            case "child": {
                List<HocSection> ch = in.world().children(live(at));
                int i = idx(index, at, "child");
                if (i < 0 || i >= ch.size()) throw at.error("SectionRef.child index " + i + " out of range (" + ch.size() + " children)");
                return ch.get(i);
            }
            default: return super.get(in, name, index, at);
        }
    }

    @Override
    Object call(HocInterpreter in, String m, List<Object> args, Ast.Node at) {
        switch (m) {
            case "nchild": return (double) in.world().children(live(at)).size();
            case "has_parent": return live(at).parent != null ? 1.0 : 0.0;
            case "has_trueparent": return live(at).parent != null ? 1.0 : 0.0;
            case "exists": return section.isDeleted() ? 0.0 : 1.0;
            case "is_cas": return in.currentSection(at) == section ? 1.0 : 0.0;
            default: return super.call(in, m, args, at);
        }
    }
}
