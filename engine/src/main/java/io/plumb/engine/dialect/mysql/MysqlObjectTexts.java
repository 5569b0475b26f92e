package io.plumb.engine.dialect.mysql;

import io.plumb.engine.diff.ObjectTexts;
import io.plumb.engine.schema.Event;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code MysqlObjectTexts} are the rules by which MySQL's and MariaDB's SQL texts of views, routines, triggers and
 * events compare. The servers keep a routine's, trigger's or event's body as the user wrote it (only a view's query
 * is printed back in the server's own form), so two bodies are the same when they differ only in whitespace, in
 * backquotes and in the case of words outside string literals: {@code BEGIN SET x=1; END} is {@code begin set x =
 * 1; end}.
 */
final class MysqlObjectTexts {

    private MysqlObjectTexts() {}

    /** Returns the comparable key of an SQL text. */
    static String key(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean space = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = literalEnd(sql, i);
                separate(out, space);
                out.append(sql, i, end);
                space = false;
                i = end;
            } else if (Character.isWhitespace(c)) {
                space = true;
                i++;
            } else if (c == '`') {
                i++;
            } else {
                if (isWord(c)) {
                    separate(out, space);
                } else if (space && out.length() > 0 && isWord(out.charAt(out.length() - 1)) && c == '@') {
                    out.append(' ');
                }
                out.append(Character.toLowerCase(c));
                space = false;
                i++;
            }
        }
        String text = out.toString();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    // Whitespace matters only between two words: "end if" is not "endif", but "x = 1" is "x=1".
    private static void separate(StringBuilder out, boolean space) {
        if (space && out.length() > 0 && isWord(out.charAt(out.length() - 1))) {
            out.append(' ');
        }
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\'' || c == '"';
    }

    /** Returns the offset just past the string literal that starts at {@code start}, backslash escapes honoured. */
    static int literalEnd(String sql, int start) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /**
     * Returns a view query without the {@code `schema`.} qualifiers of its own schema, outside string literals: what
     * {@code SHOW CREATE VIEW} prints with the view's schema as the default database. {@code VIEW_DEFINITION}
     * qualifies every table, so a schema copied or renamed (a desired state normalised under the dev database's
     * name) would otherwise read another schema's tables.
     */
    static String unqualified(String query, String schema) {
        String prefix = MysqlDdl.quote(schema) + ".";
        StringBuilder out = new StringBuilder(query.length());
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\'' || c == '"') {
                int end = literalEnd(query, i);
                out.append(query, i, end);
                i = end;
            } else if (c == '`'
                    && query.startsWith(prefix, i)
                    && i + prefix.length() < query.length()
                    && query.charAt(i + prefix.length()) == '`') {
                i += prefix.length();
            } else if (c == '`') {
                int end = query.indexOf('`', i + 1);
                while (end > 0 && end + 1 < query.length() && query.charAt(end + 1) == '`') {
                    end = query.indexOf('`', end + 2);
                }
                end = end < 0 ? query.length() : end + 1;
                out.append(query, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Returns a view query as inspected ({@link #unqualified}) with its own schema's qualifier put back on the names
     * that need one when the view is created from another default database: the tables and views after {@code from}
     * and {@code join} and the stored functions it calls. The query is in the server's form, where these are
     * backquoted and column references are {@code `table`.`column`}.
     */
    static String qualified(String query, String schema) {
        String prefix = MysqlDdl.quote(schema) + ".";
        StringBuilder out = new StringBuilder(query.length() + 16);
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\'' || c == '"') {
                int end = literalEnd(query, i);
                out.append(query, i, end);
                i = end;
            } else if (c == '`') {
                int end = identifierEnd(query, i);
                boolean partOfName =
                        (i > 0 && query.charAt(i - 1) == '.') || (end < query.length() && query.charAt(end) == '.');
                boolean call = end < query.length() && query.charAt(end) == '(';
                if (!partOfName && (call || followsFromOrJoin(out))) {
                    out.append(prefix);
                }
                out.append(query, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int identifierEnd(String text, int start) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '`' && i + 1 < text.length() && text.charAt(i + 1) == '`') {
                i += 2;
            } else if (text.charAt(i) == '`') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    // Whether the text so far ends with "from", "join" (then spaces and opening parentheses).
    private static boolean followsFromOrJoin(StringBuilder out) {
        int i = out.length();
        while (i > 0 && (out.charAt(i - 1) == ' ' || out.charAt(i - 1) == '(')) {
            i--;
        }
        String before = out.substring(Math.max(0, i - 5), i).toLowerCase(Locale.ROOT);
        return before.endsWith("from") && (i < 5 || !Character.isLetterOrDigit(out.charAt(i - 5)))
                || before.endsWith("join");
    }

    /** Returns the object with its SQL texts replaced by their keys, ready for {@link ObjectTexts#comparable}. */
    static SchemaObject comparable(SchemaObject object) {
        if (object instanceof View v) {
            return ObjectTexts.comparable(new View(
                    v.name(), false, List.of(), key(v.query()), List.of(), v.comment(), List.of(), v.options()));
        } else if (object instanceof Routine r) {
            return ObjectTexts.comparable(new Routine(
                    r.kind(),
                    r.name(),
                    r.signature(),
                    r.arguments(),
                    r.returns().map(t -> t.toLowerCase(Locale.ROOT)),
                    r.language(),
                    key(r.body()),
                    r.options(),
                    r.comment(),
                    List.of()));
        } else if (object instanceof Trigger t) {
            return ObjectTexts.comparable(new Trigger(
                    t.name(),
                    t.on(),
                    t.timing(),
                    t.events(),
                    t.updateOf(),
                    t.forEachRow(),
                    t.when(),
                    t.body().map(MysqlObjectTexts::key),
                    Optional.empty(),
                    t.options(),
                    t.comment(),
                    List.of()));
        } else if (object instanceof Event e) {
            return ObjectTexts.comparable(
                    new Event(e.name(), e.schedule(), key(e.body()), e.options(), e.comment(), List.of()));
        }
        return ObjectTexts.comparable(object);
    }
}
