package org.dendrite.io.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dendrite.engine.DendriteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Every error names file, line, column and what is wrong; nothing unknown is silently skipped. */
@Tag("unit")
class HocErrorTest {

    private static HocException fail(String src) {
        return assertThrows(HocException.class, () -> HocTestSupport.run(src));
    }

    private static void assertError(String src, String location, String fragment) {
        HocException e = fail(src);
        assertTrue(e.getMessage().startsWith(location), "location: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message: " + e.getMessage());
    }

    @Test
    void isADendriteExceptionWithBadInputExitCode() {
        HocException e = fail("x = ");
        assertTrue(e instanceof DendriteException);
        assertEquals(2, e.exitCode());
        assertEquals("test.hoc", e.file());
        assertEquals(1, e.line());
    }

    @Test
    void syntaxErrors() {
        assertError("x = (1 + 2 ;\n", "test.hoc:1:12:", "expected ')' but found ';'");
        assertError("a = 1\nb = 2 +* 3\n", "test.hoc:2:8:", "unexpected '*'");
        assertError("proc p() {\n print 1\n", "test.hoc:1:10:", "'{' is never closed");
        assertError("else print 1\n", "test.hoc:1:1:", "'else' without 'if'");
        assertError("s = \"abc\n", "test.hoc:1:5:", "unterminated string");
        assertError("/* never closed\n x = 1\n", "test.hoc:1:1:", "unterminated /* comment");
        assertError("x = 1 # 2\n", "test.hoc:1:7:", "unexpected character '#'");
        assertError("begintemplate A\nendtemplate B\n", "test.hoc:2:1:", "does not match");
        assertError("endtemplate A\n", "test.hoc:1:1:", "without 'begintemplate'");
    }

    @Test
    void unsupportedConstructsAreNamed() {
        assertError("proc p() { }\nfor p() print 1\n", "test.hoc:2:1:", "'p' is not an iterator");
        assertError("iterator it() { iterator_statement }\nit()\n", "test.hoc:2:1:", "iterator it can only be used as 'for it(...) statement'");
        assertError("iterator_statement\n", "test.hoc:1:1:", "iterator_statement outside an iterator");
        // setpointer is supported for a point process's POINTER and a section variable; anything else is named
        assertError("\n  setpointer a, b\n", "test.hoc:2:14:", "setpointer needs a point process's POINTER");
        assertError("create soma\nobjref p\nsoma p = new IClamp(0.5)\nsetpointer p.amp, t\n", "test.hoc:4:19:",
                "the target must be a section variable");
        assertError("objref f\nf = new Matrix()\n", "test.hoc:2:5:", "Matrix class is not supported");
        assertError("objref i\ni = new Import3d_MorphML()\n", "test.hoc:2:5:", "Import3d morphology loading");
        assertError("objref i\ni = new Import3d_SWC_read()\ni.input(\"test.hoc\")\n", "test.hoc:3:3:",
                "no morphology reader is attached");
        assertError("system(\"ls\")\n", "test.hoc:1:1:", "system() is not supported");
        assertError("objref vec\nvec = new Vector()\nvec.play(\"x = 1\", 0.1)\n", "test.hoc:3:5:",
                "playing into a statement is not supported");
        assertError("objref vec\nvec = new Vector()\nvec.nosuch()\n", "test.hoc:3:5:", "Vector has no method 'nosuch'");
        assertError("objref v\n", "test.hoc:1:1:", "'v' is a built-in name");
    }

    @Test
    void runtimeErrors() {
        assertError("x = 1\ny = x + nosuch\n", "test.hoc:2:9:", "undefined variable or function 'nosuch'");
        assertError("x = 1/0\n", "test.hoc:1:6:", "division by zero");
        assertError("double a[3]\na[3] = 1\n", "test.hoc:2:1:", "index 3 out of range for a (size 3)");
        assertError("func f() { return $2 }\nf(1)\n", "test.hoc:1:19:", "argument $2 was not passed to f (numarg() = 1)");
        assertError("print log(-1)\n", "test.hoc:1:7:", "log(-1.0): argument must be > 0");
        assertError("strdef s\ns = 3\n", "test.hoc:2:1:", "expected a string");
        assertError("objref o\no.x = 1\n", "test.hoc:2:3:", "NULLobject");
        assertError("x = 1\nx()\n", "test.hoc:2:1:", "is a variable, not a function");
        assertError("p()\n", "test.hoc:1:1:", "undefined variable or function 'p'");
        assertError("x = 1\nobjref x\n", "test.hoc:2:1:", "already declared as a variable");
        assertError("break\n", "test.hoc:1:1:", "'break' outside a loop");
        assertError("create soma\nproc d() { execute(\"gnabar_hh(0.5) = 1\") }\nsoma d()\n", "<execute>:1:1:",
                "gnabar_hh: mechanism hh is not inserted in section soma\n    in execute(\"gnabar_hh(0.5) = 1\") at test.hoc:2:12"
                + "\n    in d() called from test.hoc:3:6");
    }

