package org.dendrite.io.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.dendrite.io.MorphologyFormatException;
import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;

/**
 * Every malformed file of ../shared/data/morphologies-* (see each PROVENANCE.md): the error names the file, the
 * line (and column where the reader knows it) and the problem; suspicious-but-usable files give warnings of the
 * stated kind and line, and strict mode turns the first warning into an error.
 */
@Tag("data")
class MalformedFilesTest {
    private static Path data(String rel) {
        return SharedData.path("data/" + rel);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "morphologies-morphio/malformed-from-tests/cyclic_self_parent.swc | 6 | 0 | names itself as its parent",
        "morphologies-morphio/malformed-from-tests/missing_columns_1.swc | 1 | 6 | expected 7 values",
        "morphologies-morphio/malformed-from-tests/missing_columns_2.swc | 3 | 7 | expected 7 values",
        "morphologies-morphio/malformed-from-tests/missing_parent.swc | 5 | 0 | but no sample has id 10",
        "morphologies-morphio/malformed-from-tests/negative_id.swc | 2 | 1 | is negative",
        "morphologies-morphio/malformed-from-tests/neurite_followed_by_soma.swc | 7 | 0 | not a soma sample",
        "morphologies-morphio/malformed-from-tests/repeated_id.swc | 6 | 1 | duplicate sample id 4 (also used on line 5)",
        "morphologies-neurom/soma_with_neurite_parent.swc | 8 | 0 | not a soma sample",
        "morphologies-neurom/Neuron_disconnected_components.swc | 40 | 0 | 5 separate trees",
        "morphologies-neurom/Neuron_missing_ids.swc | 42 | 0 | but no sample has id 7",
        "morphologies-morphio/disconnected_neurite.swc | 10 | 0 | separate trees",
        "morphologies-morphio/multiple_soma.swc | 11 | 0 | separate trees",
        "morphologies-morphio/malformed-from-tests/two_cellbodies.asc | 2 | 0 | fewer than 3 points",
        "morphologies-morphio/malformed-from-tests/unfinished_point.asc | 4 | 1 | never closed",
        "morphologies-morphio/malformed-from-tests/unknown_token.asc | 6 | 2 | unexpected token 'Z'",
        "morphologies-morphio/malformed-from-tests/unterminated_neurite.asc | 7 | 1 | never closed",
        "morphologies-morphio/invalid-incomplete.asc | 15 | 5 | expected '|' or ')' after the end of a branch",
        "morphologies-morphio/valid-from-tests/plus_sign_number.asc | 1 | 0 | cannot be turned into a soma section",
        "morphologies-morphio/simple.unknown | 0 | 0 | must end in .swc (SWC) or .asc",
    })
    void errorNamesFileLineAndProblem(String file, int line, int column, String problem) {
        Path p = data(file);
        MorphologyFormatException e = assertThrows(MorphologyFormatException.class,
                () -> MorphologyFiles.readChecked(p));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith(p.toString()), "message starts with the file: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "morphologies-morphio/malformed-from-tests/zero_diameter.swc | zero-radius | 4",
        "morphologies-morphio/malformed-from-tests/no_soma_type2_only.swc | no-soma | 0",
        "morphologies-morphio/malformed-from-tests/unsupported_section_type_minus1.swc | negative-type | 3",
        "morphologies-neurom/undefined_type.swc | undefined-type | 6",
        "morphologies-neurom/bifurcating_soma.swc | soma-branches | 5",
        "morphologies-neurom/soma_zero_radius.swc | zero-radius | 23",
        "morphologies-neurom/z_jump.swc | z-jump | 14",
        "morphologies-neurom/fat_end.swc | radius-jump | 14",
        "morphologies-neurom/dangling_axon.swc | far-from-soma | 22",
        "morphologies-neurom/dangling_dendrite.swc | far-from-soma | 22",
        "morphologies-neurom/root_node_jump.swc | far-from-soma | 6",
        "morphologies-neurom/Neuron_zero_length_segments.swc | zero-length-segment | 37",
        "morphologies-neurom/Single_apical_no_soma.swc | no-soma | 0",
        "morphologies-jaxley/morph_flywire_t4_720575940626407426.swc | parent-after-child | 0",
        "morphologies-jaxley/morph_flywire_t4_720575940626407426.swc | units | 0",
        "morphologies-morphio/spine.asc | ignored-soma-contour | 4",
        "morphologies-morphio/valid-from-tests/single_neurite_no_soma.asc | no-soma | 0",
    })
    void suspiciousFilesGiveWarningsAndStrictErrors(String file, String kind, int line) {
        ReadResult r = MorphologyFiles.readChecked(data(file));
        assertTrue(r.warnings().stream().anyMatch(w -> w.kind().equals(kind) && w.line() == line),
                kind + " at line " + line + " in " + r.warnings());
        MorphologyFormatException e = assertThrows(MorphologyFormatException.class, r::strict);
        assertTrue(e.getMessage().contains("strict"), e.getMessage());
        assertEquals(r.warnings().get(0).line(), e.line());
    }

    @Test
    void cleanFileHasNoWarnings() {
        ReadResult r = MorphologyFiles.readChecked(data("morphologies-nrn/c91662.swc"));
        assertEquals(0, r.warnings().size(), r.warnings().toString());
        assertTrue(r.somaReading().contains("three-point soma read as one sphere"), r.somaReading());
        r.strict();
    }

    @Test
    void missingFileIsAPlainError() {
        Path p = data("morphologies-nrn/does-not-exist.swc");
        MorphologyFormatException e = assertThrows(MorphologyFormatException.class, () -> MorphologyFiles.read(p));
        assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
    }
}
