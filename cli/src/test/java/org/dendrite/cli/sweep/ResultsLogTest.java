package org.dendrite.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

@Tag("cli")
class ResultsLogTest {
    @TempDir Path dir;
    final ResultsLog.CsvLayout layout = new ResultsLog.CsvLayout(List.of("a"), List.of("Spikecount"), List.of("soma"));

    static ObjectNode row(int run) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree("{\"run\":" + run + ",\"params\":{\"a\":" + run
                + ".5},\"features\":{\"Spikecount\":[" + run + ".0]},\"spikes\":{\"soma\":[]},\"error\":null}");
    }

    @Test
    void tornTailDuplicatesAndCorruptLinesAreRepaired() throws Exception {
        String good = new ObjectMapper().writeValueAsString(row(0)) + "\n" + new ObjectMapper().writeValueAsString(row(1)) + "\n";
        // a duplicate of run 1, then garbage, then a valid line after the garbage, then a torn tail
        Files.writeString(dir.resolve(ResultsLog.JSONL), good + new ObjectMapper().writeValueAsString(row(1)) + "\n"
                + "{\"run\":2,\"par\n" + new ObjectMapper().writeValueAsString(row(3)) + "\n{\"run\":4");
        try (ResultsLog log = ResultsLog.open(dir, layout)) {
            assertTrue(log.repairedBytes() > 0);
            assertEquals(2, log.doneCount());
            assertTrue(log.isDone(0) && log.isDone(1));
            log.append(row(3));
            log.append(row(1)); // ignored: already recorded
        }
        List<String> lines = Files.readAllLines(dir.resolve(ResultsLog.JSONL));
        assertEquals(3, lines.size());
        List<String> csv = Files.readAllLines(dir.resolve(ResultsLog.CSV));
        assertEquals(List.of("run,a,Spikecount,spikes:soma,error", "0,0.5,0.0,0,", "1,1.5,1.0,0,", "3,3.5,3.0,0,"), csv);
    }
}
