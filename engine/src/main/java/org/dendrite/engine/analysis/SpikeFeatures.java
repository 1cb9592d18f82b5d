package org.dendrite.engine.analysis;

import static org.dendrite.engine.analysis.FeatureRegistry.*;
import static org.dendrite.engine.analysis.Numerics.argmax;
import static org.dendrite.engine.analysis.Numerics.argmin;
import static org.dendrite.engine.analysis.Numerics.mean;
import static org.dendrite.engine.analysis.Numerics.toDouble;

import java.util.Arrays;

/** Spike event and spike shape features (eFEL's SpikeEvent and SpikeShape groups and the ISI features). Definitions from eFEL's documentation; the code is ours. */
final class SpikeFeatures {
    private SpikeFeatures() {}

    static void define() {
        def("peak_indices", f -> f.peaks() == null ? null : toDouble(f.peaks()));
        def("peak_time", FeatureRegistry::peakTimes);
        def("peak_voltage", f -> at(f.v, f.peaks()));
        def("AP_height", f -> f.dep("peak_voltage"));
        def("spike_count", f -> new double[] {f.peaks() == null ? 0 : f.peaks().length});
        def("Spikecount", f -> f.dep("spike_count"));
        def("spike_count_stimint", f -> {
            double[] pt = peakTimes(f);
            int c = 0;
            if (pt != null) for (double x : pt) if (x >= f.stimStart && x <= f.stimEnd) c++;
            return new double[] {c};
        });
        def("Spikecount_stimint", f -> f.dep("spike_count_stimint"));
        def("number_initial_spikes", f -> {
            double[] pt = peakTimes(f);
            if (pt == null || f.s.initialPerc < 0 || f.s.initialPerc >= 1) return null;
            double end = f.stimStart + (f.stimEnd - f.stimStart) * f.s.initialPerc;
            int a = Numerics.firstAtOrAfter(pt, f.stimStart), b = Numerics.firstAtOrAfter(pt, end);
            return new double[] {b - a};
        });
        def("time_to_first_spike", f -> {
            double[] pt = peakTimes(f);
            return pt == null ? null : new double[] {pt[0] - f.stimStart};
        });
        def("time_to_second_spike", f -> {
            double[] pt = peakTimes(f);
            return pt == null || pt.length < 2 ? null : new double[] {pt[1] - f.stimStart};
        });
        def("time_to_last_spike", f -> {
            double[] pt = peakTimes(f);
            return pt == null ? null : new double[] {pt[pt.length - 1] - f.stimStart};
        });
        def("inv_time_to_first_spike", f -> {
            double[] x = f.dep("time_to_first_spike");
            return x == null ? null : new double[] {1000.0 / x[0]};
        });
        def("all_ISI_values", FeatureRegistry::allIsi);
        def("ISIs", FeatureRegistry::allIsi);
        def("ISI_values", FeatureRegistry::isiValues);
        def("inv_ISI_values", f -> {
            double[] isi = f.dep("all_ISI_values");
            if (isi == null) return null;
            double[] out = new double[isi.length];
            for (int k = 0; k < isi.length; k++) out[k] = 1000.0 / isi[k];
            return out;
        });
        String[] ordinals = {"first", "second", "third", "fourth", "fifth"};
        for (int k = 0; k < ordinals.length; k++) {
            final int kk = k;
            def("inv_" + ordinals[k] + "_ISI", f -> {
                double[] isi = f.dep("all_ISI_values");
                return (isi != null && isi.length > kk) ? new double[] {1000.0 / isi[kk]} : null;
            });
        }
        def("inv_last_ISI", f -> {
            double[] isi = f.dep("all_ISI_values");
            return isi != null ? new double[] {1000.0 / isi[isi.length - 1]} : null;
        });
        def("doublet_ISI", f -> {
            double[] pt = peakTimes(f);
            return pt != null && pt.length > 1 ? new double[] {pt[1] - pt[0]} : null;
        });
        def("ISI_semilog_slope", f -> {
            double[] isi = f.dep("ISI_values");
            if (isi == null || isi.length < 2) return null;
            double[] x = new double[isi.length];
            for (int k = 0; k < x.length; k++) x[k] = k + 1;
            return one(logSlope(x, isi));
        });
        def("ISI_log_slope", f -> isiLogSlope(f.dep("ISI_values"), 0));
        def("ISI_log_slope_skip", f -> {
            double[] isi = f.dep("ISI_values");
            if (isi == null) return null;
            int skip = (int) Math.min(f.s.maxSpikeSkip, Math.floor((isi.length + 1) * f.s.spikeSkipf + 0.5));
            return isiLogSlope(isi, skip);
        });
        def("ISI_CV", f -> {
            double[] isi = f.dep("ISI_values");
            if (isi == null || isi.length < 2) return null;
            return one(Numerics.stdDdof1(isi) / mean(isi));
        });
        def("irregularity_index", f -> {
            double[] isi = f.dep("ISI_values");
            if (isi == null || isi.length < 2) return null;
            double sum = 0;
            for (int k = 1; k < isi.length; k++) sum += Math.abs(isi[k] - isi[k - 1]);
            return one(sum / (isi.length - 1));
        });
        def("adaptation_index", f -> adaptationIndex(f, true));
        def("adaptation_index2", f -> adaptationIndex(f, false));
        def("mean_frequency", f -> {
            double[] pt = peakTimes(f);
            if (pt == null) return null;
            int c = 0;
            double last = 0;
            for (double x : pt) {
                if (x >= f.stimStart && x <= f.stimEnd) {
                    last = x;
                    c++;
                }
            }
            if (last == f.stimStart) return null; // eFEL refuses to divide by zero
            return new double[] {c * 1000.0 / (last - f.stimStart)};
        });
        def("trace_check", f -> {
            double[] pt = peakTimes(f);
            if (pt != null) {
                for (double x : pt) if (x < f.stimStart || x > f.stimEnd * 1.05) return null;
            }
            return new double[] {0};
        });

        // ---------------------------------------------------------------- spike shape
        def("AP_begin_indices", f -> f.apBegin() == null ? null : toDouble(f.apBegin()));
        def("AP_end_indices", f -> f.apEnd() == null ? null : toDouble(f.apEnd()));
        def("AP_begin_voltage", f -> at(f.v, f.apBegin()));
        def("AP1_begin_voltage", pick("AP_begin_voltage", 0));
        def("AP2_begin_voltage", pick("AP_begin_voltage", 1));
        def("AP_begin_time", f -> at(f.t, f.apBegin()));
        def("AP_amplitude", f -> {
            int[] p = f.peaks(), b = f.apBegin();
            if (p == null || b == null) return null;
            double[] pv = new double[p.length];
            int c = 0;
            for (int pk : p) if (f.t[pk] >= f.stimStart && f.t[pk] <= f.stimEnd) pv[c++] = f.v[pk];
            if (c > b.length) return null; // eFEL: more peaks in the stimulus than spike starts
            double[] out = new double[c];
            for (int k = 0; k < c; k++) out[k] = pv[k] - f.v[b[k]];
            return out;
        });
        def("AP1_amp", pick("AP_amplitude", 0));
        def("AP2_amp", pick("AP_amplitude", 1));
        def("APlast_amp", pick("AP_amplitude", -1));
        def("mean_AP_amplitude", f -> {
            double[] a = f.dep("AP_amplitude");
            return a == null ? null : one(mean(a));
        });
        def("AP_amplitude_change", change("AP_amplitude"));
        def("AP_amplitude_diff", diff("AP_amplitude"));
        def("AP2_AP1_diff", f -> {
            double[] a = f.dep("AP_amplitude");
            return a != null && a.length > 1 ? new double[] {a[1] - a[0]} : null;
        });
        def("AP_amplitude_from_voltagebase", f -> {
            double[] pv = f.dep("peak_voltage");
            if (pv == null) return null;
            double vb = f.voltageBase();
            double[] out = new double[pv.length];
            for (int k = 0; k < pv.length; k++) out[k] = pv[k] - vb;
            return out;
        });
        def("AP1_peak", pick("peak_voltage", 0));
        def("AP2_peak", pick("peak_voltage", 1));
        def("AP2_AP1_peak_diff", f -> {
            double[] pv = f.dep("peak_voltage");
            return pv != null && pv.length > 1 ? new double[] {pv[1] - pv[0]} : null;
        });
        def("amp_drop_first_second", f -> {
            double[] pv = f.dep("peak_voltage");
            return pv != null && pv.length > 1 ? new double[] {pv[0] - pv[1]} : null;
        });
        def("amp_drop_first_last", f -> {
            double[] pv = f.dep("peak_voltage");
            return pv != null && pv.length > 1 ? new double[] {pv[0] - pv[pv.length - 1]} : null;
        });
        def("amp_drop_second_last", f -> {
            double[] pv = f.dep("peak_voltage");
            return pv != null && pv.length > 2 ? new double[] {pv[1] - pv[pv.length - 1]} : null;
        });
        def("max_amp_difference", f -> {
            double[] pv = f.dep("peak_voltage");
            if (pv == null || pv.length < 2) return null;
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 1; k < pv.length; k++) m = Math.max(m, pv[k - 1] - pv[k]);
            return one(m);
        });

