package org.dendrite.io.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every .mod file of shared/data/nmodl-corpus either passes {@code mod check} (parsed, analysed, Java
 * generated) or is refused with FILE:LINE; the refusals must be exactly {@link #EXPECTED_REFUSALS} (the table
 * in docs/nmodl.md), and every file with real C in VERBATIM (expected_verbatim.json) is refused for it.
 */
@Tag("data")
class NmodlCorpusTest {
    /** mod file (folder/name) -> the refused location (file:line) and construct; docs/nmodl.md explains each. */
    static final List<String> EXPECTED_REFUSALS = List.of(
            "bluepyopt_stochkv/StochKv.mod -> bluepyopt_stochkv/StochKv.mod:127 VERBATIM C code",
            "bluepyopt_stochkv/StochKv3.mod -> bluepyopt_stochkv/StochKv3.mod:101 VERBATIM C code",
            "gidon2020/myAMPA.mod -> gidon2020/IUtils.inc:7 VERBATIM C code",
            "gidon2020/myGABA.mod -> gidon2020/IUtils.inc:7 VERBATIM C code",
            "gidon2020/myNMDA.mod -> gidon2020/IUtils.inc:7 VERBATIM C code",
            "gidon2020/mySyn.mod -> gidon2020/IUtils.inc:7 VERBATIM C code",
            "hallermann2012/charge.mod -> hallermann2012/charge.mod:73 VERBATIM C code",
            "nmodl_at_time/example.mod -> nmodl_at_time/example.mod:6 function at_time()",
            "nmodl_constructor/art_ctor.mod -> nmodl_constructor/art_ctor.mod:11 CONSTRUCTOR block",
            "nmodl_constructor/ctor.mod -> nmodl_constructor/ctor.mod:11 CONSTRUCTOR block",
            "nmodl_function_table/art_function_table.mod -> nmodl_function_table/art_function_table.mod:7 tau2 is a FUNCTION_TABLE",
            "nmodl_function_table/function_table.mod -> nmodl_function_table/function_table.mod:7 tau2 is a FUNCTION_TABLE",
            "nmodl_function_table/point_function_table.mod -> nmodl_function_table/point_function_table.mod:7 tau2 is a FUNCTION_TABLE",
            "nmodl_integration/cabpump.mod -> nmodl_integration/cabpump.mod:51 VERBATIM C code",
            "nmodl_longitudinal_diffusion/heat_eqn_array.mod -> nmodl_longitudinal_diffusion/heat_eqn_array.mod:42 LONGITUDINAL_DIFFUSION",
            "nmodl_longitudinal_diffusion/heat_eqn_function.mod -> nmodl_longitudinal_diffusion/heat_eqn_function.mod:51 LONGITUDINAL_DIFFUSION",
            "nmodl_longitudinal_diffusion/heat_eqn_global.mod -> nmodl_longitudinal_diffusion/heat_eqn_global.mod:33 LONGITUDINAL_DIFFUSION",
            "nmodl_longitudinal_diffusion/heat_eqn_scalar.mod -> nmodl_longitudinal_diffusion/heat_eqn_scalar.mod:33 LONGITUDINAL_DIFFUSION",
            "nmodl_longitudinal_diffusion/heat_eqn_thread_vars.mod -> nmodl_longitudinal_diffusion/heat_eqn_thread_vars.mod:35 LONGITUDINAL_DIFFUSION",
            "nmodl_net_receive/for_netcons_syn.mod -> nmodl_net_receive/for_netcons_syn.mod:15 function FOR_NETCONS()",
            "nmodl_pointer/pointing.mod -> nmodl_pointer/pointing.mod:11 function nrn_pointing()",
            "nmodl_random/random_variable.mod -> nmodl_random/random_variable.mod:3 RANDOM is NEURON 9",
            "nmodl_useion/ionic.mod -> nmodl_useion/ionic.mod:3 USEION WRITE ena",
            "nmodl_useion/style_ion.mod -> nmodl_useion/style_ion.mod:6 USEION WRITE eca",
            "nmodl_useion/write_eca.mod -> nmodl_useion/write_eca.mod:3 USEION WRITE eca",
            "nmodl_verbatim/globals.mod -> nmodl_verbatim/globals.mod:11 VERBATIM C code",
            "nmodl_verbatim/internal_function.mod -> nmodl_verbatim/internal_function.mod:7 VERBATIM C code",
            "nmodl_verbatim/locals.mod -> nmodl_verbatim/locals.mod:11 VERBATIM C code",
            "nmodl_verbatim/nothing.mod -> nmodl_verbatim/nothing.mod:3 VERBATIM C code",
            "nmodl_verbatim/pointer_in_double.mod -> nmodl_verbatim/pointer_in_double.mod:10 VERBATIM C code",
            "polegpolsky2019/HHstshort.mod -> polegpolsky2019/HHstshort.mod:110 function set_seed()",
            "polegpolsky2019/gabaA.mod -> polegpolsky2019/gabaA.mod:64 function scop_random()",
            "polegpolsky2019/glutamate.mod -> polegpolsky2019/glutamate.mod:84 function scop_random()");

    @Test
    void everyFileLoadsOrIsRefusedWithFileLine() throws Exception {
        Path root = SharedData.path("data/nmodl-corpus");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".mod")).sorted().toList();
        }
        TreeSet<String> actual = new TreeSet<>();
        int ok = 0;
        for (NmodlLoader.Report r : NmodlLoader.check(files)) {
            String rel = root.relativize(r.file()).toString();
            if (r.refusal() == null) { ok++; continue; }
            String msg = r.refusal();
            assertTrue(msg.startsWith(root.toString() + "/"), rel + ": refusal does not start with the file: " + msg);
            String loc = msg.substring(root.toString().length() + 1);
            String[] parts = loc.split(":", 3);
            assertTrue(parts.length == 3 && parts[1].matches("\\d+"), rel + ": refusal without FILE:LINE: " + msg);
            String reason = parts[2].replaceFirst("^\\d+: ", "").trim();
            String key = EXPECTED_REFUSALS.stream().filter(e -> e.startsWith(rel + " -> " + parts[0] + ":" + parts[1] + " "))
                    .filter(e -> reason.startsWith(e.substring(e.indexOf(' ', e.indexOf("-> ") + 3) + 1)))
                    .findFirst().orElse(rel + " -> " + parts[0] + ":" + parts[1] + " " + reason);
            actual.add(key);
        }
        System.out.println("nmodl corpus: " + files.size() + " files, " + ok + " load, " + actual.size() + " refused");
        assertEquals(new TreeSet<>(EXPECTED_REFUSALS).toString().replace(", ", ",\n"), actual.toString().replace(", ", ",\n"));
        // real C in VERBATIM is always refused as such
        JsonNode v = new ObjectMapper().readTree(root.resolve("expected_verbatim.json").toFile());
        for (JsonNode e : v.get("verbatim_c_code")) {
            String rel = e.get("model").asText() + "/" + e.get("file").asText();
            assertTrue(actual.stream().anyMatch(a -> a.startsWith(rel + " -> ") && a.endsWith("VERBATIM C code")),
                    rel + " has real C in VERBATIM but was not refused for it");
        }
    }
}
