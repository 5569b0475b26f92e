package io.plumb.engine.dialect.postgres;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code UserTypeArrays} reads and writes the SQL of an array of a named type as HCL spells it ({@code
 * sql("status[]")}, {@code sql("app.status[][]")}, {@code sql("status ARRAY")}). The model keeps an array of an enum,
 * domain or composite type qualified and quoted with one pair of brackets ({@code "app"."status"[]}), as the
 * inspector reads it on any connection: PostgreSQL ignores declared dimensions and sizes, and {@code format_type}
 * qualifies the element by the session's {@code search_path}.
 */
final class UserTypeArrays {

    private static final String IDENT = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";

    private static final Pattern ARRAY = Pattern.compile(
            "\\s*" + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")?"
                    + "(?:\\s*(?:\\[\\s*[0-9]*\\s*\\]\\s*)+|\\s+ARRAY(?:\\s*\\[\\s*[0-9]*\\s*\\])?\\s*)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private UserTypeArrays() {}

    /**
     * The element of an array type.
     *
     * @param schema the element's schema, when the type names one
     * @param name the element's name
     */
    record Element(Optional<String> schema, String name) {}

    /** Returns the element of an array of a named type, if the SQL is one; unquoted names fold to lower case. */
    static Optional<Element> parse(String sql) {
        Matcher m = ARRAY.matcher(sql);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                m.group(2) == null
                        ? new Element(Optional.empty(), ident(m.group(1)))
                        : new Element(Optional.of(ident(m.group(1))), ident(m.group(2))));
    }

    /** Returns the model's SQL of an array of the given type: {@code "schema"."name"[]}. */
    static String sql(String schema, String name) {
        return PostgresEnums.type(schema, name).sql() + "[]";
    }

    /**
     * Returns the element of a type the model keeps as {@link #sql}, if it is one: its schema and name, or empty for
     * any other type.
     */
    static Optional<Element> ofModel(String sql) {
        if (!sql.endsWith("[]") || !sql.startsWith("\"")) {
            return Optional.empty();
        }
        QualifiedName name = QualifiedName.parse(sql.substring(0, sql.length() - 2));
        if (name.schema().isEmpty() || !sql(name.schema().get(), name.name()).equals(sql)) {
            return Optional.empty();
        }
        return Optional.of(new Element(name.schema(), name.name()));
    }

    /** Returns the HCL text of an array of a type: {@code status[]}, {@code app.status[]}, quoting where needed. */
    static String hcl(Optional<String> schema, String name) {
        return schema.map(s -> hclIdent(s) + ".").orElse("") + hclIdent(name) + "[]";
    }

    private static String hclIdent(String name) {
        return PLAIN.matcher(name).matches() ? name : PostgresDdl.quote(name);
    }

    private static String ident(String text) {
        return text.startsWith("\"")
                ? text.substring(1, text.length() - 1).replace("\"\"", "\"")
                : text.toLowerCase(Locale.ROOT);
    }
}
