package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementScannerTest {

    // A hang guard, not a benchmark: a quadratic scan of a megabyte takes minutes, a linear one milliseconds.
    private static final Duration GUARD = Duration.ofSeconds(20);

    @Test
    void reportsTheLineAndColumnOfEachStatementsFirstCharacter() {
        List<Statement> statements =
                StatementScanner.scan("\n\n    SELECT 1;  SELECT\n2;\n\t-- c\n\tSELECT 3", ScannerOptions.SQLITE);
        assertThat(statements)
                .extracting(s -> s.line() + ":" + s.column() + " " + s.text())
                .containsExactly("3:5 SELECT 1;", "3:16 SELECT\n2;", "6:2 SELECT 3");
        assertThat(statements.get(2).comments()).containsExactly("-- c");
    }

    @Test
    void countsColumnsInCodePoints() {
        List<Statement> statements = StatementScanner.scan("SELECT '\uD83D\uDE00'; SELECT 2;", ScannerOptions.SQLITE);
        assertThat(statements.get(1).column()).isEqualTo(13);
        assertThatThrownBy(() -> StatementScanner.scan("SELECT '\uD83D\uDE00', 'x", ScannerOptions.SQLITE))
                .hasMessage("1:13: unclosed quote '''");
    }

    @Test
    void readsCrlfFilesWithoutCarriageReturnsInTextsCommentsOrColumns() {
        String text = "-- header\r\n\r\n-- first\r\nSELECT 1;\r\n  SELECT 2\r\n;\r\n-- last\r\n";
        List<Statement> statements = StatementScanner.scan(text, ScannerOptions.MYSQL);
        assertThat(statements)
                .extracting(s -> s.line() + ":" + s.column() + " " + s.text() + " " + s.comments())
                .containsExactly("4:1 SELECT 1; [-- first]", "5:3 SELECT 2\r\n; []");
        assertThatThrownBy(() -> StatementScanner.scan("SELECT 1;\r\nSELECT 'x", ScannerOptions.SQLITE))
                .isInstanceOfSatisfying(ScanException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(8);
                    assertThat(e.detail()).isEqualTo("unclosed quote '''");
                });
    }

    @Test
    void readsADelimiterDirectiveOnACrlfFirstLine() {
        List<Statement> statements = StatementScanner.scan(
                "-- atlas:delimiter $$\r\nSELECT 1; SELECT 2$$\r\nSELECT 3$$", ScannerOptions.SQLITE);
        assertThat(statements)
                .extracting(s -> s.line() + ":" + s.text())
                .containsExactly("2:SELECT 1; SELECT 2", "3:SELECT 3");
    }

    @Test
    void attachesOnlyTheCommentGroupDirectlyAboveAStatement() {
        String text =
                """
                -- atlas:txmode none

                -- atlas:nolint DS103
                # a MySQL comment
                /* atlas:nolint destructive */
                DROP TABLE t;
                -- detached

                DROP TABLE u;
                """;
        List<Statement> statements = StatementScanner.scan(text, ScannerOptions.MYSQL);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).comments())
                .containsExactly("-- atlas:nolint DS103", "# a MySQL comment", "/* atlas:nolint destructive */");
        assertThat(statements.get(0).directive("nolint")).containsExactly("DS103", "destructive");
        assertThat(statements.get(0).directive("txmode")).isEmpty();
        assertThat(statements.get(1).comments()).isEmpty();
    }

    @Test
    void readsBareAndSpacedStatementDirectives() {
        Statement statement = new Statement(
                "DROP TABLE t;",
                1,
                1,
                List.of("--atlas:nolint", "-- atlas:nolint  DS102   DS103 ", "#atlas:nolint x", "-- atlas:nolintx y"));
        assertThat(statement.directive("nolint")).containsExactly("", "DS102   DS103", "x");
        assertThat(statement.directive("nolintx")).containsExactly("y");
    }

    @Test
    void findsNoStatementsInAFileOfComments() {
        assertThat(StatementScanner.scan("-- a\n/* b */\n# c\n", ScannerOptions.MYSQL))
                .isEmpty();
        assertThat(StatementScanner.scan("", ScannerOptions.SQLITE)).isEmpty();
        assertThat(StatementScanner.scan("-- atlas:delimiter $$", ScannerOptions.SQLITE))
                .isEmpty();
    }

    @Test
    void returnsAnUnmodifiableList() {
        List<Statement> statements = StatementScanner.scan("SELECT 1;", ScannerOptions.SQLITE);
        assertThatThrownBy(() -> statements.add(statements.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void honoursDelimiterCommandsOnlyForMysql() {
        String text = "DELIMITER //\nSELECT 1; SELECT 2//\n";
        assertThat(StatementScanner.scan(text, ScannerOptions.MYSQL))
                .extracting(Statement::text)
                .containsExactly("SELECT 1; SELECT 2");
        assertThat(StatementScanner.scan(text, ScannerOptions.POSTGRES))
                .extracting(Statement::text)
                .containsExactly("DELIMITER //\nSELECT 1;", "SELECT 2//");
    }

    @Test
    void scansAMegabyteOfStatementsInLinearTime() {
        StringBuilder text = new StringBuilder();
        int count = 0;
        while (text.length() < 1_000_000) {
            text.append("-- statement ").append(count).append('\n');
            text.append("INSERT INTO t (a, b) VALUES ('it''s; ").append(count).append("', (1 + 2));\n");
            text.append("CREATE TRIGGER tr").append(count).append(" AFTER INSERT ON t BEGIN\n");
            text.append("  UPDATE t SET b = CASE WHEN NEW.a > 0 THEN 'x' END; /* ; */\nEND;\n");
            count++;
        }
        int expected = 2 * count;
        List<Statement> statements =
                assertTimeoutPreemptively(GUARD, () -> StatementScanner.scan(text.toString(), ScannerOptions.SQLITE));
        assertThat(statements).hasSize(expected);
        assertThat(statements.get(expected - 1).line()).isEqualTo(5 * (count - 1) + 3);
    }

    @Test
    void scansAMegabyteOnOneLineInLinearTime() {
        String line = "SELECT 1;".repeat(120_000);
        List<Statement> statements =
                assertTimeoutPreemptively(GUARD, () -> StatementScanner.scan(line, ScannerOptions.POSTGRES));
        assertThat(statements).hasSize(120_000);
        assertThat(statements.get(119_999).column()).isEqualTo(9 * 119_999 + 1);
    }

    @Test
    void scansAMegabyteLongStatementInLinearTime() {
        String body = "x".repeat(300_000);
        String text = "SELECT '" + body + "', $$" + body + "$$ /* " + body + " */;\nSELECT 2;";
        List<Statement> statements =
                assertTimeoutPreemptively(GUARD, () -> StatementScanner.scan(text, ScannerOptions.POSTGRES));
        assertThat(statements).extracting(Statement::line).containsExactly(1, 2);
    }

    @Test
    void reportsUnclosedInputOfAMegabyteAtItsStart() {
        String text = "SELECT 1;\n  CREATE TRIGGER t AFTER INSERT ON x BEGIN " + "SELECT 1; ".repeat(100_000);
        assertThatThrownBy(
                        () -> assertTimeoutPreemptively(GUARD, () -> StatementScanner.scan(text, ScannerOptions.MYSQL)))
                .isInstanceOf(ScanException.class)
                .hasMessage("2:38: unclosed BEGIN block: expected a matching END");
    }

    @Test
    void aNulIsAnErrorAtItsPosition() {
        // SQLite reads a statement up to a NUL and drops the rest without a word.
        assertThatThrownBy(() -> StatementScanner.scan("SELECT 1;\nSELECT 'a\u0000b';\n", ScannerOptions.SQLITE))
                .isInstanceOfSatisfying(ScanException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(10);
                    assertThat(e.detail()).isEqualTo("unexpected NUL character (U+0000) in SQL text");
                });
    }
}
