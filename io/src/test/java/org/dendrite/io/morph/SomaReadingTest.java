package org.dendrite.io.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;

/** The 'sphere' soma reading keeps the soma's membrane area and every neurite untouched. */
@Tag("data")
class SomaReadingTest {
    @ParameterizedTest
    @ValueSource(strings = {"morphologies-jaxley/morph_ca1_n120.swc", "models-bluepyopt-l5pc/C060114A7.asc",
        "morphologies-nrn/c91662.swc"})
    void sphereKeepsSomaAreaAndNeurites(String file) {
        Morphology neuron = MorphologyFiles.read(SharedData.path("data/" + file));
        Morphology sphere = SomaReading.SPHERE.apply(neuron);
        double somaArea = 0, other = 0, otherSphere = 0;
        int somaSections = 0;
        for (var s : neuron.sections()) {
            if (s.type().code() == 1) {
                somaArea += SectionGeometry.area(s, 1);
                somaSections++;
            } else {
                other += SectionGeometry.area(s, 1);
            }
        }
        for (var s : sphere.sections()) if (s.type().code() != 1) otherSphere += SectionGeometry.area(s, 1);
        assertEquals(neuron.size() - somaSections + 1, sphere.size());
        var soma = sphere.section(0);
        // lateral area pi d^2 of the new cylinder equals NEURON's soma area; float storage of d: 1e-6 relative
        assertEquals(somaArea, SectionGeometry.area(soma, 1), 1e-6 * somaArea);
        assertEquals(soma.diam(0), (float) soma.length(), 1e-5 * soma.diam(0));
        assertEquals(other, otherSphere, 0.0, "neurites unchanged");
        for (var s : sphere.sections()) {
            if (s.parent() == 0) assertEquals(0.5, s.parentX(), 0.0);
        }
    }
}
