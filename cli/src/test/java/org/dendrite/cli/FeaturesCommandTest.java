package org.dendrite.cli;

import org.dendrite.engine.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import org.junit.jupiter.api.Tag;

/** Runs {@code dendrite features} in-process on eFEL's all-features trace and checks values against eFEL's oracle. */
@Tag("cli")
@Tag("data")
class FeaturesCommandTest {
    @TempDir Path tmp;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        CommandLine cl = DendriteCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static double jsonNumber(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void jsonOnEfelTraceMatchesEfel() {
        String trace = SharedData.path("data/efel-testdata/allfeatures/testdata.txt").toString();
        Result r = run("features", trace, "--stim-start", "700", "--stim-end", "2700", "--json",
                "--feature", "spike_count,mean_frequency,peak_indices,sag_amplitude", "--feature", "voltage_base");
        assertEquals(0, r.code(), r.err());
        // eFEL's expectedresults.json: spike_count [6], mean_frequency [3.096294767263926], voltage_base [-74.7144880046517]
        assertTrue(r.out().contains("\"spike_count\": 6"), r.out());
        assertEquals(3.096294767263926, jsonNumber(r.out(), "mean_frequency"), 1e-12);
        assertEquals(-74.7144880046517, jsonNumber(r.out(), "voltage_base"), 1e-12);
        assertTrue(r.out().contains("\"peak_indices\": [7080, 9113, 14060, 17120, 23875, 26378]"), r.out());
        assertTrue(r.out().contains("\"sag_amplitude\": null"), r.out());
    }

    @Test
    void settingsChangeTheResultAndTableIsReadable() throws IOException {
        Path f = tmp.resolve("trace.csv");
        // a 0.1 ms trace with one 'spike' rising to -25 mV: above -30 mV threshold, below eFEL's default -20 mV
        StringBuilder sb = new StringBuilder("time,voltage\n");
        for (int k = 0; k <= 2000; k++) {
            double t = k * 0.1;
            double v = -70 + 45 * Math.exp(-Math.pow((t - 100) / 1.0, 2));
            sb.append(t).append(',').append(v).append('\n');
        }
        Files.writeString(f, sb.toString());
        Result dflt = run("features", f.toString(), "--stim-start", "50", "--stim-end", "150", "--json", "--feature", "spike_count");
        assertTrue(dflt.out().contains("\"spike_count\": 0"), dflt.out());
        Result low = run("features", f.toString(), "--stim-start", "50", "--stim-end", "150", "--json",
                "--feature", "spike_count", "--setting", "Threshold=-30");
        assertTrue(low.out().contains("\"spike_count\": 1"), low.out());
        Result table = run("features", f.toString(), "--stim-start", "50", "--stim-end", "150", "--setting", "Threshold=-30");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().matches("(?s).*\\npeak_time\\s+\\[100\\.000\\]  \\(1 value\\).*"), table.out());
    }

    @Test
    void badInputGivesExitCode2WithAMessage() {
        String trace = SharedData.path("data/efel-testdata/allfeatures/testdata.txt").toString();
        Result unknown = run("features", trace, "--feature", "no_such_feature");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown feature 'no_such_feature'"), unknown.err());
        Result badSetting = run("features", trace, "--setting", "Treshold=-30");
        assertEquals(2, badSetting.code());
        assertTrue(badSetting.err().contains("unknown eFEL setting"), badSetting.err());
        Result sweep = run("features", trace, "--sweep", "3");
        assertEquals(2, sweep.code());
        Result half = run("features", trace, "--stim-start", "700");
        assertEquals(2, half.code());
        Result list = run("features", "--list");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("DerivativeThreshold") && list.out().contains("AP_duration_half_width"));
    }

    @Test
    void textTracesOfEveryShapeGoThroughTheRecordingReaders() throws IOException {
        // seconds and volts named in the header: v = -65 + 0.1 k mV at t = k ms, read as ms and mV, with a dip to
        // -80 mV at 15 ms: the minimum in the stimulus window 10..20 ms (-0.08 if the volts were not converted)
        StringBuilder si = new StringBuilder("time [s],other,v [V]\n");
        for (int k = 0; k <= 20; k++) {
            si.append(k / 1000.0).append(",7,").append(k == 15 ? -0.08 : (-65 + 0.1 * k) / 1000).append('\n');
        }
        Path f = tmp.resolve("si.csv");
        Files.writeString(f, si.toString());
        Result r = run("features", f.toString(), "--stim-start", "10", "--stim-end", "20", "--json",
                "--feature", "minimum_voltage,voltage_base");
        assertEquals(0, r.code(), r.err());
        assertEquals(-80.0, jsonNumber(r.out(), "minimum_voltage"), 1e-9);
        // mean over 9..10 ms of a straight line from -64.1 to -64.0 mV
        assertEquals(-64.05, jsonNumber(r.out(), "voltage_base"), 0.01);

        // whitespace header with unit tokens: the voltage is the mV column (dip to -90 mV at 15 ms), not the
        // current column before it (-95 nA throughout)
        StringBuilder ws = new StringBuilder("t [ms] i [nA] v [mV]\n");
        for (int k = 0; k <= 20; k++) ws.append(k).append(" -95 ").append(k == 15 ? -90 : -70 + 0.1 * k).append('\n');
        Path g = tmp.resolve("ws.txt");
        Files.writeString(g, ws.toString());
        Result w = run("features", g.toString(), "--stim-start", "10", "--stim-end", "20", "--json",
                "--feature", "minimum_voltage");
        assertEquals(0, w.code(), w.err());
        assertEquals(-90.0, jsonNumber(w.out(), "minimum_voltage"), 1e-9);

        // one column: voltage every --dt ms
        String one = SharedData.path("data/efel-testdata/basic/AP_begin_indices_95810005.abf.csv").toString();
        Result noDt = run("features", one, "--feature", "spike_count");
        assertEquals(2, noDt.code());
        assertTrue(noDt.err().contains("--dt"), noDt.err());
        Result withDt = run("features", one, "--dt", "0.1", "--json", "--feature", "minimum_voltage");
        assertEquals(0, withDt.code(), withDt.err());
        assertTrue(withDt.out().contains("minimum_voltage"), withDt.out());
        Result sweep = run("features", g.toString(), "--sweep", "1");
        assertEquals(2, sweep.code());
        assertTrue(sweep.err().contains("the file holds one sweep, 0"), sweep.err());
    }
}