        def("min_AHP_indices", f -> f.minAhp() == null ? null : toDouble(f.minAhp()));
        def("min_AHP_values", f -> at(f.v, f.minAhp()));
        def("AHP_depth_abs", f -> f.dep("min_AHP_values"));
        def("AHP_depth", f -> {
            double[] m = f.dep("min_AHP_values");
            if (m == null) return null;
            double vb = f.voltageBase();
            double[] out = new double[m.length];
            for (int k = 0; k < m.length; k++) out[k] = m[k] - vb;
            return out;
        });
        def("AHP_depth_diff", diff("AHP_depth"));
        def("AHP_depth_from_peak", f -> {
            int[] p = f.peaks(), m = f.minAhp();
            if (p == null || m == null || p.length < m.length) return null;
            double[] out = new double[m.length];
            for (int k = 0; k < m.length; k++) out[k] = f.v[p[k]] - f.v[m[k]];
            return out;
        });
        def("AHP1_depth_from_peak", pick("AHP_depth_from_peak", 0));
        def("AHP2_depth_from_peak", pick("AHP_depth_from_peak", 1));
        def("AHP_time_from_peak", f -> {
            int[] p = f.peaks(), m = f.minAhp();
            if (p == null || m == null) return null;
            int n = Math.min(p.length, m.length);
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = f.t[m[k]] - f.t[p[k]];
            return out;
        });
        def("fast_AHP", f -> {
            int[] b = f.apBegin(), m = f.minAhp();
            if (b == null || m == null || b.length < 1) return null;
            int n = b.length - 1;
            if (n > m.length) return null;
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = f.v[b[k]] - f.v[m[k]];
            return out;
        });
        def("fast_AHP_change", change("fast_AHP"));
        def("_AHP_depth_abs_slow_indices", f -> {
            int[] p = f.peaks();
            if (p == null || p.length < 3) return null;
            double[] out = new double[p.length - 2];
            for (int k = 1; k < p.length - 1; k++) {
                double tStart = f.t[p[k]] + f.s.sahpStart;
                int start = p[k];
                while (start < p[k + 1] && f.t[start] < tStart) start++;
                int m = argmin(f.v, start, p[k + 1]);
                out[k - 1] = m < 0 ? p[k + 1] : m;
            }
            return out;
        });
        def("AHP_depth_abs_slow", f -> at(f.v, idx(f.dep("_AHP_depth_abs_slow_indices"))));
        def("AHP_depth_slow", f -> {
            double[] m = f.dep("AHP_depth_abs_slow");
            if (m == null) return null;
            double vb = f.voltageBase();
            double[] out = new double[m.length];
            for (int k = 0; k < m.length; k++) out[k] = m[k] - vb;
            return out;
        });
        def("AHP_slow_time", f -> {
            int[] si = idx(f.dep("_AHP_depth_abs_slow_indices"));
            int[] p = f.peaks();
            if (si == null) return null;
            double[] out = new double[si.length];
            for (int k = 0; k < si.length; k++) {
                int pk = p[k + 1], next = p[k + 2];
                out[k] = (f.t[si[k]] - f.t[pk]) / (f.t[next] - f.t[pk]);
            }
            return out;
        });
        def("min_between_peaks_indices", f -> f.minBetweenPeaks() == null ? null : toDouble(f.minBetweenPeaks()));
        def("min_between_peaks_values", f -> at(f.v, f.minBetweenPeaks()));
        def("ADP_peak_indices", f -> {
            int[] a = f.minAhp(), m = f.minBetweenPeaks();
            if (a == null || m == null || a.length > m.length) return null;
            double[] out = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                int x = argmax(f.v, a[k], m[k]);
                out[k] = x < 0 ? m[k] : x;
            }
            return out;
        });
        def("ADP_peak_values", f -> at(f.v, idx(f.dep("ADP_peak_indices"))));
        def("ADP_peak_amplitude", f -> {
            double[] adp = f.dep("ADP_peak_values"), ahp = f.dep("min_AHP_values");
            if (adp == null || ahp == null || adp.length != ahp.length) return null;
            int n = adp.length;
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = adp[k] - ahp[k];
            return out;
        });
        def("depolarized_base", f -> {
            int[] e = f.apEnd(), b = f.apBegin();
            if (e == null || b == null) return null;
            int n = Math.min(e.length, b.length) - 1;
            if (n + 1 <= 2) return null; // eFEL needs more than two spikes
            // eFEL skips an interval whose AP end is not before the next AP begin (no value, not a null in the list)
            double[] out = new double[n];
            int m = 0;
            for (int k = 0; k < n; k++) {
                if (e[k] >= b[k + 1]) continue;
                double x = mean(f.v, e[k], b[k + 1]);
                if (!Double.isNaN(x)) out[m++] = x;
            }
            return m == 0 ? null : java.util.Arrays.copyOf(out, m);
        });
        def("min_voltage_between_spikes", f -> {
            int[] p = f.peaks();
            if (p == null || p.length < 2) return null;
            double[] out = new double[p.length - 1];
            for (int k = 0; k + 1 < p.length; k++) out[k] = f.v[argmin(f.v, p[k], p[k + 1])];
            return out;
        });
        def("AP_rise_indices", f -> {
            int[] p = f.peaks(), b = f.apBegin();
            if (p == null || b == null) return null;
            int n = Math.min(p.length, b.length);
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                if (p[k] < b[k]) return null;
                double half = (f.v[b[k]] + f.v[p[k]]) / 2.0;
                out[k] = closest(f.v, b[k], p[k], half);
            }
            return out;
        });
        def("AP_fall_indices", f -> {
            int[] p = f.peaks(), b = f.apBegin(), e = f.apEnd();
            if (p == null || b == null || e == null) return null;
            int n = Math.min(p.length, b.length);
            if (n > e.length) return null;
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                if (p[k] > e[k]) continue;
                double half = (f.v[b[k]] + f.v[p[k]]) / 2.0;
                out[k] = closest(f.v, p[k], e[k], half);
            }
            return out;
        });
        def("AP_duration_half_width", f -> {
            int[] r = idx(f.dep("AP_rise_indices")), fa = idx(f.dep("AP_fall_indices"));
            if (r == null || fa == null) return null;
            int n = Math.min(r.length, fa.length);
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = f.t[fa[k]] - f.t[r[k]];
            return out;
        });
        def("AP_duration_half_width_change", change("AP_duration_half_width"));
        def("AP_width", SpikeFeatures::apWidth);
        def("AP_width_between_threshold", SpikeFeatures::apWidthBetweenThreshold);
        def("spike_half_width", SpikeFeatures::spikeHalfWidth);
        def("AP1_width", pick("spike_half_width", 0));
        def("AP2_width", pick("spike_half_width", 1));
        def("APlast_width", pick("spike_half_width", -1));
        def("spike_width2", SpikeFeatures::spikeWidth2);
        def("AP_begin_width", f -> {
            int[] b = f.apBegin(), m = f.minAhp();
            if (b == null || m == null) return null;
            int stimBegin = f.indexAtOrAfter(f.stimStart);
            int[] sm = Arrays.stream(m).filter(x -> x > stimBegin).toArray();
            if (b.length < sm.length) return null;
            double[] out = new double[sm.length];
            for (int k = 0; k < sm.length; k++) {
                int r = b[k];
                double v0 = f.v[r];
                int fall = r + 1;
                while (fall < sm[k] && !(f.v[fall] <= v0)) fall++;
                out[k] = f.t[fall] - f.t[r];
            }
            return out;
        });
        def("AP1_begin_width", pick("AP_begin_width", 0));
        def("AP2_begin_width", pick("AP_begin_width", 1));
        def("AP2_AP1_begin_width_diff", f -> {
            double[] w = f.dep("AP_begin_width");
            return w != null && w.length > 1 ? new double[] {w[1] - w[0]} : null;
        });
        def("AP_rise_time", f -> {
            int[] b = f.apBegin();
            if (b == null || f.peaks() == null || b.length == 0) return null;
            int[] p = f.peaksAfterIndex(b[0]);
            int n = Math.min(b.length, f.peaks().length);
            if (n > p.length) return null;
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                double amp = f.v[p[k]] - f.v[b[k]];
                double lo = f.v[b[k]] + f.s.riseStartPerc * amp;
                double hi = f.v[b[k]] + f.s.riseEndPerc * amp;
                int first = b[k];
                while (first < p[k] && f.v[first] < lo - 1e-13) first++;
                int last = p[k];
                while (last > b[k] && f.v[last] > hi + 1e-13) last--;
                out[k] = f.t[last] - f.t[first];
            }
            return out;
        });
        def("AP_fall_time", f -> pairDiff(f.t, f.apEnd(), f.peaksAfterTime(f.stimStart)));
        def("AP_duration", f -> pairDiff(f.t, f.apEnd(), f.apBegin()));
        def("AP_duration_change", change("AP_duration"));
        def("AP_rise_rate", f -> f.apBegin() == null || f.apBegin().length == 0 ? null
                : rate(f, f.peaksAfterIndex(f.apBegin()[0]), f.apBegin()));
        def("AP_fall_rate", f -> rate(f, f.apEnd(), f.peaksAfterTime(f.stimStart)));
        def("AP_rise_rate_change", change("AP_rise_rate"));
        def("AP_fall_rate_change", change("AP_fall_rate"));
        def("AP_peak_upstroke", f -> {
            int[] p = f.peaks(), b = f.apBegin();
            if (p == null || b == null) return null;
            double[] d = f.dvdt();
            NumberList out = new NumberList();
            int j = 0;
            for (int bk : b) {
                while (j < p.length && p[j] < bk) j++;
                if (j < p.length) {
                    out.add(d[argmax(d, bk, Math.max(p[j], bk + 1))]);
                    j++;
                }
            }
            return out.toArray();
        });
        def("AP_peak_downstroke", f -> {
            int[] p = f.peaks(), m = f.minAhp();
            if (p == null || m == null) return null;
            double[] d = f.dvdt();
            int n = Math.min(p.length, m.length);
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = d[argmin(d, p[k], m[k])];
            return out;
        });
        def("AP_phaseslope", f -> {
            int[] b = f.apBegin();
            if (b == null) return null;
            double[] d = f.dvdt();
            int r = f.s.apPhaseslopeRange;
            double[] out = new double[b.length];
            for (int k = 0; k < b.length; k++) {
                int hi = b[k] + r, lo = b[k] - r;
                if (lo < 0 || hi >= f.v.length || f.v[hi] == f.v[lo]) return null;
                out[k] = (d[hi] - d[lo]) / (f.v[hi] - f.v[lo]);
            }
            return out;
        });
        def("phaseslope_max", f -> {
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 1; k < f.v.length; k++) {
                m = Math.max(m, (f.v[k] - f.v[k - 1]) / (f.t[k] - f.t[k - 1]));
            }
            return one(m);
        });
    }

    private static double[] isiLogSlope(double[] isi, int skip) {
        if (isi == null || isi.length - skip < 2) return null;
        int n = isi.length - skip;
        double[] x = new double[n], y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = Math.log(k + 1);
            y[k] = isi[k + skip];
        }
        return one(logSlope(x, y));
    }

    private static double[] adaptationIndex(TraceFeatures f, boolean skipByFraction) {
        double[] pt = peakTimes(f);
        if (pt == null) return null;
        double[] sel = Arrays.stream(pt).filter(x -> x >= f.stimStart && x <= f.stimEnd).toArray();
        int start = skipByFraction
                ? (int) Math.min(f.s.maxSpikeSkip, Math.floor(sel.length * f.s.spikeSkipf + 0.5)) : 1;
        if (sel.length - start < 4) return null;
        int n = sel.length - start - 1;
        double[] isi = new double[n];
        for (int k = 0; k < n; k++) isi[k] = sel[start + k + 1] - sel[start + k];
        double sum = 0;
        for (int k = 1; k < n; k++) sum += (isi[k] - isi[k - 1]) / (isi[k] + isi[k - 1]);
        return one(sum / (n - 1));
    }

    private static int closest(double[] v, int from, int to, double level) {
        int best = -1;
        double bd = Double.POSITIVE_INFINITY;
        for (int q = from; q < to; q++) {
            double d = Math.abs(v[q] - level);
            if (d < bd) { bd = d; best = q; }
        }
        return best;
    }

    private static double[] pairDiff(double[] x, int[] a, int[] b) {
        if (a == null || b == null) return null;
        int n = Math.min(a.length, b.length);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) out[k] = x[a[k]] - x[b[k]];
        return out;
    }

    private static double[] rate(TraceFeatures f, int[] a, int[] b) {
        if (a == null || b == null) return null;
        int n = Math.min(a.length, b.length);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) out[k] = (f.v[a[k]] - f.v[b[k]]) / (f.t[a[k]] - f.t[b[k]]);
        return out;
    }

    /** Width at Threshold of each spike, between consecutive AHP minima (eFEL's AP_width). */
    private static double[] apWidth(TraceFeatures f) {
        int[] m = f.minAhp();
        if (m == null || f.peaks() == null) return null;
        NumberList idx = new NumberList();
        if (f.s.strictStiminterval) {
            int a = f.indexAtOrAfter(f.stimStart), b = f.indexAtOrAfter(f.stimEnd);
            idx.add(a);
            for (int x : m) if (a < x && x < b) idx.add(x);
        } else {
            idx.add(0);
            for (int x : m) idx.add(x);
        }
        double th = f.s.threshold;
        double[] out = new double[idx.size() - 1];
        for (int k = 0; k + 1 < idx.size(); k++) {
            int lo = idx.getInt(k), hi = idx.getInt(k + 1);
            int on = lo;
            while (on < hi && !(f.v[on] >= th)) on++;
            int off = on;
            while (off < hi && !(f.v[off] <= th)) off++;
            out[k] = f.t[off] - f.t[on];
        }
        return out;
    }

    /** Width at Threshold between the minima between peaks; spikes without a threshold crossing are left out. */
    private static double[] apWidthBetweenThreshold(TraceFeatures f) {
        int[] m = f.minBetweenPeaks();
        if (m == null) return null;
        int[] idx = new int[m.length + 1];
        idx[0] = f.indexAtOrAfter(f.stimStart);
        System.arraycopy(m, 0, idx, 1, m.length);
        double th = f.s.threshold;
        NumberList out = new NumberList();
        for (int k = 0; k + 1 < idx.length; k++) {
            int lo = idx[k], hi = idx[k + 1];
            int on = lo;
            while (on < hi && !(f.v[on] >= th)) on++;
            int off = on;
            while (off < hi && !(f.v[off] <= th)) off++;
            if (off != hi) out.add(f.t[off] - f.t[on]);
        }
        return out.toArray();
    }

    /** Time where the voltage crosses `level` between samples k-1 and k (linear). */
    private static double crossTime(TraceFeatures f, int k, double level) {
        double dv = f.v[k] - f.v[k - 1], dt = f.t[k] - f.t[k - 1];
        return f.t[k] + dt * (level - f.v[k]) / dv;
    }

    /** Width at half the height between each peak and its following AHP minimum (eFEL's spike_half_width). */
    private static double[] spikeHalfWidth(TraceFeatures f) {
        int[] p = f.peaks(), m = f.minAhp();
        if (p == null || m == null || p.length < m.length) return null;
        int prev = f.indexAtOrAfter(f.stimStart);
        double[] out = new double[m.length];
        for (int k = 0; k < m.length; k++) {
            double half = (f.v[p[k]] + f.v[m[k]]) / 2.0;
            int rise = prev;
            while (rise < p[k] && !(f.v[rise] >= half)) rise++;
            int fall = p[k];
            while (fall < m[k] && !(f.v[fall] <= half)) fall++;
            if (rise < 1 || fall < 1) return null;
            out[k] = crossTime(f, fall, half) - crossTime(f, rise, half);
            prev = m[k];
        }
        return out;
    }

    /**
     * Width at half height where the spike onset is the maximum of the second derivative between the AHP minimum
     * and the next peak (eFEL's spike_width2).
     */
    private static double[] spikeWidth2(TraceFeatures f) {
        int[] p = f.peaks(), m = f.minAhp();
        if (p == null || m == null || p.length <= 1) return null;
        double dx = f.t[1] - f.t[0];
        NumberList out = new NumberList();
        for (int k = 0; k < m.length && k < p.length - 1; k++) {
            int a = m[k], pk = p[k + 1];
            double[] seg = Arrays.copyOfRange(f.v, a, pk + 1);
            if (seg.length < 2) return null;
            double[] d1 = Numerics.centralDifference(seg);
            for (int q = 0; q < d1.length; q++) d1[q] /= dx;
            double[] d2 = Numerics.centralDifference(d1);
            int onset = 0;
            double best = d2[0];
            for (int q = 1; q < d2.length; q++) if (best <= d2[q]) { best = d2[q]; onset = q; }
            onset += a;
            double half = (f.v[pk] + f.v[onset]) / 2.0;
            int rise = onset;
            for (int q = 0; q < seg.length; q++) if (seg[q] > half) { rise = a + q; break; }
            double tStart = f.t[rise - 1] + (half - f.v[rise - 1]) / (f.v[rise] - f.v[rise - 1]) * dx;
            int fall = -1;
            for (int q = pk; q < f.v.length; q++) if (f.v[q] < half) { fall = q; break; }
            if (fall < 0) return null; // falling phase of the last spike missing
            double tEnd = f.t[fall - 1] + (half - f.v[fall - 1]) / (f.v[fall] - f.v[fall - 1]) * dx;
            out.add(tEnd - tStart);
        }
        return out.toArray();
    }
}
