package io.plumb.engine.lint;

/**
 * A {@code Position} is where something starts in a migration file, as editors count: a 1-based line and a 1-based
 * column in characters.
 *
 * @param line the line, 1 or more
 * @param column the column, 1 or more
 */
public record Position(int line, int column) {

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("position " + line + ":" + column + " is not 1-based");
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
