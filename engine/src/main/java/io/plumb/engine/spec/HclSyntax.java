package io.plumb.engine.spec;

import io.plumb.engine.schema.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code HclSyntax} renders values as HCL expression text the way {@code hclwrite} spells them. */
public final class HclSyntax {

    private HclSyntax() {}

    /**
     * Returns a quoted HCL string: quotes and backslashes escaped, newline, carriage return and tab as {@code \n},
     * {@code \r}, {@code \t}, template introducers doubled ({@code $${}, {@code %%{}), other non-printable
     * characters as {@code \}{@code uNNNN}; printable non-ASCII characters as they are.
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '$', '%' -> {
                    out.appendCodePoint(c);
                    if (i < text.length() && text.charAt(i) == '{') {
                        out.appendCodePoint(c);
                    }
                }
                default -> appendPrintable(out, c);
            }
        }
        return out.append('"').toString();
    }

    private static void appendPrintable(StringBuilder out, int c) {
        if (isPrintable(c)) {
            out.appendCodePoint(c);
        } else if (c < 0x10000) {
            out.append(String.format(Locale.ROOT, "\\u%04x", c));
        } else {
            out.append(String.format(Locale.ROOT, "\\U%08x", c));
        }
    }

    // Go's unicode.IsPrint, which hclwrite uses: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** Returns whether a name can follow a dot in an HCL traversal: an identifier, which may also contain dashes. */
    public static boolean isIdentifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int first = name.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        return name.codePoints()
                .skip(1)
                .allMatch(
                        c -> c == '-' || (Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c)));
    }

    /**
     * Returns a reference such as {@code table.orgs.column.id}: a step that is not an identifier is written as an
     * index, {@code column["first name"]}.
     */
    public static String ref(List<String> path) {
        StringBuilder out = new StringBuilder(path.get(0));
        for (String step : path.subList(1, path.size())) {
            if (isIdentifier(step)) {
                out.append('.').append(step);
            } else {
                out.append('[').append(quote(step)).append(']');
            }
        }
        return out.toString();
    }

    /** Returns a list expression: {@code [a, b]}. */
    public static String list(List<String> expressions) {
        return expressions.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    /** Returns a raw SQL expression: {@code sql("...")}. */
    public static String sql(String sql) {
        return "sql(" + quote(sql) + ")";
    }

    /**
     * Returns the HCL expression of a type: a named type's words joined by underscores, with its arguments (quoted
     * SQL strings become HCL strings), or {@code sql("...")} for a raw type.
     */
    public static String type(ColumnType type) {
        if (type instanceof ColumnType.Named named) {
            String name = named.name().replace(' ', '_');
            return named.args().isEmpty()
                    ? name
                    : name + named.args().stream().map(HclSyntax::typeArg).collect(Collectors.joining(",", "(", ")"));
        }
        return sql(type.sql());
    }

    private static String typeArg(String arg) {
        return SqlLiterals.isQuoted(arg) ? quote(SqlLiterals.unquote(arg)) : arg;
    }
}
