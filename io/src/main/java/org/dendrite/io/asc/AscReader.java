package org.dendrite.io.asc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.MorphologyFormatException;
import org.dendrite.io.asc.AscParser.Branch;
import org.dendrite.io.asc.AscParser.Contour;
import org.dendrite.io.asc.AscParser.Pt;
import org.dendrite.io.asc.AscParser.Tree;
import org.dendrite.io.morph.Hoc;
import org.dendrite.io.morph.Import3dBuilder;
import org.dendrite.io.morph.MorphologyWarning;
import org.dendrite.io.morph.ReadResult;
import org.dendrite.io.morph.RawSection;
import org.dendrite.io.morph.SomaContour;

/**
 * Reads Neurolucida ASC files into the sections NEURON's Import3d (Import3d_Neurolucida3) makes of them.
 *
 * <ul>
 *   <li>Contours named "CellBody", "Cell Body" or "Soma" with 3 or more points are somata; other contours
 *       (outlines of layers, slices...) are skipped with a note. Overlapping consecutive soma contours (their xy
 *       bounding boxes intersect) form one z-stacked soma.</li>
 *   <li>A tree's type is taken from its last property before the first point: (Axon) 2, (Dendrite) 3,
 *       (Apical) 4, anything else 0 (NEURON's rule; {@code dend_0} sections).</li>
 *   <li>Each branch is one section in depth-first order; it starts with a copy of its parent's last point
 *       (with the branch's first diameter) unless it repeats that point itself.</li>
 *   <li>Each tree's first section hangs from the middle of the soma whose bounding box (widened by 0.5 um)
 *       holds its first point, otherwise from the nearest soma centre; it is joined by a wire.</li>
 *   <li>Markers, spines, text and blocks such as (Sections), (ImageCoords), (Font) are skipped with a note.</li>
 * </ul>
 */
public final class AscReader {
    private AscReader() {}

    public static Morphology read(Path file) {
        return readChecked(file).morphology();
    }

