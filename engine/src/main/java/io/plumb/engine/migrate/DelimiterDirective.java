package io.plumb.engine.migrate;

import java.util.Optional;

/**
 * A {@code DelimiterDirective} is a change of a file's statement delimiter: {@code -- atlas:delimiter D} on the
 * first line of the file, or a MySQL client {@code DELIMITER D} command line.
 */
final class DelimiterDirective {

    /** The default delimiter, the only one kept in the text of a statement. */
    static final String DEFAULT = ";";

    private static final String DIRECTIVE = "-- atlas:delimiter";
    private static final String COMMAND = "DELIMITER";

    private DelimiterDirective() {}

    /**
     * Returns the delimiter set by the first line of a file, with {@code \n}, {@code \r} and {@code \t} escapes
     * resolved, or empty when the first line is no {@code -- atlas:delimiter} directive.
     *
     * @throws ScanException when the directive has no delimiter
     */
    static Optional<String> ofFirstLine(String text) {
        if (!text.startsWith(DIRECTIVE)
                || (text.length() > DIRECTIVE.length() && !isBlank(text.charAt(DIRECTIVE.length())))) {
            return Optional.empty();
        }
        int newline = text.indexOf('\n');
        String value = text.substring(DIRECTIVE.length(), newline < 0 ? text.length() : newline)
                .strip();
        if (value.isEmpty()) {
            throw new ScanException(
                    1,
                    DIRECTIVE.length() + 1,
                    "atlas:delimiter has no delimiter: expected one such" + " as $$ or \\n\\n");
        }
        return Optional.of(unescape(value));
    }

    /**
     * Reads a MySQL client {@code DELIMITER D} (or {@code DELIMITER 'D'}) command at the lexer's cursor, moving the
     * lexer to the end of its line.
     *
     * @return the new delimiter, or empty (the lexer unmoved) when no command starts at the cursor
     * @throws ScanException when the command has no delimiter
     */
    static Optional<String> readCommand(Lexer lexer) {
        int start = lexer.pos;
        int after = start + COMMAND.length();
        if (!lexer.text.regionMatches(true, start, COMMAND, 0, COMMAND.length())
                || after >= lexer.length
                || !isBlank(lexer.text.charAt(after))) {
            return Optional.empty();
        }
        int newline = lexer.text.indexOf('\n', after);
        int end = newline < 0 ? lexer.length : newline;
        String value = unquote(lexer.text.substring(after, end).strip());
        if (value.isEmpty()) {
            throw lexer.error(start, "DELIMITER command has no delimiter: expected one such as $$ or //");
        }
        lexer.pos = end;
        return Optional.of(value);
    }

    /** Resolves the {@code \n}, {@code \r} and {@code \t} escapes of a delimiter; other backslashes stay. */
    static String unescape(String value) {
        StringBuilder resolved = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
            char escaped =
                    switch (next) {
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> 0;
                    };
            if (c == '\\' && escaped != 0) {
                resolved.append(escaped);
                i++;
            } else {
                resolved.append(c);
            }
        }
        return resolved.toString();
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '\'' || first == '"' || first == '`') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