    @Test
    void sectionErrors() {
        assertError("print L\n", "test.hoc:1:7:", "no section is accessed");
        assertError("create soma\nsoma insert nosuch\n", "test.hoc:2:6:", "unknown density mechanism 'nosuch'");
        assertError("create soma\nsoma insert IClamp\n", "test.hoc:2:6:", "point process");
        assertError("create soma\nsoma.gnabar_hh = 0.1\n", "test.hoc:2:", "gnabar_hh: mechanism hh is not inserted in section soma");
        assertError("create soma\nsoma ek = -80\n", "test.hoc:2:6:", "the k ion is not used by any mechanism");
        assertError("create soma\nsoma nseg = 0\n", "test.hoc:2:6:", "nseg must be at least 1");
        assertError("create soma\nsoma diam = -1\n", "test.hoc:2:6:", "diam must be > 0");
        assertError("create soma\nsoma print diam(1.5)\n", "test.hoc:2:", "position 1.5 outside [0, 1]");
        assertError("create a, b\nconnect a(0), b(1)\nconnect b(0), a(1)\n", "test.hoc:3:1:", "would make a loop");
        assertError("create a, b\nconnect a(0.5), b(1)\n", "test.hoc:2:1:", "attaches by its 0 or 1 end");
        assertError("x = 1\nx { print 1 }\n", "test.hoc:2:1:", "'x' is not a section");
        assertError("create a\na { L = 10 nseg = 2 }\na.L(0.5) = 3\n", "test.hoc:3:", "section property and takes no (x)");
        assertError("create a\nobjref s\na s = new IClamp()\n", "test.hoc:3:7:", "needs a position");
        assertError("create a\na print n3d(), x3d(0)\n", "test.hoc:2:", "3-D point index 0 out of range");
    }

    @Test
    void templateErrors() {
        assertError("begintemplate A\npublic f\nx = 1\nproc f() { print y }\nendtemplate A\nobjref a\na = new A()\n"
                + "print a.x\n", "test.hoc:8:9:", "'x' is not a public member of A");
        assertError("begintemplate A\nendtemplate A\nbegintemplate A\nendtemplate A\n", "test.hoc:3:1:", "already defined");
        assertError("g = 5\nbegintemplate A\npublic f\nproc f() { print g }\nendtemplate A\nobjref a\na = new A()\na.f()\n",
                "test.hoc:4:18:", "declare it 'external'");
        assertError("objref a\na = new NoSuchTemplate()\n", "test.hoc:2:5:", "unknown template or class 'NoSuchTemplate'");
        assertError("begintemplate A\nendtemplate A\nobjref a\na = new A(1)\n", "test.hoc:4:5:", "has no init()");
    }

    @Test
    void simulationWithoutEngineIsAClearError() {
        assertError("create soma\nfinitialize(-65)\n", "test.hoc:2:1:", "no simulation engine is attached");
        assertError("run()\n", "test.hoc:1:1:", "no simulation engine is attached");
    }

    @Test
    void errorsInLoadedFilesNameThatFile() {
        HocException e = assertThrows(HocException.class,
                () -> new HocInterpreter().loadFile(HocTestSupport.resource("load/bad.hoc")));
        assertTrue(e.file().endsWith("broken.hoc"), e.getMessage());
        assertEquals(3, e.line());
        assertEquals(9, e.column());
        assertError("load_file(\"no/such/file.hoc\")\n", "test.hoc:1:1:", "cannot find HOC file 'no/such/file.hoc'");
    }
}
