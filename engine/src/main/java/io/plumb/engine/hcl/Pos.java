package io.plumb.engine.hcl;

/**
 * A {@code Pos} is a position in an HCL source: file name, 1-based line and 1-based column (counted in
 * characters).
 *
 * @param file the file name as the user gave it
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record Pos(String file, int line, int column) {

    /** Returns {@code file:line:col}, the prefix of every error message about this position. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
