package io.mlops.util;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Bad input or bad configuration: the user-facing boundary error of the engine. It carries the file
 * and, where one is at fault, the line and column, so that every front end can print one clear line
 * and exit with code 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;
    private final String detail;

    /**
     * Creates an error located in a file.
     *
     * @param file   the file at fault, or {@code null} when the problem is not in a file
     * @param line   the 1-based line, or 0 when unknown or not applicable
     * @param column the 1-based column, or 0 when unknown or not applicable
     * @param detail what was wrong and what was expected
     */
    public InputException(final String file, final long line, final int column, final String detail) {
        super(format(file, line, column, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = Objects.requireNonNull(detail);
    }

    /** An error in a file as a whole. */
    public InputException(final Path file, final String detail) {
        this(file == null ? null : file.toString(), 0, 0, detail);
    }

    /** An error that is not located in a file (bad option, bad configuration). */
    public InputException(final String detail) {
        this(null, 0, 0, detail);
    }

    public String getFile() {
        return file;
    }

    public long getLine() {
        return line;
    }

    public int getColumn() {
        return column;
    }

    /** The message without its location. */
    public String getDetail() {
        return detail;
    }

    private static String format(final String file, final long line, final int column, final String detail) {
        var message = new StringBuilder();
        if (file != null) {
            message.append(file);
            if (line > 0) {
                message.append(", line ").append(line);
            }
            if (column > 0) {
                message.append(", column ").append(column);
            }
            message.append(": ");
        }
        return message.append(detail).toString();
    }
}
