package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.diff.NumericLiterals;
import io.plumb.engine.diff.ObjectTexts;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code SqliteNormalizer} decides when two SQLite types, defaults or expressions are the same: it compares
 * them token by token, ignoring whitespace, the case of words, and parentheses around the whole text.
 *
 * <p>Types compare by their lower-case SQL ({@code VARCHAR(255)} = {@code varchar(255)}); defaults also ignore
 * wrapping parentheses ({@code ('a')} = {@code 'a'}) and the case of keywords ({@code current_timestamp}); expressions
 * also ignore identifier quotes ({@code "a" > 0} = {@code a>0}). String literals always compare exactly.
 */
public final class SqliteNormalizer implements DiffNormalizer {

    /** SQLite stores no comments, so a comment in a schema file is never a difference. */
    @Override
    public boolean sameComment(Optional<String> from, Optional<String> to) {
        return true;
    }

    /** SQLite keeps a view's or trigger's text as written, so texts compare token by token, ignoring case. */
    @Override
    public boolean sameObject(SchemaObject from, SchemaObject to) {
        return ObjectTexts.comparable(from, sql -> key(sql, true))
                .equals(ObjectTexts.comparable(to, sql -> key(sql, true)));
    }

    /** A table SQLite cannot alter in place is rebuilt, and {@code DROP TABLE} drops its triggers. */
    @Override
    public boolean rebuilds(SchemaChange.ModifyTable change) {
        return !SqlitePlanner.isInPlace(change);
    }

    /** The index of a {@code UNIQUE} constraint is matched under the name it is planned under. */
    @Override
    public String indexKey(Table table, Index index) {
        return SqliteDdl.indexName(table, index);
    }

    /**
     * Types compare as the planner writes them: a known type by its name alone ({@code varchar(255)} = {@code
     * varchar}, as the reference compares them), any other as written.
     */
    @Override
    public String typeKey(ColumnType type) {
        return key(SqliteTypes.planned(type), false);
    }

    @Override
    public String defaultKey(DefaultValue value) {
        // SQLite keeps a default as written: -1.5e10, +5 and -0 must equal the HCL numbers -15000000000, 5 and 0.
        return NumericLiterals.key(value.sql()).orElseGet(() -> key(unwrapAll(value.sql()), false));
    }

    @Override
    public String expressionKey(String sql) {
        return key(unwrapAll(sql), true);
    }

    private static String unwrapAll(String sql) {
        String text = sql.trim();
        for (String inner = CreateIndexParser.unwrap(text);
                !inner.equals(text);
                inner = CreateIndexParser.unwrap(text)) {
            text = inner.trim();
        }
        return text;
    }

    private static String key(String sql, boolean unquoteIdentifiers) {
        List<SqlLexer.Token> tokens = SqlLexer.tokenize(sql);
        return tokens.stream()
                .map(t -> switch (t.kind()) {
                    case WORD -> t.text().toLowerCase(Locale.ROOT);
                    case QUOTED -> unquoteIdentifiers ? t.identifier().toLowerCase(Locale.ROOT) : t.text();
                    default -> t.text();
                })
                .collect(Collectors.joining(" "));
    }
}
