package org.dendrite.io.hoc;

import java.util.ArrayList;
import java.util.List;

/** HOC's {@code SectionList}: an ordered list of sections (deleted sections drop out). */
public final class HocSectionList extends BuiltinObject {
    final List<HocSection> sections = new ArrayList<>();

    HocSectionList(int index) {
        super("SectionList", index);
    }

    /** The live sections in list order. */
    public List<HocSection> sections() {
        sections.removeIf(HocSection::isDeleted);
        return List.copyOf(sections);
    }

    @Override
    Object call(HocInterpreter in, String m, List<Object> args, Ast.Node at) {
        switch (m) {
            case "append": sections.add(in.currentSection(at)); return 1.0;
            case "remove": {
                if (args.isEmpty()) {
                    HocSection s = in.currentSection(at);
                    int before = sections.size();
                    sections.removeIf(x -> x == s);
                    return (double) (before - sections.size());
                }
                HocObject o = obj(args, 0, at, m);
                if (!(o instanceof HocSectionList)) throw at.error("SectionList.remove needs a SectionList");
                int before = sections.size();
                sections.removeAll(((HocSectionList) o).sections);
                return (double) (before - sections.size());
            }
            case "children": {
                HocSection s = in.currentSection(at);
                sections.addAll(in.world().children(s));
                return 1.0;
            }
            case "subtree": sections.addAll(in.world().subtree(in.currentSection(at))); return 1.0;
            case "wholetree": {
                HocSection s = in.currentSection(at);
                while (s.parent != null) s = s.parent;
                sections.addAll(in.world().subtree(s));
                return 1.0;
            }
            case "allroots":
                for (HocSection s : in.world().sections()) if (s.parent == null) sections.add(s);
                return 1.0;
            case "unique": {
                List<HocSection> u = new ArrayList<>();
                for (HocSection s : sections) if (!u.contains(s)) u.add(s);
                int removed = sections.size() - u.size();
                sections.clear();
                sections.addAll(u);
                return (double) removed;
            }
            case "contains": {
                HocSection s = in.currentSection(at);
                return sections.contains(s) ? 1.0 : 0.0;
            }
            case "printnames":
                for (HocSection s : sections()) in.out().println(s.name());
                return 1.0;
            case "size": return (double) sections().size();
            default: return super.call(in, m, args, at);
        }
    }
}
