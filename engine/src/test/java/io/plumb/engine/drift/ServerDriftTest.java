package io.plumb.engine.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import io.plumb.engine.drift.DivergedObject.Change;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationLock;
import io.plumb.engine.migrate.Migrator;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Drift on the JVM's embedded PostgreSQL and MariaDB servers: each kind of object, and the fix that clears it. */
class ServerDriftTest {

    private static final String POSTGRES_HISTORY = "CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL);\n"
            + "CREATE INDEX users_name ON users (name);\n"
            + "CREATE VIEW user_names AS SELECT name FROM users;\n"
            + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
            + "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();\n";

    @TempDir
    Path root;

    private final List<IsolatedDatabase> opened = new ArrayList<>();

    @AfterEach
    void drop() {
        opened.forEach(IsolatedDatabase::close);
    }

    private String fresh(TestDialect dialect) {
        IsolatedDatabase db = dialect.fresh();
        opened.add(db);
        return db.url();
    }

    private MigrationDir dir(String... files) {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        for (int i = 0; i < files.length; i += 2) {
            dir.add(files[i], files[i + 1]);
        }
        return dir;
    }

    private void apply(String url, MigrationDir dir, String... target) {
        try (Database db = Database.open(url, root)) {
            ApplyOptions options = ApplyOptions.defaults("Plumb test");
            if (target.length > 0) {
                options = options.withTarget(target[0]);
            }
            ApplyReport report = new Migrator(db, dir, options).apply(new ApplyListener() {});
            assertThat(report.error()).isEmpty();
        }
    }

    private void exec(String url, List<String> sql) throws SQLException {
        try (Database db = Database.open(url, root);
                Statement statement = db.connection().createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    private DriftCheck check(String url, MigrationDir dir, String dev) {
        return DriftCheck.builder(url)
                .workingDirectory(root)
                .dir(dir)
                .devUrl(dev)
                .build();
    }

    static Stream<Arguments> postgresDrift() {
        return Stream.of(
                Arguments.of(
                        "ALTER TABLE users ADD COLUMN email text",
                        new DivergedObject("column", "public.users.email", Change.ADDED, ""),
                        true),
                Arguments.of(
                        "ALTER TABLE users ALTER COLUMN name DROP NOT NULL",
                        new DivergedObject("column", "public.users.name", Change.MODIFIED, "null"),
                        false),
                Arguments.of(
                        "DROP INDEX users_name",
                        new DivergedObject("index", "public.users.users_name", Change.DROPPED, ""),
                        false),
                Arguments.of(
                        "CREATE OR REPLACE VIEW user_names AS SELECT name, id FROM users",
                        // Taking the added column back out of a view needs it dropped and created again.
                        new DivergedObject("view", "public.user_names", Change.MODIFIED, "definition, re-created"),
                        false),
                Arguments.of(
                        "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                                + " NEW.name := upper(NEW.name); RETURN NEW; END $$",
                        new DivergedObject("function", "public.touch", Change.MODIFIED, "definition"),
                        false),
                Arguments.of(
                        "DROP TRIGGER users_touch ON users",
                        new DivergedObject("trigger", "public.users.users_touch", Change.DROPPED, ""),
                        false));
    }

    @ParameterizedTest(name = "postgres: {1}")
    @MethodSource("postgresDrift")
    void postgresDriftInEachKindIsDetectedAndItsFixClearsIt(String change, DivergedObject expected, boolean destructive)
            throws SQLException {
        String url = fresh(TestDialect.POSTGRES);
        String dev = fresh(TestDialect.POSTGRES);
        MigrationDir dir = dir("1_init.sql", POSTGRES_HISTORY);
        apply(url, dir);
        DriftCheck check = check(url, dir, dev);
        assertThat(check.migrate().status()).isEqualTo(DriftStatus.SYNCED);

        exec(url, List.of(change));
        DriftReport report = check.migrate();
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.diverged()).containsExactly(expected);
        assertThat(report.destructive()).isEqualTo(destructive);
        assertThat(report.hclDiff()).startsWith("--- expected state\n+++ actual state\n");
        assertThat(report.fixStatements()).isNotEmpty();

        exec(url, report.fixStatements());
        DriftReport after = check.migrate();
        assertThat(after.diverged()).isEmpty();
        assertThat(after.status()).isEqualTo(DriftStatus.SYNCED);
    }

    @Test
    void anObjectTheModelDoesNotHoldIsReportedNotDropped() throws SQLException {
        String url = fresh(TestDialect.POSTGRES);
        String dev = fresh(TestDialect.POSTGRES);
        MigrationDir dir = dir("1_init.sql", POSTGRES_HISTORY);
        apply(url, dir);
        exec(url, List.of("CREATE RULE users_no_delete AS ON DELETE TO users DO INSTEAD NOTHING"));
        DriftReport report = check(url, dir, dev).migrate();
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.diverged())
                .containsExactly(new DivergedObject(
                        "rule",
                        "(1 in the database, 0 expected)",
                        Change.ADDED,
                        "not modelled by plumb: compared by count"));
        assertThat(report.unsupported()).containsEntry("rule", 1);
        // Nothing the planner could write brings it back: no statement is made up.
        assertThat(report.fixStatements()).isEmpty();
        assertThat(report.hclDiff()).isEmpty();
    }

