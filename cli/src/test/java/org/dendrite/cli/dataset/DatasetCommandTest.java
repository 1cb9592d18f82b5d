package org.dendrite.cli.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.cli.DendriteCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dendrite dataset} end to end against {@link LoopbackS3}, an S3 server on 127.0.0.1 started by the test,
 * holding a small synthetic bucket in the consortium's layout, and metadata exports written from the table schemas.
 * Nothing here reaches the internet.
 */
@Tag("cli")
class DatasetCommandTest {
    static final String RECORDING = "yuste/20250620/ephys/raw/cell1.csv";
    static final String IMAGE = "yuste/20250620/image/raw/sample_image.tif";
    static final String MODEL = "segev/20250701/model/raw/";
    static final String HOC_MODEL = "segev/20250702/model/raw/";
    static final String NMODL_MODEL = "segev/20250703/model/raw/";

    static String modelJson;
    static String recordingCsv;
    static byte[] image;

    @TempDir Path dir;
    LoopbackS3 s3;
    Path cache, tables;
    String err;

    /** The recording: the bundled ball-and-stick model itself, 0.2 nA from 5 to 45 ms, saved as time,voltage. */
    @BeforeAll
    static void makeData(@TempDir Path tmp) throws IOException {
        try (InputStream in = DatasetCommandTest.class.getClassLoader().getResourceAsStream("models/ball_and_stick/model.json")) {
            modelJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path m = tmp.resolve("model.json");
        Files.writeString(m, modelJson);
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("run", m.toString(), "--out", tmp.resolve("run").toString(), "--no-plot", "-q"));
        List<String> lines = Files.readAllLines(tmp.resolve("run/traces.csv"));
        StringBuilder csv = new StringBuilder("time,voltage\n"); // the consortium tutorial's ephys CSV columns (ms, mV)
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            csv.append(c[0]).append(',').append(c[1]).append('\n');
        }
        recordingCsv = csv.toString();
        image = new byte[300_000];
        new Random(7).nextBytes(image);
    }

    @BeforeEach
    void start() throws IOException {
        s3 = new LoopbackS3("dendritic-consortium");
        fill(s3);
        cache = dir.resolve("cache");
        tables = dir.resolve("tables");
        writeTables(tables);
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    static void fill(LoopbackS3 s) {
        s.put(MODEL + "model.json", modelJson);
        s.put(RECORDING, recordingCsv);
        s.put("yuste/20250620/ephys/processed/cell1_summary.json", "{\"spikes\": 3}\n");
        s.put(IMAGE, image);
        s.put(HOC_MODEL + "init.hoc", """
                create soma
                soma { L = 20  diam = 20  nseg = 1  insert hh  insert leak_custom }
                objref stim
                soma stim = new IClamp(0.5)
                stim.del = 5
                stim.dur = 40
                stim.amp = 0.2
                tstop = 60
                """);
        s.put(HOC_MODEL + "mechanisms/leak.mod", """
                COMMENT
                a second leak, so that the model needs its own .mod file
                ENDCOMMENT
                NEURON { SUFFIX leak_custom  NONSPECIFIC_CURRENT il  RANGE g, e }
                UNITS { (mA) = (milliamp)  (mV) = (millivolt) }
                PARAMETER { g = 1e-5 (S/cm2)  e = -70 (mV) }
                ASSIGNED { v (mV)  il (mA/cm2) }
                BREAKPOINT { il = g * (v - e) }
                """);
        s.put(NMODL_MODEL + "init.hoc", "create soma\nsoma { insert kdr_custom }\n");
        s.put(NMODL_MODEL + "kdr.mod", "NEURON { SUFFIX kdr_custom }\nBREAKPOINT { ik = }\n");
    }

    /** Metadata exports as the consortium's web database would give them: JSON for model, CSV for ephys and session. */
    static void writeTables(Path t) throws IOException {
        Files.createDirectories(t);
        Files.writeString(t.resolve("model.json"), """
                [{"model_id": "IS_MOD_0001", "model_type": "biophysical", "model_version": "1",
                  "file_path_model": "s3://dendritic-consortium/segev/20250701/model/raw/model.json",
                  "file_path_script": null, "description": "ball and stick, hh soma",
                  "notes": "fitted to session RY_S_0001"},
                 {"model_id": "IS_MOD_0002", "model_type": "biophysical", "model_version": "1",
                  "file_path_model": "segev/20250702/model/raw/", "description": "HOC soma, fitted to RY_E_0002"},
                 {"model_id": "IS_MOD_0003", "model_type": "biophysical", "model_version": "1",
                  "file_path_model": "segev/20250703/model/raw/", "description": "needs its own mod file"}]
                """);
        Files.writeString(t.resolve("ephys.csv"), """
                ephys_id,session_id,recording_type,processing_methods,sampling_rate,file_path_raw,file_path_processed,file_path_script,notes
                RY_E_0001,RY_S_0001,dendritic patch,,40000,yuste/20250620/ephys/raw/cell1.csv,yuste/20250620/ephys/processed/cell1_summary.json,,"soma, current clamp"
                RY_E_0002,RY_S_0002,ex vivo,lowpass 5 kHz,20000,yuste/20250620/ephys/raw/cell1.csv,,,
                RY_E_0003,RY_S_0001,dendritic patch,,40000,,yuste/20250620/ephys/processed/cell1_summary.json,,no trace
                """);
        Files.writeString(t.resolve("session.csv"), """
                session_id,mouse_id,experimenter,session_date,start_time,end_time,anesthesia,notes
                RY_S_0001,RY_M_0001,Ada Lovelace,20250620,09:30,12:00,isoflurane,
                RY_S_0002,RY_M_0001,Ada Lovelace,20250621,10:00,11:15,,
                """);
    }

    String run(int expected, String... args) {
        StringWriter out = new StringWriter(), e = new StringWriter();
        CommandLine cl = DendriteCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(e));
        int rc = cl.execute(args);
        err = e.toString();
        assertEquals(expected, rc, "exit code of " + String.join(" ", args) + "\nstdout: " + out + "\nstderr: " + err);
        return out.toString();
    }

    String[] s3(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--endpoint", s3.endpoint().toString(), "--cache", cache.toString(), "--tables", tables.toString()));
        return a.toArray(String[]::new);
    }

    static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void lsShowsOneLevelAtATimeAndASecondRunNeedsNoNetwork() {
        s3.pageSize = 2; // the SDK has to follow continuation tokens
        String top = run(0, s3("dataset", "ls"));
        assertTrue(top.contains("PRE segev/") && top.contains("PRE yuste/"), top);
        String day = run(0, s3("dataset", "ls", "yuste/20250620/", "--recursive"));
        assertTrue(day.contains("300000 " + IMAGE), day);
        assertTrue(day.contains(recordingCsv.length() + " " + RECORDING), day);
        assertTrue(day.contains("0 folder(s), 3 file(s)"), day);
        int before = s3.log.size();
        s3.close(); // no server any more: the cached listing answers
        assertEquals(day, run(0, s3("dataset", "ls", "yuste/20250620/", "--recursive")));
        assertEquals(before, s3.log.size());
    }

    @Test
    void getDownloadsChecksSkipsAndServesFromTheCache() throws IOException {
        Path to = dir.resolve("data");
        String out = run(0, s3("dataset", "get", "yuste/20250620/", "--to", to.toString()));
        assertTrue(out.contains("3 file(s)") && out.contains("3 downloaded"), out);
        assertArrayEquals(image, Files.readAllBytes(to.resolve(IMAGE)));
        assertEquals(recordingCsv, Files.readString(to.resolve(RECORDING)));
        int gets = s3.requests("GET").size();
        out = run(0, s3("dataset", "get", "yuste/20250620/", "--to", to.toString()));
        assertTrue(out.contains("3 already there"), out);
        assertEquals(gets, s3.requests("GET").size(), "a second get of the same prefix sends no request: " + s3.log);
        s3.close();
        Path other = dir.resolve("other");
        out = run(0, s3("dataset", "get", IMAGE, "--to", other.toString()));
        assertTrue(out.contains("from the cache"), out);
        assertArrayEquals(image, Files.readAllBytes(other.resolve(IMAGE)));
    }

    @Test
    void aPartialDownloadResumesWithARangeRequest() throws IOException {
        Path part = cache.resolve("s3-127.0.0.1_" + s3.endpoint().getPort() + "-consortium/partial/" + IMAGE + ".part");
        Files.createDirectories(part.getParent());
        Files.write(part, java.util.Arrays.copyOf(image, 120_000));
        Path to = dir.resolve("data");
        String out = run(0, s3("dataset", "get", IMAGE, "--to", to.toString()));
        assertTrue(out.contains("resumed at byte 120000"), out);
        assertEquals(List.of("GET /dendritic-consortium/" + IMAGE + " Range=bytes=120000-"), s3.requests("GET"));
        assertArrayEquals(image, Files.readAllBytes(to.resolve(IMAGE)));
        assertFalse(Files.exists(part));
        // a part already as long as the object is checked and used without asking for more bytes
        String other = "yuste/20250620/ephys/processed/cell1_summary.json";
        Path part2 = part.getParent().getParent().getParent().resolve("ephys/processed/cell1_summary.json.part");
        Files.createDirectories(part2.getParent());
        Files.writeString(part2, "{\"spikes\": 3}\n");
        run(0, s3("dataset", "get", other, "--to", to.toString()));
        assertEquals(List.of("GET /dendritic-consortium/" + IMAGE + " Range=bytes=120000-"), s3.requests("GET"));
        assertEquals("{\"spikes\": 3}\n", Files.readString(to.resolve(other)));
    }

    @Test
    void aTruncatedDownloadIsAnErrorLeavesNothingInTheTargetAndResumesNextTime() throws IOException {
        s3.truncateAfter.put(IMAGE, 50_000L);
        Path to = dir.resolve("data");
        run(2, s3("dataset", "get", IMAGE, "--to", to.toString()));
        assertTrue(err.contains(IMAGE + ": download truncated at 50000 of 300000 bytes"), err);
        assertFalse(err.contains("Exception"), err);
        assertEquals(List.of(), files(to), "nothing partial in the target folder");
        s3.truncateAfter.clear();
        String out = run(0, s3("dataset", "get", IMAGE, "--to", to.toString()));
        assertTrue(out.contains("resumed at byte 50000"), out);
        assertArrayEquals(image, Files.readAllBytes(to.resolve(IMAGE)));
    }

    @Test
    void aChecksumMismatchIsAnErrorAndRemovesTheCopy() throws IOException {
        s3.wrongEtag.put(IMAGE, "0123456789abcdef0123456789abcdef");
        Path to = dir.resolve("data");
        run(2, s3("dataset", "get", IMAGE, "--to", to.toString()));
        assertTrue(err.contains("checksum mismatch") && err.contains("0123456789abcdef0123456789abcdef"), err);
        assertEquals(List.of(), files(to));
        assertEquals(List.of(), files(cache.resolve("s3-127.0.0.1_" + s3.endpoint().getPort() + "-consortium/partial")));
    }

    @Test
    void badKeysAndMissingObjectsAreClearErrors() {
        run(2, s3("dataset", "get", "yuste/2025-06-20/ephys/raw/cell1.csv"));
        assertTrue(err.contains("date folder '2025-06-20' must be YYYYMMDD"), err);
        run(2, s3("dataset", "ls", "yuste/20250620/ephys/final/"));
        assertTrue(err.contains("version 'final' is not one of raw, processed, roi, script"), err);
        run(2, s3("dataset", "ls", "Yuste/"));
        assertTrue(err.contains("lab folder 'Yuste' must be the lab's surname in lower case"), err);
        run(2, s3("dataset", "get", "yuste/20250620/ephys/raw/missing.abf", "--to", dir.resolve("d").toString()));
        assertTrue(err.contains("no object 'yuste/20250620/ephys/raw/missing.abf' in s3://dendritic-consortium"), err);
        run(2, s3("dataset", "get", "s3://some-other-bucket/yuste/"));
        assertTrue(err.contains("is not the consortium's"), err);
        assertFalse(Files.exists(dir.resolve("d")));
    }

    @Test
    void theTutorialsBucketNameIsTriedWhenTheRegistryNameDoesNotExist() throws IOException {
        s3.close();
        s3 = new LoopbackS3("dendriticconsortium");
        fill(s3);
        String out = run(0, s3("dataset", "ls", "yuste/"));
        assertTrue(out.contains("PRE yuste/20250620/") && out.contains("s3://dendriticconsortium"), out);
        run(2, s3("dataset", "ls", "yuste/", "--bucket", "dendritic-consortium"));
        assertTrue(err.contains("s3://dendritic-consortium does not exist"), err);
    }

    @Test
    void tablesFindAndTheModelEphysJoin() {
        String t = run(0, s3("dataset", "tables"));
        assertTrue(t.matches("(?s).*ephys\\s+E\\s+9\\s+3\\s+ephys\\.csv.*"), t);
        String f = run(0, s3("dataset", "find", "--table", "ephys", "--where", "session_id=RY_S_0001"));
        assertTrue(f.contains("RY_E_0001") && f.contains("RY_E_0003") && !f.contains("RY_E_0002") && f.contains("2 ephys row(s)"), f);
        f = run(0, s3("dataset", "find", "--table", "ephys", "--where", "sampling_rate=20000", "--where", "recording_type~VIVO"));
        assertTrue(f.contains("RY_E_0002") && f.contains("1 ephys row(s)"), f);
        // model 1 names session RY_S_0001 → its two recordings; model 2 names recording RY_E_0002 → that one
        String j = run(0, s3("dataset", "find", "--table", "model", "--join", "ephys"));
        int m1 = j.indexOf("IS_MOD_0001"), m2 = j.indexOf("IS_MOD_0002"), m3 = j.indexOf("IS_MOD_0003");
        String j1 = j.substring(m1, m2), j2 = j.substring(m2, m3);
        assertTrue(j1.contains("ephys RY_E_0001") && j1.contains("ephys RY_E_0003") && !j1.contains("RY_E_0002"), j);
        assertTrue(j2.contains("ephys RY_E_0002") && !j2.contains("RY_E_0001"), j);
        run(2, s3("dataset", "find", "--table", "ephys", "--where", "rate=1"));
        assertTrue(err.contains("table ephys has no column 'rate'"), err);
    }

    @Test
    void aRowThatBreaksItsSchemaIsAnErrorNamingFileLineAndColumn() throws IOException {
        Files.writeString(tables.resolve("ephys.csv"), """
                ephys_id,session_id,sampling_rate
                RY_E_0001,RY_S_0001,40000
                RY_E_0002,RY_S_0002,fast
                """);
        run(2, s3("dataset", "find", "--table", "ephys"));
        assertTrue(err.contains("ephys.csv: line 3 (ephys RY_E_0002)") && err.contains("sampling_rate") && err.contains("expected a number"), err);
        Files.writeString(tables.resolve("ephys.csv"), "ephys_id,session_id\nRY_S_0001,RY_S_0001\n");
        run(2, s3("dataset", "find", "--table", "ephys"));
        assertTrue(err.contains("line 2") && err.contains("ephys_id") && err.contains("RY_E_0001"), err);
        Files.delete(tables.resolve("ephys.csv"));
        Files.writeString(tables.resolve("session.csv"), "session_id,session_date\nRY_S_0001,2025-06-20\n");
        run(2, s3("dataset", "tables"));
        assertTrue(err.contains("session.csv: line 2") && err.contains("session_date") && err.contains("YYYYMMDD"), err);
    }

    /**
     * The model replayed with the recording's stimulus: the recording is this very model's output written at full
     * double precision, and the replayed step (a sampled current waveform) injects the same current as the model's
     * IClamp at every step, so the traces agree to round-off: RMSE ≤ 1e-9 mV, identical spike times (1e-9 ms).
     */
    @Test
    void pairFetchesTheModelAndTheRecordingAndRunsCompare() throws IOException {
        Path out = dir.resolve("pair");
        String o = run(0, s3("dataset", "pair", "IS_MOD_0001", "RY_E_0001", "--stim", "0.2:5:45", "--out", out.toString()));
        assertTrue(o.contains("wrote " + out.resolve("pair.json")), o);
        JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode sw = r.get("sweeps").get(0);
        JsonNode rec = sw.get("recording_spike_times_ms"), mod = sw.get("model_spike_times_ms");
        assertEquals(3, rec.size(), sw.toString());
        assertEquals(rec.size(), mod.size(), sw.toString());
        for (int i = 0; i < rec.size(); i++) assertEquals(rec.get(i).asDouble(), mod.get(i).asDouble(), 1e-9, sw.toString());
        assertEquals(0.0, sw.get("rmse_mV").asDouble(), 1e-9, sw.toString());
        assertEquals(1.0, sw.get("coincidence_factor").asDouble(), 1e-12, sw.toString());
        assertTrue(Files.isRegularFile(out.resolve("sweep_0.png")));
        JsonNode pair = new ObjectMapper().readTree(out.resolve("pair.json").toFile());
        assertEquals("segev/20250701/model/raw/", pair.get("model_key").asText());
        assertEquals(RECORDING, pair.get("recording_key").asText());
        assertEquals("RY_S_0001", pair.get("ephys").get("session_id").asText());
        assertEquals(modelJson, Files.readString(out.resolve("inputs/" + MODEL + "model.json")));
    }

    @Test
    void pairRunsAHocModelAndChecksItsModFiles() throws IOException {
        Path out = dir.resolve("pair-hoc");
        String o = run(0, s3("dataset", "pair", "IS_MOD_0002", "RY_E_0002", "--stim", "0.2:5:45", "--out", out.toString()));
        assertTrue(o.contains("note: the model folder's 1 .mod file(s) define [leak_custom]; compiled and loaded"), o);
        JsonNode sw = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("sweeps").get(0);
        assertTrue(sw.get("model_spike_times_ms").size() >= 1, sw.toString()); // a 0.2 nA step fires an hh soma
        run(2, s3("dataset", "pair", "IS_MOD_0003", "RY_E_0001", "--stim", "0.2:5:45", "--out", dir.resolve("p3").toString()));
        assertTrue(err.contains("kdr.mod") && err.contains("2"), err); // the broken .mod is named, with its line
        run(2, s3("dataset", "pair", "IS_MOD_0001", "RY_E_0003", "--out", dir.resolve("p4").toString()));
        assertTrue(err.contains("ephys RY_E_0003 has no recording file dendrite reads"), err);
        run(2, s3("dataset", "pair", "IS_MOD_0009", "RY_E_0001"));
        assertTrue(err.contains("no model row with ID IS_MOD_0009 in " + tables.resolve("model.json")), err);
    }

    /** What `get` writes is itself a mirror: ls, find and pair then work without any server. */
    @Test
    void aDownloadedFolderServesAsMirror() throws IOException {
        Path mirror = dir.resolve("mirror");
        run(0, s3("dataset", "get", "yuste/", "segev/20250701/", "--to", mirror.toString()));
        s3.close();
        writeTables(mirror.resolve("metadata"));
        String ls = run(0, "dataset", "ls", "--mirror", mirror.toString(), "yuste/20250620/ephys/raw/");
        assertTrue(ls.contains(recordingCsv.length() + " " + RECORDING), ls);
        String f = run(0, "dataset", "find", "--mirror", mirror.toString(), "--table", "session", "--where", "session_date=20250621");
        assertTrue(f.contains("RY_S_0002") && f.contains("1 session row(s)"), f);
        Path out = dir.resolve("pair");
        run(0, "dataset", "pair", "--mirror", mirror.toString(), "IS_MOD_0001", "RY_E_0001", "--stim", "0.2:5:45", "--out", out.toString());
        assertTrue(Files.isRegularFile(out.resolve("report.json")));
        run(2, "dataset", "get", "--mirror", mirror.toString(), "yuste/20250620/ephys/raw/nope.csv");
        assertTrue(err.contains("no object 'yuste/20250620/ephys/raw/nope.csv' in mirror " + mirror), err);
    }
}
