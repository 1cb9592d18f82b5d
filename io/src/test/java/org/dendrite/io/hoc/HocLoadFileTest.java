package org.dendrite.io.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class HocLoadFileTest {

    @Test
    void loadFileIsRelativeToTheIncludingFileAndLoadsOnce() {
        HocInterpreter in = new HocInterpreter();
        HocTestSupport.runFile(in, HocTestSupport.resource("load/main.hoc"));
        assertEquals(1, in.getNumber("inner_loaded"));
        // inc.hoc loaded once (+1), counter.hoc opened twice with xopen (+10 each)
        assertEquals(21, in.getNumber("count"));
    }

    @Test
    void standardLibraryNamesResolveToBuiltins() {
        String out = HocTestSupport.run("print load_file(\"stdrun.hoc\"), load_file(\"stdlib.hoc\"), "
                + "load_file(\"import3d.hoc\"), load_file(\"nrngui.hoc\")\ntstop = 100\nv_init = -70\nprint tstop, v_init, dt, celsius\n");
        assertEquals("1 1 1 1 \n100 -70 0.025 6.3 \n", out);
    }

    @Test
    void stdrunDefinesTheNamesSessionFilesUse() {
        String out = HocTestSupport.run("load_file(\"nrngui.hoc\")\nsprint(tstr, \"%d\", 5)\nprint tstr\n"
                + "objref g\ng = new Graph(0)\n{ graphList[0].append(g) tobj = g }\nprint graphList[0].count(), global_ra\n");
        assertEquals("\t1 \n\t1 \n5\n1 35.4 \n", out);
    }

    @Test
    void loadFileAtTopLevelPrintsItsResultLikeNeuron() {
        assertEquals("\t1 \n", HocTestSupport.run("load_file(\"stdrun.hoc\")\n"));
        assertEquals("", HocTestSupport.run("{load_file(\"stdrun.hoc\")}\n"));
    }
}
