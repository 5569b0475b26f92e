package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PostgresDefaults} reads the default expressions PostgreSQL stores ({@code 'anon'::character varying},
 * {@code (-1)}, {@code now()}) back into the literals and expressions a schema file declares.
 */
final class PostgresDefaults {

    // A quoted literal with an optional cast: 'it''s'::text, '1.5'::numeric, 'a'::character varying(10).
    private static final Pattern CAST_LITERAL = Pattern.compile("('(?:[^']|'')*')(?:::[a-z_ ]+(?:\\([0-9, ]+\\))?)?");
    private static final Pattern NUMBER = Pattern.compile("\\(?(-?[0-9]+(?:\\.[0-9]+)?)\\)?(?:::[a-z_ ]+)?");

    private PostgresDefaults() {}

    /** Returns the default a stored expression stands for, on a column of the given type. */
    static DefaultValue fromCatalog(String expr, ColumnType type) {
        String text = expr.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return new DefaultValue.Literal(lower);
        }
        Matcher number = NUMBER.matcher(text);
        if (number.matches()) {
            return new DefaultValue.Literal(number.group(1));
        }
        Matcher literal = CAST_LITERAL.matcher(text);
        if (literal.matches()) {
            String quoted = literal.group(1);
            String inner = quoted.substring(1, quoted.length() - 1);
            // A numeric column stores a literal default as a cast string ('1.5'::numeric); the file has a number.
            if (!PostgresTypes.isString(type) && inner.matches("-?[0-9]+(\\.[0-9]+)?")) {
                return new DefaultValue.Literal(inner);
            }
            return new DefaultValue.Literal(quoted);
        }
        return new DefaultValue.RawExpr(text);
    }
}
