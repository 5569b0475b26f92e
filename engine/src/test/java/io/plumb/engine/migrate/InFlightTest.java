package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.devdb.TestDialect;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Resumes from the revisions a killed run leaves around a statement it could not pair with its revision write: the
 * in-flight marker is written as {@link FileRunner} writes it, and the statement has, or has not, taken effect.
 */
class InFlightTest {

    private static final String FILE =
            "CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN b int;\n" + "INSERT INTO a (id, b) VALUES (1, 2);\n";

    @TempDir
    Path root;

    private final List<MigrationFixture> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(MigrationFixture::close);
    }

    private MigrationFixture open(TestDialect dialect) {
        MigrationFixture fx = new MigrationFixture(root, dialect);
        opened.add(fx);
        fx.file("1_a.sql", FILE);
        return fx;
    }

    /** Leaves the revision a run killed while statement 2 (the ALTER) was in flight leaves. */
    private static void killedDuringTheAlter(MigrationFixture fx, boolean verifiable, boolean tookEffect)
            throws SQLException {
        fx.execute("CREATE TABLE a (id int)");
        MigrationScript script = MigrationScript.parse(
                fx.dir.validate().get(0),
                ScannerOptions.forDialect(fx.db.dialect().name()));
        Revision revision = Revision.started(script.file(), 3, "", Instant.now(), "Plumb test")
                .withStatementApplied(PartialHashes.of(script.statements(), 1).get(0), Duration.ZERO);
        RevisionStore store = RevisionStore.of(fx.db, Optional.empty());
        // As the runner does: the file's revision (and with it the table) is written before any marker.
        store.write(revision);
        Optional<String> fingerprint = verifiable ? Optional.of(SchemaFingerprint.of(fx.db)) : Optional.empty();
        store.write(revision.failed(
                new InFlight(2, fingerprint).render(),
                script.statements().get(1).text(),
                Duration.ZERO));
        if (tookEffect) {
            fx.execute("ALTER TABLE a ADD COLUMN b int");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = TestDialect.class,
            names = {"POSTGRES", "MARIADB"})
    void aStatementThatDidNotTakeEffectRunsAgain(TestDialect dialect) throws SQLException {
        MigrationFixture fx = open(dialect);
        killedDuringTheAlter(fx, true, false);
        ApplyReport report = fx.apply(MigrationFixture.withTxMode(TxMode.NONE));
        assertThat(report.error()).isEmpty();
        assertThat(report.applied().get(0).skipped()).isEqualTo(1);
        assertThat(report.applied().get(0).statements()).hasSize(2);
        assertThat(fx.count("SELECT b FROM a")).isEqualTo(2);
        assertThat(fx.revisions()).singleElement().satisfies(r -> {
            assertThat(r.applied()).isEqualTo(3);
            assertThat(r.error()).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = TestDialect.class,
            names = {"POSTGRES", "MARIADB"})
    void aStatementThatTookEffectIsNotRunAgain(TestDialect dialect) throws SQLException {
        MigrationFixture fx = open(dialect);
        killedDuringTheAlter(fx, true, true);
        ApplyReport report = fx.apply(MigrationFixture.withTxMode(TxMode.NONE));
        // Run again, the ALTER would fail: the column exists.
        assertThat(report.error()).isEmpty();
        assertThat(report.applied().get(0).skipped()).isEqualTo(2);
        assertThat(report.applied().get(0).statements()).containsExactly("INSERT INTO a (id, b) VALUES (1, 2);");
        assertThat(fx.count("SELECT count(*) FROM a")).isEqualTo(1);
        assertThat(fx.revisions()).singleElement().satisfies(r -> assertThat(r.applied())
                .isEqualTo(3));
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void anUnverifiableStatementInFlightIsRefusedWithItsPosition(TestDialect dialect) throws SQLException {
        MigrationFixture fx = open(dialect);
        killedDuringTheAlter(fx, false, false);
        assertThatThrownBy(() -> fx.apply(MigrationFixture.withTxMode(TxMode.NONE)))
                .isInstanceOf(MigrateException.class)
                .hasMessage("1_a.sql:2:1: migrate apply stopped while running statement \"ALTER TABLE a ADD COLUMN b"
                        + " int;\" of version \"1\", and whether it took effect cannot be told from the database."
                        + " Check the database by hand; finish version 1 there (this statement if it did not take"
                        + " effect, and the statements after it), then record it with \"migrate set 1\"");
        // Nothing ran: the marker is still there for the next attempt, and migrate set clears it.
        assertThat(fx.revisions()).singleElement().satisfies(r -> assertThat(r.error())
                .hasValueSatisfying(e -> assertThat(e).contains("in flight; not verifiable")));
    }

    @Test
    void anInterruptedConcurrentIndexThatLeftAnInvalidIndexIsRefused() throws SQLException {
        MigrationFixture fx = new MigrationFixture(root, TestDialect.POSTGRES);
        opened.add(fx);
        fx.file("1_t.sql", "CREATE TABLE t (id int);\n")
                .file("2_i.sql", "-- atlas:txmode none\n\nCREATE UNIQUE INDEX CONCURRENTLY t_id ON t (id);\n");
        assertThat(fx.apply(MigrationFixture.defaults().withAmount(1)).error()).isEmpty();
        fx.execute("INSERT INTO t VALUES (1), (1)");
        MigrationScript script = MigrationScript.parse(fx.dir.validate().get(1), ScannerOptions.forDialect("postgres"));
        Revision revision = Revision.started(script.file(), 1, "", Instant.now(), "Plumb test");
        RevisionStore.of(fx.db, Optional.empty())
                .write(revision.failed(
                        new InFlight(1, Optional.of(SchemaFingerprint.of(fx.db))).render(),
                        script.statements().get(0).text(),
                        Duration.ZERO));
        // The duplicate makes the build fail half-way, as a kill would: the index stays, invalid.
        assertThatThrownBy(() -> fx.execute(script.statements().get(0).text()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fx.apply(MigrationFixture.defaults()))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("2_i.sql:3:1: migrate apply stopped while running statement \"CREATE UNIQUE"
                        + " INDEX CONCURRENTLY t_id ON t (id);\" of version \"2\", which left the invalid index public.t_id"
                        + " behind: drop it (DROP INDEX CONCURRENTLY public.t_id)");
        fx.execute("DROP INDEX CONCURRENTLY public.t_id");
        fx.execute("DELETE FROM t");
        assertThat(fx.apply(MigrationFixture.defaults()).error()).isEmpty();
        assertThat(fx.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'public.t_id'::regclass AND indisvalid"))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aStatementFailingInsideTheFilesOwnTransactionRollsItBackAndResumesAtItsBegin(TestDialect dialect) {
        MigrationFixture fx = new MigrationFixture(root, dialect);
        opened.add(fx);
        fx.file(
                "1_a.sql",
                "CREATE TABLE a (id int);\nBEGIN;\nINSERT INTO a VALUES (1);\nINSERT INTO missing VALUES (1);\nCOMMIT;\n");
        ApplyReport failed = fx.apply(MigrationFixture.withTxMode(TxMode.NONE));
        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("1_a.sql:4:1: sql/migrate: executing statement \"INSERT INTO missing VALUES (1);\"")
                .contains(dialect.noSuchTable("missing")));
        assertThat(fx.count("SELECT count(*) FROM a")).as("rolled back").isZero();
        assertThat(fx.revisions()).singleElement().satisfies(r -> {
            assertThat(r.applied()).as("the statements before BEGIN").isEqualTo(1);
            assertThat(r.errorStatement()).contains("INSERT INTO missing VALUES (1);");
        });
        fx.execute("CREATE TABLE missing (id int)");
        ApplyReport resumed = fx.apply(MigrationFixture.withTxMode(TxMode.NONE));
        assertThat(resumed.error()).isEmpty();
        assertThat(resumed.applied().get(0).skipped()).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM a")).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM missing")).isEqualTo(1);
    }
}
