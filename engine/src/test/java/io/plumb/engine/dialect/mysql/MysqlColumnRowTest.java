package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.Generated;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Reads {@code information_schema.COLUMNS} rows as each flavour writes them. There is no MySQL 8 server here, so its
 * rows are the values the MySQL 8.0 Reference Manual gives (section 28.3.8, "The INFORMATION_SCHEMA COLUMNS Table":
 * {@code EXTRA} says {@code DEFAULT_GENERATED} for expression defaults and {@code on update CURRENT_TIMESTAMP},
 * string defaults are bare text, JSON is its own type); the MariaDB rows are what embedded MariaDB 11.4 returns.
 */
class MysqlColumnRowTest {

    @Test
    void mysqlCurrentTimeDefaultsAndOnUpdateAreCurrentTimestamp() {
        Column column =
                mysql("updated", "timestamp", "CURRENT_TIMESTAMP", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP");
        assertThat(column.defaultValue()).contains(new DefaultValue.RawExpr("CURRENT_TIMESTAMP"));
        assertThat(column.options()).containsEntry(MysqlSpecDialect.ON_UPDATE, "CURRENT_TIMESTAMP");
        Column precise = mysql(
                "updated", "datetime(6)", "CURRENT_TIMESTAMP(6)", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP(6)");
        assertThat(precise.defaultValue()).contains(new DefaultValue.RawExpr("CURRENT_TIMESTAMP(6)"));
        assertThat(precise.options()).containsEntry(MysqlSpecDialect.ON_UPDATE, "CURRENT_TIMESTAMP(6)");
    }

    @Test
    void mysqlNowInParenthesesAndMariadbCurrentTimestampCallAreOneDefault() {
        Column mysql = mysql("created", "datetime", "now()", "DEFAULT_GENERATED");
        Column maria = maria("created", "datetime", "current_timestamp()", "on update current_timestamp()");
        assertThat(mysql.defaultValue()).contains(new DefaultValue.RawExpr("CURRENT_TIMESTAMP"));
        assertThat(maria.defaultValue()).isEqualTo(mysql.defaultValue());
        assertThat(maria.options()).containsEntry(MysqlSpecDialect.ON_UPDATE, "CURRENT_TIMESTAMP");
    }

    @Test
    void mysqlExpressionDefaultsAreRawExpressions() {
        assertThat(mysql("r", "double", "rand()", "DEFAULT_GENERATED").defaultValue())
                .contains(new DefaultValue.RawExpr("rand()"));
    }

    @Test
    void mysqlStringDefaultsAreBareAndMariadbOnesQuoted() {
        assertThat(mysql("name", "varchar(10)", "it's", "").defaultValue())
                .contains(new DefaultValue.Literal("'it''s'"));
        assertThat(maria("name", "varchar(10)", "'it''s'", "").defaultValue())
                .contains(new DefaultValue.Literal("'it''s'"));
        assertThat(mysql("n", "int", "42", "").defaultValue()).contains(new DefaultValue.Literal("42"));
        assertThat(maria("n", "int(11)", "NULL", "").defaultValue()).isEmpty();
    }

    @Test
    void mysqlJsonIsNativeAndMariadbJsonIsLongtext() {
        MysqlColumnRow mysql = row("doc", "json", "json", null, "", "");
        assertThat(mysql.column(MysqlFlavour.MYSQL).type()).isEqualTo(ColumnType.Named.of("json"));
        assertThat(mysql.isLongtext()).isFalse();
        MysqlColumnRow maria = row("doc", "longtext", "longtext", null, "", "");
        assertThat(maria.isLongtext()).isTrue();
    }

    @Test
    void mysqlGenerationExpressionsLoseTheirOuterParentheses() {
        // MySQL 8 keeps generation expressions parenthesised: SHOW CREATE TABLE prints AS ((`n` * 2)).
        Column mysql = row("twice", "int", "int", null, "STORED GENERATED", "(`n` * 2)")
                .column(MysqlFlavour.MYSQL);
        Column maria = row("twice", "int(11)", "int", null, "PERSISTENT GENERATED", "`n` * 2")
                .column(MysqlFlavour.MARIADB);
        assertThat(mysql.generated()).contains(new Generated("`n` * 2", "STORED"));
        assertThat(maria.generated()).isEqualTo(mysql.generated());
        Column virtual =
                row("v", "int", "int", null, "VIRTUAL GENERATED", "(`n` + 1)").column(MysqlFlavour.MYSQL);
        assertThat(virtual.generated()).contains(new Generated("`n` + 1", "VIRTUAL"));
        assertThat(virtual.defaultValue()).isEmpty();
    }

    @Test
    void utf8mb4DefaultsOfBothServersKeepTheirCollation() {
        Column mysql = new MysqlColumnRow(
                        "db", "s", "varchar(5)", "varchar", false, null, "", "utf8mb4", "utf8mb4_0900_ai_ci", "", "")
                .column(MysqlFlavour.MYSQL);
        assertThat(mysql.options())
                .isEqualTo(Map.of(MysqlSpecDialect.CHARSET, "utf8mb4", MysqlSpecDialect.COLLATE, "utf8mb4_0900_ai_ci"));
        assertThat(MysqlTableParts.charsetOf("utf8mb4_0900_ai_ci")).isEqualTo("utf8mb4");
        assertThat(MysqlTableParts.charsetOf("utf8mb4_uca1400_ai_ci")).isEqualTo("utf8mb4");
        assertThat(MysqlTableParts.charsetOf("binary")).isEqualTo("binary");
    }

    @Test
    void unsignedAutoIncrementAndCommentsAreRead() {
        Column column = new MysqlColumnRow(
                        "db",
                        "id",
                        "bigint unsigned",
                        "bigint",
                        false,
                        null,
                        "auto_increment",
                        null,
                        null,
                        "the id",
                        "")
                .column(MysqlFlavour.MYSQL);
        assertThat(column.autoIncrement()).isTrue();
        assertThat(column.options()).containsEntry(MysqlSpecDialect.UNSIGNED, "true");
        assertThat(column.comment()).isEqualTo(Optional.of("the id"));
        assertThat(column.type()).isEqualTo(ColumnType.Named.of("bigint"));
    }

    @Test
    void expressionsLoseTheirOwnSchemasQualifierButNotOthersNorLiterals() {
        // MariaDB qualifies a sequence in a default with the column's schema: read on a dev database, that is the
        // dev schema's name, which no target has.
        assertThat(maria("id", "bigint", "nextval(`db`.`s`)", "").defaultValue())
                .isEqualTo(Optional.of(new DefaultValue.RawExpr("nextval(`s`)")));
        assertThat(maria("id", "bigint", "nextval(`other`.`s`)", "").defaultValue())
                .isEqualTo(Optional.of(new DefaultValue.RawExpr("nextval(`other`.`s`)")));
        assertThat(maria("s", "varchar(20)", "'`db`.`s`'", "").defaultValue())
                .isEqualTo(Optional.of(new DefaultValue.Literal("'`db`.`s`'")));
        // MySQL writes a string default bare: it is a literal, whatever it reads like.
        assertThat(mysql("s", "varchar(20)", "`db`.`s`", "").defaultValue())
                .isEqualTo(Optional.of(new DefaultValue.Literal("'`db`.`s`'")));
        assertThat(row("g", "bigint", "bigint", null, "VIRTUAL GENERATED", "nextval(`db`.`s`) + 1")
                        .column(MysqlFlavour.MARIADB)
                        .generated()
                        .map(Generated::expr))
                .isEqualTo(Optional.of("nextval(`s`) + 1"));
    }

    private static Column mysql(String name, String type, String columnDefault, String extra) {
        return row(name, type, type, columnDefault, extra, "").column(MysqlFlavour.MYSQL);
    }

    private static Column maria(String name, String type, String columnDefault, String extra) {
        return row(name, type, type, columnDefault, extra, "").column(MysqlFlavour.MARIADB);
    }

    private static MysqlColumnRow row(
            String name, String columnType, String dataType, @Nullable String columnDefault, String extra, String gen) {
        return new MysqlColumnRow("db", name, columnType, dataType, false, columnDefault, extra, null, null, "", gen);
    }
}
