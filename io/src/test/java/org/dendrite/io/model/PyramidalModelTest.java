package org.dendrite.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dendrite.engine.build.ModelSpec;
import org.dendrite.engine.record.Traces;
import org.dendrite.engine.sim.Simulation;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The bundled pyramidal model fires and its action potential back-propagates, attenuating, along the apical trunk. */
@Tag("unit")
class PyramidalModelTest {
    @Test
    void actionPotentialBackPropagates() throws Exception {
        ModelSpec spec = ModelFiles.read(SharedData.projectRoot().resolve("models/src/main/resources/models/pyramidal/model.json"));
        Simulation sim = Simulation.compile(spec);
        sim.finitialize(spec.run.vInit);
        sim.advanceTo(spec.run.tstop, null);
        double[] spikes = sim.spikeSources().get("soma").spikeTimes();
        assertTrue(spikes.length >= 1 && spikes[0] > 150 && spikes[0] < 152, "soma fires right after the pulse");
        Traces tr = sim.traces();
        double[] time = tr.time();
        String[] sites = {"soma", "apical_100um", "apical_200um"};
        double lastPeak = Double.POSITIVE_INFINITY, lastTime = 0;
        for (String site : sites) {
            double[] v = tr.column(site);
            int best = 0;
            for (int i = 0; i < v.length; i++) if (time[i] < 155 && v[i] > v[best]) best = i;
            assertTrue(v[best] < lastPeak, site + ": the bAP shrinks with distance");
            assertTrue(time[best] > lastTime, site + ": and arrives later");
            assertTrue(v[best] > v[0] + 40, site + ": but is still a large depolarisation (" + v[best] + " mV)");
            lastPeak = v[best];
            lastTime = time[best];
        }
        assertEquals(784, sim.compartmentCount());
    }
}
