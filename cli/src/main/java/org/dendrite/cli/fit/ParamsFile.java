package org.dendrite.cli.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.fit.ParameterRange;

/**
 * The PARAMS.json of a fit: free parameters with bounds and fixed parameters with values. Three shapes:
 * <ul>
 *   <li>dendrite's: {@code {"somatic.gnabar_hh": [0.05, 0.25], "celsius": 34}} (a pair = bounds, a number = fixed);</li>
 *   <li>a list of {@code {"name": N, "bounds": [lo, hi]}} or {@code {"name": N, "value": v}}, optional
 *       {@code "log": true};</li>
 *   <li>BluePyOpt's parameters.json: {@code param_name}, {@code sectionlist}, {@code type} (global, section, range),
 *       {@code bounds} or {@code value}, {@code dist_type} uniform (other distributions need the channel library).</li>
 * </ul>
 */
public final class ParamsFile {
    public final List<ParameterRange> free = new ArrayList<>();
    public final Map<String, Double> fixed = new LinkedHashMap<>();
    /** Entries left to the model (fixed values of distributed parameters). */
    public final List<String> notes = new ArrayList<>();

    /**
     * A flat {@code {name: value}} file such as a fit's best_parameters.json, or a Python pickle ({@code .pkl}) of
     * such a dict (numpy scalars allowed; see {@link org.dendrite.io.params.PickledParameters}).
     */
    public static Map<String, Double> values(Path file) throws IOException {
        if (org.dendrite.io.params.PickledParameters.isPickle(file)) {
            return new LinkedHashMap<>(org.dendrite.io.params.PickledParameters.read(file).requireNamed());
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DendriteException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) throw new DendriteException(file + ": expected {\"name\": value, …}");
        Map<String, Double> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) throw new DendriteException(file + ": $." + e.getKey() + ": expected a number");
            out.put(e.getKey(), e.getValue().asDouble());
        });
        return out;
    }

    public static ParamsFile read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DendriteException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        ParamsFile p = new ParamsFile();
        if (root.isObject()) {
            root.fields().forEachRemaining(e -> p.add(e.getKey(), e.getValue(), false, file + ": $." + e.getKey()));
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode n = root.get(i);
                String at = file + ": $[" + i + "]";
                if (n.has("param_name")) {
                    String dist = n.path("dist_type").asText("uniform");
                    if (!dist.equals("uniform") && !n.has("bounds")) {
                        p.notes.add(n.get("param_name").asText() + "." + n.path("sectionlist").asText("all") + " (" + dist
                                + " distribution): left as the model defines it");
                        continue;
                    }
                    p.add(bluePyOptName(n, at), n.has("bounds") ? n.get("bounds") : n.get("value"), false, at);
                } else if (n.has("name")) {
                    p.add(n.get("name").asText(), n.has("bounds") ? n.get("bounds") : n.get("value"),
                            n.path("log").asBoolean(false), at);
                } else {
                    throw new DendriteException(at + ": expected {\"name\", \"bounds\"|\"value\"} or BluePyOpt's {\"param_name\", …}");
                }
            }
        } else {
            throw new DendriteException(file + ": expected a JSON object or list");
        }
        if (p.free.isEmpty()) throw new DendriteException(file + ": no free parameter (give bounds [lo, hi] to at least one)");
        return p;
    }

    private static String bluePyOptName(JsonNode n, String at) {
        String name = n.get("param_name").asText();
        String type = n.path("type").asText("range");
        String dist = n.path("dist_type").asText("uniform");
        if (!dist.equals("uniform")) {
            throw new DendriteException(at + ": " + name + " has dist_type '" + dist + "' with bounds; fitting a "
                    + "distribution's coefficients is not supported yet (only uniform values)");
        }
        if (type.equals("global")) return name;
        String list = n.path("sectionlist").asText("all");
        return list + "." + name;
    }

    private void add(String name, JsonNode v, boolean log, String at) {
        if (v == null) throw new DendriteException(at + ": needs \"bounds\" [lo, hi] or \"value\"");
        if (v.isArray()) {
            if (v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
                throw new DendriteException(at + ": bounds must be [lower, upper]");
            }
            free.add(new ParameterRange(name, v.get(0).asDouble(), v.get(1).asDouble(), 1, log, null));
        } else if (v.isNumber()) {
            fixed.put(name, v.asDouble());
        } else {
            throw new DendriteException(at + ": expected [lower, upper] or a number");
        }
    }
}
