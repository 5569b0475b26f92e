package io.plumb.engine.dialect.postgres.psql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A {@code PsqlPattern} is the argument of psql's {@code \d} read as psql reads it: dot-separated parts, each
 * folded to lower case unless double-quoted ({@code ""} inside quotes is one quote), with {@code *} and {@code ?}
 * as wildcards outside quotes and every other character literal; each part becomes an anchored regular expression.
 *
 * @param schema the schema part as a regular expression, or null when the pattern names no schema
 * @param relation the relation part as a regular expression
 */
record PsqlPattern(@Nullable String schema, String relation) {

    private static final String SPECIAL = "|*+?()[]{}.^$\\";

    /**
     * Parses a pattern such as {@code public.users}, {@code "MixedCase".t*} or {@code users}.
     *
     * @throws IllegalArgumentException when it has more than two parts, as a database-qualified name is not
     *     supported here
     */
    static PsqlPattern parse(String pattern) {
        List<StringBuilder> parts = new ArrayList<>();
        parts.add(new StringBuilder());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            StringBuilder part = parts.get(parts.size() - 1);
            if (ch == '"') {
                if (quoted && i + 1 < pattern.length() && pattern.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted && ch == '.') {
                parts.add(new StringBuilder());
            } else if (!quoted && ch == '*') {
                part.append(".*");
            } else if (!quoted && ch == '?') {
                part.append('.');
            } else {
                if (SPECIAL.indexOf(ch) >= 0) {
                    part.append('\\');
                }
                part.append(quoted ? String.valueOf(ch) : String.valueOf(ch).toLowerCase(Locale.ROOT));
            }
        }
        if (parts.size() > 2) {
            throw new IllegalArgumentException("improper qualified name (too many dotted names): " + pattern);
        }
        String relation = "^(" + parts.get(parts.size() - 1) + ")$";
        return new PsqlPattern(parts.size() == 2 ? "^(" + parts.get(0) + ")$" : null, relation);
    }
}
