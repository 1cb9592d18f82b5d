package org.dendrite.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/**
 * Every case of {@code efel_expected_values.json}: the numbers and relations that eFEL's own tests assert, with their
 * stimulus window, settings, trace pre-processing and tolerance. Hard-coded numbers are compared with the tolerance
 * the case states (its rtol/atol; numpy.allclose's rtol 1e-5, atol 1e-8 where none is stated; indices and counts
 * exactly); relations are re-checked from their definitions on our interpolated trace. The all-features case is
 * covered by {@link AllFeaturesTest}.
 */
@Tag("data")
class EfelCasesTest {

    /** Reads ../shared: skipped (and counted) when it is absent. */
    @org.junit.jupiter.api.BeforeEach
    void needsShared() {
        org.dendrite.engine.SharedData.assumeAvailable();
    }
    private static List<Map<String, Object>> cases;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() throws IOException {
        if (cases == null) {
            Map<String, Object> root = (Map<String, Object>) EfelData.json("efel_expected_values.json");
            cases = (List<Map<String, Object>>) (List<?>) root.get("cases");
        }
        return cases;
    }

    static Stream<String> caseIds() throws Exception {
        return org.dendrite.engine.SharedData.cases(() -> {
            List<Map<String, Object>> cs = cases();
            return IntStream.range(0, cs.size()).mapToObj(k -> k + " " + shortName(cs.get(k))).toList();
        });
    }

    private static String shortName(Map<String, Object> c) {
        String test = (String) c.get("test");
        return test.substring(test.lastIndexOf("::") + 2) + " [" + c.get("file") + "]";
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("caseIds")
    void efelCase(String id) throws IOException {
        Map<String, Object> c = cases().get(Integer.parseInt(id.substring(0, id.indexOf(' '))));
        Map<String, Object> expected = (Map<String, Object>) c.get("expected");
        if (expected.containsKey("ALL")) return; // AllFeaturesTest
        String test = (String) c.get("test");
        FeatureSettings settings = settingsOf(c);
        TraceFeatures f = load(c, settings);
        double[] tol = tolerance((String) c.get("tolerance"));
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            String key = e.getKey();
            if (key.equals("relation")) {
                relation(test, c, f, settings);
            } else {
                checkKey(f, key, e.getValue(), tol);
            }
        }
    }

    // ---------------------------------------------------------------- loading

