package io.plumb.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String text = "CREATE TABLE a (x text DEFAULT 'a;b'); -- c;d\n"
                + "/* e; */ CREATE TABLE \"b;\" (y int);\n\n-- only a comment;\n";
        assertThat(SqlScript.split(text))
                .containsExactly(
                        "CREATE TABLE a (x text DEFAULT 'a;b')", "-- c;d\n/* e; */ CREATE TABLE \"b;\" (y int)");
    }

    @Test
    void keepsTriggerBodiesWhole() {
        String text =
                "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 1; DELETE FROM b; END;\nBEGIN;\nCOMMIT;";
        assertThat(SqlScript.split(text))
                .containsExactly(
                        "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 1; DELETE FROM b; END",
                        "BEGIN",
                        "COMMIT");
    }

    @Test
    void handlesDoubledQuotesAndAMissingFinalSemicolon() {
        assertThat(SqlScript.split("INSERT INTO a VALUES ('it''s;'); SELECT 1"))
                .containsExactly("INSERT INTO a VALUES ('it''s;')", "SELECT 1");
    }
}
