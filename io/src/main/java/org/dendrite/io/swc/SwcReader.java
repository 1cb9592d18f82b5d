package org.dendrite.io.swc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.MorphologyFormatException;
import org.dendrite.io.morph.Import3dBuilder;
import org.dendrite.io.morph.NeuronFloats;
import org.dendrite.io.morph.RawSection;

/**
 * Reads SWC files ({@code id type x y z radius parent} per line) into the sections NEURON's Import3d makes of
 * them (neuron-numerics §10.1). Accepts {@code #} comments and headers, blank lines, CRLF line ends, trailing
 * spaces and trailing comments, extra columns, unsorted samples, non-contiguous ids and any integer type.
 * Rejects, with file, line, column and a plain-words reason: unparsable lines, non-integer or negative ids,
 * duplicate ids, missing parents, cycles, several roots, a soma sample whose parent is not a soma sample,
 * negative radii, and files without samples.
 *
 * <p>Files whose parents have larger ids than their children (EM skeletons written by navis, for example),
 * which NEURON refuses, are renumbered depth first so that parents come first; a note says so.
 */
public final class SwcReader {
    private SwcReader() {}

    /** Reads {@code file} the way NEURON's Import3d does. */
    public static Morphology read(Path file) {
        return toMorphology(file.toString(), readSamples(file));
    }

    /** Parses and checks {@code file} without cutting it into sections. */
    public static SwcSamples readSamples(Path file) {
        return parse(file.toString(), readBytes(file));
    }

