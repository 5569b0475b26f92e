package io.plumb.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationScript;
import io.plumb.engine.migrate.ScannerOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckFixesTest {

    private static final String TABLE = "SELECT NOT EXISTS (SELECT 1 FROM \"pets\");";
    private static final String COLUMN = "SELECT NOT EXISTS (SELECT 1 FROM \"users\" WHERE \"nick\" IS NOT NULL);";

    private static MigrationFile file(String text) {
        return new MigrationFile("2_drop.sql", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String fixed(String text, String... checks) {
        Optional<CheckFixes.Fix> fix = CheckFixes.apply(file(text), List.of(checks), "sqlite");
        assertThat(fix).isPresent();
        assertThat(fix.get().added()).isNotEmpty();
        return fix.get().content();
    }

    @Test
    void aPlainFileBecomesATxtarFileWithItsHeaderAndStatementsKept() {
        String text = fixed(
                "-- atlas:txmode none\n-- atlas:nolint DS101\n\n\n-- the pets go\nDROP TABLE pets;\n", TABLE, COLUMN);

        assertThat(text)
                .isEqualTo("-- atlas:txtar\n-- atlas:txmode none\n-- atlas:nolint DS101\n\n"
                        + "-- checks.sql --\n" + TABLE + "\n" + COLUMN + "\n\n"
                        + "-- migration.sql --\n-- the pets go\nDROP TABLE pets;\n");
        MigrationScript script = MigrationScript.parse(file(text), ScannerOptions.forDialect("sqlite"));
        assertThat(script.directives().txMode()).contains("none");
        assertThat(script.checks()).hasSize(1);
        assertThat(script.checks().get(0).statements())
                .extracting(s -> s.text())
                .containsExactly(TABLE, COLUMN);
        assertThat(script.statements()).extracting(s -> s.text()).containsExactly("DROP TABLE pets;");
    }

    @Test
    void aFileWithoutHeaderOrFinalNewlineKeepsItsCommentsAboveTheFirstStatement() {
        assertThat(fixed("-- atlas:nolint DS103\nDROP TABLE pets;", TABLE))
                .isEqualTo("-- atlas:txtar\n\n-- checks.sql --\n" + TABLE + "\n\n"
                        + "-- migration.sql --\n-- atlas:nolint DS103\nDROP TABLE pets;\n");
    }

    @Test
    void aTxtarFileGetsTheChecksAppendedToItsChecksSql() {
        assertThat(fixed(
                        "-- atlas:txtar\n\n-- checks.sql --\nSELECT count(*) < 10 FROM pets;\n\n"
                                + "-- migration.sql --\nDROP TABLE pets;\n",
                        TABLE))
                .isEqualTo("-- atlas:txtar\n\n-- checks.sql --\nSELECT count(*) < 10 FROM pets;\n" + TABLE + "\n\n"
                        + "-- migration.sql --\nDROP TABLE pets;\n");
        // Without checks.sql, one is added before migration.sql.
        assertThat(fixed("-- atlas:txtar\n\n-- migration.sql --\nDROP TABLE pets;\n-- down.sql --\nx\n", TABLE))
                .isEqualTo("-- atlas:txtar\n\n-- checks.sql --\n" + TABLE + "\n\n"
                        + "-- migration.sql --\nDROP TABLE pets;\n-- down.sql --\nx\n");
    }

    @Test
    void aOneOfChecksSqlIsLeftAloneAndTheChecksGoToTheirOwnSection() {
        assertThat(fixed(
                        "-- atlas:txtar\n\n-- checks.sql --\n-- atlas:assert oneof\nSELECT 1 = 1;\n"
                                + "-- migration.sql --\nDROP TABLE pets;\n",
                        TABLE))
                .isEqualTo("-- atlas:txtar\n\n-- checks.sql --\n-- atlas:assert oneof\nSELECT 1 = 1;\n"
                        + "-- checks/lint.sql --\n" + TABLE + "\n\n-- migration.sql --\nDROP TABLE pets;\n");
    }

    @Test
    void checksTheFileHoldsAlreadyAreNotAddedTwice() {
        String text = "-- atlas:txtar\n\n-- checks.sql --\n" + TABLE + "\n-- migration.sql --\nDROP TABLE pets;\n";
        assertThat(CheckFixes.apply(file(text), List.of(TABLE), "sqlite")).isEmpty();
        assertThat(fixed(text, TABLE, COLUMN))
                .isEqualTo("-- atlas:txtar\n\n-- checks.sql --\n" + TABLE + "\n" + COLUMN + "\n"
                        + "-- migration.sql --\nDROP TABLE pets;\n");
    }

    @Test
    void filesThatCannotCarryChecksAreRefusedWithTheReason() {
        assertThatThrownBy(() -> CheckFixes.apply(
                        file("-- atlas:delimiter \\n---\n\nDROP TABLE pets\n---\n"), List.of(TABLE), "sqlite"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("cannot fix 2_drop.sql: it sets atlas:delimiter on its first line, where a txtar migration"
                        + " file has -- atlas:txtar");
        assertThatThrownBy(() ->
                        CheckFixes.apply(file("-- atlas:sum ignore\nDROP TABLE pets;\n"), List.of(TABLE), "sqlite"))
                .hasMessage("cannot fix 2_drop.sql: its first line is atlas:sum ignore, and a txtar migration file"
                        + " must start with -- atlas:txtar");
        assertThatThrownBy(() -> CheckFixes.apply(file("-- pets --\nDROP TABLE pets;\n"), List.of(TABLE), "sqlite"))
                .hasMessage("cannot fix 2_drop.sql: a line of it reads as a txtar section marker (-- NAME --)");
        assertThatThrownBy(() -> CheckFixes.apply(file("DROP TABLE pets;\r\n"), List.of(TABLE), "sqlite"))
                .hasMessage("cannot fix 2_drop.sql: it has CRLF line endings");
        assertThatThrownBy(() -> CheckFixes.apply(
                        file("-- atlas:txtar\n\n-- checks.sql --\n-- atlas:assert oneof\nSELECT 1;\n"
                                + "-- checks/lint.sql --\n-- atlas:assert oneof\nSELECT 1;\n"
                                + "-- migration.sql --\nDROP TABLE pets;\n"),
                        List.of(TABLE),
                        "sqlite"))
                .hasMessage("cannot fix 2_drop.sql: its checks.sql and checks/lint.sql are both atlas:assert oneof"
                        + " checks");
    }
}
