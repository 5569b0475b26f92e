package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Table;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Assembles tables from catalogue values of both flavours. The MySQL 8 values are those of the MySQL 8.0 Reference
 * Manual, section 15.1.20.6 "CHECK Constraints": {@code CHECK_CLAUSE} is parenthesised ({@code (`c1` <> 0)}),
 * {@code TABLE_CONSTRAINTS.ENFORCED} is {@code NO} for {@code NOT ENFORCED}, and {@code SHOW CREATE TABLE} writes a
 * FULLTEXT parser in a version comment; there is no MySQL 8 server here to ask.
 */
class MysqlTablePartsTest {

    @Test
    void mysqlChecksLoseTheirParenthesesAndKeepNotEnforced() {
        MysqlTableParts parts = MysqlTableParts.ignored();
        parts.addCheck("c1_nonzero", "(`c1` <> 0)", "YES", MysqlFlavour.MYSQL);
        parts.addCheck("t1_chk_3", "(`c3` < 100)", "NO", MysqlFlavour.MYSQL);
        assertThat(parts.table().checks())
                .containsExactly(
                        Check.of("c1_nonzero", "`c1` <> 0"),
                        new Check("t1_chk_3", "`c3` < 100", Map.of(MysqlSpecDialect.ENFORCED, "false")));
    }

    @Test
    void mariadbChecksAreKeptAsWrittenAndAlwaysEnforced() {
        MysqlTableParts parts = MysqlTableParts.ignored();
        parts.addCheck("positive", "`id` > 0", "YES", MysqlFlavour.MARIADB);
        parts.addCheck("odd", "(`a` > 0) and (`b` > 0)", "YES", MysqlFlavour.MARIADB);
        assertThat(parts.table().checks())
                .containsExactly(Check.of("positive", "`id` > 0"), Check.of("odd", "(`a` > 0) and (`b` > 0)"));
    }

    @Test
    void mariadbJsonIsLongtextWithAColumnCheckAndMysqlJsonIsNative() {
        MysqlTableParts maria = MysqlTableParts.ignored();
        maria.addColumn(
                new MysqlColumnRow(
                        "db", "doc", "longtext", "longtext", true, null, "", "utf8mb4", "utf8mb4_bin", "", ""),
                MysqlFlavour.MARIADB);
        maria.addCheck("doc", "json_valid(`doc`)", "YES", MysqlFlavour.MARIADB);
        Table mariaTable = maria.table();
        assertThat(mariaTable.columns().get(0).type()).isEqualTo(ColumnType.Named.of("json"));
        assertThat(mariaTable.checks()).isEmpty();
        MysqlTableParts mysql = MysqlTableParts.ignored();
        mysql.addColumn(
                new MysqlColumnRow("db", "doc", "json", "json", true, null, "", null, null, "", ""),
                MysqlFlavour.MYSQL);
        assertThat(mysql.table().columns().get(0).type()).isEqualTo(ColumnType.Named.of("json"));
    }

    @Test
    void aLongtextWithAnotherCheckStaysLongtext() {
        MysqlTableParts parts = MysqlTableParts.ignored();
        parts.addColumn(
                new MysqlColumnRow("db", "doc", "longtext", "longtext", true, null, "", null, null, "", ""),
                MysqlFlavour.MARIADB);
        parts.addCheck("doc", "length(`doc`) > 2", "YES", MysqlFlavour.MARIADB);
        assertThat(parts.table().columns().get(0).type()).isEqualTo(ColumnType.Named.of("longtext"));
        assertThat(parts.table().checks()).hasSize(1);
    }

    @Test
    void parsersAreReadFromShowCreateTableOfBothServers() {
        String mysql =
                """
                CREATE TABLE `articles` (
                  `id` int NOT NULL,
                  `body` text,
                  `title` varchar(200) DEFAULT NULL,
                  PRIMARY KEY (`id`),
                  FULLTEXT KEY `ft_body` (`body`) /*!50100 WITH PARSER `ngram` */ ,
                  FULLTEXT KEY `ft_title` (`title`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci""";
        assertThat(MysqlParsers.of(mysql)).isEqualTo(Map.of("ft_body", "ngram"));
        String maria =
                """
                CREATE TABLE `a` (
                  `b` text DEFAULT NULL,
                  FULLTEXT KEY `we``ird` (`b`) WITH PARSER `simple_parser`
                ) ENGINE=InnoDB""";
        assertThat(MysqlParsers.of(maria)).isEqualTo(Map.of("we`ird", "simple_parser"));
        assertThat(MysqlParsers.of("CREATE TABLE `a` (`b` int)")).isEmpty();
    }
}