    @Test
    void postgresPendingFileAloneIsPending() {
        String url = fresh(TestDialect.POSTGRES);
        String dev = fresh(TestDialect.POSTGRES);
        MigrationDir dir =
                dir("1_init.sql", POSTGRES_HISTORY, "2_more.sql", "CREATE TABLE tags (id int PRIMARY KEY);\n");
        apply(url, dir, "1");
        DriftReport report = check(url, dir, dev).migrate();
        assertThat(report.status()).isEqualTo(DriftStatus.PENDING);
        assertThat(report.currentVersion()).isEqualTo("1");
        assertThat(report.latestVersion()).isEqualTo("2");
        assertThat(report.pendingFiles()).containsExactly("2_more.sql");
        // The revisions table's own schema is not part of the database's state.
        assertThat(report.actual().schema("atlas_schema_revisions")).isEmpty();
    }

    @Test
    void anApplyInFlightIsWaitedForThenAnError() {
        String url = fresh(TestDialect.POSTGRES);
        String dev = fresh(TestDialect.POSTGRES);
        MigrationDir dir = dir("1_init.sql", POSTGRES_HISTORY);
        apply(url, dir);
        DriftCheck check = DriftCheck.builder(url)
                .workingDirectory(root)
                .dir(dir)
                .devUrl(dev)
                .lockTimeout(Duration.ofMillis(300))
                .build();
        try (Database applying = Database.open(url, root);
                MigrationLock held = MigrationLock.acquire(applying, MigrationLock.APPLY, Duration.ofSeconds(1))) {
            assertThatThrownBy(check::migrate)
                    .isInstanceOf(DriftException.class)
                    .hasMessageContaining("atlas_migrate_execute");
        }
        assertThat(check.migrate().status()).isEqualTo(DriftStatus.SYNCED);
    }

    @Test
    void aWrongPasswordIsAnErrorWithThePasswordMasked() {
        String url = fresh(TestDialect.POSTGRES);
        // The same database, logged into with a password the server refuses.
        String wrong = url.replaceFirst("://[^@/]*@", "://postgres:s3cr3t-pw@");
        if (wrong.equals(url)) {
            wrong = url.replaceFirst("://", "://postgres:s3cr3t-pw@");
        }
        String target = wrong;
        assertThatThrownBy(() -> check(target, dir("1_a.sql", "CREATE TABLE a (id int);\n"), "sqlite://dev?mode=memory")
                        .migrate())
                .isInstanceOf(DriftException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw"));
    }

    @Test
    void mariadbColumnDriftIsDetectedAndItsFixClearsIt() throws SQLException {
        String url = fresh(TestDialect.MARIADB);
        String dev = fresh(TestDialect.MARIADB);
        MigrationDir dir = dir(
                "1_init.sql",
                "CREATE TABLE users (id int PRIMARY KEY, name varchar(100) NOT NULL);\n"
                        + "CREATE INDEX users_name ON users (name);\n");
        apply(url, dir);
        DriftCheck check = check(url, dir, dev);
        assertThat(check.migrate().status()).isEqualTo(DriftStatus.SYNCED);
        exec(url, List.of("ALTER TABLE users MODIFY name varchar(200) NOT NULL", "DROP INDEX users_name ON users"));
        DriftReport report = check.migrate();
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.diverged())
                .extracting(DivergedObject::qualifiedName, DivergedObject::change)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(qualified(url, "users.name"), Change.MODIFIED),
                        org.assertj.core.groups.Tuple.tuple(qualified(url, "users.users_name"), Change.DROPPED));
        assertThat(report.destructive()).isTrue();
        exec(url, report.fixStatements());
        assertThat(check.migrate().status()).isEqualTo(DriftStatus.SYNCED);
    }

    private String qualified(String url, String name) {
        try (Database db = Database.open(url, root)) {
            return db.boundSchema().orElseThrow() + "." + name;
        }
    }
}
