package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.Rollback;
import io.plumb.engine.plan.RollbackRoundTrip;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plans migrations and their down parts on SQLite, applies both and checks that the down part brings the schema
 * back: every kind of change SQLite plans (tables, columns, indexes, keys, checks, views, triggers, rebuilds).
 */
class SqliteRollbackTest {

    private final List<Connection> opened = new ArrayList<>();

    private final RollbackRoundTrip roundTrip =
            new RollbackRoundTrip(new SqliteDialect(), this::fresh, PlanOptions.defaults());

    private Connection fresh() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        opened.add(connection);
        return connection;
    }

    @AfterEach
    void close() throws SQLException {
        for (Connection c : opened) {
            c.close();
        }
    }

    private static final List<String> BASE = List.of(
            "CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name text NOT NULL DEFAULT 'anon', age int,"
                    + " CONSTRAINT age_positive CHECK (age > 0))",
            "CREATE INDEX users_name ON users (name)",
            "CREATE TABLE old_logs (id integer NOT NULL, line text)",
            "CREATE VIEW adults AS SELECT id, name FROM users WHERE age >= 18",
            "CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN SELECT 1; END");

    @Test
    void createdTableIsDropped() throws SQLException {
        Rollback down = roundTrip.run(List.of(), List.of("CREATE TABLE users (id integer NOT NULL, PRIMARY KEY (id))"));
        assertThat(down.steps()).singleElement().satisfies(step -> {
            assertThat(step.comment()).isEqualTo("create \"users\" table");
            assertThat(step.statements()).contains("DROP TABLE `users`");
        });
    }

    @Test
    void everyKindOfChangeIsUndone() throws SQLException {
        roundTrip.run(
                BASE,
                List.of(
                        // a column added, one dropped, one changed; a check changed; an index dropped, one added
                        "CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name varchar(50) NOT NULL,"
                                + " email text, CONSTRAINT age_positive CHECK (length(name) > 0))",
                        "CREATE UNIQUE INDEX users_email ON users (email)",
                        // a new table with a foreign key; a dropped table
                        "CREATE TABLE posts (id integer NOT NULL PRIMARY KEY, user_id integer NOT NULL"
                                + " REFERENCES users (id) ON DELETE CASCADE, title text)",
                        "CREATE INDEX posts_user ON posts (user_id)",
                        // a view changed, a trigger dropped, another added
                        "CREATE VIEW adults AS SELECT id, name, email FROM users",
                        "CREATE TRIGGER posts_touch AFTER INSERT ON posts BEGIN SELECT 2; END"));
    }

    @Test
    void droppedTablesAndObjectsComeBack() throws SQLException {
        roundTrip.run(BASE, List.of("CREATE TABLE users (id integer NOT NULL PRIMARY KEY)"));
    }

    @Test
    void columnsAddedInPlaceAreDroppedWithTheirIndexes() throws SQLException {
        Rollback down = roundTrip.run(
                List.of("CREATE TABLE users (id integer NOT NULL PRIMARY KEY)"),
                List.of(
                        "CREATE TABLE users (id integer NOT NULL PRIMARY KEY, email text)",
                        "CREATE INDEX users_email ON users (email)"));
        assertThat(down.steps()).extracting(Rollback.Step::comment).containsOnly("modify \"users\" table");
    }
}
