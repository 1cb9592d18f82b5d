package org.dendrite.engine.analysis;

import static org.dendrite.engine.analysis.FeatureRegistry.*;
import static org.dendrite.engine.analysis.Numerics.argmax;
import static org.dendrite.engine.analysis.Numerics.argmin;
import static org.dendrite.engine.analysis.Numerics.mean;
import static org.dendrite.engine.analysis.Numerics.toDouble;


/** Burst, post-burst, initial-burst and block/check features. Definitions from eFEL's documentation; the code is ours. */
final class BurstFeatures {
    private BurstFeatures() {}

    static void define() {
        def("burst_ISI_indices", f -> {
            double[] isi = f.dep("ISI_values");
            if (isi == null || isi.length < 4) return null; // eFEL needs 4 or more ISIs
            NumberList out = new NumberList();
            int count = -1;
            double bf = f.s.burstFactor;
            for (int k = 1; k < isi.length - 1; k++) {
                if (k - (count + 1) <= 0) continue;
                double med = Numerics.median(isi, count + 1, k);
                if (isi[k] > bf * med && isi[k + 1] < isi[k] / bf) {
                    out.add(k + 1);
                    count = k - 1;
                }
            }
            return out.toArray();
        });
        def("burst_mean_freq", f -> {
            double[] bi = f.dep("burst_ISI_indices");
            double[] pt = peakTimes(f);
            if (bi == null || pt == null) return null;
            int[] idx = new int[bi.length + 1];
            for (int k = 0; k < bi.length; k++) idx[k] = (int) bi[k];
            idx[bi.length] = pt.length - 1;
            NumberList out = new NumberList();
            out.add((idx[0] + 1) * 1000.0 / (pt[idx[0]] - pt[0]));
            for (int k = 0; k + 1 < idx.length; k++) {
                if (idx[k + 1] - idx[k] != 1) {
                    out.add((idx[k + 1] - idx[k]) * 1000.0 / (pt[idx[k + 1]] - pt[idx[k] + 1]));
                }
            }
            return out.toArray();
        });
        def("burst_number", f -> {
            double[] b = f.dep("burst_mean_freq");
            return new double[] {b == null ? 0 : b.length};
        });
        def("interburst_voltage", f -> {
            double[] bi = f.dep("burst_ISI_indices");
            int[] p = f.peaks();
            if (bi == null || p == null) return null;
            double[] out = new double[bi.length];
            for (int k = 0; k < bi.length; k++) {
                int idx = (int) bi[k];
                if (idx + 1 >= p.length) return null;
                out[k] = meanBetweenPeaks(f, p[idx], p[idx + 1]);
            }
            return out;
        });
        def("burst_begin_indices", f -> strictBursts(f)[0]);
        def("burst_end_indices", f -> strictBursts(f)[1]);
        def("strict_burst_mean_freq", f -> {
            int[] b = idx(f.dep("burst_begin_indices")), e = idx(f.dep("burst_end_indices"));
            double[] pt = peakTimes(f);
            if (b == null || e == null || pt == null) return null;
            NumberList out = new NumberList();
            for (int k = 0; k < b.length && k < e.length; k++) {
                if (e[k] - b[k] > 0) out.add((e[k] - b[k] + 1) * 1000.0 / (pt[e[k]] - pt[b[k]]));
            }
            return out.toArray();
        });
        def("strict_burst_number", f -> {
            double[] b = f.dep("strict_burst_mean_freq");
            return new double[] {b == null ? 0 : b.length};
        });
        def("spikes_per_burst", f -> {
            int[] b = idx(f.dep("burst_begin_indices")), e = idx(f.dep("burst_end_indices"));
            if (b == null || e == null) return null;
            int n = Math.min(b.length, e.length);
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = e[k] - b[k] + 1;
            return out;
        });
        def("spikes_per_burst_diff", f -> {
            double[] s = f.dep("spikes_per_burst");
            if (s == null || s.length < 2) return null;
            double[] out = new double[s.length - 1];
            for (int k = 0; k + 1 < s.length; k++) out[k] = s[k] - s[k + 1];
            return out;
        });
        def("spikes_in_burst1_burst2_diff", pick("spikes_per_burst_diff", 0));
        def("spikes_in_burst1_burstlast_diff", f -> {
            double[] s = f.dep("spikes_per_burst");
            if (s == null || s.length < 2) return null;
            return new double[] {s[0] - s[s.length - 1]};
        });
        def("strict_interburst_voltage", f -> {
            int[] b = idx(f.dep("burst_begin_indices"));
            int[] p = f.peaks();
            if (b == null || p == null || b.length < 1) return null;
            double[] out = new double[b.length - 1];
            for (int k = 1; k < b.length; k++) {
                int ts = p[b[k] - 1], te = p[b[k]];
                double tStart = f.t[ts] + 5, tEnd = f.t[te] - 5; // 5 ms after / before the peaks
                int j = ts;
                while (j < te && !(f.t[j] > tStart)) j++;
                int from = j - 1;
                j = te;
                while (j > from && !(f.t[j] < tEnd)) j--;
                int to = j + 1;
                out[k - 1] = mean(f.v, from, to + 1);
            }
            return out;
        });
        def("interburst_min_indices", f -> interburstMin(f, true));
        def("interburst_min_values", f -> interburstMin(f, false));
        def("interburst_duration", f -> {
            int[] e = idx(f.dep("burst_end_indices"));
            double[] pt = peakTimes(f);
            if (e == null || pt == null) return null;
            NumberList out = new NumberList();
            for (int x : e) if (x + 1 < pt.length) out.add(pt[x + 1] - pt[x]);
            return out.toArray();
        });
        def("time_to_interburst_min", f -> {
            double[] m = f.dep("interburst_min_indices");
            int[] e = idx(f.dep("burst_end_indices"));
            double[] pt = peakTimes(f);
            if (m == null || e == null || pt == null || e.length < m.length) return null;
            double[] out = new double[m.length];
            for (int k = 0; k < m.length; k++) out[k] = f.t[(int) m[k]] - pt[e[k]];
            return out;
        });
        def("postburst_min_indices", f -> toDoubleOrNull(postburstMin(f)));
        def("postburst_min_values", f -> at(f.v, postburstMin(f)));
        def("postburst_slow_ahp_indices", f -> toDoubleOrNull(postburstSlowAhp(f)));
        def("postburst_slow_ahp_values", f -> at(f.v, postburstSlowAhp(f)));
        def("postburst_fast_ahp_indices", f -> toDoubleOrNull(postburstFastAhp(f)));
        def("postburst_fast_ahp_values", f -> at(f.v, postburstFastAhp(f)));
        def("postburst_adp_peak_indices", f -> toDoubleOrNull(postburstAdp(f)));
        def("postburst_adp_peak_values", f -> at(f.v, postburstAdp(f)));
        def("time_to_postburst_fast_ahp", f -> timeFromBurstEnd(f, postburstFastAhp(f)));
        def("time_to_postburst_slow_ahp", f -> timeFromBurstEnd(f, postburstSlowAhp(f)));
        def("time_to_postburst_adp_peak", f -> {
            int[] adp = postburstAdp(f);
            int[] e = idx(f.dep("burst_end_indices"));
            double[] pt = peakTimes(f);
            if (adp == null || e == null || pt == null) return null;
            double[] out = new double[adp.length];
            for (int k = 0; k < adp.length && k < e.length; k++) {
                int j = 0;
                while (e[k] + j + 1 < pt.length && pt[e[k] + j + 1] < f.t[adp[k]]) j++;
                out[k] = f.t[adp[k]] - pt[e[k] + j];
            }
            return out;
        });
        for (int pc : new int[] {15, 20, 25, 30, 40, 60}) {
            def("interburst_" + pc + "percent_indices", f -> toDoubleOrNull(interburstPercent(f, pc)));
            def("interburst_" + pc + "percent_values", f -> at(f.v, interburstPercent(f, pc)));
        }
        def("initburst_sahp", BurstFeatures::initburstSahp);
        def("initburst_sahp_vb", f -> {
            double[] x = f.dep("initburst_sahp");
            return x == null ? null : one(x[0] - f.voltageBase());
        });
        def("initburst_sahp_ssse", f -> {
            double[] x = f.dep("initburst_sahp"), ss = f.dep("steady_state_voltage_stimend");
            return x == null || ss == null ? null : one(x[0] - ss[0]);
        });
        def("single_burst_ratio", f -> {
            double[] isi = f.dep("ISI_values");
            if (isi == null || isi.length < 2) return null;
            return one(isi[0] / mean(isi));
        });
        def("is_not_stuck", f -> {
            double[] pt = peakTimes(f);
            if (pt != null) {
                for (double x : pt) if (x > f.stimEnd * 0.5 && x < f.stimEnd) {
                    return new double[] {1};
                }
            }
            return null;
        });
        def("depol_block", f -> Blocks.blocked(f) ? null : new double[] {1});
        def("depol_block_bool", f -> new double[] {Blocks.blocked(f) ? 1 : 0});
    }

