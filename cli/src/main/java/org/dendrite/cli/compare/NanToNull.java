package org.dendrite.cli.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON has no NaN: replaces non-finite numbers (also inside arrays) with null before writing. */
final class NanToNull {
    private NanToNull() {}

    static Object clean(Object o) {
        if (o instanceof Double d) return Double.isFinite(d) ? d : null;
        if (o instanceof double[] a) {
            List<Double> l = new ArrayList<>(a.length);
            for (double x : a) l.add(Double.isFinite(x) ? x : null);
            return l;
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put(k, clean(v)));
            return c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(x -> c.add(clean(x)));
            return c;
        }
        return o;
    }
}
