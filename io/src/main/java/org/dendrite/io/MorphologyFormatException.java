package org.dendrite.io;

import java.nio.file.Path;

import org.dendrite.engine.DendriteException;

/**
 * A morphology file (SWC, Neurolucida ASC) that cannot be read. The message names the file, the line (and the
 * column where it is known) and says in plain words what was found and what was expected, for example
 * {@code cell.swc:12: sample 7 names parent 99, but no sample has id 99}.
 */
public class MorphologyFormatException extends DendriteException {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param file    the file (its path as the user gave it), or null
     * @param line    1-based line number, or 0 when the problem concerns the whole file
     * @param column  1-based column, or 0 when not known
     * @param problem what is wrong, in plain words, without the location
     */
    public MorphologyFormatException(Path file, int line, int column, String problem) {
        this(file == null ? null : file.toString(), line, column, problem);
    }

    public MorphologyFormatException(String file, int line, int column, String problem) {
        super(location(file, line, column) + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String location(String file, int line, int column) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<morphology>" : file);
        if (line > 0) {
            sb.append(" line ").append(line);
            if (column > 0) sb.append(", column ").append(column);
        }
        return sb.append(": ").toString();
    }

    /** The file, as given, or null. */
    public String file() { return file; }
    /** 1-based line of the problem, 0 when it concerns the whole file. */
    public int line() { return line; }
    /** 1-based column of the problem, 0 when not known. */
    public int column() { return column; }
    /** The problem in plain words, without file and line. */
    public String problem() { return problem; }
}
