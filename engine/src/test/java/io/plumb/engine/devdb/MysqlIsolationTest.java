package io.plumb.engine.devdb;

import static io.plumb.engine.devdb.ServerIsolationTest.execute;
import static io.plumb.engine.devdb.ServerIsolationTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MariaDB's schema copies carry routines, views, triggers and events, which use the copy's own tables. */
class MysqlIsolationTest {

    private static final List<String> OBJECTS = List.of(
            "CREATE TABLE t (id int PRIMARY KEY, v int)",
            "CREATE TABLE log (id int AUTO_INCREMENT PRIMARY KEY, msg varchar(50))",
            "CREATE FUNCTION twice(x int) RETURNS int DETERMINISTIC RETURN x * 2",
            "CREATE PROCEDURE note(IN m varchar(50)) BEGIN INSERT INTO log(msg) VALUES (m); END",
            // Views over views, named so that name order is not dependency order.
            "CREATE VIEW z_base AS SELECT id, twice(v) AS w FROM t",
            "CREATE VIEW a_top AS SELECT id FROM z_base WHERE w > 2",
            "CREATE TRIGGER t_first BEFORE INSERT ON t FOR EACH ROW SET NEW.v = coalesce(NEW.v, 0) + 1",
            "CREATE TRIGGER t_second BEFORE INSERT ON t FOR EACH ROW FOLLOWS t_first SET NEW.v = NEW.v * 10",
            "CREATE TRIGGER t_log AFTER INSERT ON t FOR EACH ROW BEGIN CALL note(concat('row ', NEW.id)); END",
            "CREATE EVENT tidy ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE DO DELETE FROM log");

    private static Isolation open() {
        return Isolation.open(TestServers.mariadbUrl(), Path.of("."));
    }

    @Test
    void clonesAndRestoresCarryEveryObjectKindOnTheirOwnTables() throws SQLException {
        try (Isolation isolation = open();
                IsolatedDatabase source = isolation.fresh()) {
            for (String sql : OBJECTS) {
                execute(source.database(), sql);
            }
            execute(source.database(), "INSERT INTO t (id) VALUES (1)");
            try (Snapshot snapshot = isolation.snapshot(source)) {
                for (int i = 0; i < 2; i++) {
                    // A second clone comes from what the snapshot remembered, or from the pool.
                    try (IsolatedDatabase clone = isolation.clone(snapshot)) {
                        Database db = clone.database();
                        // Copying the rows fired no trigger: the row is as in the source, and the log has one line.
                        assertThat(query(db, "SELECT v FROM t")).containsExactly("10");
                        assertThat(query(db, "SELECT count(*) FROM log")).containsExactly("1");
                        execute(db, "INSERT INTO t (id) VALUES (2)");
                        // Both triggers, in their order, on the clone's table; the log line in the clone's log.
                        assertThat(query(db, "SELECT v FROM t WHERE id = 2")).containsExactly("10");
                        assertThat(query(db, "SELECT msg FROM log ORDER BY id")).containsExactly("row 1", "row 2");
                        assertThat(query(db, "SELECT id FROM a_top ORDER BY id"))
                                .containsExactly("1", "2");
                        assertThat(query(
                                        db,
                                        "SELECT count(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA"
                                                + " = DATABASE() AND EVENT_NAME = 'tidy'"))
                                .containsExactly("1");
                    }
                }
                // The source's own tables saw none of the clones' rows.
                assertThat(query(source.database(), "SELECT count(*) FROM t")).containsExactly("1");
                assertThat(query(source.database(), "SELECT count(*) FROM log")).containsExactly("1");
                execute(source.database(), "DROP TRIGGER t_log");
                isolation.restore(source, snapshot);
                assertThat(query(
                                source.database(),
                                "SELECT count(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"))
                        .containsExactly("3");
            }
        }
    }

    @Test
    void clonesOfASnapshotCopyItsRowsAndLeaveItsEmptyTablesEmpty() throws SQLException {
        try (Isolation isolation = open();
                IsolatedDatabase source = isolation.fresh()) {
            execute(source.database(), "CREATE TABLE `it's` (id int AUTO_INCREMENT PRIMARY KEY, v int)");
            execute(source.database(), "CREATE TABLE `back``quote` (id int PRIMARY KEY)");
            execute(
                    source.database(),
                    "CREATE TABLE g (id int PRIMARY KEY, v int, w int AS (v * 2) PERSISTENT, x int AS (v + 1) VIRTUAL)");
            execute(source.database(), "CREATE TABLE emptied (id int AUTO_INCREMENT PRIMARY KEY)");
            execute(source.database(), "INSERT INTO `it's` (v) VALUES (1), (2)");
            execute(source.database(), "INSERT INTO g (id, v) VALUES (1, 5)");
            execute(source.database(), "INSERT INTO emptied VALUES (), (), ()");
            execute(source.database(), "DELETE FROM emptied");
            try (Snapshot snapshot = isolation.snapshot(source)) {
                // Rows written to one clone reach neither the next clone nor, through a restore, the source.
                for (int i = 0; i < 3; i++) {
                    try (IsolatedDatabase clone = isolation.clone(snapshot)) {
                        Database db = clone.database();
                        assertThat(query(db, "SELECT v FROM `it's` ORDER BY id"))
                                .containsExactly("1", "2");
                        assertThat(query(db, "SELECT count(*) FROM `back``quote`"))
                                .containsExactly("0");
                        assertThat(query(db, "SELECT concat(v, ' ', w, ' ', x) FROM g"))
                                .containsExactly("5 10 6");
                        assertThat(query(db, "SELECT count(*) FROM emptied")).containsExactly("0");
                        // The emptied table's counter came along although its rows did not.
                        execute(db, "INSERT INTO emptied VALUES ()");
                        assertThat(query(db, "SELECT id FROM emptied")).containsExactly("4");
                        execute(db, "INSERT INTO `back``quote` VALUES (" + i + ")");
                        execute(db, "INSERT INTO `it's` (v) VALUES (3)");
                    }
                }
                execute(source.database(), "INSERT INTO `back``quote` VALUES (9)");
                isolation.restore(source, snapshot);
                assertThat(query(source.database(), "SELECT count(*) FROM `back``quote`"))
                        .containsExactly("0");
                assertThat(query(source.database(), "SELECT count(*) FROM `it's`"))
                        .containsExactly("2");
            }
        }
    }

    @Test
    void cleaningDropsEveryKind() throws SQLException {
        try (Isolation isolation = open();
                IsolatedDatabase db = isolation.fresh()) {
            for (String sql : OBJECTS) {
                execute(db.database(), sql);
            }
            execute(db.database(), "CREATE SEQUENCE s");
            DevDatabase.clean(db.database());
            DevDatabase.requireClean(db.database());
            for (String catalog : List.of(
                    "ROUTINES WHERE ROUTINE_SCHEMA",
                    "EVENTS WHERE EVENT_SCHEMA",
                    "TRIGGERS WHERE TRIGGER_SCHEMA",
                    "TABLES WHERE TABLE_SCHEMA")) {
                assertThat(query(db.database(), "SELECT count(*) FROM information_schema." + catalog + " = DATABASE()"))
                        .as(catalog)
                        .containsExactly("0");
            }
        }
    }
}
