package org.dendrite.io.asc;

import java.nio.charset.StandardCharsets;

import org.dendrite.io.MorphologyFormatException;

/**
 * Tokens of the Neurolucida ASC text format: parentheses, {@code < >} (spines), {@code ,} and {@code |}, numbers,
 * double-quoted strings, words; {@code ;} starts a comment that runs to the end of the line. Every token knows
 * its line and column for error messages.
 */
final class AscLexer {
    enum Kind { LPAREN, RPAREN, LANGLE, RANGLE, COMMA, BAR, NUMBER, STRING, WORD, EOF }

    private final String file;
    private final byte[] b;
    private int pos;
    private int line = 1;
    private int lineStart;

    // the current token
    Kind kind;
    int tokLine, tokCol;
    double number;
    private int textFrom, textTo;

    AscLexer(String file, byte[] content) {
        this.file = file;
        this.b = content;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            pos = 3;             // UTF-8 byte-order mark
            lineStart = 3;
        }
        next();
    }

    String file() {
        return file;
    }

    /** The current token's text (strings without their quotes). */
    String text() {
        return new String(b, textFrom, textTo - textFrom, StandardCharsets.UTF_8);
    }

    /** True when the current token is a word equal to {@code w} (case-sensitive). */
    boolean isWord(String w) {
        if (kind != Kind.WORD || textTo - textFrom != w.length()) return false;
        for (int i = 0; i < w.length(); i++) if (b[textFrom + i] != w.charAt(i)) return false;
        return true;
    }

    String describe() {
        switch (kind) {
            case LPAREN: return "'('";
            case RPAREN: return "')'";
            case LANGLE: return "'<'";
            case RANGLE: return "'>'";
            case COMMA: return "','";
            case BAR: return "'|'";
            case NUMBER: return "the number " + text();
            case STRING: return "the string \"" + text() + "\"";
            case WORD: return "the word '" + text() + "'";
            default: return "the end of the file";
        }
    }

    MorphologyFormatException error(String problem) {
        return new MorphologyFormatException(file, tokLine, tokCol, problem);
    }

    void next() {
        // skip white space and comments
        while (pos < b.length) {
            byte c = b[pos];
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                pos++;
            } else if (c == ';') {
                while (pos < b.length && b[pos] != '\n') pos++;
            } else {
                break;
            }
        }
        tokLine = line;
        tokCol = pos - lineStart + 1;
        if (pos >= b.length) {
            kind = Kind.EOF;
            textFrom = textTo = pos;
            return;
        }
        byte c = b[pos];
        textFrom = pos;
        switch (c) {
            case '(': kind = Kind.LPAREN; pos++; textTo = pos; return;
            case ')': kind = Kind.RPAREN; pos++; textTo = pos; return;
            case '<': kind = Kind.LANGLE; pos++; textTo = pos; return;
            case '>': kind = Kind.RANGLE; pos++; textTo = pos; return;
            case ',': kind = Kind.COMMA; pos++; textTo = pos; return;
            case '|': kind = Kind.BAR; pos++; textTo = pos; return;
            case '"': {
                int start = ++pos;
                while (pos < b.length && b[pos] != '"') {
                    if (b[pos] == '\n') {
                        throw new MorphologyFormatException(file, tokLine, tokCol,
                                "a string (\"...) is not closed on its line");
                    }
                    pos++;
                }
                if (pos >= b.length) {
                    throw new MorphologyFormatException(file, tokLine, tokCol, "a string (\"...) is never closed");
                }
                kind = Kind.STRING;
                textFrom = start;
                textTo = pos;
                pos++;
                return;
            }
            default:
        }
        if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
            int end = pos;
            while (end < b.length && isNumberChar(b[end])) end++;
            String t = new String(b, pos, end - pos, StandardCharsets.US_ASCII);
            try {
                number = Double.parseDouble(t);
                if (t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new MorphologyFormatException(file, tokLine, tokCol, "'" + t + "' is not a number");
            }
            kind = Kind.NUMBER;
            textTo = pos = end;
            return;
        }
        if (isWordChar(c)) {
            int end = pos;
            while (end < b.length && isWordChar(b[end])) end++;
            kind = Kind.WORD;
            textTo = pos = end;
            return;
        }
        int cp = c & 0xff;
        throw new MorphologyFormatException(file, tokLine, tokCol, "unexpected character '" + (char) cp
                + "' (expected '(', ')', a number, a word or a quoted string)");
    }

    private static boolean isNumberChar(byte c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    }

    private static boolean isWordChar(byte c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                || c == '-' || c == '.' || c == '+' || c == ':' || c == '/' || c == '\'' || c == '#' || c == '@'
                || c == '&' || c == '*' || c == '?' || c == '!' || (c & 0x80) != 0;
    }
}
