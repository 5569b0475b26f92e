package io.plumb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code PlumbDatabaseStatesTest} runs example tests whose {@code @PlumbDatabase} databases start at a desired schema
 * or at a version of a migration directory, on SQLite, embedded PostgreSQL and embedded MariaDB, and checks that
 * every test gets a clone of its own, that the handed-out connections are closed, and that bad set-ups fail the test
 * with a clear message.
 */
class PlumbDatabaseStatesTest {

    static final String MIGRATIONS = "src/test/resources/testdata/tests/migrations";
    static final String FLYWAY = "src/test/resources/testdata/database/flyway?format=flyway";
    static final String LIQUIBASE = "src/test/resources/testdata/database/liquibase?format=liquibase";
    static final String PLACEHOLDERS =
            "src/test/resources/testdata/database/flyway-placeholders?format=flyway&placeholders.role=reader";
    static final String SCHEMA_SQL = "src/test/resources/testdata/tests/schema.sql";
    static final String SCHEMA_HCL = "src/test/resources/testdata/database/schema.hcl";
    static final String SCHEMA_POSTGRES_HCL = "src/test/resources/testdata/database/schema.postgres.hcl";

    /** The connections and JDBC URLs the examples were given, to check after they ran. */
    static final List<Connection> CONNECTIONS = new CopyOnWriteArrayList<>();

    static final List<String> URLS = new CopyOnWriteArrayList<>();

    private static EngineExecutionResults run(Class<?> testClass) {
        CONNECTIONS.clear();
        URLS.clear();
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute();
    }

