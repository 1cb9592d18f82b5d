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
import org.dendrite.io.morph.ReadResult;

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

    /** Reads {@code file} with the warnings about suspicious samples and a sentence on the soma reading. */
    public static ReadResult readChecked(Path file) {
        SwcSamples s = readSamples(file);
        Morphology m = toMorphology(file.toString(), s);
        return new ReadResult(m, SwcChecks.warnings(s), somaReading(s, m));
    }

    /** How NEURON's rules read the soma of these samples, in one sentence. */
    static String somaReading(SwcSamples s, Morphology m) {
        int somaSamples = 0;
        for (int i = 0; i < s.n; i++) if (s.type[i] == 1) somaSamples++;
        int somaSections = 0;
        for (var sec : m.sections()) if (sec.type().code() == 1) somaSections++;
        if (somaSamples == 0) return "no soma samples";
        boolean sphere = m.notes().stream().anyMatch(n -> n.contains("three-point convention"));
        if (sphere) {
            return "NeuroMorpho three-point soma read as one sphere: a cylinder of length and diameter "
                    + m.section(0).diam(0) + " um (NEURON Import3d)";
        }
        if (somaSamples == 1) {
            return "single-point soma (sphere) read as a cylinder of length and diameter " + m.section(0).diam(0)
                    + " um; neurites joined to its middle by wires (NEURON Import3d)";
        }
        return somaSamples + " soma samples read as " + somaSections + " soma section" + (somaSections == 1 ? ""
                : "s") + " of stacked frusta through the samples (NEURON Import3d)";
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

    /** Parses SWC text and checks its topology; see the class comment for what is accepted. */
    public static SwcSamples parse(String file, byte[] b) {
        int cap = Math.max(16, b.length / 40);
        long[] id = new long[cap];
        int[] type = new int[cap];
        float[] x = new float[cap], y = new float[cap], z = new float[cap], r = new float[cap];
        long[] pid = new long[cap];
        int[] line = new int[cap];
        List<String> header = new ArrayList<>();
        boolean shortNumbers = true;   // every coordinate and radius written with at most 6 digits
        int n = 0;
        SwcScanner sc = new SwcScanner(file, b);
        while (!sc.atEnd()) {
            int c = sc.peekAfterBlanks();
            if (c == -1) break;
            if (c == '\n') {                              // blank line
                sc.nextLine();
                continue;
            }
            if (c == '#') {                               // comment / header
                sc.pos++;
                header.add(sc.restOfLine());
                continue;
            }
            if (n == id.length) {
                int cc = n * 2;
                id = Arrays.copyOf(id, cc);
                type = Arrays.copyOf(type, cc);
                x = Arrays.copyOf(x, cc);
                y = Arrays.copyOf(y, cc);
                z = Arrays.copyOf(z, cc);
                r = Arrays.copyOf(r, cc);
                pid = Arrays.copyOf(pid, cc);
                line = Arrays.copyOf(line, cc);
            }
            line[n] = sc.line;
            id[n] = sc.whole(0);
            if (id[n] < 0) {
                throw new MorphologyFormatException(file, sc.line, sc.column(sc.numberStart),
                        "the sample id " + id[n] + " is negative; ids must be 0 or larger");
            }
            long t = sc.whole(1);
            if (t < Integer.MIN_VALUE / 2 || t > Integer.MAX_VALUE / 2) {
                throw new MorphologyFormatException(file, sc.line, sc.column(sc.numberStart),
                        "the type " + t + " is out of range");
            }
            type[n] = (int) t;
            x[n] = sc.number(2, false);
            int digits = sc.digits;
            y[n] = sc.number(3, false);
            digits = Math.max(digits, sc.digits);
            z[n] = sc.number(4, false);
            digits = Math.max(digits, sc.digits);
            r[n] = sc.number(5, false);
            digits = Math.max(digits, sc.digits);
            if (digits > 6) shortNumbers = false;
            if (r[n] < 0) {
                throw new MorphologyFormatException(file, sc.line, sc.column(sc.numberStart), "sample " + id[n]
                        + " has a negative radius (" + r[n] + " um); radii must be positive");
            }
            pid[n] = sc.whole(6);
            sc.nextLine();                                 // extra columns and trailing comments are ignored
            n++;
        }
        if (n == 0) {
            throw new MorphologyFormatException(file, 0, 0, "the file contains no samples (no lines of the form"
                    + " 'id type x y z radius parent')");
        }
        return topology(file, n, id, type, x, y, z, r, pid, line, header, shortNumbers);
    }

    // ----------------------------------------------------------------------------------------------- topology

    private static SwcSamples topology(String file, int n, long[] id, int[] type, float[] x, float[] y, float[] z,
                                       float[] r, long[] pid, int[] line, List<String> header,
                                       boolean shortNumbers) {
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
        // parent indices (ids without gaps: index = id - first id)
        boolean contiguous = sid[n - 1] - sid[0] == n - 1;
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
            int pi = contiguous ? (p >= sid[0] && p <= sid[n - 1] ? (int) (p - sid[0]) : -1)
                    : Arrays.binarySearch(sid, 0, n, p);
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
        return new SwcSamples(n, sid, stype, sx, sy, sz, sr, spid, parent, sline, header, reordered, shortNumbers);
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
        if (o == null) return a;
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = a[o[i]];
        return r;
    }

    private static int[] permute(int[] a, int[] o, int n) {
        if (o == null) return a;
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = a[o[i]];
        return r;
    }

    private static float[] permute(float[] a, int[] o, int n) {
        if (o == null) return a;
        float[] r = new float[n];
        for (int i = 0; i < n; i++) r[i] = a[o[i]];
        return r;
    }
}
