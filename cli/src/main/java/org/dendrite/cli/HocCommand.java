package org.dendrite.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.dendrite.io.hoc.HocException;
import org.dendrite.io.hoc.HocInterpreter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code dendrite hoc [FILE ...]}: loads the files, then reads HOC from standard input line by line and runs
 * each complete statement, printing results and errors without exiting (as NEURON's {@code oc>} prompt).
 * {@code run()}, {@code finitialize()} and {@code fadvance()} simulate in the engine.
 */
@Command(name = "hoc", mixinStandardHelpOptions = true,
        description = {"Interactive HOC prompt (NEURON's language): build sections, run simulations, print values.",
                "Reads statements from standard input; a statement may span lines while braces are open. quit() ends."})
public final class HocCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "HOC files to run before the prompt")
    List<Path> files = List.of();

    @Override
    public Integer call() throws IOException {
        // the engine behind the prompt: finitialize/run/fadvance simulate with every mechanism dendrite has
        HocInterpreter hoc = new org.dendrite.cli.hoc.HocRun(org.dendrite.engine.mechanism.MechanismLibrary.standard(),
                List.of(), System.out).interpreter();
        for (Path f : files) {
            try {
                hoc.loadFile(f);
            } catch (HocException e) {
                System.err.println("dendrite: error: " + e.getMessage());
            }
        }
        boolean interactive = System.console() != null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return repl(hoc, in, System.out, System.err, interactive);
    }

    /** The read-eval-print loop; returns the exit code (0). */
    static int repl(HocInterpreter hoc, BufferedReader in, PrintStream out, PrintStream err, boolean prompt)
            throws IOException {
        hoc.setOut(out);
        StringBuilder chunk = new StringBuilder();
        int firstLine = 1, lineNo = 0, notesShown = 0;
        while (!hoc.quitRequested()) {
            if (prompt) {
                out.print(chunk.length() == 0 ? "oc>" : "> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) break;
            lineNo++;
            if (chunk.length() == 0) firstLine = lineNo;
            chunk.append(line).append('\n');
            if (openBraces(chunk) > 0) continue;
            String code = chunk.toString();
            chunk.setLength(0);
            try {
                hoc.execute(code, "<stdin:" + firstLine + ">");
            } catch (org.dendrite.engine.DendriteException e) {
                err.println("dendrite: error: " + e.getMessage());
            }
            notesShown = showNotes(hoc, err, notesShown);
            out.flush();
        }
        if (chunk.length() > 0 && !hoc.quitRequested()) {
            err.println("dendrite: error: input ended inside an unclosed '{'");
        }
        showNotes(hoc, err, notesShown);
        return 0;
    }

    /** Prints the notes the interpreter added since {@code shown} (each note once, when it first arises). */
    private static int showNotes(HocInterpreter hoc, PrintStream err, int shown) {
        List<String> notes = hoc.world().notes();
        for (int i = shown; i < notes.size(); i++) err.println("dendrite: note: " + notes.get(i));
        return notes.size();
    }

    /** Braces still open in the text, ignoring strings and comments. */
    static int openBraces(CharSequence s) {
        int depth = 0;
        boolean str = false, block = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char n = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (block) {
                if (c == '*' && n == '/') {
                    block = false;
                    i++;
                }
            } else if (str) {
                if (c == '\\') i++;
                else if (c == '"') str = false;
            } else if (c == '"') {
                str = true;
            } else if (c == '/' && n == '/') {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (c == '/' && n == '*') {
                block = true;
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        return block ? Math.max(depth, 1) : depth;
    }
}
