package org.dendrite.io.params;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;
import org.dendrite.engine.morphology.SectionType;

/**
 * Replaces a reconstructed axon by a two-section stub, as AllenSDK and BluePyOpt do (mechanisms.md §7.5):
 * every axon section is deleted and {@code axon[0]}, {@code axon[1]} (each {@code length} µm, stylised
 * cylinders) are appended, {@code axon[0]}'s 0 end attached to {@code soma[0](attachX)} and {@code axon[1]}'s to
 * {@code axon[0](1)}. Other sections keep their order (parents re-indexed).
 */
final class AxonStub {
    private AxonStub() {}

    static Morphology replace(Morphology m, double attachX, double length, double diam0, double diam1) {
        int soma = firstOfType(m, SectionType.SOMA);
        if (soma < 0) throw new IllegalArgumentException(m.source() + ": no soma section to attach the axon stub to");
        int[] newIndex = new int[m.size()];
        Morphology.Builder b = Morphology.builder(m.source());
        for (int s = 0; s < m.size(); s++) {
            Section sec = m.section(s);
            if (sec.type().equals(SectionType.AXON)) {
                newIndex[s] = -1;
                continue;
            }
            int p = sec.parent() < 0 ? -1 : newIndex[sec.parent()];
            if (sec.parent() >= 0 && p < 0) {
                throw new IllegalArgumentException(m.source() + ": section " + sec.name() + " grows from the axon; "
                        + "cannot replace the axon");
            }
            newIndex[s] = b.add(copy(sec, p));
        }
        int a0 = b.add(Section.stylized("axon[0]", SectionType.AXON, newIndex[soma], attachX, length, diam0));
        b.add(Section.stylized("axon[1]", SectionType.AXON, a0, 1.0, length, diam1));
        for (String note : m.notes()) b.note(note);
        b.note("axon replaced by a 2 x " + length + " um stub at " + m.section(soma).name() + "(" + attachX + ")");
        return b.build();
    }

    static int firstOfType(Morphology m, SectionType t) {
        for (int s = 0; s < m.size(); s++) if (m.section(s).type().equals(t)) return s;
        return -1;
    }

    static List<Integer> ofType(Morphology m, SectionType t) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < m.size(); s++) if (m.section(s).type().equals(t)) out.add(s);
        return out;
    }

    private static Section copy(Section s, int parent) {
        if (!s.hasPoints()) {
            return Section.stylized(s.name(), s.type(), parent, s.parentX(), s.stylizedLength(), s.stylizedDiam());
        }
        int n = s.pointCount();
        float[] x = new float[n], y = new float[n], z = new float[n], d = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.x(i);
            y[i] = s.y(i);
            z[i] = s.z(i);
            d[i] = s.diam(i);
        }
        return Section.withPoints(s.name(), s.type(), parent, s.parentX(), x, y, z, d);
    }
}