    /** Reads SWC text held in memory; {@code name} is used in messages. */
    public static Morphology read(String name, byte[] content) {
        return toMorphology(name, parse(name, content));
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MorphologyFormatException(file, 0, 0, "no such file");
        } catch (IOException e) {
            throw new MorphologyFormatException(file, 0, 0, "cannot read the file (" + e.getMessage() + ")");
        }
    }

    /** Cuts checked samples into sections as NEURON's Import3d does and instantiates them. */
    public static Morphology toMorphology(String name, SwcSamples s) {
        List<String> notes = new ArrayList<>();
        if (s.reordered) {
            notes.add("some samples name a parent with a larger id; the samples were renumbered so that every"
                    + " parent comes first (NEURON refuses such files)");
        }
        List<RawSection> raw = SwcImport3d.sections(s, notes);
        return Import3dBuilder.build(name, raw, notes);
    }

    // ------------------------------------------------------------------------------------------------ parsing

    private static final String[] FIELD = {"id", "type", "x", "y", "z", "radius", "parent"};

    /** Parses SWC text and checks its topology; see the class comment for what is accepted. */
    public static SwcSamples parse(String file, byte[] b) {
        int cap = Math.max(16, b.length / 40);
        long[] id = new long[cap];
        int[] type = new int[cap];
        float[] x = new float[cap], y = new float[cap], z = new float[cap], r = new float[cap];
        long[] pid = new long[cap];
        int[] line = new int[cap];
        List<String> header = new ArrayList<>();
        int n = 0;
        int lineNo = 0;
        int pos = 0;
        final int len = b.length;
        int[] tokStart = new int[7];
        int[] tokEnd = new int[7];
        while (pos < len) {
            lineNo++;
            int start = pos;
            int end = pos;
            while (end < len && b[end] != '\n') end++;
            pos = end + 1;
            int i = start;
            while (i < end && isSpace(b[i])) i++;
            if (i == end) continue;                       // blank line
            if (b[i] == '#') {                            // comment / header
                int e = end;
                while (e > i + 1 && isSpace(b[e - 1])) e--;
                header.add(new String(b, i + 1, e - i - 1, StandardCharsets.UTF_8));
                continue;
            }
            int k = 0;
            while (k < 7) {
                while (i < end && isSpace(b[i])) i++;
                if (i == end || b[i] == '#') break;
                tokStart[k] = i;
                while (i < end && !isSpace(b[i]) && b[i] != '#') i++;
                tokEnd[k] = i;
                k++;
            }
            if (k < 7) {
                int col = (i < end ? i : end) - start + 1;
                throw new MorphologyFormatException(file, lineNo, col, "expected 7 values (id type x y z radius"
                        + " parent), found " + k + (k == 0 ? "" : " (the " + FIELD[k] + " is missing)"));
            }
            if (n == id.length) {
                int c = n * 2;
                id = Arrays.copyOf(id, c);
                type = Arrays.copyOf(type, c);
                x = Arrays.copyOf(x, c);
                y = Arrays.copyOf(y, c);
                z = Arrays.copyOf(z, c);
                r = Arrays.copyOf(r, c);
                pid = Arrays.copyOf(pid, c);
                line = Arrays.copyOf(line, c);
            }
            id[n] = whole(file, lineNo, start, b, tokStart[0], tokEnd[0], "id");
            if (id[n] < 0) {
                throw new MorphologyFormatException(file, lineNo, tokStart[0] - start + 1,
                        "the sample id " + id[n] + " is negative; ids must be 0 or larger");
            }
            long t = whole(file, lineNo, start, b, tokStart[1], tokEnd[1], "type");
            if (t < Integer.MIN_VALUE / 2 || t > Integer.MAX_VALUE / 2) {
                throw new MorphologyFormatException(file, lineNo, tokStart[1] - start + 1,
                        "the type " + t + " is out of range");
            }
            type[n] = (int) t;
            x[n] = number(file, lineNo, start, b, tokStart[2], tokEnd[2], "x");
            y[n] = number(file, lineNo, start, b, tokStart[3], tokEnd[3], "y");
            z[n] = number(file, lineNo, start, b, tokStart[4], tokEnd[4], "z");
            r[n] = number(file, lineNo, start, b, tokStart[5], tokEnd[5], "radius");
            if (r[n] < 0) {
                throw new MorphologyFormatException(file, lineNo, tokStart[5] - start + 1,
                        "sample " + id[n] + " has a negative radius (" + r[n] + " um); radii must be positive");
            }
            pid[n] = whole(file, lineNo, start, b, tokStart[6], tokEnd[6], "parent");
            line[n] = lineNo;
            n++;
        }
        if (n == 0) {
            throw new MorphologyFormatException(file, 0, 0, "the file contains no samples (no lines of the form"
                    + " 'id type x y z radius parent')");
        }
        return topology(file, n, id, type, x, y, z, r, pid, line, header);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static float number(String file, int lineNo, int lineStart, byte[] b, int from, int to, String what) {
        float v = NeuronFloats.parseFloat(b, from, to);
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            throw new MorphologyFormatException(file, lineNo, from - lineStart + 1, "the " + what + " value '"
                    + new String(b, from, to - from, StandardCharsets.UTF_8) + "' is not a finite number");
        }
        return v;
    }

    /** A whole number, optionally written with a zero fraction ("3.0"). */
    private static long whole(String file, int lineNo, int lineStart, byte[] b, int from, int to, String what) {
        int i = from;
        boolean neg = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long v = 0;
        int digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            if (v > Long.MAX_VALUE / 20) break;
            v = v * 10 + (b[i] - '0');
            digits++;
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] == '0') i++;
        }
        if (digits == 0 || i != to) {
            throw new MorphologyFormatException(file, lineNo, from - lineStart + 1, "the " + what + " must be a"
                    + " whole number, found '" + new String(b, from, to - from, StandardCharsets.UTF_8) + "'");
        }
        return neg ? -v : v;
    }

    // ----------------------------------------------------------------------------------------------- topology

    private static SwcSamples topology(String file, int n, long[] id, int[] type, float[] x, float[] y, float[] z,
                                       float[] r, long[] pid, int[] line, List<String> header) {
        // sort by id when needed (stable, as NEURON's sortindex)
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) if (id[i] <= id[i - 1]) sorted = false;
        int[] order = null;
        if (!sorted) {
            order = sortIndexById(id, n);
        }
        long[] sid = permute(id, order, n);
        for (int i = 1; i < n; i++) {
            if (sid[i] == sid[i - 1]) {
                int a = order == null ? i - 1 : order[i - 1];
                int c = order == null ? i : order[i];
                int l1 = Math.min(line[a], line[c]), l2 = Math.max(line[a], line[c]);
                throw new MorphologyFormatException(file, l2, 1, "duplicate sample id " + sid[i]
                        + " (also used on line " + l1 + ")");
            }
        }
        int[] stype = permute(type, order, n);
        float[] sx = permute(x, order, n), sy = permute(y, order, n), sz = permute(z, order, n);
        float[] sr = permute(r, order, n);
        long[] spid = permute(pid, order, n);
        int[] sline = permute(line, order, n);
        // parent indices
        int[] parent = new int[n];
        int roots = 0;
        boolean parentsFirst = true;
        for (int i = 0; i < n; i++) {
            long p = spid[i];
            if (p < 0) {
                parent[i] = -1;
                roots++;
                continue;
            }
            if (p == sid[i]) {
                throw new MorphologyFormatException(file, sline[i], 0, "sample " + sid[i] + " names itself as"
                        + " its parent");
            }
            int pi = Arrays.binarySearch(sid, 0, n, p);
            if (pi < 0) {
                throw new MorphologyFormatException(file, sline[i], 0, "sample " + sid[i] + " names parent " + p
                        + ", but no sample has id " + p);
            }
            parent[i] = pi;
            if (pi > i) parentsFirst = false;
        }
        if (roots == 0) {
            throw new MorphologyFormatException(file, 0, 0, "no sample is a root (parent -1): the samples form a"
                    + " cycle");
        }
        if (roots > 1) {
            StringBuilder lines = new StringBuilder();
            int shown = 0;
            int firstRootLine = 0;
            for (int i = 0; i < n; i++) {
                if (parent[i] < 0) {
                    if (firstRootLine == 0) firstRootLine = sline[i];
                    else if (shown < 5) {
                        lines.append(shown == 0 ? "" : ", ").append(sline[i]);
                        shown++;
                    }
                }
            }
            int second = 0;
            for (int i = 0, c = 0; i < n; i++) if (parent[i] < 0 && ++c == 2) second = sline[i];
            throw new MorphologyFormatException(file, second, 0, "the file holds " + roots + " separate trees"
                    + " (samples with parent -1 on lines " + firstRootLine + ", " + lines
                    + (roots - 1 > shown ? ", ..." : "") + "); a cell must be one connected tree");
        }
        boolean reordered = false;
        if (!parentsFirst) {
            int[] dfs = depthFirst(file, parent, sline, n);
            sid = permute(sid, dfs, n);
            stype = permute(stype, dfs, n);
            sx = permute(sx, dfs, n);
            sy = permute(sy, dfs, n);
            sz = permute(sz, dfs, n);
            sr = permute(sr, dfs, n);
            spid = permute(spid, dfs, n);
            sline = permute(sline, dfs, n);
            int[] inv = new int[n];
            for (int i = 0; i < n; i++) inv[dfs[i]] = i;
            int[] np = new int[n];
            for (int i = 0; i < n; i++) np[i] = parent[dfs[i]] < 0 ? -1 : inv[parent[dfs[i]]];
            parent = np;
            reordered = true;
        }
        // a soma sample must hang from a soma sample
        for (int i = 0; i < n; i++) {
            int p = parent[i];
            if (stype[i] == 1 && p >= 0 && stype[p] != 1) {
                throw new MorphologyFormatException(file, sline[i], 0, "soma sample " + sid[i] + " has parent "
                        + sid[p] + ", which is not a soma sample (type " + stype[p] + "); the soma must come"
                        + " before the neurites");
            }
        }
        return new SwcSamples(n, sid, stype, sx, sy, sz, sr, spid, parent, sline, header, reordered);
    }

    /** Depth-first order from the root, children in increasing id (input index) order; detects cycles. */
    private static int[] depthFirst(String file, int[] parent, int[] line, int n) {
        int[] childCount = new int[n + 1];
        int root = -1;
        for (int i = 0; i < n; i++) {
            if (parent[i] < 0) root = i;
            else childCount[parent[i] + 1]++;
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + childCount[i + 1];
        int[] fill = Arrays.copyOf(start, n + 1);
        int[] children = new int[n];
        for (int i = 0; i < n; i++) if (parent[i] >= 0) children[fill[parent[i]]++] = i;
        int[] order = new int[n];
        int k = 0;
        int[] stack = new int[n];
        int sp = 0;
        stack[sp++] = root;
        while (sp > 0) {
            int v = stack[--sp];
            order[k++] = v;
            for (int c = start[v + 1] - 1; c >= start[v]; c--) stack[sp++] = children[c];
        }
        if (k < n) {
            boolean[] seen = new boolean[n];
            for (int i = 0; i < k; i++) seen[order[i]] = true;
            for (int i = 0; i < n; i++) {
                if (!seen[i]) {
                    throw new MorphologyFormatException(file, line[i], 0, "sample on this line is part of a"
                            + " cycle of parents (following its parents never reaches the root)");
                }
            }
        }
        return order;
    }

    private static int[] sortIndexById(long[] id, int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, c) -> Long.compare(id[a], id[c]));
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = idx[i];
        return o;
    }

    private static long[] permute(long[] a, int[] o, int n) {
        if (o == null) return Arrays.copyOf(a, n);
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = a[o[i]];
        return r;
    }

    private static int[] permute(int[] a, int[] o, int n) {
        if (o == null) return Arrays.copyOf(a, n);
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = a[o[i]];
        return r;
    }

    private static float[] permute(float[] a, int[] o, int n) {
        if (o == null) return Arrays.copyOf(a, n);
        float[] r = new float[n];
        for (int i = 0; i < n; i++) r[i] = a[o[i]];
        return r;
    }
}
