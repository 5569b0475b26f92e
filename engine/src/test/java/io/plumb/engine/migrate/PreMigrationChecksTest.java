package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.devdb.TestDialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PreMigrationChecksTest {

    @TempDir
    Path root;

    private final List<MigrationFixture> opened = new ArrayList<>();

    // A database at version 1, holding one user without a name.
    private MigrationFixture open(TestDialect dialect) {
        MigrationFixture fx = fresh(root, dialect);
        fx.file("1_users.sql", "CREATE TABLE users (id int, name varchar(100));\nINSERT INTO users VALUES (1, NULL);");
        fx.apply(MigrationFixture.defaults());
        fx.listener.events.clear();
        return fx;
    }

    private MigrationFixture fresh(Path dir, TestDialect dialect) {
        MigrationFixture fx = new MigrationFixture(dir, dialect);
        opened.add(fx);
        return fx;
    }

    @AfterEach
    void close() {
        opened.forEach(MigrationFixture::close);
    }

    private static String checked(String checks) {
        return "-- atlas:txtar\n\n" + checks + "-- migration.sql --\nUPDATE users SET name = 'x';\n";
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void passingChecksRunBeforeTheMigration(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("2_fill.sql", checked("-- checks.sql --\nSELECT EXISTS (SELECT 1 FROM users);\n"));
        ApplyReport report = fx.apply(MigrationFixture.defaults());
        assertThat(report.error()).isEmpty();
        assertThat(fx.listener.events)
                .containsSubsequence(
                        "checks 2",
                        "-> SELECT EXISTS (SELECT 1 FROM users);",
                        "file 2",
                        "-> UPDATE users SET name = 'x';");
        assertThat(report.counts().checksOk()).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM users WHERE name = 'x'")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFalseAssertionStopsTheFileAndNamesTheFirstFailure(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file(
                "2_fill.sql",
                checked("-- checks.sql --\nSELECT NOT EXISTS (SELECT 1 FROM users);\nSELECT 1 = 2;\n" + "SELECT 1;\n"));
        ApplyReport report = fx.apply(MigrationFixture.defaults());
        // The run's error says where the failed assertion is, as lint does.
        assertThat(report.error())
                .contains(
                        "2_fill.sql:4:1: 2 of 3 assertions failed: check assertion \"SELECT NOT EXISTS (SELECT 1 FROM users);\""
                                + " returned false");
        assertThat(report.counts()).isEqualTo(new ApplyReport.Counts(0, 1, 1, 2, 0, 0, 0));
        assertThat(fx.count("SELECT count(*) FROM users WHERE name = 'x'")).isZero();
        // Nothing of the file remains in tx-mode file, on MariaDB too, where statements are otherwise recorded.
        assertThat(fx.revisions()).as("rolled back in tx-mode file").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void withoutATransactionTheFailureIsRecordedAndTheChecksRunAgainNextTime(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("2_fill.sql", checked("-- checks.sql --\nSELECT count(*) = 2 FROM users;\n"));
        fx.apply(MigrationFixture.withTxMode(TxMode.NONE));
        Revision failed = fx.revisions().get(1);
        assertThat(failed.applied()).isZero();
        assertThat(failed.error())
                .contains("1 of 1 assertions failed: check assertion \"SELECT count(*) = 2 FROM"
                        + " users;\" returned false");
        assertThat(failed.errorStatement()).contains("SELECT count(*) = 2 FROM users;");
        fx.execute("INSERT INTO users VALUES (2, NULL)");
        assertThat(fx.apply(MigrationFixture.withTxMode(TxMode.NONE)).error()).isEmpty();
        assertThat(fx.count("SELECT count(*) FROM users WHERE name = 'x'")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void oneOfNeedsOneTrueAssertion(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("2_fill.sql", checked("-- checks/any.sql --\n-- atlas:assert oneof\nSELECT 1 = 2;\nSELECT 1;\n"));
        assertThat(fx.apply(MigrationFixture.defaults()).error()).isEmpty();
        fx.file("3_again.sql", checked("-- checks/any.sql --\n-- atlas:assert oneof\nSELECT 1 = 2;\nSELECT 0;\n"));
        assertThat(fx.apply(MigrationFixture.defaults()).error())
                .contains(
                        "3_again.sql:5:1: 2 of 2 assertions failed: check assertion \"SELECT 1 = 2;\" returned false");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void anAssertionMustReturnOneBoolean(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        String[][] cases = {
            {"SELECT 1, 1;", "returned 2 columns: expected a single true value"},
            {"SELECT 1 UNION ALL SELECT 1;", "returned more than one row: expected a single true value"},
            {"SELECT 'yes';", "returned \"yes\": expected a single true value"},
            {"SELECT NULL;", "returned NULL: expected a single true value"},
            {"SELECT 2;", "returned \"2\": expected a single true value"},
            {"SELECT 1 WHERE 1 = 0;", "returned no rows: expected a single true value"},
            {"SELECT * FROM nowhere;", dialect.noSuchTable("nowhere")},
        };
        int version = 2;
        for (String[] c : cases) {
            // A file whose checks failed leaves no revision, so each case is a new version after the last one.
            String name = version + "_bad.sql";
            fx.file(name, checked("-- checks.sql --\n" + c[0] + "\n"));
            ApplyReport report = fx.apply(MigrationFixture.defaults());
            assertThat(report.error()).as(c[0]).hasValueSatisfying(e -> assertThat(e)
                    .startsWith(name + ":4:1: check assertion \"" + c[0] + "\"")
                    .contains(c[1]));
            assertThat(report.counts().checkErrors()).isEqualTo(1);
            assertThat(fx.revisions()).as(c[0]).hasSize(1);
            fx.dir.path().resolve(name).toFile().delete();
            fx.dir.rehash();
            version++;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFailingCheckOfTheFirstFileLeavesAFreshDatabaseAsItWas(TestDialect dialect) {
        MigrationFixture fx = fresh(root.resolve("fresh"), dialect);
        fx.file(
                "1_guarded.sql",
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT 1 = 2;\n-- migration.sql --\n"
                        + "CREATE TABLE t (id int);\n");
        assertThat(fx.apply(MigrationFixture.defaults()).error()).isPresent();
        if (dialect.transactionalDdl()) {
            assertThat(fx.tableCount())
                    .as("tables, the revisions table included")
                    .isZero();
        } else {
            // The revisions table was created before the file ran, and DDL is not rolled back here.
            assertThat(fx.tableExists("t")).isFalse();
            assertThat(fx.revisions()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFailingCheckLeavesNoRevisionInTxModeFileOrAllButIsRecordedInTxModeNone(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("2_fill.sql", checked("-- checks.sql --\nSELECT NOT EXISTS (SELECT 1 FROM users);\n"));
        for (TxMode mode : List.of(TxMode.FILE, TxMode.ALL)) {
            assertThat(fx.apply(MigrationFixture.withTxMode(mode)).error())
                    .as(mode.name())
                    .isPresent();
            assertThat(fx.revisions()).as(mode.name()).singleElement().satisfies(r -> assertThat(r.version())
                    .isEqualTo("1"));
        }
        assertThat(fx.apply(MigrationFixture.withTxMode(TxMode.NONE)).error()).isPresent();
        assertThat(fx.revisions()).hasSize(2).last().satisfies(r -> {
            assertThat(r.version()).isEqualTo("2");
            assertThat(r.applied()).isZero();
            assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).contains("1 of 1 assertions failed"));
        });
        assertThat(fx.count("SELECT count(*) FROM users WHERE name = 'x'")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void checksRunInADryRunThatChangesNothing(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("2_fill.sql", checked("-- checks.sql --\nSELECT 1 = 2;\n"));
        ApplyOptions dry = MigrationFixture.defaults().asDryRun();
        assertThat(fx.apply(dry).error())
                .contains("2_fill.sql:4:1: 1 of 1 assertions failed: check assertion \"SELECT 1 = 2;\""
                        + " returned false");
        assertThat(fx.revisions()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void malformedArchivesAreRefusedWithTheirPosition(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("2_bad.sql", "-- atlas:txtar\n\n-- checks.sql --\nSELECT 1;\n-- extra.sql --\nSELECT 1;\n");
        assertThatThrownBy(() -> fx.apply(MigrationFixture.defaults()))
                .hasMessage("2_bad.sql:5:1: unexpected section \"extra.sql\" in a txtar migration file: expected"
                        + " checks.sql, checks/NAME.sql, migration.sql or down.sql");
        fx.file("2_bad.sql", "-- atlas:txtar\n\n-- checks.sql --\nSELECT 1;\n");
        assertThatThrownBy(() -> fx.apply(MigrationFixture.defaults()))
                .hasMessage("2_bad.sql:1:1: txtar migration file has no migration.sql section");
        fx.file("2_bad.sql", "-- atlas:txtar\n\n-- checks.sql --\nSELECT 1;\n-- migration.sql --\nSELECT 'x;\n");
        assertThatThrownBy(() -> fx.apply(MigrationFixture.defaults())).hasMessageStartingWith("2_bad.sql:6:8: ");
    }
}
