package org.dendrite.io.hoc;

import java.util.ArrayList;
import java.util.List;

/** Splits HOC source into tokens. Newlines are tokens (they end statements); comments are dropped. */
final class Lexer {
    private final String src;
    private final String file;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String src, String file) {
        this.src = src;
        this.file = file;
    }

    static List<Token> tokenize(String src, String file) {
        return new Lexer(src, file).run();
    }

    private HocException error(String msg) {
        return new HocException(file, line, pos - lineStart + 1, msg);
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            int col = pos - lineStart + 1;
            if (c == '\n') {
                out.add(new Token(Token.Type.NEWLINE, "\n", 0, null, line, col));
                pos++;
                line++;
                lineStart = pos;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u001a') { // ^Z ends old DOS files
                pos++;
                continue;
            }
            if (c == '\\' && pos + 1 < n && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r')) {
                // line continuation
                pos++;
                if (src.charAt(pos) == '\r') pos++;
                if (pos < n && src.charAt(pos) == '\n') pos++;
                line++;
                lineStart = pos;
                continue;
            }
            if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '/') {
                while (pos < n && src.charAt(pos) != '\n') pos++;
                continue;
            }
            if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '*') {
                int startLine = line, startCol = col;
                pos += 2;
                while (pos < n && !(src.charAt(pos) == '*' && pos + 1 < n && src.charAt(pos + 1) == '/')) {
                    if (src.charAt(pos) == '\n') {
                        line++;
                        lineStart = pos + 1;
                    }
                    pos++;
                }
                if (pos >= n) throw new HocException(file, startLine, startCol, "unterminated /* comment");
                pos += 2;
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(src.charAt(pos + 1)))) {
                out.add(number(col));
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int s = pos;
                while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
                out.add(new Token(Token.Type.IDENT, src.substring(s, pos), 0, null, line, col));
                continue;
            }
            if (c == '"') {
                out.add(string(col));
                continue;
            }
            if (c == '$') {
                out.add(dollar(col));
                continue;
            }
            String two = pos + 1 < n ? src.substring(pos, pos + 2) : "";
            switch (two) {
                case "==": case "!=": case "<=": case ">=": case "&&": case "||":
                case "+=": case "-=": case "*=": case "/=":
                    out.add(new Token(Token.Type.OP, two, 0, null, line, col));
                    pos += 2;
                    continue;
                default:
            }
            if ("+-*/%^<>!=(){}[],.:;&".indexOf(c) >= 0) {
                out.add(new Token(Token.Type.OP, String.valueOf(c), 0, null, line, col));
                pos++;
                continue;
            }
            throw error("unexpected character '" + c + "'");
        }
        out.add(new Token(Token.Type.EOF, "", 0, null, line, pos - lineStart + 1));
        return out;
    }

    private Token number(int col) {
        int s = pos;
        pos = org.dendrite.io.text.NumberLiteral.end(src, pos);
        String text = src.substring(s, pos);
        return new Token(Token.Type.NUMBER, text, Double.parseDouble(text), null, line, col);
    }

    private Token string(int col) {
        StringBuilder sb = new StringBuilder();
        pos++;
        int n = src.length();
        while (true) {
            if (pos >= n || src.charAt(pos) == '\n') throw new HocException(file, line, col, "unterminated string");
            char c = src.charAt(pos++);
            if (c == '"') break;
            if (c == '\\' && pos < n) {
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case 'r': sb.append('\r'); break;
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case '\n': line++; lineStart = pos; break;
                    default: sb.append('\\').append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return new Token(Token.Type.STRING, sb.toString(), 0, null, line, col);
    }

    /** {@code $1 $s1 $o1 $&1} and the variable-index forms {@code $i $si $oi $&i}. */
    private Token dollar(int col) {
        pos++;
        int n = src.length();
        String kind = "";
        if (pos < n && src.charAt(pos) == '&') {
            kind = "&";
            pos++;
        } else if (pos + 1 < n && (src.charAt(pos) == 's' || src.charAt(pos) == 'o')
                && (Character.isDigit(src.charAt(pos + 1)) || Character.isLetter(src.charAt(pos + 1)))) {
            kind = String.valueOf(src.charAt(pos));
            pos++;
        }
        if (pos < n && Character.isDigit(src.charAt(pos))) {
            int s = pos;
            while (pos < n && Character.isDigit(src.charAt(pos))) pos++;
            // found by the fuzzer: $2474836481 ended in NumberFormatException
            if (pos - s > 9) throw error("argument number $" + kind + src.substring(s, pos) + " is too large");
            return new Token(Token.Type.DOLLAR, kind, Integer.parseInt(src.substring(s, pos)), null, line, col);
        }
        if (pos < n && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
            int s = pos;
            while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            return new Token(Token.Type.DOLLAR, kind, 0, src.substring(s, pos), line, col);
        }
        throw error("'$' must be followed by an argument number ($1, $s1, $o1, $&1)");
    }
}
