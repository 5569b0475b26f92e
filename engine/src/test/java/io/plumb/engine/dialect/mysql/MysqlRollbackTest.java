package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.Rollback;
import io.plumb.engine.plan.RollbackRoundTrip;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans migrations and their down parts on the embedded MariaDB, applies both and checks that the down part brings
 * the schema back, for every kind of object the MySQL planner plans: tables and their options, columns, indexes,
 * keys, checks, views, functions, procedures, triggers and events.
 */
class MysqlRollbackTest {

    private static final MysqlDialect DIALECT = new MysqlDialect(MysqlFlavour.MARIADB);

    private final List<Connection> opened = new ArrayList<>();
    private String db;
    private RollbackRoundTrip roundTrip;

    @BeforeEach
    void open() throws SQLException {
        db = MariaServer.get().freshDatabase("rollback");
        roundTrip =
                new RollbackRoundTrip(DIALECT, this::empty, PlanOptions.defaults(), new InspectOptions(List.of(db)));
    }

    @AfterEach
    void close() throws SQLException {
        for (Connection c : opened) {
            c.close();
        }
    }

    private Connection empty() throws SQLException {
        try (Connection c = MariaServer.get().connect();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + db + "`");
            s.execute("CREATE DATABASE `" + db + "` CHARSET utf8mb4 COLLATE utf8mb4_general_ci");
        }
        Connection connection = MariaServer.get().connect(db);
        opened.add(connection);
        return connection;
    }

    private static final List<String> BASE = List.of(
            "CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(50) NOT NULL DEFAULT"
                    + " 'anon', age int, score int, CONSTRAINT name_len CHECK (char_length(name) > 0),"
                    + " KEY users_name (name)) COMMENT 'people'",
            "CREATE TABLE old_logs (id int NOT NULL, line text)",
            "CREATE VIEW adults AS SELECT id, name FROM users WHERE age >= 18",
            "CREATE FUNCTION add_one(i int) RETURNS int DETERMINISTIC RETURN i + 1",
            "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW SET NEW.score = NEW.score + 1");

    @Test
    void createdTableIsDropped() throws SQLException {
        Rollback down =
                roundTrip.run(List.of(), List.of("CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY)"));
        assertThat(down.steps()).singleElement().satisfies(step -> {
            assertThat(step.comment()).isEqualTo("create \"users\" table");
            assertThat(step.statements()).containsExactly("DROP TABLE `users`");
        });
    }

    @Test
    void addedColumnIsDroppedAsTheReferenceWritesIt() throws SQLException {
        Rollback down = roundTrip.run(
                List.of("CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY)"),
                List.of("CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(100))"));
        assertThat(down.steps()).singleElement().satisfies(step -> {
            assertThat(step.comment()).isEqualTo("modify \"users\" table");
            assertThat(step.statements()).containsExactly("ALTER TABLE `users` DROP COLUMN `email`");
        });
    }

    @Test
    void tablesColumnsIndexesKeysAndChecksAreUndone() throws SQLException {
        roundTrip.run(
                BASE,
                List.of(
                        "CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(80) NULL,"
                                + " age int, score bigint DEFAULT 0, email varchar(100) NOT NULL DEFAULT '',"
                                + " CONSTRAINT name_len CHECK (char_length(name) > 1), UNIQUE KEY users_email"
                                + " (email), KEY users_age (age DESC)) COMMENT 'members'",
                        "CREATE TABLE posts (id int NOT NULL PRIMARY KEY, user_id bigint NOT NULL,"
                                + " CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE"
                                + " CASCADE)",
                        "CREATE VIEW adults AS SELECT id, name FROM users WHERE age >= 18",
                        "CREATE FUNCTION add_one(i int) RETURNS int DETERMINISTIC RETURN i + 1",
                        "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW"
                                + " SET NEW.score = NEW.score + 1"));
    }

    // The server makes the key's index, which the desired state read on the database names: the down part drops it
    // with the key, so that the database is as it was and the migration can run again.
    @Test
    void aKeyAddedToATableGoesWithTheIndexTheServerMadeForIt() throws SQLException {
        List<String> before = List.of(
                "CREATE TABLE users (id bigint NOT NULL PRIMARY KEY)",
                "CREATE TABLE posts (id int NOT NULL PRIMARY KEY, user_id bigint NOT NULL)");
        Rollback down = roundTrip.run(
                before,
                List.of(
                        before.get(0),
                        "CREATE TABLE posts (id int NOT NULL PRIMARY KEY, user_id bigint NOT NULL,"
                                + " CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id))"));
        assertThat(down.steps()).singleElement().satisfies(step -> assertThat(step.statements())
                .containsExactly(
                        "ALTER TABLE `posts` DROP FOREIGN KEY `posts_user`",
                        "ALTER TABLE `posts` DROP INDEX `posts_user`"));
    }

    @Test
    void objectsAddedChangedAndDroppedAreUndone() throws SQLException {
        roundTrip.run(
                BASE,
                List.of(
                        "CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(50) NOT"
                                + " NULL DEFAULT 'anon', age int, score int, CONSTRAINT name_len CHECK"
                                + " (char_length(name) > 0), KEY users_name (name)) COMMENT 'people'",
                        "CREATE VIEW adults AS SELECT id, name, score FROM users WHERE age >= 21",
                        "CREATE FUNCTION add_one(i int) RETURNS int DETERMINISTIC RETURN i + 2",
                        "CREATE PROCEDURE reset_scores() UPDATE users SET score = 0",
                        "CREATE TRIGGER users_touch AFTER INSERT ON users FOR EACH ROW SET @touched = 1",
                        "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM users WHERE score < 0"));
    }

    @Test
    void everythingDroppedComesBack() throws SQLException {
        roundTrip.run(BASE, List.of("CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY)"));
    }
}
