package org.dendrite.io.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HOC's {@code File} (wopen, printf, close, ropen, scanvar, scanstr, gets, eof), {@code sprint} and
 * {@code chdir}: the output of hoc/file/file_io.hoc equals NEURON 8.2.2's ({@code file_io.out}, made by running
 * {@code nrniv -nobanner file_io.hoc -c 'quit()'} in an empty folder), line for line, return values included.
 */
@Tag("neuron-agreement")
class HocFileTest {
    @TempDir Path dir;

    @Test
    void fileIoMatchesNeuron() throws Exception {
        Path hoc = HocTestSupport.resource("file/file_io.hoc");
        HocInterpreter in = new HocInterpreter();
        // the script writes out.dat in HOC's working directory: a temporary folder, as nrniv ran in one
        in.execute("chdir(\"" + dir.toString().replace("\\", "/") + "\")", "test");
        String actual = HocTestSupport.runFile(in, hoc);
        String expected = Files.readString(hoc.resolveSibling("file_io.out"), StandardCharsets.UTF_8);
        assertEquals(expected, actual);
        assertEquals("1 0.142857\n2 0.571429\n3 1.28571\ntail word 12.5e-1\n",
                Files.readString(dir.resolve("out.dat"), StandardCharsets.UTF_8));
        try (var s = Files.list(dir)) {
            assertTrue(s.allMatch(p -> p.getFileName().toString().equals("out.dat")), "no temporary file left behind");
        }
    }
}
