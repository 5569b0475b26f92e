package io.plumb.engine.migrate;

import java.util.List;
import java.util.Optional;

/**
 * A {@code Directive} is one {@code atlas:NAME [args]} comment: {@code -- atlas:nolint DS103}, {@code
 * #atlas:txmode none}, or the same in a one-line block comment.
 *
 * @param name the name after {@code atlas:}, such as {@code nolint}
 * @param args the rest of the comment, trimmed (empty when there are none)
 * @param argsIndex the index in the comment where the arguments start, for error positions
 */
record Directive(String name, String args, int argsIndex) {

    private static final String MARKER = "atlas:";

    /** Returns the directive a comment holds, or empty when it holds none. */
    static Optional<Directive> parse(String comment) {
        int start;
        int end = comment.length();
        if (comment.startsWith("--")) {
            start = 2;
        } else if (comment.startsWith("#")) {
            start = 1;
        } else if (comment.startsWith("/*") && comment.endsWith("*/") && comment.indexOf('\n') < 0) {
            start = 2;
            end = Math.max(start, end - 2);
        } else {
            return Optional.empty();
        }
        while (start < end && isSpace(comment.charAt(start))) {
            start++;
        }
        if (!comment.startsWith(MARKER, start)) {
            return Optional.empty();
        }
        int nameStart = start + MARKER.length();
        int nameEnd = nameStart;
        while (nameEnd < end && !isSpace(comment.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == nameStart) {
            return Optional.empty();
        }
        int argsIndex = nameEnd;
        while (argsIndex < end && isSpace(comment.charAt(argsIndex))) {
            argsIndex++;
        }
        String args = comment.substring(argsIndex, end).strip();
        return Optional.of(new Directive(comment.substring(nameStart, nameEnd), args, argsIndex));
    }

    /** Returns the arguments split at whitespace (none for a bare directive). */
    List<String> argList() {
        return args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
