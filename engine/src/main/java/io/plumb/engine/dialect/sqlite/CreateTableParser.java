package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.dialect.sqlite.SqlLexer.Token;
import io.plumb.engine.schema.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code CreateTableParser} reads what the pragmas do not report from a {@code CREATE TABLE} statement: check
 * constraints, foreign-key names, generation expressions, {@code AUTOINCREMENT} and the table options.
 */
final class CreateTableParser {

    /** Words that start a table-level constraint rather than a column definition. */
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    /** Words that start a constraint, and so consume a pending {@code CONSTRAINT name}. */
    private static final Set<String> CONSTRAINT_STARTS =
            Set.of("PRIMARY", "NOT", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "GENERATED", "AS", "REFERENCES");

    /**
     * What the statement says about one column.
     *
     * @param autoIncrement whether the definition says {@code AUTOINCREMENT}
     * @param generatedExpr the generation expression without its parentheses, for a generated column
     */
    record ColumnText(boolean autoIncrement, Optional<String> generatedExpr) {}

    /**
     * The parsed statement.
     *
     * @param columns what the statement says about each column, by column name
     * @param checks the checks, column-level and table-level, in declaration order
     * @param foreignKeyNames the names of the foreign keys in declaration order, empty for an unnamed key
     * @param withoutRowid whether the table is {@code WITHOUT ROWID}
     * @param strict whether the table is {@code STRICT}
     */
    record Result(
            Map<String, ColumnText> columns,
            List<Check> checks,
            List<String> foreignKeyNames,
            boolean withoutRowid,
            boolean strict) {}

    private final String sql;
    private final List<Token> tokens;
    private final Map<String, ColumnText> columns = new HashMap<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<String> foreignKeyNames = new ArrayList<>();

    private CreateTableParser(String sql) {
        this.sql = sql;
        this.tokens = SqlLexer.tokenize(sql);
    }

    /** Parses a {@code CREATE TABLE} statement as SQLite stored it. */
    static Result parse(String sql) {
        return new CreateTableParser(sql).run();
    }

    private Result run() {
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isSymbol("(")) {
            open++;
        }
        int close = SqlLexer.closing(tokens, open);
        for (int[] range : SqlLexer.splitTopLevel(tokens, open + 1, close)) {
            definition(range[0], range[1]);
        }
        boolean withoutRowid = false;
        boolean strict = false;
        for (int i = close + 1; i < tokens.size(); i++) {
            withoutRowid |= tokens.get(i).isWord("ROWID");
            strict |= tokens.get(i).isWord("STRICT");
        }
        return new Result(Map.copyOf(columns), List.copyOf(checks), List.copyOf(foreignKeyNames), withoutRowid, strict);
    }

    private void definition(int from, int to) {
        Token first = tokens.get(from);
        if (first.kind() == SqlLexer.Kind.WORD && TABLE_CONSTRAINTS.contains(first.upper())) {
            constraints(from, to);
            return;
        }
        boolean autoIncrement = false;
        Optional<String> generated = Optional.empty();
        for (int i = from + 1; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                i = SqlLexer.closing(tokens, i);
            } else if (t.isWord("AUTOINCREMENT")) {
                autoIncrement = true;
            } else if (t.isWord("AS") && i + 1 < to && tokens.get(i + 1).isSymbol("(")) {
                int close = SqlLexer.closing(tokens, i + 1);
                generated = Optional.of(SqlLexer.text(sql, tokens, i + 2, close));
                i = close;
            }
        }
        columns.put(first.identifier(), new ColumnText(autoIncrement, generated));
        constraints(from + 1, to);
    }

    /** Collects the checks and foreign keys of a run of constraints, with the names that precede them. */
    private void constraints(int from, int to) {
        String pendingName = "";
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                i = SqlLexer.closing(tokens, i);
            } else if (t.isWord("CONSTRAINT") && i + 1 < to) {
                pendingName = tokens.get(++i).identifier();
            } else if (t.kind() == SqlLexer.Kind.WORD && CONSTRAINT_STARTS.contains(t.upper())) {
                if (t.isWord("CHECK") && i + 1 < to && tokens.get(i + 1).isSymbol("(")) {
                    int close = SqlLexer.closing(tokens, i + 1);
                    checks.add(Check.of(pendingName, SqlLexer.text(sql, tokens, i + 2, close)));
                    i = close;
                } else if (t.isWord("REFERENCES")) {
                    foreignKeyNames.add(pendingName);
                }
                pendingName = "";
            }
        }
    }
}
