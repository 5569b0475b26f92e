package io.plumb.engine.revert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import io.plumb.engine.migrate.Revision;
import io.plumb.engine.migrate.RevisionStore;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code migrate down} on SQLite, the embedded PostgreSQL and the embedded MariaDB: what it reverts and leaves. */
class MigrateDownTest {

    @TempDir
    Path root;

    private final List<IsolatedDatabase> isolated = new ArrayList<>();

    @AfterEach
    void drop() {
        isolated.forEach(IsolatedDatabase::close);
    }

    private String fresh(TestDialect dialect) {
        if (dialect == TestDialect.SQLITE) {
            return "sqlite://" + root.resolve("app.db");
        }
        IsolatedDatabase db = dialect.fresh();
        isolated.add(db);
        return db.url();
    }

    // A MariaDB dev URL of the server's own would see the target's schema; it gets a schema of its own.
    private String dev(TestDialect dialect) {
        if (dialect != TestDialect.MARIADB) {
            return dialect.devUrl();
        }
        if (devUrl == null) {
            devUrl = fresh(dialect);
        }
        return devUrl;
    }

    private @Nullable String devUrl;

    private MigrationDir dir(String... files) {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        for (int i = 0; i < files.length; i += 2) {
            dir.add(files[i], files[i + 1]);
        }
        return dir;
    }

    private ApplyReport apply(String url, MigrationDir dir, ApplyOptions options) {
        try (Database db = Database.open(url, root)) {
            return new Migrator(db, dir, options).apply(new ApplyListener() {});
        }
    }

    private DownReport down(TestDialect dialect, String url, MigrationDir dir, int amount, Optional<String> to) {
        DownOptions options = new DownOptions(
                url,
                root,
                dir,
                dev(dialect),
                amount,
                to,
                false,
                Optional.empty(),
                Duration.ofSeconds(10),
                DiffPolicy.none());
        return new MigrateDown(options).run();
    }

