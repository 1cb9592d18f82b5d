package org.dendrite.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.engine.sim.SimulationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** Bad model files are rejected with the file and the JSON path of the problem; units are converted. */
@Tag("unit")
class ModelReaderErrorTest {
    @TempDir Path dir;

    static final String BASE = """
            {"morphology": {"sections": [{"name": "soma", "L": 20, "diam": 20}]},
             %s
             "mechanisms": [{"insert": "pas", "in": "soma", "params": {"g": 1e-4, "e": -65}}]}
            """;

    ModelSpec read(String extra) throws Exception {
        Path f = dir.resolve("m.json");
        Files.writeString(f, BASE.formatted(extra));
        return ModelFiles.read(f);
    }

    String error(String extra) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(extra));
        assertTrue(e.getMessage().startsWith(dir.resolve("m.json").toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void unknownKeyNamesItsPath() {
        assertTrue(error("\"simulation\": {\"tstopp\": 5},").contains("$.simulation.tstopp: unknown key"));
    }

    @Test
    void perSegmentDiamAndCmNeedOneValuePerSegment() throws Exception {
        ModelSpec m = read("\"properties\": [{\"in\": \"soma\", \"nseg\": 3, \"cm\": [1, 2, 3], \"diam\": [20, 10, 5]}],");
        assertEquals(2, m.segmentCm(0)[1], 0);
        assertEquals(5, m.segmentDiameters(0)[2], 0);
        // the area of segment 2 follows its own diameter: pi * 5 um * (20/3) um
        assertEquals(Math.PI * 5 * (20.0 / 3), m.cable(0).area(2), 1e-9);
        String msg = error("\"properties\": [{\"in\": \"soma\", \"nseg\": 3, \"diam\": [20, 10]}],");
        assertTrue(msg.contains("$.properties[0].diam") && msg.contains("2 values for the 3 segments of soma"), msg);
        msg = error("\"properties\": [{\"in\": \"soma\", \"diam\": 20}],");
        assertTrue(msg.contains("$.properties[0].diam") && msg.contains("one diameter (um) per segment"), msg);
    }

    @Test
    void unitsAreConvertedOrRejected() throws Exception {
        ModelSpec m = read("\"simulation\": {\"tstop\": \"0.5 s\", \"dt\": \"25 us\", \"v_init\": \"-0.07 V\"},");
        assertEquals(500, m.run.tstop, 1e-9);
        assertEquals(0.025, m.run.dt, 1e-15);
        assertEquals(-70, m.run.vInit, 1e-12);
        String msg = error("\"simulation\": {\"tstop\": \"5 mV\"},");
        assertTrue(msg.contains("$.simulation.tstop") && msg.contains("is a voltage, expected a time"), msg);
    }

    @Test
    void mechanismParameterUnitsComeFromTheMechanism() throws Exception {
        Path f = dir.resolve("m.json");
        Files.writeString(f, """
                {"morphology": {"sections": [{"name": "soma", "L": 20, "diam": 20}]},
                 "mechanisms": [{"insert": "pas", "in": "soma", "params": {"g": "0.1 mS/cm2"}}]}""");
        ModelSpec m = ModelFiles.read(f);
        assertEquals(1e-4, ((org.dendrite.engine.build.SegmentValue.Constant) m.insertions.get(0).params().get("g")).value(), 1e-18);
    }

    @Test
    void danglingReferencesAreErrors() {
        assertTrue(error("\"recordings\": [\"dend(0.5).v\"],").contains("$.recordings[0]"));
        assertTrue(error("\"point_processes\": [{\"name\": \"s\", \"type\": \"IClamp\", \"at\": \"axon(0.5)\"}],")
                .contains("$.point_processes[0].at: 'axon(0.5)': no section named 'axon'"));
        assertTrue(error("\"point_processes\": [{\"name\": \"s\", \"type\": \"IClampp\", \"at\": \"soma(0.5)\"}],")
                .contains("unknown mechanism 'IClampp'"));
        assertTrue(error("\"properties\": [{\"in\": \"apical_tuft\", \"Ra\": 100}],")
                .contains("$.properties[0].in: 'apical_tuft' is neither a section nor a group"));
    }

    @Test
    void unknownParameterListsTheKnownOnes() {
        Path f = dir.resolve("m.json");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> {
            Files.writeString(f, """
                    {"morphology": {"sections": [{"name": "soma", "L": 20, "diam": 20}]},
                     "mechanisms": [{"insert": "hh", "in": "soma", "params": {"gnabarr": 0.12}}]}""");
            ModelFiles.read(f);
        });
        assertTrue(e.getMessage().contains("$.mechanisms[0].params.gnabarr: hh has no parameter 'gnabarr' (parameters: gnabar, gkbar, gl, el)"),
                e.getMessage());
    }

    @Test
    void invalidJsonGivesLineAndColumn() throws Exception {
        Path f = dir.resolve("m.json");
        Files.writeString(f, "{\n  \"morphology\": {,\n}");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(f));
        assertTrue(e.getMessage().contains("line 2, column"), e.getMessage());
    }

    @Test
    void blowUpStopsWithSectionAndTime() throws Exception {
        // a negative leak conductance just below cm/dt makes backward Euler amplify v 40-fold per step: -65 mV,
        // -2600 mV, -1e5 mV: beyond Simulation.V_LIMIT_MV at the second step (t = 0.05 ms)
        Path f = dir.resolve("m.json");
        Files.writeString(f, """
                {"morphology": {"sections": [{"name": "soma", "L": 20, "diam": 20}]},
                 "simulation": {"tstop": 100, "dt": 0.025},
                 "mechanisms": [{"insert": "pas", "in": "soma", "params": {"g": -0.039, "e": 0}}]}""");
        ModelSpec m = ModelFiles.read(f);
        Simulation sim = Simulation.compile(m);
        sim.finitialize(-65);
        SimulationException e = assertThrows(SimulationException.class, () -> sim.advanceTo(100, null));
        assertTrue(e.getMessage().matches("simulation ran away: v = .* mV at soma\\(0\\.5\\) at t = 0\\.0500 ms .*"), e.getMessage());
        assertEquals(1, e.exitCode());
    }
}
