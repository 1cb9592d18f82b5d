package org.dendrite.io.hoc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * HOC's {@code File}: {@code ropen}, {@code wopen}, {@code aopen} (names relative to HOC's working directory),
 * {@code scanvar} (next number, skipping non-numeric text as NEURON does), {@code scanstr}, {@code gets},
 * {@code printf}, {@code eof}, {@code isopen}, {@code getname}, {@code close}. A written file appears whole at
 * {@code close} (written to a temporary file beside it, then moved), so a failed run leaves no half file.
 */
final class HocFile extends BuiltinObject {
    private String name = "";
    private Path path;
    /** Reading: the whole text and the position in it. */
    private String text;
    private int pos;
    /** Writing: what is written until close. */
    private StringBuilder written;
    private boolean append;

    HocFile(int index, String name) {
        super("File", index);
        if (name != null) this.name = name;
    }

    @Override
    Object call(HocInterpreter in, String m, List<Object> args, Ast.Node at) {
        switch (m) {
            case "ropen": {
                close(at);
                if (!args.isEmpty()) name = str(args, 0, at, m);
                path = in.workingDirectory().resolve(name).normalize();
                try {
                    text = Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    text = null;
                    return 0.0; // NEURON returns 0 when the file cannot be opened
                }
                pos = 0;
                return 1.0;
            }
            case "wopen": case "aopen": {
                close(at);
                if (!args.isEmpty()) name = str(args, 0, at, m);
                if (name.isEmpty()) return 1.0; // wopen(""): closes, as NEURON
                path = in.workingDirectory().resolve(name).normalize();
                if (path.getParent() != null && !Files.isDirectory(path.getParent())) return 0.0;
                written = new StringBuilder();
                append = m.equals("aopen");
                return 1.0;
            }
            case "printf": {
                if (written == null) throw at.error("File.printf: " + describe() + " is not open for writing");
                String s = HocFormat.printf(str(args, 0, at, m), args.subList(1, args.size()), at);
                written.append(s);
                return 0.0; // NEURON's File.printf returns 0 (the top level prints it)
            }
            case "scanvar": {
                requireRead(at, m);
                while (pos < text.length()) {
                    int end = numberAt(pos);
                    if (end > pos) {
                        double v = Double.parseDouble(text.substring(pos, end));
                        pos = end;
                        return v;
                    }
                    pos++;
                }
                throw at.error("File.scanvar: end of " + describe() + " (no more numbers)");
            }
            case "scanstr": {
                requireRead(at, m);
                while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
                if (pos >= text.length()) return -1.0;
                int start = pos;
                while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) pos++;
                if (!args.isEmpty() && args.get(0) instanceof StrRef) ((StrRef) args.get(0)).value = text.substring(start, pos);
                return (double) (pos - start);
            }
            case "gets": {
                requireRead(at, m);
                if (pos >= text.length()) return -1.0;
                int nl = text.indexOf('\n', pos);
                int end = nl < 0 ? text.length() : nl + 1;
                String line = text.substring(pos, end);
                pos = end;
                if (!args.isEmpty() && args.get(0) instanceof StrRef) ((StrRef) args.get(0)).value = line;
                return (double) line.length();
            }
            case "eof": {
                if (text == null) return 1.0;
                int p = pos;
                while (p < text.length() && Character.isWhitespace(text.charAt(p))) p++;
                return p >= text.length() ? 1.0 : 0.0;
            }
            case "isopen":
                return text != null || written != null ? 1.0 : 0.0;
            case "getname":
                if (!args.isEmpty() && args.get(0) instanceof StrRef) ((StrRef) args.get(0)).value = name;
                return 1.0;
            case "close":
                close(at);
                return 0.0;
            case "flush":
                return 0.0;
            default:
                return super.call(in, m, args, at);
        }
    }

    private void requireRead(Ast.Node at, String m) {
        if (text == null) throw at.error("File." + m + ": " + describe() + " is not open for reading (ropen first)");
    }

    private String describe() {
        return name.isEmpty() ? "the File" : "'" + name + "'";
    }

    /** End of a number starting at p (p itself if none). */
    private int numberAt(int p) {
        int i = p;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) i++;
        int digits = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) { i++; digits++; }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return p;
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '-' || text.charAt(j) == '+')) j++;
            int k = j;
            while (k < text.length() && Character.isDigit(text.charAt(k))) k++;
            if (k > j) i = k;
        }
        return i;
    }

    private void close(Ast.Node at) {
        text = null;
        if (written == null) return;
        StringBuilder out = written;
        written = null;
        try {
            String prefix = append && Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
            Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), ".hocfile", ".tmp");
            Files.writeString(tmp, prefix + out, StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw at.error("File: cannot write '" + path + "': " + e.getMessage());
        }
    }
}