    private List<String> versions(String url) {
        try (Database db = Database.open(url, root)) {
            return RevisionStore.of(db, Optional.empty()).readAll().stream()
                    .map(Revision::version)
                    .toList();
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

    private boolean hasTable(String url, String table) throws SQLException {
        try (Database db = Database.open(url, root);
                Statement statement = db.connection().createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                return rows.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void revertsTheLastFilesOneByOneAndApplyRunsThemAgain(TestDialect dialect) throws SQLException {
        String url = fresh(dialect);
        MigrationDir dir = dir(
                "1_users.sql", "CREATE TABLE users (id int NOT NULL, PRIMARY KEY (id));\n",
                "2_posts.sql",
                        "CREATE TABLE posts (id int NOT NULL, user_id int NOT NULL, PRIMARY KEY (id),"
                                + " CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id));\n",
                "3_title.sql", "ALTER TABLE posts ADD COLUMN title varchar(50);\n");
        assertThat(apply(url, dir, ApplyOptions.defaults("Plumb test")).error()).isEmpty();
        exec(url, "INSERT INTO users (id) VALUES (1)");

        DownReport report = down(dialect, url, dir, 2, Optional.empty());

        assertThat(report.error()).isEmpty();
        assertThat(report.status()).isEqualTo(DownReport.APPLIED);
        assertThat(report.current()).isEqualTo("3");
        assertThat(report.target()).isEqualTo("1");
        assertThat(report.reverted()).extracting(f -> f.file().version()).containsExactly("3", "2");
        assertThat(report.checks()).extracting(DownReport.CheckBlock::version).containsExactly("3", "2");
        assertThat(versions(url)).containsExactly("1");
        assertThat(hasTable(url, "posts")).isFalse();
        assertThat(hasTable(url, "users")).isTrue();

        ApplyReport again = apply(url, dir, ApplyOptions.defaults("Plumb test"));
        assertThat(again.error()).isEmpty();
        assertThat(again.applied()).hasSize(2);
        assertThat(versions(url)).containsExactly("1", "2", "3");
        exec(url, "INSERT INTO posts (id, user_id, title) VALUES (1, 1, 'x')");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFailedCheckStopsTheRunWithNothingChanged(TestDialect dialect) throws SQLException {
        String url = fresh(dialect);
        MigrationDir dir = dir(
                "1_users.sql", "CREATE TABLE users (id int NOT NULL, PRIMARY KEY (id));\n",
                "2_posts.sql", "CREATE TABLE posts (id int NOT NULL, PRIMARY KEY (id));\n",
                "3_tags.sql", "CREATE TABLE tags (id int NOT NULL, PRIMARY KEY (id));\n");
        apply(url, dir, ApplyOptions.defaults("Plumb test"));
        exec(url, "INSERT INTO posts (id) VALUES (1)");

        DownReport report = down(dialect, url, dir, 1, Optional.of("1"));

        assertThat(report.status()).isEqualTo(DownReport.ABORTED);
        assertThat(report.error())
                .contains("data-loss check failed before reverting version 2: table \"posts\" is not empty");
        assertThat(report.reverted()).isEmpty();
        assertThat(versions(url)).containsExactly("1", "2", "3");
        assertThat(hasTable(url, "tags")).isTrue();
        assertThat(hasTable(url, "posts")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFailingStatementIsRolledBackWhereDdlIsTransactional(TestDialect dialect) throws SQLException {
        String url = fresh(dialect);
        // Reverting version 2 takes a column back that the row cannot fill: NOT NULL without a default on SQLite and
        // PostgreSQL; on MariaDB, which fills it with 0, a narrower type than the row's value.
        MigrationDir dir = dialect == TestDialect.MARIADB
                ? dir(
                        "1_t.sql", "CREATE TABLE t (id int NOT NULL, c varchar(10), PRIMARY KEY (id));\n",
                        "2_widen.sql", "ALTER TABLE t MODIFY c varchar(100);\n",
                        "3_x.sql", "CREATE TABLE x (id int);\n")
                : dir(
                        "1_t.sql", "CREATE TABLE t (id int NOT NULL, c int NOT NULL, PRIMARY KEY (id));\n",
                        "2_drop.sql", "ALTER TABLE t DROP COLUMN c;\n",
                        "3_x.sql", "CREATE TABLE x (id int);\n");
        assertThat(apply(url, dir, ApplyOptions.defaults("Plumb test")).error()).isEmpty();
        exec(
                url,
                dialect == TestDialect.MARIADB
                        ? "INSERT INTO t VALUES (1, '" + "x".repeat(50) + "')"
                        : "INSERT INTO t VALUES (1)");

        DownReport report = down(dialect, url, dir, 2, Optional.empty());

        assertThat(report.status()).isEqualTo(DownReport.ABORTED);
        assertThat(report.error()).get().asString().startsWith("executing statement \"");
        assertThat(report.reverted()).last().satisfies(f -> {
            assertThat(f.file().version()).isEqualTo("2");
            assertThat(f.error()).isPresent();
        });
        if (dialect.transactionalDdl()) {
            assertThat(report.error()).get().asString().endsWith("(rolled back: nothing was reverted)");
            assertThat(hasTable(url, "x")).isTrue();
            assertThat(versions(url)).containsExactly("1", "2", "3");
        } else {
            // Each DDL statement commits: version 3 is reverted and its revision gone, version 2 is not.
            assertThat(hasTable(url, "x")).isFalse();
            assertThat(versions(url)).containsExactly("1", "2");
        }
    }

    @Test
    void aBaselineIsNeverRevertedAndTheTargetMustBeApplied() throws SQLException {
        String url = fresh(TestDialect.SQLITE);
        MigrationDir dir = dir(
                "1_users.sql", "CREATE TABLE users (id int NOT NULL, PRIMARY KEY (id));\n",
                "2_posts.sql", "CREATE TABLE posts (id int NOT NULL, PRIMARY KEY (id));\n");
        exec(url, "CREATE TABLE users (id int NOT NULL, PRIMARY KEY (id))");
        ApplyOptions baseline = ApplyOptions.defaults("Plumb test").withBaseline("1");
        assertThat(apply(url, dir, baseline).error()).isEmpty();

        assertThatThrownBy(() -> down(TestDialect.SQLITE, url, dir, 1, Optional.of("3")))
                .isInstanceOf(MigrateException.class)
                .hasMessage("migration with version \"3\" not found in migrations");

        DownReport report = down(TestDialect.SQLITE, url, dir, 5, Optional.empty());
        assertThat(report.reverted()).extracting(f -> f.file().version()).containsExactly("2");
        assertThat(versions(url)).containsExactly("1");
        assertThat(hasTable(url, "users")).isTrue();

        DownReport nothing = down(TestDialect.SQLITE, url, dir, 1, Optional.empty());
        assertThat(nothing.planned()).isEmpty();
        assertThat(nothing.status()).isEqualTo(DownReport.APPLIED);
        assertThatThrownBy(() -> down(TestDialect.SQLITE, url, dir, 1, Optional.of("2")))
                .isInstanceOf(MigrateException.class)
                .hasMessage("version \"2\" is not applied on the database: its current version is \"1\"");
    }

    @Test
    void aSchemaBoundPostgresUrlRevertsInItsSchema() throws SQLException {
        IsolatedDatabase db = TestDialect.POSTGRES.fresh();
        isolated.add(db);
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "search_path=public";
        MigrationDir dir = dir(
                "1_users.sql", "CREATE TABLE users (id int NOT NULL, PRIMARY KEY (id));\n",
                "2_posts.sql", "CREATE TABLE posts (id int NOT NULL, PRIMARY KEY (id));\n");
        assertThat(apply(url, dir, ApplyOptions.defaults("Plumb test")).error()).isEmpty();

        DownReport report = down(TestDialect.POSTGRES, url, dir, 1, Optional.empty());

        assertThat(report.error()).isEmpty();
        assertThat(report.reverted()).singleElement().satisfies(f -> assertThat(f.applied())
                .containsExactly("DROP TABLE \"posts\""));
        assertThat(versions(url)).containsExactly("1");
        assertThat(hasTable(url, "posts")).isFalse();
        assertThat(hasTable(url, "users")).isTrue();
    }
}
