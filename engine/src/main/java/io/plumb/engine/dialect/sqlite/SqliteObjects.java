package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code SqliteObjects} reads SQLite's views and triggers from the {@code CREATE} statements {@code sqlite_master}
 * keeps, which are the text as it was written: a view's query is the text after its {@code AS}, a trigger's body
 * its {@code BEGIN ... END} block.
 */
final class SqliteObjects {

    private SqliteObjects() {}

    /** Returns the views, then the triggers, each ordered by name. */
    static List<SchemaObject> inspect(Connection connection) throws SQLException {
        Set<String> views = new HashSet<>();
        List<SchemaObject> objects = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('view', 'trigger')"
                                + " AND sql IS NOT NULL ORDER BY type DESC, name");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String sql = rs.getString(4);
                if (rs.getString(1).equals("view")) {
                    views.add(rs.getString(2));
                    objects.add(view(rs.getString(2), sql));
                } else {
                    objects.add(trigger(rs.getString(2), rs.getString(3), sql, views));
                }
            }
        }
        return objects;
    }

    /** Returns the view a {@code CREATE VIEW} statement makes: its query is everything after the first top-level AS. */
    static View view(String name, String sql) {
        List<SqlLexer.Token> tokens = SqlLexer.tokenize(sql);
        int as = -1;
        int depth = 0;
        for (int i = 0; i < tokens.size() && as < 0; i++) {
            SqlLexer.Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isWord("AS")) {
                as = i;
            }
        }
        if (as < 0 || as + 1 >= tokens.size()) {
            throw new IllegalStateException("view \"" + name + "\": no query in " + sql);
        }
        String query = sql.substring(tokens.get(as + 1).start()).strip();
        return View.of(name, query);
    }

    /**
     * Returns the trigger a {@code CREATE TRIGGER} statement makes: {@code CREATE [TEMP] TRIGGER [IF NOT EXISTS] name
     * [BEFORE|AFTER|INSTEAD OF] DELETE|INSERT|UPDATE [OF cols] ON table [FOR EACH ROW] [WHEN expr] BEGIN ... END}.
     */
    static Trigger trigger(String name, String table, String sql, Set<String> views) {
        List<SqlLexer.Token> tokens = SqlLexer.tokenize(sql);
        int i = indexOfWord(tokens, "TRIGGER", 0) + 1;
        if (tokens.get(i).isWord("IF")) {
            i += 3;
        }
        i++; // the name
        if (i + 1 < tokens.size() && tokens.get(i).isSymbol(".")) {
            i += 2;
        }
        String timing = "BEFORE";
        if (tokens.get(i).isWord("BEFORE") || tokens.get(i).isWord("AFTER")) {
            timing = tokens.get(i).upper();
            i++;
        } else if (tokens.get(i).isWord("INSTEAD")) {
            timing = "INSTEAD OF";
            i += 2;
        }
        String event = tokens.get(i).upper();
        i++;
        List<String> updateOf = new ArrayList<>();
        if (tokens.get(i).isWord("OF")) {
            i++;
            while (!tokens.get(i).isWord("ON")) {
                if (!tokens.get(i).isSymbol(",")) {
                    updateOf.add(tokens.get(i).identifier());
                }
                i++;
            }
        }
        int on = indexOfWord(tokens, "ON", i);
        int begin = indexOfWord(tokens, "BEGIN", on);
        int whenAt = -1;
        for (int k = on; k < begin; k++) {
            if (tokens.get(k).isWord("WHEN")) {
                whenAt = k;
                break;
            }
        }
        Optional<String> when =
                whenAt < 0 ? Optional.empty() : Optional.of(SqlLexer.text(sql, tokens, whenAt + 1, begin));
        String body = sql.substring(tokens.get(begin).start()).strip();
        ObjectKind onKind = views.contains(table) ? ObjectKind.VIEW : ObjectKind.TABLE;
        return new Trigger(
                name,
                new ObjectRef(onKind, SqliteInspector.MAIN, table),
                timing,
                List.of(event.toUpperCase(Locale.ROOT)),
                updateOf,
                true,
                when,
                Optional.of(body),
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                List.of());
    }

    private static int indexOfWord(List<SqlLexer.Token> tokens, String word, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return i;
            }
        }
        throw new IllegalStateException("expected " + word + " in a stored CREATE statement");
    }
}
