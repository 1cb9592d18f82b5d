package org.dendrite.io.asc;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.io.MorphologyFormatException;
import org.dendrite.io.asc.AscLexer.Kind;

/**
 * Recursive-descent parser of the Neurolucida ASC text format into contours and trees.
 *
 * <pre>
 * file     := object*
 * object   := '(' STRING item* ')'                         contour ("CellBody", "Cell Body", "Soma", any other name)
 *           | '(' WORD ... ')'                             top-level block: (Sections ..), (ImageCoords), (Set "s" object*),
 *                                                          markers (FilledCircle ..) ... — skipped
 *           | '(' property* point STRING ')'               text annotation — skipped
 *           | '(' property* branch ')'                     tree (Axon, Dendrite, Apical ...)
 * property := '(' WORD value* ')'      value := NUMBER | STRING | WORD | '(' value* ')'
 * branch   := (point spine* | marker | property)* [ '(' split ')' | END-WORD ]
 * split    := branch ( '|' branch )*                       an empty branch after '|' is skipped
 * point    := '(' NUMBER [','] NUMBER [[','] NUMBER [[','] NUMBER [WORD] ['(' NUMBER{4} ')']]] ')'
 * spine    := '<' ( property | point )* '>'
 * </pre>
 * Comments run from {@code ;} to the end of the line.
 */
final class AscParser {
    /** One point as written: x, y, z, diameter (um), and its line. */
    record Pt(double x, double y, double z, double d, int line) {}

    static final class Contour {
        String name;
        int line;
        final List<Pt> points = new ArrayList<>();
    }

    static final class Branch {
        final List<Pt> points = new ArrayList<>();
        final List<Branch> children = new ArrayList<>();
        int line;
    }

    static final class Tree {
        /** The first word of every property before the first point, in order. */
        final List<String> properties = new ArrayList<>();
        Branch root;
        int line;
    }

    final List<Contour> contours = new ArrayList<>();
    final List<Tree> trees = new ArrayList<>();
    int markers;
    int spines;
    int texts;
    int emptyBranches;

    private final AscLexer lx;

    AscParser(AscLexer lexer) {
        this.lx = lexer;
    }

    void parseFile() {
        while (lx.kind != Kind.EOF) {
            if (lx.kind == Kind.LPAREN) {
                object();
            } else if (lx.kind == Kind.COMMA) {
                lx.next();
            } else {
                throw lx.error("expected '(' to start a contour, tree or block, found " + lx.describe());
            }
        }
    }

    private void expect(Kind k, String what) {
        if (lx.kind != k) throw lx.error("expected " + what + ", found " + lx.describe());
        lx.next();
    }

    private void object() {
        int line = lx.tokLine, col = lx.tokCol;
        lx.next(); // '('
        switch (lx.kind) {
            case STRING -> contour(line);
            case WORD -> {
                if (lx.isWord("Set") || lx.isWord("set") || lx.isWord("SET")) {
                    lx.next();
                    if (lx.kind == Kind.STRING) lx.next();
                    while (lx.kind == Kind.LPAREN || lx.kind == Kind.COMMA) {
                        if (lx.kind == Kind.COMMA) lx.next();
                        else object();
                    }
                    expect(Kind.RPAREN, "')' closing the Set block opened on line " + line);
                } else {
                    if (!isKnownBlock()) markers++;
                    skipRest(line, col);
                }
            }
            case LPAREN -> treeOrText(line);
            case EOF -> throw new MorphologyFormatException(lx.file(), line, col,
                    "the block opened here is never closed (the file ends first)");
            default -> throw lx.error("expected a quoted name, a word or '(' after '(', found " + lx.describe());
        }
    }

    private boolean isKnownBlock() {
        return lx.isWord("Sections") || lx.isWord("ImageCoords") || lx.isWord("Description") || lx.isWord("SSM")
                || lx.isWord("SSM2") || lx.isWord("Thumbnail") || lx.isWord("MBFObjectType") || lx.isWord("Font")
                || lx.isWord("Color") || lx.isWord("Resolution") || lx.isWord("Closed") || lx.isWord("Name");
    }

    private static final java.util.Set<String> NUMERIC_PROPERTIES = java.util.Set.of("Resolution", "Generated",
            "Class", "MBFObjectType", "Thickness", "FillDensity", "SSM", "SSM2", "Zsmear", "Color", "Font",
            "Sections", "Spine", "Varicosity", "Dot", "OpenCircle", "FilledCircle", "Cross", "Plus", "Circle");

