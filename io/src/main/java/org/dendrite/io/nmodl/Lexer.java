package org.dendrite.io.nmodl;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokens of an NMODL file. Line ends: LF, CRLF and a lone CR (as nocmodl). Comments {@code :} and {@code ?} to
 * the end of the line, {@code COMMENT ... ENDCOMMENT}, {@code TITLE} lines and {@code UNITSON/UNITSOFF} are
 * dropped; {@code VERBATIM ... ENDVERBATIM} becomes one token holding the C text.
 */
final class Lexer {
    enum Kind { NAME, PRIME, NUMBER, STRING, OP, VERBATIM, EOF }

    record Token(Kind kind, String text, int line, int col, int start, int end) {
        boolean is(String s) { return (kind == Kind.OP || kind == Kind.NAME) && text.equals(s); }
        String describe() {
            return switch (kind) {
                case EOF -> "end of file";
                case VERBATIM -> "VERBATIM";
                case STRING -> "string \"" + text + "\"";
                case PRIME -> "'" + text + "''";
                default -> "'" + text + "'";
            };
        }
    }

    private final String src, file;
    private int pos, line = 1, lineStart;
    final List<Token> tokens = new ArrayList<>();

    Lexer(String file, String src) {
        this.file = file;
        this.src = src;
        run();
    }

    private NmodlException error(String msg) {
        return new NmodlException(file, line, pos - lineStart + 1, msg);
    }

    private void newline() {
        if (src.charAt(pos) == '\r' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') pos++;
        pos++;
        line++;
        lineStart = pos;
    }

    private boolean atLineEnd() {
        char c = src.charAt(pos);
        return c == '\n' || c == '\r';
    }

    private void skipToLineEnd() {
        while (pos < src.length() && !atLineEnd()) pos++;
    }

    /** Skips to just after the keyword {@code end} (as a whole word), counting lines; returns the text before it. */
    private String skipTo(String end, String construct, int startLine) {
        int from = pos;
        while (pos < src.length()) {
            if (atLineEnd()) { newline(); continue; }
            if (src.startsWith(end, pos) && (pos == 0 || !Character.isLetterOrDigit(src.charAt(pos - 1)))
                    && (pos + end.length() >= src.length() || !Character.isLetterOrDigit(src.charAt(pos + end.length())))) {
                String text = src.substring(from, pos);
                pos += end.length();
                return text;
            }
            pos++;
        }
        throw new NmodlException(file, startLine, 0, construct + " without " + end);
    }

    private void run() {
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r') { newline(); continue; }
            if (c == ' ' || c == '\t' || c == '\f' || c == 0x1a) { pos++; continue; }
            if (c == ':' || c == '?') { skipToLineEnd(); continue; }
            int col = pos - lineStart + 1, start = pos, startLine = line;
            if (Character.isLetter(c) || c == '_') {
                while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
                String w = src.substring(start, pos);
                switch (w) {
                    case "COMMENT" -> { skipTo("ENDCOMMENT", "COMMENT", startLine); continue; }
                    case "TITLE" -> { skipToLineEnd(); continue; }
                    case "UNITSON", "UNITSOFF" -> { continue; }
                    case "VERBATIM" -> {
                        String text = skipTo("ENDVERBATIM", "VERBATIM", startLine);
                        tokens.add(new Token(Kind.VERBATIM, text, startLine, col, start, pos));
                        continue;
                    }
                    default -> { }
                }
                if (pos < n && src.charAt(pos) == '\'') {
                    pos++;
                    tokens.add(new Token(Kind.PRIME, w, startLine, col, start, pos));
                } else {
                    tokens.add(new Token(Kind.NAME, w, startLine, col, start, pos));
                }
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(src.charAt(pos + 1)))) {
                pos = org.dendrite.io.text.NumberLiteral.end(src, pos);
                tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), startLine, col, start, pos));
                continue;
            }
            if (c == '"') {
                pos++;
                while (pos < n && src.charAt(pos) != '"') {
                    if (atLineEnd()) throw error("unterminated string");
                    if (src.charAt(pos) == '\\') pos++;
                    pos++;
                }
                if (pos >= n) throw error("unterminated string");
                pos++;
                tokens.add(new Token(Kind.STRING, src.substring(start + 1, pos - 1), startLine, col, start, pos));
                continue;
            }
            String op = null;
            for (String o : new String[] {"<->", "<<", "->", "==", "!=", "<=", ">=", "&&", "||"}) {
                if (src.startsWith(o, pos)) { op = o; break; }
            }
            if (op == null) {
                if ("{}()[],=<>+-*/^!~%;&|'@".indexOf(c) < 0) {
                    throw error("unexpected character '" + c + "'");
                }
                op = String.valueOf(c);
            }
            pos += op.length();
            tokens.add(new Token(Kind.OP, op, startLine, col, start, pos));
        }
        tokens.add(new Token(Kind.EOF, "", line, pos - lineStart + 1, pos, pos));
    }

    String source() { return src; }
}
