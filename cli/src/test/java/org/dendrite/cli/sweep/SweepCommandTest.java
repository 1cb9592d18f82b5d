package org.dendrite.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.cli.DendriteCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.Tag;

/** Sweeps: results, resume after an interruption and after a torn last line, shards and merge, thread counts. */
@Tag("cli")
class SweepCommandTest {
    @TempDir Path dir;
    final StringWriter out = new StringWriter(), err = new StringWriter();

    static final String[] SWEEP = {"sweep", "ball_and_stick", "--param", "somatic.gnabar_hh=0.06:0.18:4", "--param", "stim.amp=0.05:0.4:3",
            "--set", "tstop=30", "-q"};

    int run(String... args) {
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    String[] sweep(Path outDir, String... more) {
        List<String> a = new ArrayList<>(List.of(SWEEP));
        a.add("--out");
        a.add(outDir.toString());
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void writesOneRowPerRunAndAPlot() throws Exception {
        assertEquals(0, run(sweep(dir.resolve("a"))), err.toString());
        List<String> csv = Files.readAllLines(dir.resolve("a/results.csv"));
        assertEquals("run,somatic.gnabar_hh,stim.amp,Spikecount,mean_frequency,voltage_base,"
                + "steady_state_voltage_stimend,spikes:soma,error", csv.get(0));
        assertEquals(13, csv.size());
        assertTrue(csv.get(1).startsWith("0,0.06,0.05,"), csv.get(1));
        assertEquals(12, Files.readAllLines(dir.resolve("a/results.jsonl")).size());
        assertTrue(Files.size(dir.resolve("a/summary.png")) > 1000);
    }

    @Test
    void interruptedAndTornSweepResumesToTheSameResults() throws Exception {
        assertEquals(0, run(sweep(dir.resolve("whole"), "-j", "2")));
        // "killed" after 5 runs, on one thread
        Path part = dir.resolve("part");
        assertEquals(0, run(sweep(part, "-j", "1", "--stop-after", "5")));
        // runs already started when it stopped are finished and kept, never lost
        int n1 = Files.readAllLines(part.resolve("results.jsonl")).size();
        assertTrue(n1 >= 5 && n1 < 12, "" + n1);
        // a kill in the middle of a write: half a line at the end of both files
        String half = "{\"run\":11,\"params\":{\"somatic.gnab";
        Files.writeString(part.resolve("results.jsonl"), half, StandardOpenOption.APPEND);
        Files.writeString(part.resolve("results.csv"), "11,0.18,", StandardOpenOption.APPEND);
        assertEquals(0, run(sweep(part, "-j", "1", "--stop-after", "3")), err.toString());
        int n2 = Files.readAllLines(part.resolve("results.jsonl")).size();
        assertTrue(n2 >= n1 + 3 && n2 < 12, n1 + " " + n2);
        // and a torn line without any newline at all after a complete one
        try (FileChannel ch = FileChannel.open(part.resolve("results.jsonl"), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 10);
        }
        assertEquals(0, run(sweep(part, "-j", "2")), err.toString());
        assertEquals(Files.readString(dir.resolve("whole/results.jsonl")), Files.readString(part.resolve("results.jsonl")));
        assertEquals(Files.readString(dir.resolve("whole/results.csv")), Files.readString(part.resolve("results.csv")));
    }

    @Test
    void oneAndTwoThreadsWriteIdenticalFiles() throws Exception {
        assertEquals(0, run(sweep(dir.resolve("one"), "-j", "1")));
        assertEquals(0, run(sweep(dir.resolve("two"), "-j", "2")));
        assertEquals(Files.readString(dir.resolve("one/results.jsonl")), Files.readString(dir.resolve("two/results.jsonl")));
        assertEquals(Files.readString(dir.resolve("one/results.csv")), Files.readString(dir.resolve("two/results.csv")));
    }

    @Test
    void aDifferentSweepInTheSameFolderIsRefused() {
        assertEquals(0, run(sweep(dir.resolve("x"), "--stop-after", "1")));
        int rc = run("sweep", "ball_and_stick", "--param", "somatic.gnabar_hh=0.06:0.18:5", "--out", dir.resolve("x").toString(), "-q");
        assertNotEquals(0, rc);
        assertTrue(err.toString().contains("different sweep"), err.toString());
    }

    @Test
    void shardsMergeToTheWholeSweep() throws Exception {
        assertEquals(0, run(sweep(dir.resolve("whole"), "-j", "1")));
        for (int i = 0; i < 3; i++) assertEquals(0, run(sweep(dir.resolve("s" + i), "--shard", i + "/3")));
        assertEquals(4, Files.readAllLines(dir.resolve("s1/results.jsonl")).size());
        assertEquals(0, run("sweep", "merge", "--out", dir.resolve("m").toString(), dir.resolve("s0").toString(),
                dir.resolve("s1").toString(), dir.resolve("s2").toString()), err.toString());
        assertEquals(Files.readString(dir.resolve("whole/results.jsonl")), Files.readString(dir.resolve("m/results.jsonl")));
        assertEquals(Files.readString(dir.resolve("whole/results.csv")), Files.readString(dir.resolve("m/results.csv")));
    }

    @Test
    void sweepFileEqualsTheCommandLine() throws Exception {
        Path cfg = dir.resolve("sweep.json");
        Files.writeString(cfg, "{\"params\": [\"somatic.gnabar_hh=0.06:0.18:4\", {\"name\": \"stim.amp\", \"from\": 0.05, "
                + "\"to\": 0.4, \"n\": 3}], \"set\": {\"tstop\": 30}}");
        assertEquals(0, run("sweep", "ball_and_stick", "--config", cfg.toString(), "--out", dir.resolve("c").toString(), "-q"), err.toString());
        assertEquals(0, run(sweep(dir.resolve("d"))));
        assertEquals(Files.readString(dir.resolve("d/results.csv")), Files.readString(dir.resolve("c/results.csv")));
    }

    @Test
    void samplersAndBadNames() {
        assertEquals(0, run("sweep", "ball_and_stick", "--param", "all.cm=0.5:2", "--param", "stim.amp=0.1:0.3", "--sampler", "lhs",
                "--samples", "6", "--set", "tstop=20", "--out", dir.resolve("l").toString(), "-q"), err.toString());
        int rc = run("sweep", "ball_and_stick", "--param", "apical.gnabar_hh=0:1:2", "--out", dir.resolve("bad").toString(), "-q");
        assertEquals(2, rc);
        assertTrue(err.toString().contains("neither a section"), err.toString());
    }
}
