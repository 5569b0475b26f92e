package io.plumb.bench;

import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.junit.PlumbDatabase;
import io.plumb.junit.PlumbDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code JunitBenchTests} holds the test classes {@link JunitBench} runs through the JUnit launcher: the same test
 * body (insert a row into a table of the migrated schema and count the rows) given its database three ways.
 */
final class JunitBenchTests {

    /** The migration directory the bench generates, relative to the working directory (the repository). */
    static final String DIR = "bench/target/junit-bench/migrations";

    /** How many tests each class runs; set by the bench before it launches a class. */
    static volatile int tests = 500;

    /** The dev URL the Flyway legs make their databases on; set by the bench. */
    static volatile String devUrl = "sqlite://bench?mode=memory";

    private JunitBenchTests() {}

    static IntStream indices() {
        return IntStream.range(0, tests);
    }

    static void body(Connection connection, int index) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO " + JunitBench.PROBE + " (id, name, amount) VALUES (" + index + ", 'row', 1.5)");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + JunitBench.PROBE)) {
                rows.next();
                if (rows.getInt(1) < 1) {
                    throw new IllegalStateException("the row is missing");
                }
            }
        }
    }

    static void migrateWithFlyway(String jdbcUrl) {
        Flyway.configure()
                .dataSource(jdbcUrl, null, null)
                .locations("filesystem:" + Path.of(DIR).toAbsolutePath())
                .load()
                .migrate();
    }

    /** The {@code @PlumbDatabase} leg: a clone of the migrated state per test. */
    static class PlumbTests {
        @ParameterizedTest
        @MethodSource("io.plumb.bench.JunitBenchTests#indices")
        void test(int index, @PlumbDatabase(migrations = DIR + "?format=flyway") DataSource db) throws SQLException {
            try (Connection connection = db.getConnection()) {
                body(connection, index);
            }
        }
    }

    /** Flyway per test: a new empty database, migrated by Flyway, before each test; dropped after it. */
    static class FlywayPerTest {
        private static @Nullable Isolation isolation;
        private @Nullable IsolatedDatabase database;
        private @Nullable String url;

        @BeforeAll
        static void open() {
            isolation = Isolation.open(devUrl, Path.of(""));
        }

        @BeforeEach
        void migrate() {
            database = Objects.requireNonNull(isolation).fresh();
            url = PlumbDatabaseExtension.jdbcUrl(database);
            migrateWithFlyway(url);
        }

        @ParameterizedTest
        @MethodSource("io.plumb.bench.JunitBenchTests#indices")
        void test(int index) throws SQLException {
            try (Connection connection = DriverManager.getConnection(Objects.requireNonNull(url))) {
                body(connection, index);
            }
        }

        @AfterEach
        void drop() {
            Objects.requireNonNull(database).close();
        }

        @AfterAll
        static void close() {
            Objects.requireNonNull(isolation).close();
        }
    }

    /** Flyway per test class: one database migrated by Flyway before the class, shared by its tests. */
    static class FlywayPerClass {
        private static @Nullable Isolation isolation;
        private static @Nullable IsolatedDatabase database;
        private static @Nullable String url;

        @BeforeAll
        static void migrate() {
            isolation = Isolation.open(devUrl, Path.of(""));
            database = isolation.fresh();
            url = PlumbDatabaseExtension.jdbcUrl(database);
            migrateWithFlyway(url);
        }

        @ParameterizedTest
        @MethodSource("io.plumb.bench.JunitBenchTests#indices")
        void test(int index) throws SQLException {
            try (Connection connection = DriverManager.getConnection(Objects.requireNonNull(url))) {
                body(connection, index);
            }
        }

        @AfterAll
        static void drop() {
            Objects.requireNonNull(database).close();
            Objects.requireNonNull(isolation).close();
        }
    }
}