    private static double[] toDoubleOrNull(int[] x) {
        return x == null ? null : toDouble(x);
    }

    /** Mean voltage from 5 ms after one peak to 5 ms before the next. */
    private static double meanBetweenPeaks(TraceFeatures f, int p0, int p1) {
        double tStart = f.t[p0] + 5, tEnd = f.t[p1] - 5;
        int a = Numerics.firstAtOrAfter(f.t, tStart) - 1; // last index with t < tStart
        int b = Numerics.firstAfter(f.t, tEnd);          // first index with t > tEnd
        return mean(f.v, Math.max(a, 0), b + 1);
    }

    /** Strict burst detection (strict_burst_factor): {begin peak numbers, end peak numbers}. */
    private static double[][] strictBursts(TraceFeatures f) {
        double[] isi = f.dep("all_ISI_values");
        if (isi == null) return new double[][] {null, null};
        double bf = f.s.strictBurstFactor;
        int first = f.s.ignoreFirstISI ? 1 : 0;
        if (isi.length < 2) return new double[][] {null, null}; // eFEL needs 3 spikes
        NumberList begin = new NumberList(), end = new NumberList();
        begin.add(first);
        int count = first;
        for (int k = first + 1; k < isi.length; k++) {
            double med = Numerics.median(isi, count, k);
            boolean inBurst = end.isEmpty() || begin.last() > end.last();
            if (inBurst && isi[k] > bf * med) {
                end.add(k);
                count = k;
            }
            if (isi[k] < isi[k - 1] / bf) {
                if (inBurst) begin.setLast(k); else begin.add(k);
                count = k;
            }
        }
        if (end.isEmpty() || begin.last() > end.last()) end.add(isi.length);
        return new double[][] {begin.toArray(), end.toArray()};
    }

