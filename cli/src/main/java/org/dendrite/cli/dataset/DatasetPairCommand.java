package org.dendrite.cli.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dendrite.cli.compare.CompareCommand;
import org.dendrite.cli.compare.ReplayOptions;
import org.dendrite.cli.hoc.HocRun;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.mechanism.MechanismLibrary;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.cli.ModelInputs;
import org.dendrite.io.nmodl.NmodlLoader;
import org.dendrite.io.dataset.DatasetKey;
import org.dendrite.io.dataset.DatasetStore;
import org.dendrite.io.dataset.Fetcher;
import org.dendrite.io.dataset.MetadataTables;
import org.dendrite.io.dataset.ModelFolder;
import org.dendrite.io.dataset.ObjectInfo;
import org.dendrite.io.output.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dendrite dataset pair}: a model of the dataset against one of its recordings, through {@code compare}. */
@Command(name = "pair", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare a model of the dataset with one of its recordings (dendrite compare).",
                "The model's folder (file_path_model of its model",
                "row) and the recording (file_path_raw of its ephys row, else file_path_processed) are fetched into",
                "OUT/inputs/ (through the cache), the model is built (its model.json, else its HOC entry file init.hoc /",
                "main.hoc / run.hoc / model.hoc / cell.hoc or the only .hoc) and `dendrite compare` replays the",
                "recording's stimulus through it: OUT/report.json, OUT/sweep_N.png, plus OUT/pair.json with the two",
                "metadata rows and the keys used. MODEL and RECORDING may also be keys (a model folder prefix, a file).",
                "NMODL .mod files anywhere in the model folder are compiled and loaded (as `--mod` does; as nrnivmodl",
                "would for NEURON): they replace dendrite's bundled mechanisms of the same name, with a note.",
                "",
                "Examples:",
                "  dendrite dataset pair IS_MOD_0001 RY_E_0001 --tables exports/ --out pair1",
                "  dendrite dataset pair IS_MOD_0001 RY_E_0002 --stim 0.3:100:600 --sweep 0",
                "  dendrite dataset pair segev/20250701/model/raw/ yuste/20250620/ephys/raw/cell1.abf"})
public final class DatasetPairCommand implements Callable<Integer> {
    private static final List<String> RECORDING_TYPES = List.of("abf", "nwb", "h5", "hdf5", "mat", "csv", "tsv", "txt", "dat");

    @Parameters(index = "0", paramLabel = "MODEL_ID", description = "model ID (e.g. IS_MOD_0001) or the key of a model folder")
    String modelId;

    @Parameters(index = "1", paramLabel = "RECORDING_ID", description = "ephys ID (e.g. RY_E_0001) or the key of a recording file")
    String recordingId;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "dendrite-pair", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--entry", paramLabel = "FILE", description = "HOC file of the model folder to run first (relative to the folder)")
    String entry;

    @Mixin ReplayOptions replay;

    @Mixin StoreOptions store;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        MetadataTables.Row modelRow = null, ephysRow = null;
        String modelKey, recordingKey;
        boolean keys = modelId.contains("/") && recordingId.contains("/");
        MetadataTables tables = keys ? null : store.metadata();
        if (modelId.contains("/")) {
            modelKey = folderOf(DatasetKey.checkPrefix(modelId));
        } else {
            modelRow = tables.require("model", modelId);
            String p = modelRow.get("file_path_model");
            if (p == null || p.isBlank()) throw new DendriteException(modelRow.where() + ": model " + modelId + " has no file_path_model");
            modelKey = folderOf(DatasetKey.checkPrefix(p));
        }
        if (recordingId.contains("/")) {
            recordingKey = DatasetKey.checkKey(recordingId);
        } else {
            ephysRow = tables.require("ephys", recordingId);
            recordingKey = recordingKeyOf(ephysRow);
        }
        Path inputs = out.resolve("inputs");
        Path recording;
        Path modelDir;
        String storeName;
        try (DatasetStore s = store.open()) {
            Fetcher f = store.fetcher(s);
            DownloadProgress progress = new DownloadProgress(w, false);
            List<ObjectInfo> objects = f.list(modelKey, true).objects();
            if (objects.isEmpty()) throw new DendriteException("model folder '" + modelKey + "': nothing there in " + s.describe());
            for (ObjectInfo o : objects) f.get(o, inputs, progress);
            recording = f.get(recordingKey, inputs, progress).file();
            modelDir = inputs.resolve(modelKey);
            storeName = s.describe();
        }
        ModelFolder folder = ModelFolder.scan(modelDir);
        List<MechanismType> mechanisms = folderMechanisms(folder, w);
        Path json = folder.modelJson();
        Path hoc = json != null ? null : entry != null ? resolveEntry(folder) : folder.hocEntry();
        if (json == null && hoc == null) {
            throw new DendriteException(modelDir + ": the model folder has no dendrite model.json and no .hoc file"
                    + (folder.py.isEmpty() ? "" : " (Python models, " + folder.py.size() + " .py file(s), are not supported)"));
        }
        String label = json != null ? json.toString() : hoc.toString();
        w.println("model " + (modelRow != null ? modelRow.id() + " " : "") + label);
        w.println("recording " + (ephysRow != null ? ephysRow.id() + " " : "") + recording);
        w.flush();

