package org.dendrite.cli.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dendrite.engine.DendriteException;

/**
 * A sweep as data: the same fields as the command line options, read from a sweep JSON file
 * ({@code --config}) and written to {@code DIR/sweep.json} so that a restarted sweep can check it continues the
 * same sweep. Example:
 * <pre>
 * {"model": "model.json",
 *  "params": ["somatic.gnabar_hh=0.08:0.16:5", {"name": "stim.amp", "from": 0.1, "to": 0.5, "n": 5}],
 *  "sampler": "grid", "samples": 0, "seed": 1,
 *  "features": ["Spikecount", "mean_frequency"], "probe": "soma(0.5).v",
 *  "set": {"tstop": 200}, "efel": {"Threshold": -20}, "traces": false}
 * </pre>
 */
public final class SweepDefinition {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS = List.of("model", "params", "sampler", "samples", "seed", "features",
            "probe", "set", "efel", "traces", "mod", "model_sha256", "shard", "runs");

    public String model;
    public List<String> params = new ArrayList<>();
    public String sampler = "grid";
    public int samples;
    public long seed = 1;
    public List<String> features = new ArrayList<>();
    public String probe;
    public Map<String, Double> set = new LinkedHashMap<>();
    public Map<String, String> efel = new LinkedHashMap<>();
    public boolean traces;
    /** .mod files or folders loaded into the model (--mod), resolved like the model path. */
    public List<String> mod = new ArrayList<>();

    /** Reads a sweep JSON file; errors name the JSON path. */
    public static SweepDefinition read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new DendriteException(file + ": not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof ObjectNode o)) throw new DendriteException(file + ": expected a JSON object");
        SweepDefinition d = new SweepDefinition();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) throw new DendriteException(file + ": $." + k + ": unknown key (known: " + KEYS + ")");
        }
        if (o.hasNonNull("model")) d.model = o.get("model").asText();
        if (o.has("params")) {
            if (!(o.get("params") instanceof ArrayNode a)) throw new DendriteException(file + ": $.params: expected a list");
            for (int i = 0; i < a.size(); i++) d.params.add(paramText(a.get(i), file + ": $.params[" + i + "]"));
        }
        if (o.hasNonNull("sampler")) d.sampler = o.get("sampler").asText();
        if (o.has("samples")) d.samples = o.get("samples").asInt();
        if (o.has("seed")) d.seed = o.get("seed").asLong();
        if (o.has("features")) for (JsonNode f : o.get("features")) d.features.add(f.asText());
        if (o.hasNonNull("probe")) d.probe = o.get("probe").asText();
        if (o.has("set")) o.get("set").fields().forEachRemaining(e -> d.set.put(e.getKey(), e.getValue().asDouble()));
        if (o.has("efel")) o.get("efel").fields().forEachRemaining(e -> d.efel.put(e.getKey(), e.getValue().asText()));
        if (o.has("traces")) d.traces = o.get("traces").asBoolean();
        if (o.has("mod")) for (JsonNode m : o.get("mod")) d.mod.add(m.asText());
        return d;
    }

    private static String paramText(JsonNode p, String at) {
        if (p.isTextual()) return p.asText();
        if (!p.isObject() || !p.has("name")) {
            throw new DendriteException(at + ": expected \"NAME=FROM:TO:N\" or {\"name\", \"from\", \"to\", \"n\"} or {\"name\", \"values\"}");
        }
        String name = p.get("name").asText();
        if (p.has("values")) {
            List<String> v = new ArrayList<>();
            for (JsonNode x : p.get("values")) v.add(Double.toString(x.asDouble()));
            return name + "=" + String.join(",", v);
        }
        if (!p.has("from") || !p.has("to")) throw new DendriteException(at + ": needs \"from\" and \"to\" (or \"values\")");
        return name + "=" + p.get("from").asDouble() + ":" + p.get("to").asDouble() + ":" + p.path("n").asInt(1)
                + (p.path("log").asBoolean(false) ? ":log" : "");
    }

    /** As written to DIR/sweep.json (with what identifies the run: model hash, shard, run count). */
    public ObjectNode toJson(String modelSha256, String shard, long runs) {
        ObjectNode o = JSON.createObjectNode();
        o.put("model", model);
        o.put("model_sha256", modelSha256);
        ArrayNode p = o.putArray("params");
        params.forEach(p::add);
        o.put("sampler", sampler);
        o.put("samples", samples);
        o.put("seed", seed);
        ArrayNode f = o.putArray("features");
        features.forEach(f::add);
        o.put("probe", probe);
        ObjectNode s = o.putObject("set");
        set.forEach(s::put);
        ObjectNode e = o.putObject("efel");
        efel.forEach(e::put);
        o.put("traces", traces);
        if (!mod.isEmpty()) {
            ArrayNode m = o.putArray("mod");
            mod.forEach(m::add);
        }
        o.put("shard", shard);
        o.put("runs", runs);
        return o;
    }
}
