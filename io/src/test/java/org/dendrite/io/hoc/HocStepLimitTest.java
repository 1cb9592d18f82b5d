package org.dendrite.io.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The execution budget that lets the fuzzer run HOC: an endless loop ends with a located error, not a hang. */
@Tag("unit")
class HocStepLimitTest {
    @Test
    void endlessLoopStopsAtTheBudgetNamingFileAndLine() {
        HocInterpreter in = new HocInterpreter();
        in.setStepLimit(10_000);
        HocException e = assertThrows(HocException.class, () -> in.execute("x = 0\nwhile (1) {\n  x = x + 1\n}\n", "loop.hoc"));
        assertTrue(e.getMessage().startsWith("loop.hoc:"), e.getMessage());
        assertTrue(e.getMessage().contains("execution budget exceeded: more than 10000 statements"), e.getMessage());
        // the statements that ran before the budget ended: x counts the loop bodies (each body = block + assignment)
        assertTrue(in.getNumber("x") > 1000 && in.getNumber("x") < 10_000, "x = " + in.getNumber("x"));
    }

    @Test
    void aScriptWithinTheBudgetRunsAsWithout() {
        HocInterpreter in = new HocInterpreter();
        in.setStepLimit(10_000);
        in.execute("s = 0\nfor i = 1, 100 { s = s + i }\n", "sum.hoc");
        assertEquals(5050, in.getNumber("s"), 0, "exact integer sum");
    }

    @Test
    void hugeVectorIsAnErrorNotAnOutOfMemory() {
        HocInterpreter in = new HocInterpreter();
        HocException e = assertThrows(HocException.class, () -> in.execute("objref vv\nvv = new Vector(2e9)\n", "vec.hoc"));
        assertTrue(e.getMessage().startsWith("vec.hoc:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("a Vector of"), e.getMessage());
    }
}