    @SuppressWarnings("unchecked")
    static FeatureSettings settingsOf(Map<String, Object> c) {
        FeatureSettings s = new FeatureSettings();
        Map<String, Object> m = (Map<String, Object>) c.get("settings");
        if (m != null) for (Map.Entry<String, Object> e : m.entrySet()) s.set(e.getKey(), String.valueOf(e.getValue()));
        Map<String, Object> extra = (Map<String, Object>) c.get("trace_extra");
        if (extra != null) {
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                s.set(e.getKey(), String.valueOf(((List<?>) e.getValue()).get(0)));
            }
        }
        return s;
    }

    static TraceFeatures load(Map<String, Object> c, FeatureSettings s) throws IOException {
        String file = (String) c.get("file");
        String pre = (String) c.getOrDefault("preprocess", "");
        double ss = ((Number) c.get("stim_start")).doubleValue(), se = ((Number) c.get("stim_end")).doubleValue();
        double[][] cols = EfelData.columns(file);
        double[] t, v, i = null;
        if (cols.length == 1) {
            v = cols[0];
            t = new double[v.length];
            for (int k = 0; k < t.length; k++) t[k] = k * 0.1;
        } else if (cols.length == 3) {
            // current.txt: time (left in seconds, as the eFEL test does), current; the voltage is not passed
            t = cols[0];
            i = cols[1];
            v = null;
        } else {
            t = cols[0];
            v = cols[1];
        }
        if (pre.contains("interpolated by the TEST")) {
            // numpy.arange(t[0], t[-1] + 0.1, 0.1) and numpy.interp, as the eFEL test does
            int n = (int) Math.ceil((t[t.length - 1] + 0.1 - t[0]) / 0.1);
            double[] tn = new double[n];
            for (int k = 0; k < n; k++) tn[k] = t[0] + k * 0.1;
            v = TraceFeatures.interpolate(t, v, tn);
            t = tn;
        }
        if (pre.contains("all zeros")) v = new double[v.length];
        return TraceFeatures.of(t, v, i, ss, se, s);
    }

    /** rtol/atol stated by the case, else numpy.allclose's defaults. */
    static double[] tolerance(String text) {
        double rtol = 1e-5, atol = 1e-8;
        if (text != null) {
            Matcher r = Pattern.compile("rtol=([0-9.e-]+)").matcher(text);
            Matcher a = Pattern.compile("atol=([0-9.e-]+)").matcher(text);
            boolean hasR = r.find(), hasA = a.find();
            if (hasR) rtol = Double.parseDouble(r.group(1));
            if (hasA) atol = Double.parseDouble(a.group(1));
            if (hasR && !hasA) atol = 0;
            if (hasA && !hasR) rtol = 0;
        }
        return new double[] {rtol, atol};
    }

    // ---------------------------------------------------------------- generic keys

    private static final Pattern LEN = Pattern.compile("len\\((\\w+)\\)");
    private static final Pattern ELEM = Pattern.compile("(\\w+)\\[(\\d+)\\]");
    private static final Pattern DIST = Pattern.compile(
            "get_distance\\((?:trace, )?'?(\\w+)'?, (?:mean=)?([0-9.]+), (?:std=)?([0-9.]+)(.*)\\)");

    static void checkKey(TraceFeatures f, String key, Object expected, double[] tol) {
        Matcher m;
        if ((m = LEN.matcher(key)).matches()) {
            double[] x = f.get(m.group(1));
            assertEquals(((Number) expected).intValue(), x == null ? 0 : x.length, key);
        } else if ((m = ELEM.matcher(key)).matches()) {
            double[] x = f.get(m.group(1));
            assertNotNull(x, key);
            close(((Number) expected).doubleValue(), x[Integer.parseInt(m.group(2))], tol, key);
        } else if ((m = DIST.matcher(key)).matches()) {
            String rest = m.group(4);
            boolean traceCheck = !rest.contains("trace_check=False");
            Matcher ed = Pattern.compile("error_dist=([0-9.]+)").matcher(rest);
            double errorDist = ed.find() ? Double.parseDouble(ed.group(1)) : FeatureDistance.DEFAULT_ERROR_DIST;
            double d = FeatureDistance.of(f, m.group(1), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), traceCheck, errorDist);
            close(((Number) expected).doubleValue(), d, tol, key);
        } else {
            double[] x = f.get(key);
            if (expected == null) {
                assertNull(x, key + " should be none, got " + Arrays.toString(x));
            } else if (expected instanceof List<?> l) {
                String problem = EfelData.compare(x, l, tol[0], tol[1]);
                if (problem != null) fail(key + ": " + problem);
            } else {
                assertNotNull(x, key);
                assertEquals(1, x.length, key + " length");
                close(((Number) expected).doubleValue(), x[0], tol, key);
            }
        }
    }

    static void close(double expected, double actual, double[] tol, String what) {
        assertTrue(Math.abs(actual - expected) <= tol[1] + tol[0] * Math.abs(expected),
                what + ": expected " + expected + " got " + actual + " (rtol " + tol[0] + ", atol " + tol[1] + ")");
    }

    // ---------------------------------------------------------------- relations

    private static final double[] EXACTISH = {1e-7, 1e-10};

    private void relation(String test, Map<String, Object> c, TraceFeatures f, FeatureSettings s) throws IOException {
        String name = test.substring(test.lastIndexOf("::") + 2);
        double[] t = f.time(), v = f.voltage();
        switch (name) {
            case "test_AP_begin_indices1" -> {
                int n = f.get("AP_begin_indices").length;
                assertEquals(n, f.get("AP_amplitude").length);
                assertEquals(n, f.get("peak_time").length);
                assertEquals(n, f.get("AP_duration_half_width").length);
            }
            case "test_AP_end_indices" -> {
                int[] b = ints(f.get("AP_begin_indices")), e = ints(f.get("AP_end_indices")), p = ints(f.get("peak_indices"));
                for (int k = 0; k < e.length; k++) {
                    assertTrue(e[k] > b[k]);
                    assertTrue(Math.abs(v[b[k]] - v[e[k]]) < Math.abs(v[p[k]] - v[e[k]]));
                }
                FeatureSettings s2 = s.copy().set("DownDerivativeThreshold", -24.0);
                int[] e2 = ints(load(c, s2).get("AP_end_indices"));
                for (int k = 0; k < e.length; k++) assertTrue(e[k] != e2[k], "AP_end_indices[" + k + "] unchanged");
            }
            case "test_ap_amplitude_outside_stim" ->
                    assertEquals(f.get("peak_time").length, f.get("AP_amplitude").length + 2);
            case "test_spike_count_stimint1" -> {
                double[] pt = f.get("peak_time");
                long inside = Arrays.stream(pt).filter(x -> x >= f.stimStart() && x <= f.stimEnd()).count();
                assertEquals(f.get("spike_count")[0], f.get("spike_count_stimint")[0] + 2);
                assertEquals(inside, (long) f.get("spike_count_stimint")[0]);
            }
            case "test_mean_frequency1" -> {
                double[] pt = f.get("peak_time");
                double[] in = Arrays.stream(pt).filter(x -> x >= f.stimStart() && x <= f.stimEnd()).toArray();
                close(in.length * 1000.0 / (in[in.length - 1] - f.stimStart()), f.get("mean_frequency")[0], EXACTISH, name);
            }
            case "test_ISI_log_slope", "test_ISI_semilog_slope" -> {
                double[] isi = f.get("ISI_values");
                double[] x = new double[isi.length], y = new double[isi.length];
                for (int k = 0; k < isi.length; k++) {
                    x[k] = name.contains("semilog") ? k + 1 : Math.log(k + 1);
                    y[k] = Math.log(isi[k]);
                }
                String feat = name.substring(5);
                close(slope(x, y), f.get(feat)[0], EXACTISH, name);
            }
            case "test_ISI_values_noIgnore" -> {
                int with = f.get("ISI_values").length;
                int without = load(c, s.copy().set("ignore_first_ISI", "false")).get("ISI_values").length;
                assertEquals(with + 1, without);
            }
            case "test_ap_amplitude_from_voltagebase1" -> {
                double[] pv = f.get("peak_voltage"), a = f.get("AP_amplitude_from_voltagebase");
                double vb = f.get("voltage_base")[0];
                for (int k = 0; k < pv.length; k++) close(pv[k] - vb, a[k], EXACTISH, name);
            }
            case "test_APlast_width" -> {
                double[] w = f.get("spike_half_width");
                assertEquals(w[w.length - 1], f.get("APlast_width")[0]);
            }
            case "test_ohmic_inputresistance", "test_ohmic_input_resistance_vb_ssse" -> {
                String feat = name.equals("test_ohmic_inputresistance") ? "ohmic_input_resistance" : "ohmic_input_resistance_vb_ssse";
                String defl = feat.endsWith("ssse") ? "voltage_deflection_vb_ssse" : "voltage_deflection";
                TraceFeatures g = load(c, s.copy().set("stimulus_current", 10.0));
                close(g.get(defl)[0] / 10.0, g.get(feat)[0], EXACTISH, name);
                assertNull(load(c, s.copy().set("stimulus_current", 0.0)).get(feat));
            }
            case "test_sag_amplitude" -> close(f.get("steady_state_voltage_stimend")[0] - f.get("minimum_voltage")[0],
                    f.get("sag_amplitude")[0], EXACTISH, name);
            case "test_sag_amplitude_pos_deflect" -> assertNull(f.get("sag_amplitude"));
            case "test_sag_ratio1" -> close(f.get("sag_amplitude")[0] / (f.get("voltage_base")[0] - f.get("minimum_voltage")[0]),
                    f.get("sag_ratio1")[0], EXACTISH, name);
            case "test_sag_ratio2" -> close((f.get("voltage_base")[0] - f.get("steady_state_voltage_stimend")[0])
                    / (f.get("voltage_base")[0] - f.get("minimum_voltage")[0]), f.get("sag_ratio2")[0], EXACTISH, name);
            case "test_sag_time_constant" -> {
                // the test's own formula: from argmin(V in stim) to the first later V >= ssse - 0.1 * sag
                int a = first(t, f.stimStart()), b = first(t, f.stimEnd());
                int start = a;
                for (int k = a; k < b; k++) if (v[k] < v[start]) start = k;
                double v90 = f.get("steady_state_voltage_stimend")[0] - 0.1 * f.get("sag_amplitude")[0];
                int end = start + 1;
                while (!(v[end] >= v90)) end++;
                double[] x = new double[end - start], y = new double[end - start];
                for (int k = start; k < end; k++) {
                    x[k - start] = t[k];
                    y[k - start] = Math.log(Math.abs(v[k] - v[end]));
                }
                close(Math.abs(1 / slope(x, y)), f.get("sag_time_constant")[0], new double[] {1e-5, 0}, name);
            }
            case "test_spike_count1" -> assertEquals(f.get("peak_indices").length, (int) f.get("spike_count")[0]);
            case "test_min_voltage_between_spikes1" -> {
                int[] p = ints(f.get("peak_indices"));
                double[] mv = f.get("min_voltage_between_spikes");
                for (int k = 0; k + 1 < p.length; k++) {
                    assertEquals(Arrays.stream(v, p[k], p[k + 1]).min().getAsDouble(), mv[k]);
                }
            }
            case "test_min_voltage_between_spikes_single_spike" -> {
                double[][] cols = EfelData.columns((String) c.get("file"));
                int from = (int) (cols[0].length * 0.55);
                double[] tt = Arrays.copyOfRange(cols[0], from, cols[0].length);
                double[] vv = Arrays.copyOfRange(cols[1], from, cols[1].length);
                TraceFeatures g = TraceFeatures.of(tt, vv, tt[0], tt[tt.length - 1], s);
                assertEquals(1, g.get("peak_indices").length);
                assertNull(g.get("min_voltage_between_spikes"));
            }
            case "test_rise_time_perc" -> {
                TraceFeatures g = load(c, s.copy().set("rise_start_perc", 0.2).set("rise_end_perc", 0.8));
                int[] b = ints(g.get("AP_begin_indices")), p = ints(g.get("peak_indices"));
                double[] amp = g.get("AP_amplitude"), rt = g.get("AP_rise_time");
                for (int k = 0; k < rt.length; k++) {
                    double lo = v[b[k]] + 0.2 * amp[k], hi = v[b[k]] + 0.8 * amp[k];
                    int first = b[k];
                    while (v[first] < lo) first++;
                    int last = p[k] - 1;
                    while (v[last] > hi) last--;
                    close(t[last] - t[first], rt[k], EXACTISH, name);
                }
                assertTrue(rt[0] < f.get("AP_rise_time")[0]);
            }
            case "test_fall_time" -> pairs(f, "AP_fall_time", "AP_end_indices", "peak_indices", t, false);
            case "test_AP_duration" -> pairs(f, "AP_duration", "AP_end_indices", "AP_begin_indices", t, false);
            case "test_AP_rise_rate" -> pairs(f, "AP_rise_rate", "peak_indices", "AP_begin_indices", t, true);
            case "test_AP_fall_rate" -> pairs(f, "AP_fall_rate", "AP_end_indices", "peak_indices", t, true);
            case "test_fast_AHP" -> {
                int[] b = ints(f.get("AP_begin_indices")), m = ints(f.get("min_AHP_indices"));
                double[] fa = f.get("fast_AHP");
                assertEquals(b.length - 1, fa.length);
                for (int k = 0; k < fa.length; k++) assertEquals(v[b[k]] - v[m[k]], fa[k]);
            }
            case "test_AP_amplitude_change etc." -> {
                for (String x : new String[] {"AP_amplitude", "AP_duration", "AP_rise_rate", "AP_fall_rate", "fast_AHP",
                        "AP_duration_half_width"}) {
                    double[] a = f.get(x), ch = f.get(x + "_change");
                    assertEquals(a.length - 1, ch.length, x);
                    for (int k = 0; k < ch.length; k++) close((a[k + 1] - a[0]) / a[0], ch[k], EXACTISH, x);
                }
            }
            case "test_amp_drop_*" -> {
                double[] pv = f.get("peak_voltage");
                int n = pv.length;
                assertEquals(pv[0] - pv[1], f.get("amp_drop_first_second")[0]);
                assertEquals(pv[0] - pv[n - 1], f.get("amp_drop_first_last")[0]);
                assertEquals(pv[1] - pv[n - 1], f.get("amp_drop_second_last")[0]);
                double mx = Double.NEGATIVE_INFINITY;
                for (int k = 0; k + 1 < n; k++) mx = Math.max(mx, pv[k] - pv[k + 1]);
                assertEquals(mx, f.get("max_amp_difference")[0]);
            }
            case "test_AP_amplitude_diff / test_AHP_depth_diff" -> {
                for (String x : new String[] {"AP_amplitude", "AHP_depth"}) {
                    double[] a = f.get(x), d = f.get(x + "_diff");
                    for (int k = 0; k < d.length; k++) close(a[k + 1] - a[k], d[k], EXACTISH, x);
                }
            }
            case "test_AHP_depth_slow" -> {
                double[] abs = f.get("AHP_depth_abs_slow"), rel = f.get("AHP_depth_slow");
                double vb = f.get("voltage_base")[0];
                for (int k = 0; k < rel.length; k++) close(abs[k] - vb, rel[k], EXACTISH, name);
            }
            case "test_slow_ahp_start" -> {
                TraceFeatures g = load(c, s.copy().set("sahp_start", 12.0));
                int[] p = ints(g.get("peak_indices"));
                double[] slow = g.get("AHP_depth_abs_slow");
                assertEquals(p.length - 2, slow.length);
                for (int k = 1; k < p.length - 1; k++) {
                    int a = first(t, t[p[k]] + 12.0);
                    assertEquals(Arrays.stream(v, a, p[k + 1]).min().getAsDouble(), slow[k - 1]);
                }
            }
            case "test_AP_peak_upstroke / downstroke" -> {
                double[] d = new double[v.length];
                for (int k = 1; k + 1 < v.length; k++) d[k] = (v[k + 1] - v[k - 1]) / (t[k + 1] - t[k - 1]);
                int[] b = ints(f.get("AP_begin_indices")), p = ints(f.get("peak_indices")), m = ints(f.get("min_AHP_indices"));
                double[] up = f.get("AP_peak_upstroke"), down = f.get("AP_peak_downstroke");
                for (int k = 0; k < up.length; k++) {
                    close(Arrays.stream(d, b[k], p[k]).max().getAsDouble(), up[k], new double[] {0, 1e-6}, "upstroke");
                    close(Arrays.stream(d, p[k], m[k]).min().getAsDouble(), down[k], new double[] {0, 1e-6}, "downstroke");
                }
            }
            case "test_depolarized_base" -> {
                double[] bt = f.get("AP_begin_time"), dur = f.get("AP_duration"), db = f.get("depolarized_base");
                for (int k = 0; k < db.length; k++) {
                    int a = first(t, bt[k] + dur[k]), b = first(t, bt[k + 1]);
                    close(Arrays.stream(v, a, b).average().getAsDouble(), db[k], new double[] {1e-3, 0}, name);
                }
            }
            case "test_min_between_peaks_indices / values" -> {
                assertTrue(f.get("min_AHP_indices")[0] < f.get("min_between_peaks_indices")[0]);
                int p0 = (int) f.get("peak_indices")[0];
                assertEquals(Arrays.stream(v, p0, v.length).min().getAsDouble(), f.get("min_between_peaks_values")[0]);
            }
            case "test_AP_width_between_threshold" -> {
                TraceFeatures g = load(c, s.copy().set("Threshold", -48.0));
                int p0 = (int) g.get("peak_indices")[0];
                int on = p0;
                while (v[on - 1] > -48) on--;
                int off = p0;
                while (!(v[off] < -48)) off++;
                close(t[off] - t[on], g.get("AP_width_between_threshold")[0], EXACTISH, name);
                assertNull(load(c, s.copy().set("Threshold", -48.0).set("strict_stiminterval", "true"))
                        .get("AP_width_between_threshold"));
            }
            case "test_get_mean_feature_values / test_mean_AP_amplitude" ->
                    close(Arrays.stream(f.get("AP_amplitude")).average().getAsDouble(), f.get("mean_AP_amplitude")[0],
                            EXACTISH, name);
            case "test_ISIs" -> {
                double[] all = f.get("ISIs"), isi = f.get("ISI_values");
                assertArrayEquals(Arrays.copyOfRange(all, 1, all.length), isi);
            }
            default -> fail("no check written for relation case " + name);
        }
    }

    private static void pairs(TraceFeatures f, String feat, String a, String b, double[] t, boolean rate) {
        double[] v = f.voltage();
        int[] ia = ints(f.get(a)), ib = ints(f.get(b));
        double[] x = f.get(feat);
        for (int k = 0; k < x.length; k++) {
            double dt = t[ia[k]] - t[ib[k]];
            close(rate ? (v[ia[k]] - v[ib[k]]) / dt : dt, x[k], EXACTISH, feat);
        }
    }

    private static int first(double[] t, double x) {
        int k = 0;
        while (k < t.length && t[k] < x) k++;
        return k;
    }

    private static int[] ints(double[] x) {
        return Arrays.stream(x).mapToInt(d -> (int) d).toArray();
    }

    private static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().getAsDouble(), my = Arrays.stream(y).average().getAsDouble();
        double sxy = 0, sxx = 0;
        for (int k = 0; k < x.length; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
        }
        return sxy / sxx;
    }

    @SuppressWarnings("unused")
    private static List<String> unused() { return new ArrayList<>(); }
}
