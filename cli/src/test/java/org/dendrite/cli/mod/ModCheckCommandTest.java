package org.dendrite.cli.mod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.cli.DendriteCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dendrite mod check}: the listing of a loadable file, and exit 2 with FILE:LINE for real C in VERBATIM. */
@Tag("cli")
class ModCheckCommandTest {
    @TempDir Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        CommandLine cl = DendriteCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void listsMechanismsAndRefusesRealVerbatim() throws Exception {
        Files.writeString(dir.resolve("kx.mod"), "NEURON { SUFFIX kx USEION k READ ek WRITE ik RANGE gbar }\n"
                + "PARAMETER { gbar = 0.01 (S/cm2) vhalf = -40 (mV) }\nSTATE { n }\nASSIGNED { v (mV) ek (mV) ik (mA/cm2) }\n"
                + "BREAKPOINT { SOLVE s METHOD cnexp\n ik = gbar*n*(v - ek) }\nDERIVATIVE s { n' = (1/(1+exp(-(v-vhalf)/9)) - n)/5 }\n");
        Result ok = run("mod", "check", dir.resolve("kx.mod").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("kx, density mechanism (SUFFIX)"), ok.out());
        assertTrue(ok.out().contains("PARAMETER kx.gbar") && ok.out().contains("[S/cm2] = 0.01"), ok.out());
        assertTrue(ok.out().contains("GLOBAL    vhalf_kx"), ok.out()); // a PARAMETER not declared RANGE is GLOBAL
        assertTrue(ok.out().contains("ion k: reads ek writes ik"), ok.out());

        Files.writeString(dir.resolve("c.mod"), "NEURON { SUFFIX c }\n\nVERBATIM\nstatic int x = 1;\nENDVERBATIM\n");
        Result bad = run("mod", "check", dir.toString());
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.out().contains(dir.resolve("c.mod") + ":3: VERBATIM C code is not supported (static int x = 1;)"), bad.out());
        assertTrue(bad.out().contains("2 file(s), 1 loadable, 1 refused"), bad.out());
    }
}