    private static double[] interburstMin(TraceFeatures f, boolean indices) {
        int[] e = idx(f.dep("burst_end_indices"));
        int[] p = f.peaks();
        if (e == null || p == null) return null;
        NumberList out = new NumberList();
        for (int k = 0; k < e.length && e[k] + 1 < p.length; k++) {
            int m = argmin(f.v, p[e[k]], p[e[k] + 1]);
            out.add(indices ? m : f.v[m]);
        }
        return out.toArray();
    }

    private static int[] postburstMin(TraceFeatures f) {
        int[] e = idx(f.dep("burst_end_indices"));
        int[] p = f.peaks();
        if (e == null || p == null) return null;
        int stimEndIdx = f.indexAtOrAfter(f.stimEnd), endIdx = f.v.length;
        NumberList out = new NumberList();
        for (int x : e) {
            int from = p[x], to;
            if (x + 1 < p.length) to = p[x + 1];
            else to = from < stimEndIdx ? stimEndIdx : endIdx;
            int m = argmin(f.v, from, to);
            if (m >= 0) out.add(m);
        }
        return out.toIntArray();
    }

    private static int[] postburstSlowAhp(TraceFeatures f) {
        int[] e = idx(f.dep("burst_end_indices"));
        int[] p = f.peaks();
        if (e == null || p == null) return null;
        int stimEndIdx = f.indexAtOrAfter(f.stimEnd), endIdx = f.v.length;
        NumberList out = new NumberList();
        for (int x : e) {
            double tStart = f.t[p[x]] + f.s.sahpStart;
            int to;
            if (x + 1 < p.length) to = p[x + 1];
            else to = p[x] < stimEndIdx ? stimEndIdx : endIdx;
            int start = p[x];
            while (start < to && !(f.t[start] >= tStart)) start++;
            if (start >= to) {
                if (x + 1 < p.length) out.add(to); // eFEL: empty search returns its end
                continue;
            }
            out.add(argmin(f.v, start, to));
        }
        return out.toIntArray();
    }

