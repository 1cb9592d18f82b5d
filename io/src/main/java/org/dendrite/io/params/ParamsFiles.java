package org.dendrite.io.params;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dendrite.engine.DendriteException;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.io.asc.AscReader;
import org.dendrite.io.morph.MorphologyFiles;

/** Shared helpers of the published-parameter loaders: JSON reading, morphology by extension, hoc number text. */
final class ParamsFiles {
    private ParamsFiles() {}

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(Path p) throws IOException {
        return org.dendrite.io.json.JsonFiles.read(p);
    }

    static Morphology morphology(Path p) throws IOException {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".asc")) return AscReader.read(p);
        return MorphologyFiles.read(p);
    }

    /** The value C's {@code printf("%g")} prints (6 significant digits), read back: what hoc text carries. */
    static double percentG(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6, java.math.RoundingMode.HALF_EVEN))
                .doubleValue();
    }

    /** NEURON's fixed-length nseg rule used by AllenSDK, BluePyOpt and Hay: {@code 1 + 2·int(L/40)}. */
    static int nsegRule(double lengthUm) {
        return 1 + 2 * (int) (lengthUm / 40.0);
    }
}
