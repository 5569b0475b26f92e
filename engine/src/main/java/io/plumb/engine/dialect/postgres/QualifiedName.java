package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;

import java.util.Optional;

/**
 * A {@code QualifiedName} is how the model keeps a routine another object names (a trigger's function, an
 * aggregate's state function): its bare quoted name when it lives in the naming object's schema, {@code
 * "schema"."name"} otherwise, so that renaming the schema of a one-schema realm needs no rewriting.
 *
 * @param schema the schema, when it is not the naming object's
 * @param name the name
 */
record QualifiedName(Optional<String> schema, String name) {

    /** Returns the name as the model keeps it for an object of schema {@code owner}. */
    static String text(String owner, String schema, String name) {
        return (schema.equals(owner) ? "" : quote(schema) + ".") + quote(name);
    }

    /** Parses {@code "name"} or {@code "schema"."name"}, the quoted form {@link #text} writes; returns the end too. */
    static QualifiedName parse(String text) {
        Parsed first = ident(text, 0);
        if (first.end() < text.length() && text.charAt(first.end()) == '.') {
            Parsed second = ident(text, first.end() + 1);
            return new QualifiedName(Optional.of(first.value()), second.value());
        }
        return new QualifiedName(Optional.empty(), first.value());
    }

    /** Returns the length of the qualified name at the start of the text. */
    static int length(String text) {
        Parsed first = ident(text, 0);
        if (first.end() < text.length() && text.charAt(first.end()) == '.') {
            return ident(text, first.end() + 1).end();
        }
        return first.end();
    }

    /** Returns the schema, falling back to the naming object's. */
    String schemaOr(String owner) {
        return schema.orElse(owner);
    }

    /** Returns the SQL name: qualified when {@code qualified} is set or the schema is another one. */
    String sql(String owner, boolean qualified) {
        return qualified || schema.isPresent() ? quote(schemaOr(owner)) + "." + quote(name) : quote(name);
    }

    private record Parsed(String value, int end) {}

    private static Parsed ident(String text, int start) {
        if (start >= text.length() || text.charAt(start) != '"') {
            int end = start;
            while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '(') {
                end++;
            }
            return new Parsed(text.substring(start, end), end);
        }
        StringBuilder out = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                out.append('"');
                i += 2;
            } else if (c == '"') {
                return new Parsed(out.toString(), i + 1);
            } else {
                out.append(c);
                i++;
            }
        }
        return new Parsed(out.toString(), i);
    }
}