    /**
     * A block such as {@code (Z 1 0 1)} inside a contour or branch is almost surely a mistyped point: an unknown
     * word directly followed by a number is reported instead of being skipped. The current token is the word.
     */
    private void checkProperty() {
        String w = lx.text();
        int line = lx.tokLine, col = lx.tokCol;
        if (NUMERIC_PROPERTIES.contains(w) || w.startsWith("Marker") || w.startsWith("Filled")
                || w.startsWith("Open")) {
            return;
        }
        lx.next();
        if (lx.kind == Kind.NUMBER) {
            throw new MorphologyFormatException(lx.file(), line, col, "unexpected token '" + w + "': a point"
                    + " must start with a number, and '" + w + "' is not a known Neurolucida property");
        }
    }

    /** Skips to the ')' that closes a block whose '(' was at line/col (the '(' is already consumed). */
    private void skipRest(int line, int col) {
        int depth = 1;
        while (depth > 0) {
            switch (lx.kind) {
                case LPAREN -> depth++;
                case RPAREN -> depth--;
                case EOF -> throw new MorphologyFormatException(lx.file(), line, col,
                        "the block opened here is never closed (the file ends first)");
                default -> { }
            }
            lx.next();
        }
    }

    private void contour(int line) {
        Contour c = new Contour();
        c.name = lx.text();
        c.line = line;
        lx.next();
        while (true) {
            if (lx.kind == Kind.COMMA) {
                lx.next();
            } else if (lx.kind == Kind.LPAREN) {
                int l = lx.tokLine, col = lx.tokCol;
                lx.next();
                if (lx.kind == Kind.NUMBER) {
                    c.points.add(pointRest(l, col));
                } else if (lx.kind == Kind.WORD) {
                    checkProperty();
                    skipRest(l, col);
                } else {
                    throw lx.error("expected a point '(x y z d)' or a property in contour \"" + c.name
                            + "\", found " + lx.describe());
                }
            } else if (lx.kind == Kind.RPAREN) {
                lx.next();
                break;
            } else if (lx.kind == Kind.EOF) {
                throw new MorphologyFormatException(lx.file(), line, 1, "the contour \"" + c.name
                        + "\" opened here is never closed (the file ends first)");
            } else {
                throw lx.error("unexpected " + lx.describe() + " in contour \"" + c.name + "\"");
            }
        }
        contours.add(c);
    }

    /** A point after its '(' ; the current token is the first number. */
    private Pt pointRest(int line, int col) {
        double[] v = new double[4];
        int n = 0;
        while (true) {
            if (lx.kind == Kind.NUMBER) {
                if (n == 4) throw lx.error("a point has at most 4 numbers (x y z diameter), found a fifth");
                v[n++] = lx.number;
                lx.next();
            } else if (lx.kind == Kind.COMMA) {
                lx.next();
            } else {
                break;
            }
        }
        if (n < 2) {
            if (lx.kind == Kind.EOF) {
                throw new MorphologyFormatException(lx.file(), line, col, "the point opened here is never"
                        + " closed (the file ends first)");
            }
            throw lx.error("a point needs at least x and y, found " + lx.describe());
        }
        if (lx.kind == Kind.WORD && n == 4) lx.next();          // slice tag such as S1
        if (lx.kind == Kind.LPAREN && n == 4) {                  // Bezier control values
            int l = lx.tokLine, c = lx.tokCol;
            lx.next();
            skipRest(l, c);
        }
        if (lx.kind == Kind.EOF) {
            throw new MorphologyFormatException(lx.file(), line, col, "the point opened here is never closed"
                    + " (the file ends first)");
        }
        if (lx.kind != Kind.RPAREN) {
            throw lx.error("expected ')' closing the point opened on line " + line + ", found " + lx.describe());
        }
        lx.next();
        return new Pt(v[0], v[1], v[2], v[3], line);
    }

