package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.dialect.sqlite.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code CreateIndexParser} reads the part texts and the predicate of a {@code CREATE INDEX} statement, which
 * SQLite's pragmas do not report for expression parts and partial indexes.
 */
final class CreateIndexParser {

    /**
     * The parsed statement.
     *
     * @param parts the text of each part, without {@code ASC}/{@code DESC} and without one pair of wrapping
     *     parentheses
     * @param where the predicate of a partial index
     */
    record Result(List<String> parts, Optional<String> where) {}

    private CreateIndexParser() {}

    /** Parses a {@code CREATE INDEX} statement as SQLite stored it. */
    static Result parse(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        int on = 0;
        while (on < tokens.size() && !tokens.get(on).isWord("ON")) {
            on++;
        }
        int open = on;
        while (open < tokens.size() && !tokens.get(open).isSymbol("(")) {
            open++;
        }
        int close = SqlLexer.closing(tokens, open);
        List<String> parts = new ArrayList<>();
        for (int[] range : SqlLexer.splitTopLevel(tokens, open + 1, close)) {
            int end = range[1];
            if (end - 1 > range[0]
                    && (tokens.get(end - 1).isWord("ASC") || tokens.get(end - 1).isWord("DESC"))) {
                end--;
            }
            parts.add(unwrap(SqlLexer.text(sql, tokens, range[0], end)));
        }
        Optional<String> where = Optional.empty();
        for (int i = close + 1; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("WHERE")) {
                where = Optional.of(SqlLexer.text(sql, tokens, i + 1, tokens.size()));
                break;
            }
        }
        return new Result(parts, where);
    }

    /** Strips one pair of parentheses that wraps the whole text, as in {@code (a + b)}. */
    static String unwrap(String text) {
        List<Token> tokens = SqlLexer.tokenize(text);
        if (tokens.size() >= 2 && tokens.get(0).isSymbol("(") && SqlLexer.closing(tokens, 0) == tokens.size() - 1) {
            return SqlLexer.text(text, tokens, 1, tokens.size() - 1);
        }
        return text;
    }
}
