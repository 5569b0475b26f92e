package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.devdb.TestServers;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServerMigrationTest {

    private static Isolation postgres;
    private static Isolation mariadb;

    @TempDir
    Path root;

    @BeforeAll
    static void servers() {
        postgres = Isolation.open(TestServers.postgresUrl(), Path.of("."));
        mariadb = Isolation.open(TestServers.mariadbUrl(), Path.of("."));
    }

    @AfterAll
    static void close() {
        postgres.close();
        mariadb.close();
    }

    static Stream<String> dialects() {
        return Stream.of("postgres", "mariadb");
    }

    private static IsolatedDatabase fresh(String dialect) {
        return (dialect.equals("postgres") ? postgres : mariadb).fresh();
    }

    private MigrationDir dir(String... files) {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        for (int i = 0; i < files.length; i += 2) {
            dir.add(files[i], files[i + 1]);
        }
        return dir;
    }

    private static ApplyReport apply(Database db, MigrationDir dir, ApplyOptions options) {
        return new Migrator(db, dir, options).apply(new ApplyListener() {});
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void appliesFilesAndReadsTheRevisionsBackInVersionOrder(String dialect) throws SQLException {
        try (IsolatedDatabase isolated = fresh(dialect)) {
            Database db = isolated.database();
            MigrationDir dir = dir("1_a.sql", "CREATE TABLE a (id int);\n", "2_b.sql", "CREATE TABLE b (id int);\n");
            ApplyReport report = apply(db, dir, ApplyOptions.defaults("Plumb test"));
            assertThat(report.error()).isEmpty();
            RevisionStore store = RevisionStore.of(db, Optional.empty());
            List<Revision> revisions = store.readAll();
            assertThat(revisions).extracting(Revision::version).containsExactly("1", "2");
            assertThat(revisions.get(0).applied()).isEqualTo(1);
            assertThat(revisions.get(0).total()).isEqualTo(1);
            assertThat(revisions.get(0).executedAt()).isNotNull();
            // The reference tool's target identifier row is not a revision.
            store.write(new Revision(
                    Revision.CLOUD_IDENTIFIER,
                    "uuid",
                    0,
                    0,
                    0,
                    revisions.get(0).executedAt(),
                    Duration.ZERO,
                    Optional.empty(),
                    Optional.empty(),
                    "",
                    List.of(),
                    "Plumb test"));
            assertThat(store.readAll()).extracting(Revision::version).containsExactly("1", "2");
            assertThat(apply(db, dir, ApplyOptions.defaults("Plumb test")).applied())
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void revisionsTableHasTheReferenceToolsTypesAndLocation(String dialect) throws SQLException {
        try (IsolatedDatabase isolated = fresh(dialect)) {
            Database db = isolated.database();
            apply(db, dir("1_a.sql", "CREATE TABLE a (id int);\n"), ApplyOptions.defaults("Plumb test"));
            // A PostgreSQL database-bound URL keeps it in its own schema; a MySQL URL is bound to its schema.
            String schema = dialect.equals("postgres")
                    ? RevisionStore.DEFAULT_SCHEMA
                    : db.boundSchema().orElseThrow();
            List<String> types = columnTypes(db, schema);
            if (dialect.equals("postgres")) {
                assertThat(types)
                        .containsExactly(
                                "version character varying",
                                "description character varying",
                                "type bigint",
                                "applied bigint",
                                "total bigint",
                                "executed_at timestamp with time zone",
                                "execution_time bigint",
                                "error text",
                                "error_stmt text",
                                "hash character varying",
                                "partial_hashes jsonb",
                                "operator_version character varying");
            } else {
                assertThat(types)
                        .contains(
                                "version varchar(255)",
                                "type bigint(20) unsigned",
                                "executed_at timestamp(6)",
                                "error longtext",
                                "hash varchar(255)");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void revisionsSchemaFlagPlacesTheTable(String dialect) throws SQLException {
        try (IsolatedDatabase isolated = fresh(dialect)) {
            Database db = isolated.database();
            String schema = isolated.url().replaceAll(".*/([^/?]+).*", "$1") + "_revs";
            ApplyOptions options = ApplyOptions.defaults("Plumb test").withRevisionsSchema(Optional.of(schema));
            apply(db, dir("1_a.sql", "CREATE TABLE a (id int);\n"), options);
            assertThat(columnTypes(db, schema)).hasSize(12);
            assertThat(RevisionStore.of(db, Optional.of(schema)).readAll()).hasSize(1);
            execute(db, dialect.equals("postgres") ? "DROP SCHEMA " + schema + " CASCADE" : "DROP DATABASE " + schema);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aFailingFileRollsBackOnPostgresAndResumesOnMysql(String dialect) throws SQLException {
        try (IsolatedDatabase isolated = fresh(dialect)) {
            Database db = isolated.database();
            MigrationDir dir = dir("1_a.sql", "CREATE TABLE a (id int);\nCREATE TABLE a (id int);\n");
            ApplyReport report = apply(db, dir, ApplyOptions.defaults("Plumb test"));
            assertThat(report.error()).isPresent();
            List<Revision> revisions = RevisionStore.of(db, Optional.empty()).readAll();
            if (dialect.equals("postgres")) {
                // DDL is transactional: the file and its revision are rolled back together.
                assertThat(revisions).isEmpty();
                assertThat(tables(db)).doesNotContain("a");
                return;
            }
            // MySQL committed the first CREATE: the revision says so, as mode none would.
            assertThat(revisions).hasSize(1);
            assertThat(revisions.get(0).applied()).isEqualTo(1);
            assertThat(revisions.get(0).total()).isEqualTo(2);
            assertThat(revisions.get(0).error()).isPresent();
            assertThat(revisions.get(0).errorStatement()).hasValue("CREATE TABLE a (id int);");
            dir.add("1_a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
            ApplyReport resumed = apply(db, dir, ApplyOptions.defaults("Plumb test"));
            assertThat(resumed.error()).isEmpty();
            assertThat(tables(db)).contains("a", "b");
            assertThat(RevisionStore.of(db, Optional.empty()).readAll().get(0).applied())
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aSecondSessionWaitsForTheLockAndTimesOutWithTheSqliteMessage(String dialect) {
        try (IsolatedDatabase isolated = fresh(dialect);
                Database second = Database.open(isolated.url(), root);
                MigrationLock held =
                        MigrationLock.acquire(isolated.database(), MigrationLock.APPLY, Duration.ofSeconds(1))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> MigrationLock.acquire(second, MigrationLock.APPLY, Duration.ofMillis(300)))
                    .isInstanceOf(MigrateException.class)
                    .hasMessage(
                            "acquiring database lock: lock \"atlas_migrate_execute\" is held by another process (waited 0.3s;"
                                    + " see --lock-timeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            held.close();
            MigrationLock.acquire(second, MigrationLock.APPLY, Duration.ofMillis(300))
                    .close();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aDatabaseWithTablesIsNotClean(String dialect) throws SQLException {
        try (IsolatedDatabase isolated = fresh(dialect)) {
            Database db = isolated.database();
            execute(db, "CREATE TABLE stray (id int)");
            assertThatThrownBy(() -> apply(
                            db, dir("1_a.sql", "CREATE TABLE a (id int);\n"), ApplyOptions.defaults("Plumb test")))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("connected database is not clean: found table \"stray\"");
        }
    }

    @Test
    void postgresLockKeyIsGoFnv32OfTheName() {
        // fnv.New32().Write("atlas_migrate_execute").Sum32(), the key the reference tool locks.
        assertThat(PostgresAdvisoryLock.key("")).isEqualTo(0x811c9dc5L);
        assertThat(PostgresAdvisoryLock.key("a")).isEqualTo(0x050c5d7eL);
    }

    private static List<String> columnTypes(Database db, String schema) throws SQLException {
        String type = db.dialect().name().equals("postgres") ? "data_type" : "column_type";
        String sql = "SELECT column_name, " + type + " FROM information_schema.columns WHERE table_schema = ?"
                + " AND table_name = 'atlas_schema_revisions' ORDER BY ordinal_position";
        List<String> types = new ArrayList<>();
        try (PreparedStatement query = db.connection().prepareStatement(sql)) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        return types;
    }

    private static List<String> tables(Database db) {
        return io.plumb.engine.devdb.UserTables.of(db).stream()
                .map(io.plumb.engine.devdb.UserTables.Name::table)
                .toList();
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Statement statement = db.connection().createStatement()) {
            statement.execute(sql);
        }
    }
}
