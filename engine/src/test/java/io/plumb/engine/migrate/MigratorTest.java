package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.devdb.TestDialect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigratorTest {

    @TempDir
    Path root;

    private final List<MigrationFixture> opened = new java.util.ArrayList<>();

    private MigrationFixture open(TestDialect dialect) {
        return open(root, dialect);
    }

    private MigrationFixture open(Path dir, TestDialect dialect) {
        MigrationFixture fx = new MigrationFixture(dir, dialect);
        opened.add(fx);
        return fx;
    }

    @AfterEach
    void close() {
        opened.forEach(MigrationFixture::close);
    }

    private static ApplyOptions options(TxMode mode, ExecOrder order, int amount) {
        return MigrationFixture.defaults()
                .withTxMode(mode)
                .withExecOrder(order)
                .withAmount(amount)
                .withLockTimeout(java.time.Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void appliesPendingFilesAndRecordsThem(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1_init.sql", "CREATE TABLE t1 (id int);\n")
                .file("2_second.sql", "CREATE TABLE t2 (id int);\nINSERT INTO t2 VALUES (1);\n");
        ApplyReport report = fx.apply(MigrationFixture.defaults());
        assertThat(report.error()).isEmpty();
        assertThat(report.counts()).isEqualTo(new ApplyReport.Counts(2, 0, 0, 0, 0, 3, 0));
        assertThat(report.current()).isEmpty();
        assertThat(report.target()).isEqualTo("2");
        List<Revision> revisions = fx.revisions();
        assertThat(revisions).extracting(Revision::version).containsExactly("1", "2");
        Revision second = revisions.get(1);
        assertThat(second.description()).isEqualTo("second");
        assertThat(second.type()).isEqualTo(Revision.EXECUTED);
        assertThat(second.applied()).isEqualTo(2);
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.partialHashes()).isEmpty();
        assertThat(second.hash())
                .isEqualTo(fx.dir.readSum().orElseThrow().hashOf("2_second.sql").orElseThrow());
        assertThat(second.operatorVersion()).isEqualTo("Plumb test");
        assertThat(fx.apply(MigrationFixture.defaults()).pending()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void amountLimitsTheFilesAndTheNextRunContinues(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);").file("2.sql", "CREATE TABLE t2 (id int);");
        fx.apply(options(TxMode.FILE, ExecOrder.LINEAR, 1));
        assertThat(fx.tableExists("t1")).isTrue();
        assertThat(fx.tableExists("t2")).isFalse();
        ApplyReport second = fx.apply(MigrationFixture.defaults());
        assertThat(second.current()).isEqualTo("1");
        assertThat(fx.tableExists("t2")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFailedFileInFileModeLeavesNoTraceAndKeepsEarlierFiles(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);")
                .file("2.sql", "CREATE TABLE t2 (id int);\nCREATE TABLE t1 (id int);");
        ApplyReport report = fx.apply(MigrationFixture.withTxMode(TxMode.FILE));
        assertThat(report.error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("2.sql:2:1: sql/migrate: executing statement \"CREATE TABLE t1 (id int);\" from version"
                        + " \"2\": ")
                .contains(dialect.tableExists("t1")));
        assertThat(report.counts()).isEqualTo(new ApplyReport.Counts(1, 1, 0, 0, 0, 2, 1));
        if (dialect.transactionalDdl()) {
            assertThat(fx.tableExists("t2")).isFalse();
            assertThat(fx.revisions()).extracting(Revision::version).containsExactly("1");
            return;
        }
        // MariaDB commits each CREATE: the file's revision records the one statement that ran, as mode none would.
        assertThat(fx.tableExists("t2")).isTrue();
        assertThat(fx.revisions()).extracting(Revision::version).containsExactly("1", "2");
        Revision partial = fx.revisions().get(1);
        assertThat(partial.applied()).isEqualTo(1);
        assertThat(partial.errorStatement()).contains("CREATE TABLE t1 (id int);");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFailedFileInAllModeRollsBackTheWholeRun(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);")
                .file("2.sql", "CREATE TABLE t2 (id int);\nCREATE TABLE t1 (id int);");
        ApplyReport report = fx.apply(MigrationFixture.withTxMode(TxMode.ALL));
        assertThat(report.error()).isPresent();
        if (!dialect.transactionalDdl()) {
            // No transaction can undo MariaDB's DDL, so the run goes file by file and stops in the failed one.
            assertThat(fx.tableExists("t1")).isTrue();
            assertThat(fx.tableExists("t2")).isTrue();
            assertThat(fx.revisions())
                    .extracting(Revision::version, Revision::applied)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("1", 1), org.assertj.core.groups.Tuple.tuple("2", 1));
            return;
        }
        assertThat(fx.tableExists("t1")).isFalse();
        assertThat(fx.tableExists("t2")).isFalse();
        assertThat(fx.tableExists(RevisionStore.TABLE))
                .as("the table was created in the rolled-back transaction")
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFirstFileThatFailsLeavesAFreshDatabaseAsItWas(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);\nINSERT INTO missing VALUES (1);");
        assertThat(fx.apply(MigrationFixture.defaults()).error()).isPresent();
        if (dialect.transactionalDdl()) {
            assertThat(fx.tableCount())
                    .as("tables, the revisions table included")
                    .isZero();
        } else {
            assertThat(fx.tableExists("t1")).isTrue();
            assertThat(fx.revisions()).singleElement().satisfies(r -> assertThat(r.applied())
                    .isEqualTo(1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFailedFileWithoutTransactionIsRecordedAndResumesAtTheFailedStatement(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file(
                "1.sql",
                "CREATE TABLE t1 (id int);\nINSERT INTO t1 VALUES (1);\nINSERT INTO missing VALUES (2);\n"
                        + "INSERT INTO t1 VALUES (3);");
        ApplyReport failed = fx.apply(MigrationFixture.withTxMode(TxMode.NONE));
        assertThat(failed.error()).isPresent();
        Revision partial = fx.revisions().get(0);
        assertThat(partial.applied()).isEqualTo(2);
        assertThat(partial.total()).isEqualTo(4);
        assertThat(partial.error()).hasValueSatisfying(e -> assertThat(e).contains(dialect.noSuchTable("missing")));
        assertThat(partial.errorStatement()).contains("INSERT INTO missing VALUES (2);");
        assertThat(partial.partialHashes()).hasSize(2).allSatisfy(h -> assertThat(h)
                .startsWith("h1:"));

        fx.execute("CREATE TABLE missing (id int)");
        fx.listener.events.clear();
        ApplyReport resumed = fx.apply(MigrationFixture.withTxMode(TxMode.NONE));
        assertThat(resumed.error()).isEmpty();
        assertThat(fx.listener.events)
                .containsExactly("file 1", "-> INSERT INTO missing VALUES (2);", "-> INSERT INTO t1 VALUES (3);");
        assertThat(resumed.applied().get(0).skipped()).isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM t1")).isEqualTo(2);
        Revision done = fx.revisions().get(0);
        assertThat(done.applied()).isEqualTo(4);
        assertThat(done.error()).isEmpty();
        assertThat(done.partialHashes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void anEditedAppliedStatementOfAPartialFileIsRefused(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);\nINSERT INTO missing VALUES (2);");
        fx.apply(MigrationFixture.withTxMode(TxMode.NONE));
        fx.file("1.sql", "CREATE TABLE t1 (id bigint);\nINSERT INTO missing VALUES (2);");
        fx.execute("CREATE TABLE missing (id int)");
        assertThatThrownBy(() -> fx.apply(MigrationFixture.withTxMode(TxMode.NONE)))
                .isInstanceOf(MigrateException.class)
                .hasMessage("sql/migrate: history changed: statement 1 from file \"1.sql\" changed");
        assertThat(fx.count("SELECT count(*) FROM missing")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aDirtyDatabaseNeedsABaselineOrAllowDirty(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.execute("CREATE TABLE legacy (id int)");
        fx.file("1_base.sql", "CREATE TABLE legacy (id int);").file("2.sql", "CREATE TABLE t2 (id int);");
        String schema =
                switch (dialect) {
                    case SQLITE -> "main";
                    case POSTGRES -> "public";
                    case MARIADB -> fx.db.boundSchema().orElseThrow();
                };
        assertThatThrownBy(() -> fx.apply(MigrationFixture.defaults()))
                .hasMessage("sql/migrate: connected database is not clean: found table \"legacy\" in schema \"" + schema
                        + "\". baseline version or allow-dirty is required");
        assertThat(fx.tableExists(RevisionStore.TABLE))
                .as("a refused run writes nothing")
                .isFalse();

        ApplyOptions baseline = MigrationFixture.defaults().withBaseline("1");
        ApplyReport report = fx.apply(baseline);
        assertThat(report.current()).isEqualTo("1");
        assertThat(fx.revisions())
                .extracting(Revision::version, Revision::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", Revision.BASELINE),
                        org.assertj.core.groups.Tuple.tuple("2", Revision.EXECUTED));
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void anUnknownBaselineIsRefused(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "SELECT 1;");
        ApplyOptions baseline = MigrationFixture.defaults().withBaseline("7");
        assertThatThrownBy(() -> fx.apply(baseline)).hasMessage("baseline version \"7\" not found");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void outOfOrderFilesFollowTheExecutionOrder(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);").file("3.sql", "CREATE TABLE t3 (id int);");
        fx.apply(MigrationFixture.defaults());
        fx.file("2.sql", "CREATE TABLE t2 (id int);").file("4.sql", "CREATE TABLE t4 (id int);");
        assertThatThrownBy(() -> fx.apply(MigrationFixture.defaults()))
                .hasMessage("migration file 2.sql was added out of order. See:"
                        + " https://atlasgo.io/versioned/apply#non-linear-error");
        assertThat(fx.tableExists("t4")).isFalse();

        fx.apply(options(TxMode.FILE, ExecOrder.LINEAR_SKIP, 0));
        assertThat(fx.tableExists("t4")).isTrue();
        assertThat(fx.tableExists("t2")).isFalse();

        fx.listener.events.clear();
        fx.apply(options(TxMode.FILE, ExecOrder.NON_LINEAR, 0));
        assertThat(fx.tableExists("t2")).isTrue();
        assertThat(fx.listener.events).containsExactly("file 2", "-> CREATE TABLE t2 (id int);");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aDryRunChangesNothingButCreatesTheRevisionsTable(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);");
        ApplyReport report = fx.apply(MigrationFixture.defaults().asDryRun());
        assertThat(report.applied().get(0).statements()).containsExactly("CREATE TABLE t1 (id int);");
        assertThat(fx.tableExists("t1")).isFalse();
        assertThat(fx.tableExists(RevisionStore.TABLE)).isTrue();
        assertThat(fx.revisions()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aMalformedPendingFileIsRefusedBeforeAnythingRuns(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);").file("2.sql", "INSERT INTO t1 VALUES ('oops);");
        assertThatThrownBy(() -> fx.apply(MigrationFixture.defaults()))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("2.sql:1:");
        assertThat(fx.tableExists("t1")).isFalse();
        assertThat(fx.tableExists(RevisionStore.TABLE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFileDirectiveOverridesTheModeButNotAll(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "-- atlas:txmode none\n\nCREATE TABLE t1 (id int);\nINSERT INTO missing VALUES (1);");
        fx.apply(MigrationFixture.withTxMode(TxMode.FILE));
        assertThat(fx.tableExists("t1")).as("ran without a transaction").isTrue();
        assertThat(fx.revisions().get(0).applied()).isEqualTo(1);
        MigrationFixture other = open(root.resolve("other"), dialect);
        other.file("1.sql", "-- atlas:txmode none\n\nCREATE TABLE t1 (id int);");
        assertThatThrownBy(() -> other.apply(MigrationFixture.withTxMode(TxMode.ALL)))
                .hasMessage("cannot set txmode directive to \"none\" in \"1.sql\" when txmode \"all\" is set globally");
    }

    @Test
    void aForeignKeysOffRebuildWorksInsideTheFileTransaction() {
        MigrationFixture fx = open(TestDialect.SQLITE);
        fx.file(
                "1.sql",
                "CREATE TABLE users (id integer PRIMARY KEY);\n"
                        + "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users (id) ON DELETE"
                        + " CASCADE);\nINSERT INTO users VALUES (1);\nINSERT INTO posts VALUES (1, 1);");
        fx.file(
                "2.sql",
                "PRAGMA foreign_keys = off;\n"
                        + "CREATE TABLE new_users (id integer PRIMARY KEY, name text);\n"
                        + "INSERT INTO new_users (id) SELECT id FROM users;\nDROP TABLE users;\n"
                        + "ALTER TABLE new_users RENAME TO users;\nPRAGMA foreign_keys = on;");
        ApplyReport report = fx.apply(MigrationFixture.defaults());
        assertThat(report.error()).isEmpty();
        assertThat(fx.count("SELECT count(*) FROM posts"))
                .as("the cascade did not fire")
                .isEqualTo(1);
        assertThat(fx.count("PRAGMA foreign_keys"))
                .as("foreign keys are on again")
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aNewDatabaseStartsFromTheLastCheckpoint(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);")
                .file(
                        "2_snapshot.sql",
                        "-- atlas:checkpoint v2\n\nCREATE TABLE t1 (id int);\nCREATE TABLE t2 (id int);")
                .file("3.sql", "CREATE TABLE t3 (id int);");
        ApplyReport report = fx.apply(MigrationFixture.defaults());
        assertThat(report.pending()).extracting(MigrationFile::version).containsExactly("2", "3");
        assertThat(fx.tableExists("t2")).isTrue();
        assertThat(fx.revisions()).extracting(Revision::version).containsExactly("2", "3");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aDatabaseWithHistoryIgnoresCheckpoints(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);");
        fx.apply(MigrationFixture.defaults());
        fx.file("2_snapshot.sql", "-- atlas:checkpoint\n\nCREATE TABLE t1 (id int);")
                .file("3.sql", "CREATE TABLE t3 (id int);");
        // A checkpoint is for databases without a history, as the reference skips it: it would re-create t1 here.
        ApplyReport report = fx.apply(MigrationFixture.defaults());
        assertThat(report.pending()).extracting(MigrationFile::version).containsExactly("3");
        assertThat(report.error()).isEmpty();
        assertThat(fx.tableExists("t3")).isTrue();
        assertThat(fx.revisions()).extracting(Revision::version).containsExactly("1", "3");
        // Nor is it pending, or out of order, afterwards.
        assertThat(fx.apply(MigrationFixture.defaults()).pending()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aPartlyAppliedCheckpointIsResumedThenTheFilesAfterIt(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);")
                .file(
                        "2_snapshot.sql",
                        "-- atlas:checkpoint\n\nCREATE TABLE t1 (id int);\nINSERT INTO missing VALUES (1);\n")
                .file("3.sql", "CREATE TABLE t3 (id int);");
        assertThat(fx.apply(MigrationFixture.withTxMode(TxMode.NONE)).error()).isPresent();
        assertThat(fx.revisions()).singleElement().satisfies(r -> assertThat(r.applied())
                .isEqualTo(1));
        fx.execute("CREATE TABLE missing (id int)");
        ApplyReport resumed = fx.apply(MigrationFixture.withTxMode(TxMode.NONE));
        assertThat(resumed.error()).isEmpty();
        assertThat(resumed.pending()).extracting(MigrationFile::version).containsExactly("2", "3");
        assertThat(fx.tableExists("t3")).isTrue();
        assertThat(fx.revisions()).extracting(Revision::version).containsExactly("2", "3");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aTargetAppliesUpToAndIncludingItsVersion(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);")
                .file("2.sql", "CREATE TABLE t2 (id int);")
                .file("3.sql", "CREATE TABLE t3 (id int);");
        ApplyReport report = fx.apply(MigrationFixture.defaults().withTarget("2"));
        assertThat(report.error()).isEmpty();
        assertThat(report.target()).isEqualTo("2");
        assertThat(fx.revisions()).extracting(Revision::version).containsExactly("1", "2");
        assertThat(fx.tableExists("t3")).isFalse();
        // With an amount as well, whichever stops first wins.
        fx.apply(MigrationFixture.defaults().withTarget("3").withAmount(5));
        assertThat(fx.revisions()).extracting(Revision::version).containsExactly("1", "2", "3");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aTargetThatIsNotPendingIsRefusedBeforeAnythingRuns(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);")
                .file("2.sql", "CREATE TABLE t2 (id int);")
                .file("3.sql", "CREATE TABLE t3 (id int);");
        fx.apply(MigrationFixture.defaults().withTarget("2"));
        assertThatThrownBy(() -> fx.apply(MigrationFixture.defaults().withTarget("1")))
                .isInstanceOf(MigrateException.class)
                .hasMessage("migration version \"1\" is not pending on the database:"
                        + " the pending files start at version \"3\"");
        assertThatThrownBy(() -> fx.apply(MigrationFixture.defaults().withTarget("9")))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("migration version \"9\" is not pending");
        fx.apply(MigrationFixture.defaults());
        assertThatThrownBy(() -> fx.apply(MigrationFixture.defaults().withTarget("3")))
                .isInstanceOf(MigrateException.class)
                .hasMessage("migration version \"3\" is not pending on the database");
        assertThat(fx.revisions()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void withoutLockARunNeitherWaitsForTheLockNorLeavesALockFile(TestDialect dialect) throws Exception {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);");
        // SQLite's lock is a file; the servers' are session locks that leave nothing behind.
        Path lockFile = dialect == TestDialect.SQLITE
                ? MigrationLock.lockFile(fx.db, MigrationLock.APPLY)
                : root.resolve("no-lock-file");
        java.nio.file.Files.deleteIfExists(lockFile);
        ApplyReport report = fx.apply(MigrationFixture.defaults().withoutLock());
        assertThat(report.error()).isEmpty();
        assertThat(lockFile).doesNotExist();
        fx.file("2.sql", "CREATE TABLE t2 (id int);");
        try (io.plumb.engine.db.Database other = io.plumb.engine.db.Database.open(fx.url, root);
                MigrationLock held =
                        MigrationLock.acquire(other, MigrationLock.APPLY, java.time.Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> fx.apply(options(TxMode.FILE, ExecOrder.LINEAR, 0)
                            .withLockTimeout(java.time.Duration.ofMillis(100))))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith("acquiring database lock: ");
            assertThat(fx.apply(MigrationFixture.defaults().withoutLock()).error())
                    .isEmpty();
        } finally {
            java.nio.file.Files.deleteIfExists(lockFile);
        }
        assertThat(fx.tableExists("t2")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void eachFileIsReportedCommittedAfterItsTransactionAndNotForADryRunOrAFailure(TestDialect dialect) {
        MigrationFixture fx = open(dialect);
        fx.file("1.sql", "CREATE TABLE t1 (id int);")
                .file("2.sql", "-- atlas:txmode none\n\nCREATE TABLE t2 (id int);")
                .file("3.sql", "CREATE TABLE t3 (id int);\nCREATE TABLE t1 (id int);");
        List<String> committed = new java.util.ArrayList<>();
        ApplyListener listener = new ApplyListener() {
            @Override
            public void fileCommitted(MigrationFile file) {
                // Committed means no transaction is open, and the file's revision is in the table.
                try {
                    assertThat(fx.db.connection().getAutoCommit()).isTrue();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                assertThat(fx.revisions()).extracting(Revision::version).contains(file.version());
                committed.add(file.version());
            }
        };
        new Migrator(fx.db, fx.dir, MigrationFixture.defaults().asDryRun()).apply(listener);
        assertThat(committed).isEmpty();
        ApplyReport report = new Migrator(fx.db, fx.dir, MigrationFixture.defaults()).apply(listener);
        assertThat(report.error()).isPresent();
        assertThat(committed).containsExactly("1", "2");
    }
}
