package org.dendrite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.dendrite.cli.DendriteCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * dendrite-spark's sweep and fit on Spark in local mode (2 task threads, 4 attempts per task) against the local
 * thread-pool commands: the results files must be byte-identical (the tolerance is zero: the same evaluation code
 * on the same inputs, and the rows written by the same results log), also when tasks fail and are re-run, when a
 * run is stopped and resumed, and when files are named by URIs.
 */
@Tag("cli")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkRunsTest {
    @TempDir Path dir;
    JavaSparkContext jsc;
    final AtomicInteger failedTasks = new AtomicInteger();
    final StringWriter out = new StringWriter(), err = new StringWriter();

    static final List<String> SWEEP = List.of("sweep", "ball_and_stick", "--param", "somatic.gnabar_hh=0.08:0.16:4",
            "--param", "stim.amp=0.1:0.4:3", "--set", "tstop=40", "-q");

    @BeforeAll
    void start() {
        jsc = new JavaSparkContext(new SparkConf().setMaster("local[2,4]").setAppName("dendrite-spark-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
        jsc.setLogLevel("ERROR");
        jsc.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) failedTasks.incrementAndGet();
            }
        });
    }

    @AfterAll
    void stop() {
        if (jsc != null) jsc.stop();
    }

    int local(List<String> args, String... more) {
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of(more));
        return cl.execute(a.toArray(new String[0]));
    }

    int spark(List<String> args, String... more) {
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of(more));
        return SparkMain.run(() -> jsc, new PrintWriter(out, true), new PrintWriter(err, true), a.toArray(new String[0]));
    }

    static void assertSameFiles(Path a, Path b, String... names) throws Exception {
        for (String n : names) {
            assertTrue(Files.isRegularFile(b.resolve(n)), b.resolve(n) + " missing");
            assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n + " differs");
        }
    }

    Path localSweep() throws Exception {
        Path p = dir.resolve("sweep-local");
        if (!Files.exists(p.resolve("results.jsonl"))) assertEquals(0, local(SWEEP, "-j", "2", "--out", p.toString()), err.toString());
        return p;
    }

    @Test
    void sweepOnSparkIsByteIdenticalToTheLocalSweep() throws Exception {
        Path a = localSweep(), b = dir.resolve("sweep-spark");
        assertEquals(0, spark(SWEEP, "--out", b.toString()), err.toString());
        assertSameFiles(a, b, "results.jsonl", "results.csv", "sweep.json");
        List<String> lines = Files.readAllLines(b.resolve("results.jsonl"));
        assertEquals(12, lines.size(), "4 x 3 grid");
        // the sweep is not trivial: some runs spike, some do not
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"Spikecount\":[0.0]")), "a run without spikes");
        assertTrue(lines.stream().anyMatch(l -> !l.contains("\"Spikecount\":[0.0]")), "a run with spikes");
    }

    /** A --mod file reaches the executors (shipped with the job): a leak twice NEURON's pas replaces pas. */
    @Test
    void modFilesAreShippedAndUsedByTheExecutors() throws Exception {
        Path mod = Files.writeString(dir.resolve("pas.mod"), """
                NEURON { SUFFIX pas NONSPECIFIC_CURRENT i RANGE g, e }
                UNITS { (mV) = (millivolt) (mA) = (milliamp) (S) = (siemens) }
                PARAMETER { g = 0.001 (S/cm2) e = -70 (mV) }
                ASSIGNED { v (mV) i (mA/cm2) }
                BREAKPOINT { i = 2*g*(v - e) }
                """);
        Path a = dir.resolve("mod-local"), b = dir.resolve("mod-spark");
        assertEquals(0, local(SWEEP, "-j", "2", "--mod", mod.toString(), "--out", a.toString()), err.toString());
        assertEquals(0, spark(SWEEP, "--mod", mod.toString(), "--out", b.toString()), err.toString());
        assertSameFiles(a, b, "results.jsonl", "results.csv", "sweep.json");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(localSweep().resolve("results.jsonl")),
                Files.readAllBytes(b.resolve("results.jsonl"))), "the replaced pas changes the results");
    }

    @Test
    void failedTasksAreRerunWithoutLosingOrRepeatingARow() throws Exception {
        Path a = localSweep(), b = dir.resolve("sweep-failing");
        int before = failedTasks.get();
        jsc.setLocalProperty("spark.dendrite.test.failFirstAttempts", "true");
        try {
            assertEquals(0, spark(SWEEP, "--out", b.toString()), err.toString());
        } finally {
            jsc.setLocalProperty("spark.dendrite.test.failFirstAttempts", null);
        }
        assertTrue(failedTasks.get() - before >= 3, "the odd tasks' first attempts failed: " + (failedTasks.get() - before));
        assertSameFiles(a, b, "results.jsonl", "results.csv", "sweep.json");
        Set<String> runs = new HashSet<>();
        for (String l : Files.readAllLines(b.resolve("results.jsonl"))) assertTrue(runs.add(l.substring(0, l.indexOf(','))), "repeated " + l);
        assertEquals(12, runs.size());
    }

    @Test
    void sweepStoppedOnSparkResumesToTheSameFiles() throws Exception {
        Path a = localSweep(), b = dir.resolve("sweep-resumed");
        assertEquals(0, spark(SWEEP, "--out", b.toString(), "--stop-after", "3"), err.toString());
        int partial = Files.readAllLines(b.resolve("results.jsonl")).size();
        assertTrue(partial >= 3 && partial < 12, "stopped after " + partial + " runs");
        assertEquals(0, spark(SWEEP, "--out", b.toString()), err.toString());
        assertSameFiles(a, b, "results.jsonl", "results.csv", "sweep.json");
    }

    @Test
    void filesNamedByUrisGoThroughHadoopFileSystems() throws Exception {
        Path a = localSweep();
        Path modelDir = Files.createDirectories(dir.resolve("models/bs"));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("models/ball_and_stick/model.json")) {
            Files.copy(in, modelDir.resolve("model.json"));
        }
        Path remote = dir.resolve("remote-out");
        List<String> args = new ArrayList<>(SWEEP);
        args.set(1, modelDir.resolve("model.json").toUri().toString());
        assertTrue(args.get(1).startsWith("file:/"), args.get(1));
        assertEquals(0, spark(args, "--out", remote.toUri().toString()), err.toString());
        assertSameFiles(a, remote, "results.jsonl", "results.csv");
        assertTrue(Files.isRegularFile(remote.resolve("sweep.json")));
        assertTrue(Files.isRegularFile(remote.resolve("summary.png")));
        assertFalse(Files.exists(remote.resolve(".results.jsonl.crc")), "no Hadoop checksum files");
        // the same command again finds the sweep complete in the URI folder (resume reads it back)
        assertEquals(0, spark(args, "--out", remote.toUri().toString()), err.toString());
        assertSameFiles(a, remote, "results.jsonl", "results.csv");
    }

    void fitFiles() throws Exception {
        Files.writeString(dir.resolve("protocols.json"), "{\"Step1\": {\"stimuli\": [{\"delay\": 5, \"amp\": 0.2, "
                + "\"duration\": 30, \"totduration\": 40}]}, \"Step2\": {\"stimuli\": [{\"delay\": 5, \"amp\": 0.4, "
                + "\"duration\": 30, \"totduration\": 40}]}}");
        Files.writeString(dir.resolve("features.json"), "{\"Step1\": {\"soma\": {\"Spikecount\": [2, 0.5], "
                + "\"mean_frequency\": [60, 5]}}, \"Step2\": {\"soma\": {\"Spikecount\": [3, 0.5], \"time_to_first_spike\": [3, 0.5]}}}");
        Files.writeString(dir.resolve("params.json"), "{\"somatic.gnabar_hh\": [0.06, 0.24], \"somatic.gkbar_hh\": [0.018, 0.072]}");
    }

    List<String> fit(Path outDir) {
        return List.of("fit", "ball_and_stick", "--target", dir.resolve("features.json").toString(), "--protocols",
                dir.resolve("protocols.json").toString(), "--params", dir.resolve("params.json").toString(),
                "--seed", "5", "-P", "8", "-G", "3", "--out", outDir.toString(), "-q");
    }

    @Test
    void fitOnSparkIsByteIdenticalToTheLocalFitDespiteFailedTasksAndResumes() throws Exception {
        fitFiles();
        Path a = dir.resolve("fit-local"), b = dir.resolve("fit-spark"), c = dir.resolve("fit-resumed");
        assertEquals(0, local(fit(a), "-j", "2"), err.toString());
        // with half the tasks failing on their first attempt, as if their executor had been lost
        int before = failedTasks.get();
        jsc.setLocalProperty("spark.dendrite.test.failFirstAttempts", "true");
        try {
            assertEquals(0, spark(fit(b)), err.toString());
        } finally {
            jsc.setLocalProperty("spark.dendrite.test.failFirstAttempts", null);
        }
        assertTrue(failedTasks.get() - before >= 3 * 4, "4 of 8 individuals' tasks failed once in each of 3 generations");
        String[] files = {"checkpoint.json", "best_parameters.json", "hall_of_fame.csv", "features.csv"};
        assertSameFiles(a, b, files);
        assertTrue(Files.readString(b.resolve("checkpoint.json")).contains("\"generation\":3"));
        assertEquals(0, spark(fit(c), "--stop-after", "1"), err.toString());
        assertTrue(Files.readString(c.resolve("checkpoint.json")).contains("\"generation\":1,"));
        assertEquals(0, spark(fit(c), "--resume"), err.toString());
        assertSameFiles(a, c, files);
    }

    @Test
    void badInputIsAUserErrorAndStartsNoJob() throws Exception {
        int[] asked = {0};
        StringWriter e = new StringWriter();
        int code = SparkMain.run(() -> {
            asked[0]++;
            return jsc;
        }, new PrintWriter(new StringWriter()), new PrintWriter(e, true), "fit", "ball_and_stick", "--params", "p.json");
        assertEquals(2, code);
        assertEquals(0, asked[0], "no Spark context for a command line that does not parse");
        assertTrue(e.toString().contains("--target"), e.toString());
        e.getBuffer().setLength(0);
        code = spark(List.of("sweep", "ball_and_stick", "--param", "somatic.nosuch_hh=1:2:3", "--out", dir.resolve("bad").toString()));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("nosuch"), err.toString());
    }
}