    private void treeOrText(int line) {
        Tree t = new Tree();
        t.line = line;
        // properties before the first point
        while (lx.kind == Kind.LPAREN || lx.kind == Kind.COMMA) {
            if (lx.kind == Kind.COMMA) {
                lx.next();
                continue;
            }
            int l = lx.tokLine, c = lx.tokCol;
            lx.next();
            if (lx.kind == Kind.WORD) {
                String w = lx.text();
                if (w.equals("Set") || w.equals("set") || w.equals("SET")) {
                    skipRest(l, c);
                } else {
                    t.properties.add(w);
                    skipRest(l, c);
                }
            } else if (lx.kind == Kind.NUMBER) {
                Pt first = pointRest(l, c);
                if (lx.kind == Kind.STRING) {                     // a text annotation
                    lx.next();
                    expect(Kind.RPAREN, "')' closing the text opened on line " + line);
                    texts++;
                    return;
                }
                Branch root = new Branch();
                root.line = first.line();
                root.points.add(first);
                branchRest(root, line);
                t.root = root;
                expect(Kind.RPAREN, "')' closing the tree opened on line " + line);
                trees.add(t);
                return;
            } else if (lx.kind == Kind.EOF) {
                throw new MorphologyFormatException(lx.file(), line, 1, "the tree opened here is never closed"
                        + " (the file ends first)");
            } else {
                throw lx.error("expected a property such as (Dendrite) or a point (x y z d), found "
                        + lx.describe());
            }
        }
        if (lx.kind == Kind.EOF) {
            throw new MorphologyFormatException(lx.file(), line, 1, "the tree opened here is never closed (the"
                    + " file ends first)");
        }
        if (lx.kind == Kind.RPAREN) {
            throw lx.error("the tree opened on line " + line + " has no points");
        }
        throw lx.error("expected a point (x y z d), found " + lx.describe());
    }

    /** Points, spines, markers of a branch, then its end: a split, an end word, or nothing. */
    private void branchRest(Branch b, int treeLine) {
        while (true) {
            switch (lx.kind) {
                case COMMA -> lx.next();
                case LANGLE -> spine();
                case LPAREN -> {
                    int l = lx.tokLine, c = lx.tokCol;
                    lx.next();
                    if (lx.kind == Kind.NUMBER) {
                        Pt p = pointRest(l, c);
                        if (b.points.isEmpty()) b.line = p.line();
                        b.points.add(p);
                    } else if (lx.kind == Kind.WORD) {
                        checkProperty();
                        if (!isKnownBlock()) markers++;
                        skipRest(l, c);
                    } else if (lx.kind == Kind.LPAREN || lx.kind == Kind.BAR || lx.kind == Kind.RPAREN) {
                        split(b, l, c, treeLine);
                        endOfBranch();
                        return;
                    } else if (lx.kind == Kind.EOF) {
                        throw new MorphologyFormatException(lx.file(), l, c, "the branch opened here is never"
                                + " closed (the file ends first)");
                    } else {
                        throw lx.error("expected a point, a marker or a branch after '(', found "
                                + lx.describe());
                    }
                }
                case WORD -> {                       // Normal, Incomplete, Generated, High, Low, Midpoint ...
                    lx.next();
                    endOfBranch();
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    private void endOfBranch() {
        while (lx.kind == Kind.COMMA) lx.next();
        if (lx.kind != Kind.BAR && lx.kind != Kind.RPAREN) {
            if (lx.kind == Kind.EOF) {
                throw lx.error("the file ends inside a tree (a ')' is missing)");
            }
            throw lx.error("expected '|' or ')' after the end of a branch, found " + lx.describe());
        }
    }

    /** Children of {@code parent}; the '(' opening the split is consumed. */
    private void split(Branch parent, int line, int col, int treeLine) {
        while (true) {
            Branch child = new Branch();
            child.line = lx.tokLine;
            branchRest(child, treeLine);
            if (child.points.isEmpty()) {
                if (!child.children.isEmpty()) {
                    throw new MorphologyFormatException(lx.file(), child.line, 0, "a branch without points has"
                            + " sub-branches");
                }
                emptyBranches++;
            } else {
                parent.children.add(child);
            }
            if (lx.kind == Kind.BAR) {
                lx.next();
                continue;
            }
            if (lx.kind == Kind.RPAREN) {
                lx.next();
                return;
            }
            if (lx.kind == Kind.EOF) {
                throw new MorphologyFormatException(lx.file(), line, col, "the branching opened here is never"
                        + " closed (the file ends first)");
            }
            throw lx.error("expected '|' or ')' in the branching opened on line " + line + ", found "
                    + lx.describe());
        }
    }

    private void spine() {
        int line = lx.tokLine, col = lx.tokCol;
        lx.next();
        spines++;
        while (lx.kind != Kind.RANGLE) {
            if (lx.kind == Kind.EOF) {
                throw new MorphologyFormatException(lx.file(), line, col, "the spine opened here with '<' is"
                        + " never closed with '>'");
            }
            if (lx.kind == Kind.LPAREN) {
                int l = lx.tokLine, c = lx.tokCol;
                lx.next();
                skipRest(l, c);
            } else {
                lx.next();
            }
        }
        lx.next();
    }
}
