package org.dendrite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.dendrite.io.hoc.HocInterpreter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("cli")
class HocCommandTest {

    private static String[] run(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        HocCommand.repl(new HocInterpreter(), new BufferedReader(new StringReader(input)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void evaluatesLinesAndKeepsGoingAfterErrors() throws Exception {
        String[] r = run("x = 2\nx*21\nundefined_thing + 1\nproc p() {\n  print \"in p\", $1\n}\np(3)\n"
                + "create soma\nsoma { L = 10 diam = 10 }\nsoma area(0.5)\nprint soma.L\nquit()\nprint \"after quit\"\n");
        assertEquals("\t42 \nin p3 \n10 \n", r[0]);
        assertTrue(r[1].contains("<stdin:3>:1:1: undefined variable or function 'undefined_thing'"), r[1]);
    }

    @Test
    void reportsAnUnclosedBraceAtEndOfInput() throws Exception {
        String[] r = run("proc p() {\n print 1\n");
        assertTrue(r[1].contains("unclosed"), r[1]);
    }

    @Test
    void bracesInStringsAndCommentsDoNotCount() {
        assertEquals(0, HocCommand.openBraces("print \"{\" // {\n"));
        assertEquals(1, HocCommand.openBraces("proc a() { /* } */\n"));
    }

    @Test
    void isRegisteredAsSubcommand() {
        assertTrue(DendriteCommand.commandLine().getSubcommands().containsKey("hoc"));
    }
}
