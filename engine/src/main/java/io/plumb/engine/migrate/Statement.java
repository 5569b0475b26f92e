package io.plumb.engine.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code Statement} is one statement of a migration file as the scanner found it.
 *
 * @param text the statement, trimmed; a {@code ;} delimiter is kept, a custom delimiter is not
 * @param line the 1-based line where the statement starts
 * @param column the 1-based column where the statement starts
 * @param comments the comment lines directly above the statement (no blank line between), each as written, such
 *     as {@code -- atlas:nolint DS103}; statement directives are read from them
 */
public record Statement(String text, int line, int column, List<String> comments) {

    public Statement {
        comments = List.copyOf(comments);
    }

    /**
     * Returns the arguments of each statement directive {@code atlas:NAME} among the comments, in order: {@code
     * directive("nolint")} of {@code -- atlas:nolint DS103 DS102} is {@code ["DS103 DS102"]}, of a bare {@code --
     * atlas:nolint} is {@code [""]}, and is empty when there is no such directive. {@code --}, {@code #} and
     * one-line block comments are read.
     */
    public List<String> directive(String name) {
        List<String> found = new ArrayList<>();
        for (String comment : comments) {
            Directive.parse(comment).filter(d -> d.name().equals(name)).ifPresent(d -> found.add(d.args()));
        }
        return found;
    }
}