    /** Reads {@code file} with warnings about suspicious input and a sentence on the soma reading. */
    public static ReadResult readChecked(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MorphologyFormatException(file, 0, 0, "no such file");
        } catch (IOException e) {
            throw new MorphologyFormatException(file, 0, 0, "cannot read the file (" + e.getMessage() + ")");
        }
        return readChecked(file.toString(), b);
    }

    public static Morphology read(String name, byte[] content) {
        return readChecked(name, content).morphology();
    }

    public static ReadResult readChecked(String name, byte[] content) {
        AscParser p = new AscParser(new AscLexer(name, content));
        p.parseFile();
        return build(name, p);
    }

    private static boolean isSomaName(String s) {
        return s.equals("CellBody") || s.equals("Cell Body") || s.equals("Soma");
    }

    private static final class Soma {
        final Contour main;
        final List<Contour> stack = new ArrayList<>();
        double[] center;
        double xmin, xmax, ymin, ymax;
        int index;

        Soma(Contour c) {
            main = c;
        }
    }

    private static ReadResult build(String name, AscParser p) {
        List<String> notes = new ArrayList<>();
        List<MorphologyWarning> warnings = new ArrayList<>();
        List<Contour> somaContours = new ArrayList<>();
        List<Integer> tooSmall = new ArrayList<>();
        int otherContours = 0;
        for (Contour c : p.contours) {
            if (isSomaName(c.name)) {
                if (c.points.size() > 2) {
                    somaContours.add(c);
                } else {
                    tooSmall.add(c.line);
                    warnings.add(new MorphologyWarning("ignored-soma-contour", c.line, "the soma contour has "
                            + c.points.size() + " point(s), fewer than 3, and was ignored (as NEURON does)"));
                }
            } else {
                otherContours++;
            }
        }
        if (otherContours > 0) {
            notes.add(otherContours + " contour(s) that are not a soma (not named CellBody, Cell Body or Soma)"
                    + " were skipped");
        }
        if (p.markers > 0) notes.add(p.markers + " marker(s) were skipped");
        if (p.spines > 0) notes.add(p.spines + " spine(s) were skipped (they do not become sections)");
        if (p.texts > 0) notes.add(p.texts + " text annotation(s) were skipped");
        if (p.emptyBranches > 0) notes.add(p.emptyBranches + " empty branch(es) after '|' were skipped");

        // somata: consecutive contours whose xy bounding boxes intersect form one stack
        List<Soma> somas = new ArrayList<>();
        double[] prevBox = null;
        Soma current = null;
        for (Contour c : somaContours) {
            double[] box = box(c);
            if (current != null && xyIntersect(prevBox, box)) {
                current.stack.add(c);
            } else {
                current = new Soma(c);
                somas.add(current);
            }
            prevBox = box;
        }

        List<RawSection> raw = new ArrayList<>();
        for (Soma s : somas) {
            double[][] m = xyz(s.main);
            RawSection r = new RawSection(1, m[0], m[1], m[2], m[3]);
            r.contour = true;
            r.line = s.main.line;
            if (!s.stack.isEmpty()) {
                r.contourStack = new ArrayList<>();
                List<double[][]> all = new ArrayList<>();
                all.add(m);
                for (Contour c : s.stack) {
                    double[][] o = xyz(c);
                    r.contourStack.add(o);
                    all.add(o);
                }
                s.center = SomaContour.stackCenter(all);
                double[] bb = box(s.main);
                for (Contour c : s.stack) {
                    double[] b2 = box(c);
                    bb[0] = Math.min(bb[0], b2[0]);
                    bb[1] = Math.min(bb[1], b2[1]);
                    bb[3] = Math.max(bb[3], b2[3]);
                    bb[4] = Math.max(bb[4], b2[4]);
                }
                s.xmin = bb[0];
                s.xmax = bb[3];
                s.ymin = bb[1];
                s.ymax = bb[4];
                notes.add("the " + (1 + s.stack.size()) + " overlapping soma contours from line " + s.main.line
                        + " were read as one z-stacked soma");
            } else {
                s.center = SomaContour.center(m[0], m[1], m[2]);
                double[] bb = box(s.main);
                s.xmin = bb[0] - .5;
                s.xmax = bb[3] + .5;
                s.ymin = bb[1] - .5;
                s.ymax = bb[4] + .5;
            }
            s.index = raw.size();
            raw.add(r);
        }

        // trees: one section per branch, depth first
        List<RawSection> roots = new ArrayList<>();
        for (Tree t : p.trees) {
            int type = 0;
            if (!t.properties.isEmpty()) {
                String last = t.properties.get(t.properties.size() - 1);
                type = switch (last) {
                    case "Axon" -> 2;
                    case "Dendrite" -> 3;
                    case "Apical" -> 4;
                    default -> 0;
                };
                if (type == 0 && (t.properties.contains("Axon") || t.properties.contains("Dendrite")
                        || t.properties.contains("Apical"))) {
                    warnings.add(new MorphologyWarning("undefined-type", t.line, "the tree names its kind before"
                            + " other properties; NEURON then reads it as type 0 (dend_0), and so does dendrite"));
                }
            }
            if (type == 0 && !t.properties.contains("Axon") && !t.properties.contains("Dendrite")
                    && !t.properties.contains("Apical")) {
                warnings.add(new MorphologyWarning("undefined-type", t.line, "the tree does not say whether it is"
                        + " an (Axon), (Dendrite) or (Apical); it is read as type 0 (dend_0)"));
            }
            pointWarnings(t.root, null, warnings);
            RawSection root = branch(t.root, null, -1, type, raw);
            roots.add(root);
        }

        if (!somas.isEmpty()) {
            for (Soma s : somas) {
                for (int i = roots.size() - 1; i >= 0; i--) {
                    RawSection r = roots.get(i);
                    double x = r.x[0], y = r.y[0];
                    if (inside(x, y, s)) {
                        attach(r, s);
                        roots.remove(i);
                    }
                }
            }
            for (RawSection r : roots) {
                Soma best = null;
                double dmin = 1e9;
                for (Soma s : somas) {
                    double dx = r.x[0] - s.center[0], dy = r.y[0] - s.center[1], dz = r.z[0] - s.center[2];
                    double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (Hoc.lt(d, dmin)) {
                        dmin = d;
                        best = s;
                    }
                }
                warnings.add(new MorphologyWarning("far-from-soma", r.line, "the tree does not start inside a"
                        + " soma outline; it was connected to the nearest soma centre (" + String.format("%.3g",
                        dmin) + " um away), as NEURON does"));
                attach(r, best);
            }
        } else if (!p.trees.isEmpty()) {
            warnings.add(new MorphologyWarning("no-soma", 0, "the file has no soma contour (CellBody): each tree"
                    + " is a separate root section"));
        }
        if (raw.isEmpty()) {
            if (!tooSmall.isEmpty()) {
                throw new MorphologyFormatException(name, tooSmall.get(0), 0, "nothing to build: there is no"
                        + " tree, and the soma contour" + (tooSmall.size() > 1 ? "s" : "") + " on line"
                        + (tooSmall.size() > 1 ? "s " : " ") + join(tooSmall) + " ha" + (tooSmall.size() > 1
                        ? "ve" : "s") + " fewer than 3 points");
            }
            throw new MorphologyFormatException(name, 0, 0, "nothing to build: the file contains no soma contour"
                    + " (CellBody) and no tree (Axon, Dendrite, Apical)");
        }
        Morphology m;
        try {
            m = Import3dBuilder.build(name, raw, notes);
        } catch (IllegalArgumentException e) {
            throw new MorphologyFormatException(name, 0, 0, e.getMessage());
        }
        String reading;
        if (somas.isEmpty()) {
            reading = "no soma contour";
        } else {
            StringBuilder sb = new StringBuilder();
            for (Soma so : somas) {
                if (sb.length() > 0) sb.append("; ");
                if (so.stack.isEmpty()) {
                    sb.append("soma contour of ").append(so.main.points.size()).append(" points (line ")
                            .append(so.main.line).append(") read as a 21-point centroid along its principal axis");
                } else {
                    sb.append("stack of ").append(1 + so.stack.size()).append(" soma contours (from line ")
                            .append(so.main.line).append(") read as one circle per contour");
                }
            }
            reading = sb.append(" (NEURON Import3d)").toString();
        }
        warnings.sort(java.util.Comparator.comparingInt(MorphologyWarning::line));
        return new ReadResult(m, warnings, reading);
    }

    /** Zero diameters, zero-length steps and diameter jumps along the branches of a tree. */
    private static void pointWarnings(Branch b, Pt before, List<MorphologyWarning> w) {
        Pt prev = before;
        for (Pt p : b.points) {
            if (p.d() == 0) {
                w.add(new MorphologyWarning("zero-radius", p.line(), "a point has diameter 0: its membrane area is"
                        + " 0 and its axial resistance huge"));
            } else if (p.d() < 0) {
                w.add(new MorphologyWarning("negative-diameter", p.line(), "a point has a negative diameter ("
                        + p.d() + " um); NEURON uses its absolute value"));
            }
            if (prev != null) {
                if (prev.x() == p.x() && prev.y() == p.y() && prev.z() == p.z() && prev != before) {
                    w.add(new MorphologyWarning("zero-length-segment", p.line(), "a point repeats the position of"
                            + " the point before it (a zero-length segment)"));
                }
                double r0 = Math.abs(prev.d()), r1 = Math.abs(p.d());
                if (prev != before && r0 > 0 && r1 > 0 && (r1 > 5 * r0 || r0 > 5 * r1)) {
                    w.add(new MorphologyWarning("radius-jump", p.line(), String.format("the diameter changes from"
                            + " %.3g um (line %d) to %.3g um, by more than a factor 5", r0, prev.line(), r1)));
                }
            }
            prev = p;
        }
        for (Branch c : b.children) pointWarnings(c, prev, w);
    }

    private static String join(List<Integer> l) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) sb.append(i == l.size() - 1 ? " and " : ", ");
            sb.append(l.get(i));
        }
        return sb.toString();
    }

    private static void attach(RawSection r, Soma s) {
        r.parent = s.index;
        r.parentX = .5;
        r.wire = true;
        int n = r.size();
        r.x = prepend(s.center[0], r.x, n);
        r.y = prepend(s.center[1], r.y, n);
        r.z = prepend(s.center[2], r.z, n);
        r.d = prepend(.01, r.d, n);
    }

    private static double[] prepend(double v, double[] a, int n) {
        double[] r = new double[n + 1];
        r[0] = v;
        System.arraycopy(a, 0, r, 1, n);
        return r;
    }

    /** Adds the section of branch {@code b} and its descendants; returns b's section. */
    private static RawSection branch(Branch b, RawSection parent, int parentIndex, int type, List<RawSection> out) {
        List<Pt> pts = b.points;
        boolean extra = false;
        if (parent != null) {
            int last = parent.size() - 1;
            Pt f = pts.get(0);
            extra = !(Hoc.eq(parent.x[last], f.x()) && Hoc.eq(parent.y[last], f.y()) && Hoc.eq(parent.z[last], f.z()));
        }
        int n = pts.size() + (extra ? 1 : 0);
        double[] x = new double[n], y = new double[n], z = new double[n], d = new double[n];
        int k = 0;
        if (extra) {
            int last = parent.size() - 1;
            x[0] = parent.x[last];
            y[0] = parent.y[last];
            z[0] = parent.z[last];
            d[0] = pts.get(0).d();
            k = 1;
        }
        for (Pt p : pts) {
            x[k] = p.x();
            y[k] = p.y();
            z[k] = p.z();
            d[k] = p.d();
            k++;
        }
        RawSection r = new RawSection(type, x, y, z, d);
        r.parent = parentIndex;
        r.line = b.line;
        int index = out.size();
        out.add(r);
        for (Branch c : b.children) branch(c, r, index, type, out);
        return r;
    }

    private static double[][] xyz(Contour c) {
        int n = c.points.size();
        double[][] m = new double[4][n];
        for (int i = 0; i < n; i++) {
            Pt p = c.points.get(i);
            m[0][i] = p.x();
            m[1][i] = p.y();
            m[2][i] = p.z();
            m[3][i] = p.d();
        }
        return m;
    }

    /** {xmin, ymin, zmin, xmax, ymax, zmax}. */
    private static double[] box(Contour c) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE,
                -Double.MAX_VALUE};
        for (Pt p : c.points) {
            b[0] = Math.min(b[0], p.x());
            b[1] = Math.min(b[1], p.y());
            b[2] = Math.min(b[2], p.z());
            b[3] = Math.max(b[3], p.x());
            b[4] = Math.max(b[4], p.y());
            b[5] = Math.max(b[5], p.z());
        }
        return b;
    }

    /** NEURON's point-in-box test works on 32-bit floats (its graphics library's coordinates). */
    private static boolean inside(double x, double y, Soma s) {
        float fx = (float) x, fy = (float) y;
        return fx >= (float) s.xmin && fx <= (float) s.xmax && fy >= (float) s.ymin && fy <= (float) s.ymax;
    }

    private static boolean xyIntersect(double[] a, double[] b) {
        for (int i = 0; i < 2; i++) {
            if (Hoc.gt(a[i], b[3 + i]) || Hoc.gt(b[i], a[3 + i])) return false;
        }
        return true;
    }
}
