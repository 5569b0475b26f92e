package io.plumb.engine.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.drift.DivergedObject.Change;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import io.plumb.engine.migrate.TxMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDriftTest {

    private static final String DEV = "sqlite://dev?mode=memory";

    @TempDir
    Path root;

    private MigrationDir dir() {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        dir.add("1_users.sql", "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);\n");
        dir.add(
                "2_posts.sql",
                "CREATE TABLE posts (id integer PRIMARY KEY, title text);\n"
                        + "CREATE INDEX posts_title ON posts (title);\n");
        return dir;
    }

    private String url(String name) {
        return "sqlite://" + root.resolve(name);
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

    private void exec(String url, String... sql) throws SQLException {
        try (Database db = Database.open(url, root);
                Statement statement = db.connection().createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    private DriftCheck.Builder check(String url, MigrationDir dir) {
        return DriftCheck.builder(url).workingDirectory(root).dir(dir).devUrl(DEV);
    }

    @Test
    void aDatabaseAtTheLastVersionIsSynced() {
        MigrationDir dir = dir();
        apply(url("t.db"), dir);
        DriftReport report = check(url("t.db"), dir).build().migrate();
        assertThat(report.status()).isEqualTo(DriftStatus.SYNCED);
        assertThat(report.currentVersion()).isEqualTo("2");
        assertThat(report.latestVersion()).isEqualTo("2");
        assertThat(report.pendingFiles()).isEmpty();
        assertThat(report.diverged()).isEmpty();
        assertThat(report.hclDiff()).isEmpty();
        assertThat(report.fixStatements()).isEmpty();
        assertThat(report.expectedSource()).isEqualTo("file://migrations (local)");
        assertThat(report.actual().schema("main").orElseThrow().table("atlas_schema_revisions"))
                .isEmpty();
    }

    @Test
    void aPendingFileAloneIsPendingNeverDrift() {
        MigrationDir dir = dir();
        apply(url("t.db"), dir, "1");
        DriftReport report = check(url("t.db"), dir).build().migrate();
        assertThat(report.status()).isEqualTo(DriftStatus.PENDING);
        assertThat(report.currentVersion()).isEqualTo("1");
        assertThat(report.latestVersion()).isEqualTo("2");
        assertThat(report.pendingFiles()).containsExactly("2_posts.sql");
        assertThat(report.diverged()).isEmpty();
    }

    @Test
    void aDatabaseWithoutRevisionsIsPendingWhenEmptyAndDriftedWhenNot() throws SQLException {
        MigrationDir dir = dir();
        exec(url("empty.db"), "PRAGMA user_version = 1");
        DriftReport empty = check(url("empty.db"), dir).build().migrate();
        assertThat(empty.status()).isEqualTo(DriftStatus.PENDING);
        assertThat(empty.currentVersion()).isNull();
        assertThat(empty.pendingFiles()).containsExactly("1_users.sql", "2_posts.sql");

        exec(url("dirty.db"), "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL)");
        DriftReport dirty = check(url("dirty.db"), dir).build().migrate();
        assertThat(dirty.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(dirty.diverged()).containsExactly(new DivergedObject("table", "main.users", Change.ADDED, ""));
    }

    @Test
    void anAddedColumnIsDriftWithAnHclDiffAndADestructiveFixThatClearsIt() throws SQLException {
        MigrationDir dir = dir();
        apply(url("t.db"), dir);
        exec(url("t.db"), "ALTER TABLE users ADD COLUMN email text");
        DriftCheck check = check(url("t.db"), dir).build();
        DriftReport report = check.migrate();
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.diverged())
                .containsExactly(new DivergedObject("column", "main.users.email", Change.ADDED, ""));
        assertThat(report.hclDiff())
                .startsWith("--- expected state\n+++ actual state\n@@ ")
                .contains("+  column \"email\" {\n");
        assertThat(report.destructive()).isTrue();
        assertThat(report.fixStatements()).isNotEmpty();
        exec(url("t.db"), report.fixStatements().toArray(String[]::new));
        DriftReport after = check.migrate();
        assertThat(after.status()).isEqualTo(DriftStatus.SYNCED);
    }

    @Test
    void aDroppedIndexIsDriftAndItsFixIsNotDestructive() throws SQLException {
        MigrationDir dir = dir();
        apply(url("t.db"), dir);
        exec(url("t.db"), "DROP INDEX posts_title");
        DriftReport report = check(url("t.db"), dir).build().migrate();
        assertThat(report.diverged())
                .containsExactly(new DivergedObject("index", "main.posts.posts_title", Change.DROPPED, ""));
        assertThat(report.destructive()).isFalse();
        assertThat(report.fixStatements()).containsExactly("CREATE INDEX `posts_title` ON `posts` (`title`)");
    }

    @Test
    void excludedObjectsAreNotDrift() throws SQLException {
        MigrationDir dir = dir();
        apply(url("t.db"), dir);
        exec(url("t.db"), "CREATE TABLE scratch (x int)");
        DriftReport report =
                check(url("t.db"), dir).exclude(List.of("scratch")).build().migrate();
        assertThat(report.status()).isEqualTo(DriftStatus.SYNCED);
    }

    @Test
    void aFailedLastRevisionIsFailedWithItsMessage() throws SQLException {
        MigrationDir dir = dir();
        dir.add("3_bad.sql", "CREATE TABLE t3 (id int);\nINSERT INTO nowhere VALUES (1);\n");
        try (Database db = Database.open(url("t.db"), root)) {
            // Without a transaction the failure is recorded in the revisions table; in one, it is rolled back.
            ApplyOptions options = ApplyOptions.defaults("Plumb test").withTxMode(TxMode.NONE);
            ApplyReport report = new Migrator(db, dir, options).apply(new ApplyListener() {});
            assertThat(report.error()).isPresent();
        }
        DriftReport report = check(url("t.db"), dir).build().migrate();
        assertThat(report.status()).isEqualTo(DriftStatus.FAILED);
        assertThat(report.currentVersion()).isEqualTo("3");
        assertThat(report.error()).hasValueSatisfying(m -> assertThat(m).contains("no such table: nowhere"));
        assertThat(report.diverged()).isEmpty();
    }

    @Test
    void manyTargetsAtOneVersionReplayTheDirectoryOnce() throws Exception {
        MigrationDir dir = dir();
        int targets = 12;
        for (int i = 0; i < targets; i++) {
            apply(url("tenant" + i + ".db"), dir, i % 3 == 0 ? "1" : "2");
        }
        ExpectedStates states = new ExpectedStates();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DriftReport>> reports = new ArrayList<>();
            for (int i = 0; i < targets; i++) {
                DriftCheck check = check(url("tenant" + i + ".db"), dir)
                        .expectedStates(states)
                        .build();
                reports.add(pool.submit(check::migrate));
            }
            for (int i = 0; i < targets; i++) {
                assertThat(reports.get(i).get().status())
                        .isEqualTo(i % 3 == 0 ? DriftStatus.PENDING : DriftStatus.SYNCED);
            }
        } finally {
            pool.shutdown();
        }
        // Two versions among the tenants: the directory was replayed once for each.
        assertThat(states.replays()).isEqualTo(2);
        assertThat(states.hits()).isEqualTo(targets - 2);
        assertThat(states.size()).isEqualTo(2);
    }

    @Test
    void aBrokenDirectoryIsAnErrorNotAStatus() throws Exception {
        MigrationDir dir = dir();
        apply(url("t.db"), dir);
        Files.writeString(root.resolve("migrations/2_posts.sql"), "CREATE TABLE edited (id int);\n");
        assertThatThrownBy(() -> check(url("t.db"), dir).build().migrate())
                .isInstanceOf(DriftException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aFileAddedOutOfOrderIsPendingNotExpected() throws Exception {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        dir.add("1_users.sql", "CREATE TABLE users (id integer PRIMARY KEY);\n");
        dir.add("3_tags.sql", "CREATE TABLE tags (id integer PRIMARY KEY);\n");
        apply(url("t.db"), dir);
        dir.add("2_posts.sql", "CREATE TABLE posts (id integer PRIMARY KEY);\n");
        DriftReport report = check(url("t.db"), dir)
                .execOrder(io.plumb.engine.migrate.ExecOrder.NON_LINEAR)
                .build()
                .migrate();
        assertThat(report.status()).isEqualTo(DriftStatus.PENDING);
        assertThat(report.currentVersion()).isEqualTo("3");
        assertThat(report.pendingFiles()).containsExactly("2_posts.sql");
        assertThat(report.expected().schema("main").orElseThrow().table("posts"))
                .isEmpty();
    }

    @Test
    void aFileThatFailsToReplayIsAnError() throws Exception {
        MigrationDir dir = dir();
        apply(url("t.db"), dir);
        // The dev database has no such table: the replay of version 2 fails, naming the statement and version.
        Files.writeString(root.resolve("migrations/2_posts.sql"), "CREATE INDEX posts_title ON nowhere (title);\n");
        dir.rehash();
        assertThatThrownBy(() -> check(url("t.db"), dir).build().migrate())
                .isInstanceOf(DriftException.class)
                .hasMessageContaining("from version \"2\"")
                .hasMessageContaining("no such table");
    }

    @Test
    void schemaDriftComparesWithADesiredSchema() throws Exception {
        apply(url("t.db"), dir());
        Files.writeString(
                root.resolve("schema.sql"), "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);\n");
        DriftReport report = DriftCheck.builder(url("t.db"))
                .workingDirectory(root)
                .devUrl(DEV)
                .build()
                .schema(List.of("file://schema.sql"));
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.currentVersion()).isNull();
        assertThat(report.expectedSource()).isEqualTo("file://schema.sql");
        assertThat(report.diverged()).containsExactly(new DivergedObject("table", "main.posts", Change.ADDED, ""));
        assertThat(report.destructive()).isTrue();
    }
}
