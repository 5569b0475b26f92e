package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteNormalizerTest {

    private final SqliteNormalizer normalizer = new SqliteNormalizer();

    @Test
    void typesIgnoreCaseAndSpacing() {
        assertThat(normalizer.typeKey(new ColumnType.Raw("DECIMAL(10, 2)")))
                .isEqualTo(normalizer.typeKey(ColumnType.Named.of("decimal", "10", "2")));
        assertThat(normalizer.typeKey(ColumnType.Named.of("int")))
                .isNotEqualTo(normalizer.typeKey(ColumnType.Named.of("integer")));
    }

    @Test
    void knownTypesCompareByNameAloneAsTheyArePlanned() {
        assertThat(normalizer.typeKey(ColumnType.Named.of("varchar", "255")))
                .isEqualTo(normalizer.typeKey(ColumnType.Named.of("varchar")))
                .isEqualTo(normalizer.typeKey(new ColumnType.Raw("VARCHAR(80)")));
        assertThat(SqliteTypes.planned(new ColumnType.Raw("CHAR(3)"))).isEqualTo("char");
        assertThat(SqliteTypes.planned(new ColumnType.Raw("SHORTTEXT(4)"))).isEqualTo("SHORTTEXT(4)");
        assertThat(normalizer.typeKey(new ColumnType.Raw("SHORTTEXT(4)")))
                .isNotEqualTo(normalizer.typeKey(new ColumnType.Raw("SHORTTEXT(5)")));
    }

    @Test
    void aUniqueConstraintsIndexMeetsTheIndexItIsPlannedAs() {
        Table t = Table.of("t", List.of(Column.of("a", ColumnType.Named.of("int"), true)));
        assertThat(normalizer.indexKey(t, Index.of("sqlite_autoindex_t_1", true, "a", "b")))
                .isEqualTo(normalizer.indexKey(t, Index.of("t_a_b", true, "a", "b")))
                .isEqualTo("t_a_b");
        assertThat(normalizer.indexKey(t, Index.of("other", true, "a"))).isEqualTo("other");
    }

    @Test
    void defaultsIgnoreWrappingParensAndKeywordCase() {
        assertThat(normalizer.defaultKey(new DefaultValue.RawExpr("(('a'))")))
                .isEqualTo(normalizer.defaultKey(new DefaultValue.Literal("'a'")));
        assertThat(normalizer.defaultKey(new DefaultValue.RawExpr("current_time")))
                .isEqualTo(normalizer.defaultKey(new DefaultValue.RawExpr("CURRENT_TIME")));
        assertThat(normalizer.defaultKey(new DefaultValue.Literal("'A'")))
                .isNotEqualTo(normalizer.defaultKey(new DefaultValue.Literal("'a'")));
    }

    @Test
    void expressionsIgnoreQuotesSpacingAndOuterParens() {
        assertThat(normalizer.expressionKey("(\"a\" >  [b])")).isEqualTo(normalizer.expressionKey("a>b"));
        assertThat(normalizer.expressionKey("a > 'X'")).isNotEqualTo(normalizer.expressionKey("a > 'x'"));
    }
}
