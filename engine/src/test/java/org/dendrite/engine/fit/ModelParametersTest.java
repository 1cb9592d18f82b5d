package org.dendrite.engine.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.dendrite.engine.DendriteException;
import org.dendrite.engine.build.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class ModelParametersTest {
    private final ModelParameters mp = new ModelParameters(TestModels.ballAndStick());

    @Test
    void resolvesEveryKindOfName() {
        assertInstanceOf(ModelParameters.Run.class, mp.resolve("celsius"));
        assertInstanceOf(ModelParameters.Point.class, mp.resolve("stim.amp"));
        var m = assertInstanceOf(ModelParameters.Mechanism.class, mp.resolve("somatic.gnabar_hh"));
        assertEquals("hh", m.mechanism());
        assertEquals("gnabar", m.parameter());
        var pas = assertInstanceOf(ModelParameters.Mechanism.class, mp.resolve("apical.g_pas"));
        assertArrayEquals(new int[] {1, 2, 3}, pas.sections());
        assertInstanceOf(ModelParameters.Mechanism.class, mp.resolve("dend1.pas.e"));
        // BluePyOpt order
        var bp = assertInstanceOf(ModelParameters.Mechanism.class, mp.resolve("g_pas.apical"));
        assertArrayEquals(new int[] {1, 2, 3}, bp.sections());
        // all: only the sections where the mechanism is inserted
        assertArrayEquals(new int[] {0}, ((ModelParameters.Mechanism) mp.resolve("all.gkbar_hh")).sections());
        var cm = assertInstanceOf(ModelParameters.Passive.class, mp.resolve("all.cm"));
        assertEquals(4, cm.sections().length);
        assertInstanceOf(ModelParameters.Ion.class, mp.resolve("soma.ena"));
        assertInstanceOf(ModelParameters.Global.class, mp.resolve("usetable_hh"));
    }

    @Test
    void errorsSayWhatExists() {
        DendriteException e = assertThrows(DendriteException.class, () -> mp.resolve("apical.gnabar_hh"));
        assertTrue(e.getMessage().contains("pas"), e.getMessage());
        e = assertThrows(DendriteException.class, () -> mp.resolve("stim.ampp"));
        assertTrue(e.getMessage().contains("amp"), e.getMessage());
        e = assertThrows(DendriteException.class, () -> mp.resolve("basal.g_pas"));
        assertTrue(e.getMessage().contains("apical"), e.getMessage());
        e = assertThrows(DendriteException.class, () -> mp.resolve("somatic.gnabarr_hh"));
        assertTrue(e.getMessage().contains("gnabar"), e.getMessage());
        assertThrows(DendriteException.class, () -> mp.resolve("gnabar"));
    }

    @Test
    void applyCopiesAndNeverTouchesTheBase() {
        ModelSpec base = mp.base();
        int before = base.insertions.size();
        ModelSpec s = mp.apply(Map.of("apical.cm", 2.0, "stim.amp", 0.5, "celsius", 20.0, "somatic.gnabar_hh", 0.2));
        assertEquals(before, base.insertions.size());
        assertEquals(1.0, base.cm(1));
        assertEquals(2.0, s.cm(1));
        assertEquals(1.0, s.cm(0));
        assertEquals(20.0, s.run.celsius);
        assertEquals(6.3, base.run.celsius);
        assertEquals(0.5, s.points.get(0).params().get("amp"));
        assertEquals(0.2, base.points.get(0).params().get("amp"));
        assertEquals(before + 1, s.insertions.size());
    }

    @Test
    void appliedValuesChangeTheSimulation() {
        var targets = mp.resolveAll(List.of("somatic.gnabar_hh"));
        ModelRun a = ModelRun.simulate(mp, targets, new double[] {0.12}, Protocol.asModel());
        ModelRun b = ModelRun.simulate(mp, targets, new double[] {0.0}, Protocol.asModel());
        assertNotEquals(a.trace("soma")[1000], b.trace("soma")[1000]);
        ModelRun c = ModelRun.simulate(mp, targets, new double[] {0.12}, Protocol.asModel());
        assertArrayEquals(a.trace("soma"), c.trace("soma"));
    }
}
