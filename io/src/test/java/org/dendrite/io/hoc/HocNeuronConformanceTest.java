package org.dendrite.io.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Tag;

/**
 * Every {@code hoc/neuron/NAME.hoc} run through dendrite's interpreter prints exactly what NEURON 8.2.2 printed
 * for it ({@code NAME.out}, made by {@code benchmarks/scripts/hoc/make_expected.sh}). The files exercise the
 * subtle semantics: for (x), nseg changes, range assignment, area, ri, distance, print formats.
 */
@Tag("neuron-agreement")
class HocNeuronConformanceTest {

    @TestFactory
    Stream<DynamicTest> outputsMatchNeuron() throws IOException {
        Path dir = HocTestSupport.resource("neuron");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".hoc") && !p.getFileName().toString().startsWith("lib_"))
                    .sorted().collect(Collectors.toList());
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString().replace(".hoc", ".out");
            String expected = Files.readString(f.resolveSibling(name), StandardCharsets.UTF_8);
            String actual = HocTestSupport.runFile(new HocInterpreter(), f);
            String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
            for (int i = 0; i < Math.min(e.length, a.length); i++) {
                assertEquals(e[i], a[i], f.getFileName() + " line " + (i + 1) + " of the output differs from NEURON's");
            }
            assertEquals(e.length, a.length, f.getFileName() + ": number of output lines");
        }));
    }
}
