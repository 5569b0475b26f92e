package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
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