    private static List<String> failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .map(Event::getPayload)
                .map(payload -> payload.map(TestExecutionResult.class::cast)
                        .flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage)
                        .orElse(""))
                .collect(Collectors.toList());
    }

    static int insertAndCount(Connection connection, int id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, name) VALUES (" + id + ", 'ada')");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM users")) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Checks a database at a directory's first version (users without names) and one at its latest. */
    static void assertNamesComeInTheSecondVersion(Connection first, Connection latest) throws SQLException {
        CONNECTIONS.add(first);
        CONNECTIONS.add(latest);
        try (Statement statement = first.createStatement()) {
            statement.execute("INSERT INTO users (id) VALUES (1)");
            assertThatThrownBy(() -> statement.executeQuery("SELECT name FROM users"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(insertAndCount(latest, 1)).isEqualTo(1);
    }

    private static void assertAllPass(Class<?> examples, int tests) {
        EngineExecutionResults results = run(examples);
        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
        assertThat(CONNECTIONS).isNotEmpty().allSatisfy(connection -> assertThat(connection.isClosed())
                .as("connection closed after its test")
                .isTrue());
    }

    @Test
    void sqliteDatabasesStartAtTheirSchemaOrVersion() {
        assertAllPass(SqliteExamples.class, 8);
        assertThat(URLS).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("jdbc:sqlite:"));
    }

    @Test
    void postgresDatabasesStartAtTheirSchemaOrVersion() {
        assertAllPass(PostgresExamples.class, 8);
        assertThat(URLS).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("jdbc:postgresql://"));
    }

    @Test
    void mariadbDatabasesStartAtTheirSchemaOrVersion() {
        assertAllPass(MariadbExamples.class, 8);
        assertThat(URLS).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("jdbc:mariadb://"));
    }

    @Test
    void hclSchemasOnSqliteAndPostgres() {
        assertAllPass(SqliteHclExamples.class, 1);
        assertAllPass(PostgresHclExamples.class, 1);
    }

    @Test
    void badSetUpsFailTheirTestWithAClearMessage() {
        EngineExecutionResults results = run(BadSetUps.class);

        results.testEvents().assertStatistics(stats -> stats.started(6).failed(6));
        assertThat(failures(results))
                .anySatisfy(message -> assertThat(message)
                        .contains("for parameter 0 of brokenSchema")
                        .contains("src/test/resources/testdata/database/broken/schema.hcl:")
                        .containsPattern("schema\\.hcl:\\d+:\\d+: "))
                .anySatisfy(message -> assertThat(message)
                        .contains("migration version \"20991231000000\" not found")
                        .contains("20240101000000, 20240102000000"))
                .anySatisfy(message -> assertThat(message)
                        .contains("migration directory")
                        .contains("no/such/dir")
                        .contains("was not found"))
                .anySatisfy(message -> assertThat(message)
                        .contains("checksum file not found in src/test/resources/testdata/database/unhashed: write it"
                                + " once with plumb migrate hash --dir"
                                + " 'file://src/test/resources/testdata/database/unhashed?format=flyway'"))
                .anySatisfy(message -> assertThat(message).contains("set either schema or migrations, not both"))
                .anySatisfy(message -> assertThat(message).contains("has type java.lang.Integer"));
        assertThat(failures(results)).noneSatisfy(message -> assertThat(message).contains("\tat "));
    }

    /** Example tests run by the test kit, not by Surefire (nested classes are excluded from its scan). */
    static class SqliteExamples {

        @SuppressWarnings("NullAway.Init") // set by the extension before each test
        @PlumbDatabase(migrations = MIGRATIONS)
        DataSource latest;

        @SuppressWarnings("NullAway.Init")
        @PlumbDatabase(migrations = MIGRATIONS)
        String latestUrl;

        @Test
        void fieldDataSourceIsAtTheLatestVersion() throws SQLException {
            try (Connection connection = latest.getConnection()) {
                CONNECTIONS.add(connection);
                assertThat(insertAndCount(connection, 1)).isEqualTo(1);
            }
        }

        @Test
        void eachTestGetsItsOwnClone() throws SQLException {
            Connection connection = latest.getConnection(); // left open: the extension closes it
            CONNECTIONS.add(connection);
            assertThat(insertAndCount(connection, 2)).isEqualTo(1);
            URLS.add(latestUrl);
            try (Connection other = DriverManager.getConnection(latestUrl)) {
                assertThat(insertAndCount(other, 3))
                        .as("another database than the data source's")
                        .isEqualTo(1);
            }
        }

        @Test
        void aVersionStopsThere(@PlumbDatabase(migrations = MIGRATIONS, version = "20240101000000") Connection c)
                throws SQLException {
            CONNECTIONS.add(c);
            try (Statement statement = c.createStatement()) {
                statement.execute("INSERT INTO users (id) VALUES (1)");
                assertThatThrownBy(() -> statement.executeQuery("SELECT name FROM users"))
                        .isInstanceOf(SQLException.class);
            }
        }

        @Test
        void aLiquibaseChangelogAtAVersion(
                @PlumbDatabase(migrations = LIQUIBASE, version = "0001") Connection first,
                @PlumbDatabase(migrations = LIQUIBASE) Connection latest)
                throws SQLException {
            assertNamesComeInTheSecondVersion(first, latest);
        }

        @Test
        void aFlywayDirectoryAtAVersion(
                @PlumbDatabase(migrations = FLYWAY, version = "1") Connection first,
                @PlumbDatabase(migrations = FLYWAY) Connection latest)
                throws SQLException {
            assertNamesComeInTheSecondVersion(first, latest);
        }

        @Test
        void flywayPlaceholdersTakeTheDirectoryUrlsValuesAndOtherValuesAreAnotherDatabase(
                @PlumbDatabase(migrations = PLACEHOLDERS + "&placeholders.prefix=app_") Connection app,
                @PlumbDatabase(migrations = PLACEHOLDERS + "&placeholders.prefix=audit_") Connection audit)
                throws SQLException {
            CONNECTIONS.add(app);
            CONNECTIONS.add(audit);
            try (Statement statement = app.createStatement()) {
                statement.execute("INSERT INTO app_users (id) VALUES (1)");
                try (ResultSet rows = statement.executeQuery("SELECT role FROM app_users")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("reader");
                }
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM audit_users"))
                        .isInstanceOf(SQLException.class);
            }
            try (Statement statement = audit.createStatement()) {
                statement.execute("INSERT INTO audit_users (id) VALUES (1)");
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM app_users"))
                        .isInstanceOf(SQLException.class);
            }
        }

        @Test
        void aJdbcUrlAtTheSqlSchema(@PlumbDatabase(schema = SCHEMA_SQL) String url) throws SQLException {
            URLS.add(url);
            try (Connection connection = DriverManager.getConnection(url)) {
                CONNECTIONS.add(connection);
                assertThat(insertAndCount(connection, 1)).isEqualTo(1);
            }
        }

        @Test
        void anEmptyDatabase(@PlumbDatabase DataSource db) throws SQLException {
            try (Connection connection = db.getConnection();
                    Statement statement = connection.createStatement()) {
                CONNECTIONS.add(connection);
                assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM users"))
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    @PlumbDatabase(url = "embedded://postgres/17")
    static class PostgresExamples extends SqliteExamples {}

    static class SqliteHclExamples {
        @Test
        void aDataSourceAtTheHclSchema(@PlumbDatabase(schema = SCHEMA_HCL) DataSource db) throws SQLException {
            try (Connection connection = db.getConnection()) {
                CONNECTIONS.add(connection);
                assertThat(insertAndCount(connection, 1)).isEqualTo(1);
            }
        }
    }

    static class PostgresHclExamples {
        @Test
        void aDataSourceAtTheHclSchema(
                @PlumbDatabase(url = "embedded://postgres/17", schema = SCHEMA_POSTGRES_HCL) DataSource db)
                throws SQLException {
            try (Connection connection = db.getConnection()) {
                CONNECTIONS.add(connection);
                assertThat(insertAndCount(connection, 1)).isEqualTo(1);
            }
        }
    }

    @PlumbDatabase(url = "embedded://mariadb/11.4")
    static class MariadbExamples extends SqliteExamples {}

    static class BadSetUps {

        @Test
        void brokenSchema(
                @PlumbDatabase(schema = "src/test/resources/testdata/database/broken/schema.hcl") String db) {}

        @Test
        void unknownVersion(@PlumbDatabase(migrations = MIGRATIONS, version = "20991231000000") String db) {}

        @Test
        void missingDirectory(@PlumbDatabase(migrations = "no/such/dir") String db) {}

        @Test
        void unhashedDirectory(
                @PlumbDatabase(migrations = "src/test/resources/testdata/database/unhashed?format=flyway") String db) {}

        @Test
        void both(@PlumbDatabase(migrations = MIGRATIONS, schema = SCHEMA_SQL) String db) {}

        @Test
        void wrongType(@PlumbDatabase Integer db) {}
    }
}
