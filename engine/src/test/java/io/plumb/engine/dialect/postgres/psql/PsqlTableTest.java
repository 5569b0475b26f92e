package io.plumb.engine.dialect.postgres.psql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins psql's aligned layout in {@link PsqlTable}, byte for byte with the spaces psql pads with, from outputs psql
 * printed for the same values.
 */
class PsqlTableTest {

    private static final List<String> HEADERS = List.of("Column", "Type", "Collation", "Nullable", "Default");

    @Test
    void centresTitleAndHeadersAndPadsEveryCellButTheLast() {
        PsqlTable table = new PsqlTable(
                "Table \"app.users\"",
                HEADERS,
                List.of(List.of("id", "integer", "", "not null", ""), List.of("name", "text", "C", "", "'x'::text")),
                List.of("Indexes:", "    \"users_pkey\" PRIMARY KEY, btree (id)"));
        assertThat(table.render())
                .isEqualTo("                  Table \"app.users\"\n"
                        + " Column |  Type   | Collation | Nullable |  Default  \n"
                        + "--------+---------+-----------+----------+-----------\n"
                        + " id     | integer |           | not null | \n"
                        + " name   | text    | C         |          | 'x'::text\n"
                        + "Indexes:\n"
                        + "    \"users_pkey\" PRIMARY KEY, btree (id)\n"
                        + "\n");
    }

    @Test
    void aTitleWiderThanTheTableStartsAtTheMargin() {
        PsqlTable table = new PsqlTable(
                "Partitioned table \"a_rather_long_schema_name.measurements\"",
                HEADERS,
                List.of(List.of("at", "date", "", "not null", "")),
                List.of("Partition key: RANGE (at)", "Number of partitions: 0"));
        assertThat(table.render()).startsWith("Partitioned table \"a_rather_long_schema_name.measurements\"\n");
    }

    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        PsqlTable table = new PsqlTable(
                "Table \"s.商品\"",
                HEADERS,
                List.of(
                        List.of("名前", "text", "", "", "'e\u0301'::text"),
                        List.of("x", "text", "", "", "'\uD83D\uDE00'::text")),
                List.of());
        assertThat(table.render())
                .isEqualTo("                  Table \"s.商品\"\n"
                        + " Column | Type | Collation | Nullable |  Default   \n"
                        + "--------+------+-----------+----------+------------\n"
                        + " 名前   | text |           |          | 'e\u0301'::text\n"
                        + " x      | text |           |          | '\uD83D\uDE00'::text\n"
                        + "\n");
    }

    @Test
    void newlinesContinueACellOnTheNextLineMarkedWithPlus() {
        PsqlTable table = new PsqlTable(
                "Table \"s.t\"",
                HEADERS,
                List.of(List.of("note", "text", "", "", "'one\ntwo'::text"), List.of("n", "int", "", "", "")),
                List.of());
        assertThat(table.render())
                .isEqualTo("                    Table \"s.t\"\n"
                        + " Column | Type | Collation | Nullable |  Default   \n"
                        + "--------+------+-----------+----------+------------\n"
                        + " note   | text |           |          | 'one      +\n"
                        + "        |      |           |          | two'::text\n"
                        + " n      | int  |           |          | \n"
                        + "\n");
    }

    @Test
    void controlCharactersAreEscapedAndTabsExpanded() {
        assertThat(PsqlText.lines("a\tb\u0001c\rd\u0085"))
                .containsExactly(new PsqlText.Line("a       b\\x01c\\rd\\u0085", 23));
    }
}
