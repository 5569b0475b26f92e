package io.plumb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class PlumbDatabaseExtensionTest {

    /** The databases the example tests were given, to check after they ran. */
    static final List<IsolatedDatabase> GIVEN = new CopyOnWriteArrayList<>();

    private static EngineExecutionResults run(Class<?> testClass) {
        GIVEN.clear();
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute();
    }

    static int tables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id integer)");
        }
    }

    @Test
    void injectedDatabasesAreEmptyIsolatedAndDroppedAfter() throws Exception {
        EngineExecutionResults results = run(Examples.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(GIVEN).hasSize(3).doesNotHaveDuplicates();
        for (IsolatedDatabase database : GIVEN) {
            assertThatThrownBy(database::database)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was closed and dropped");
            String url = database.url();
            if (url.startsWith("sqlite://")) {
                String file = url.substring("sqlite://".length()).replaceFirst("\\?.*", "");
                assertThat(Files.exists(Path.of(file))).as("file of %s", url).isFalse();
            }
        }
    }

    @Test
    void registeredWithExtendWithItResolvesUnannotatedParameters() {
        run(Registered.class).testEvents().assertStatistics(stats -> stats.started(1)
                .succeeded(1));
    }

    @Test
    void anUnknownDevUrlFailsTheParameter() {
        EngineExecutionResults results = run(BadUrl.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(results.testEvents().failed().stream()
                        .findFirst()
                        .orElseThrow()
                        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .orElseThrow())
                .hasMessageStartingWith("cannot make an isolated database on nosuch://x for parameter");
    }

    /** Example tests run by the test kit, not by Surefire (nested classes are excluded from its scan). */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Examples {

        @Test
        @Order(1)
        void firstCreatesATable(@PlumbDatabase IsolatedDatabase database) throws SQLException {
            GIVEN.add(database);
            assertThat(tables(database.database().connection())).isZero();
            createTable(database.database().connection());
        }

        @Test
        @Order(2)
        void secondSeesNoTable(@PlumbDatabase(url = "sqlite://other?mode=memory") IsolatedDatabase database)
                throws SQLException {
            GIVEN.add(database);
            assertThat(tables(database.database().connection())).isZero();
        }

        @Test
        @Order(3)
        void twoParametersGetTwoDatabases(@PlumbDatabase IsolatedDatabase first, @PlumbDatabase Database second)
                throws SQLException {
            GIVEN.add(first);
            createTable(first.database().connection());
            assertThat(tables(second.connection())).isZero();
            assertThat(second).isNotSameAs(first.database());
        }
    }

    @ExtendWith(PlumbDatabaseExtension.class)
    static class Registered {

        @Test
        void connection(Connection connection) throws SQLException {
            assertThat(tables(connection)).isZero();
        }
    }

    static class BadUrl {

        @Test
        void badUrl(@PlumbDatabase(url = "nosuch://x") Connection connection) {
            assertThat(connection).isNotNull();
        }
    }
}