    private static int[] postburstFastAhp(TraceFeatures f) {
        int[] e = idx(f.dep("burst_end_indices"));
        int[] p = f.peaks();
        if (e == null || p == null || e.length == 0) return null;
        int[] starts = new int[e.length], ends = new int[e.length];
        int ne = 0;
        for (int k = 0; k < e.length; k++) {
            starts[k] = p[e[k]];
            if (e[k] + 1 < p.length) ends[ne++] = p[e[k] + 1];
        }
        int endIndex = f.t[starts[e.length - 1]] < f.stimEnd ? f.indexAtOrAfter(f.stimEnd) : f.v.length;
        if (ne < e.length) ends[ne++] = endIndex;
        NumberList out = new NumberList();
        for (int k = 0; k < e.length && k < ne; k++) {
            int m = TraceFeatures.firstMinimum(f.v, starts[k], ends[k]);
            if (m < 0) m = ends[k];
            if (m != endIndex - 1) out.add(m);
        }
        return out.isEmpty() ? null : out.toIntArray();
    }

    private static int[] postburstAdp(TraceFeatures f) {
        int[] fa = postburstFastAhp(f), sa = postburstSlowAhp(f);
        if (fa == null || sa == null || sa.length > fa.length) return null;
        NumberList out = new NumberList();
        for (int k = 0; k < sa.length; k++) {
            if (sa[k] < fa[k]) continue;
            int a = argmax(f.v, fa[k], sa[k]);
            if (a < 0) a = sa[k];
            if (a < sa[k] - 1) out.add(a);
        }
        return out.isEmpty() ? null : out.toIntArray();
    }

    private static double[] timeFromBurstEnd(TraceFeatures f, int[] idx) {
        int[] e = idx(f.dep("burst_end_indices"));
        double[] pt = peakTimes(f);
        if (idx == null || e == null || pt == null || e.length < idx.length) return null;
        int n = idx.length;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) out[k] = f.t[idx[k]] - pt[e[k]];
        return out;
    }

    private static int[] interburstPercent(TraceFeatures f, int percent) {
        int[] fa = postburstFastAhp(f);
        int[] e = idx(f.dep("burst_end_indices"));
        int[] p = f.peaks();
        if (fa == null || e == null || p == null) return null;
        NumberList out = new NumberList();
        for (int k = 0; k < fa.length; k++) {
            if (k < e.length && e[k] + 1 < p.length) {
                double interval = f.t[p[e[k] + 1]] - f.t[fa[k]];
                double at = f.t[fa[k]] + interval * percent / 100.0;
                out.add(f.indexAtOrAfter(at));
            }
        }
        return out.toIntArray();
    }

    private static double[] initburstSahp(TraceFeatures f) {
        double[] pt = peakTimes(f);
        double[] isi = f.dep("all_ISI_values");
        if (pt == null || isi == null) return null;
        int lastIsi = -1;
        for (int k = 0; k < isi.length; k++) {
            if (1000.0 / isi[k] < f.s.initburstFreqThreshold) break;
            lastIsi = k;
        }
        if (lastIsi < 0) return null;
        int lastPeak = lastIsi + 1;
        double lastSpike = pt[lastPeak];
        double a = Math.min(lastSpike + f.s.initburstSahpStart, f.stimEnd);
        double b = Math.min(lastSpike + f.s.initburstSahpEnd, f.stimEnd);
        if (lastPeak + 1 < pt.length) b = Math.min(b, pt[lastPeak + 1]); // not beyond the next spike
        if (a >= b) return null;
        int from = f.indexAtOrAfter(a), to = Numerics.firstAfter(f.t, b);
        int m = argmin(f.v, from, to);
        return m < 0 ? null : new double[] {f.v[m]};
    }
}
