package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.ColumnType;
import org.junit.jupiter.api.Test;

class SqliteTypesTest {

    @Test
    void knownNamesWithArguments() {
        assertThat(SqliteTypes.parse("VARCHAR (255)")).isEqualTo(ColumnType.Named.of("varchar", "255"));
        assertThat(SqliteTypes.parse("native  character(70)")).isEqualTo(ColumnType.Named.of("native character", "70"));
        assertThat(SqliteTypes.parse("")).isEqualTo(ColumnType.Named.of("blob"));
    }

    @Test
    void unknownOrMalformedTypesStayRaw() {
        assertThat(SqliteTypes.parse("INT UNSIGNED")).isEqualTo(new ColumnType.Raw("INT UNSIGNED"));
        assertThat(SqliteTypes.parse("varchar(")).isEqualTo(new ColumnType.Raw("varchar("));
        assertThat(SqliteTypes.parse("decimal(10,)")).isEqualTo(new ColumnType.Raw("decimal(10,)"));
    }
}