        CompareCommand cmp = CompareCommand.withModel(json != null ? () -> fromJson(json, mechanisms, folder)
                : () -> fromHoc(hoc, mechanisms, folder));
        CommandLine cl = new CommandLine(cmp);
        cl.setOut(w);
        cl.setErr(spec.commandLine().getErr());
        cl.parseArgs(label, recording.toString(), "--out", out.toString());
        cmp.replay(replay);
        int rc = cmp.call();

        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("store", storeName);
        pair.put("model_key", modelKey);
        pair.put("model_file", label);
        pair.put("recording_key", recordingKey);
        pair.put("model", modelRow == null ? null : modelRow.values());
        pair.put("ephys", ephysRow == null ? null : ephysRow.values());
        pair.put("report", out.resolve("report.json").toString());
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(out.resolve("pair.json"), o -> om.writeValue(o, pair));
        w.println("wrote " + out.resolve("pair.json"));
        w.flush();
        return rc;
    }

    /** A model's key is its folder: a file key stands for the folder holding it. */
    private static String folderOf(String key) {
        if (key.endsWith("/")) return key;
        if (DatasetKey.isFileKey(key) && !DatasetKey.extension(key).isEmpty()) return key.substring(0, key.lastIndexOf('/') + 1);
        return key + "/";
    }

    private static String recordingKeyOf(MetadataTables.Row ephys) {
        List<String> tried = new ArrayList<>();
        for (String col : List.of("file_path_raw", "file_path_processed")) {
            String p = ephys.get(col);
            if (p == null || p.isBlank()) continue;
            String key = DatasetKey.stripScheme(p);
            if (RECORDING_TYPES.contains(DatasetKey.extension(key))) return DatasetKey.checkKey(key);
            tried.add(col + "=" + p);
        }
        throw new DendriteException(ephys.where() + ": ephys " + ephys.id() + " has no recording file dendrite reads ("
                + String.join(", ", RECORDING_TYPES) + ")" + (tried.isEmpty() ? "" : "; it has " + tried));
    }

    private Path resolveEntry(ModelFolder folder) {
        Path p = folder.root.resolve(entry).normalize();
        if (!p.startsWith(folder.root) || !java.nio.file.Files.isRegularFile(p)) {
            throw new DendriteException("--entry " + entry + ": no such file in the model folder " + folder.root);
        }
        return p;
    }

    /** The folder's .mod files compiled (NmodlLoader: errors name file and line); empty when it has none. */
    private static List<MechanismType> folderMechanisms(ModelFolder folder, PrintWriter w) {
        if (folder.mod.isEmpty()) return List.of();
        List<MechanismType> types = NmodlLoader.load(folder.mod, note -> w.println("note: " + note));
        w.println("note: the model folder's " + folder.mod.size() + " .mod file(s) define "
                + types.stream().map(MechanismType::name).toList() + "; compiled and loaded");
        w.flush();
        return types;
    }

    private static ModelSpec fromJson(Path json, List<MechanismType> mechanisms, ModelFolder folder) throws IOException {
        ModelSpec m = ModelInputs.load(json, List.of());
        if (!mechanisms.isEmpty()) m.addMechanisms(mechanisms, folder.mod, ModelInputs::note);
        return m;
    }

    private static ModelSpec fromHoc(Path entry, List<MechanismType> mechanisms, ModelFolder folder) {
        HocRun run = new HocRun(MechanismLibrary.standard(), List.of(), new PrintStream(OutputStream.nullOutputStream()));
        run.addMechanisms(mechanisms, folder.mod, note -> {});
        run.interpreter().loadFile(entry);
        ModelSpec m = run.bridge().specOf(run.interpreter().world());
        m.name = entry.getFileName().toString().replaceFirst("(?i)\\.hoc$", "");
        return m;
    }
}
