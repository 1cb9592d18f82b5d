package org.dendrite.io.nmodl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dendrite.engine.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("data")
class NmodlCorpusTest {
    static List<Path> corpusFiles() throws Exception {
        Path root = SharedData.path("data/nmodl-corpus");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".mod")).sorted().toList();
        }
    }

    @Test
    void everyFileParsesOrIsRefusedWithFileLine() throws Exception {
        List<String> refusals = new ArrayList<>();
        for (Path f : corpusFiles()) {
            try {
                Parser.parse(f);
            } catch (NmodlException e) {
                refusals.add(e.getMessage());
            }
        }
        refusals.forEach(System.out::println);
        System.out.println(refusals.size() + " refused");
    }
}
