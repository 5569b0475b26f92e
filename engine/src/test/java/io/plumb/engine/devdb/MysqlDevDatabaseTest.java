package io.plumb.engine.devdb;

import static io.plumb.engine.devdb.ServerIsolationTest.execute;
import static io.plumb.engine.devdb.ServerIsolationTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A use of a MariaDB dev database bound to a schema leaves the schema as it found it: charset, collation, comment. */
class MysqlDevDatabaseTest {

    private static final String SCHEMA = "devdb_restore_test";

    private static final String OPTIONS = "SELECT concat_ws('/', DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME,"
            + " SCHEMA_COMMENT) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + SCHEMA + "'";

    private static Database bound() throws SQLException {
        try (Database server = Database.open(TestServers.mariadbUrl(), Path.of("."))) {
            execute(server, "DROP DATABASE IF EXISTS " + SCHEMA);
            execute(
                    server,
                    "CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin COMMENT 'it''s ours'");
        }
        return Database.open(TestServers.mariadbUrl() + SCHEMA, Path.of("."));
    }

    @Test
    void aUseThatAltersTheSchemaLeavesItAsBefore() throws SQLException {
        try (Database dev = bound()) {
            List<String> seen = DevDatabase.use(dev, () -> {
                try {
                    execute(dev, "ALTER DATABASE CHARACTER SET hebrew COLLATE hebrew_bin");
                    execute(dev, "ALTER SCHEMA COMMENT 'theirs'");
                    execute(dev, "CREATE TABLE t (a int)");
                    return query(dev, OPTIONS);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(seen).containsExactly("hebrew/hebrew_bin/theirs");
            assertThat(query(dev, OPTIONS)).containsExactly("utf8mb4/utf8mb4_bin/it's ours");
            assertThat(UserTables.of(dev)).isEmpty();
        }
    }

    @Test
    void aUseThatDropsTheSchemaLeavesItAsBefore() throws SQLException {
        try (Database dev = bound()) {
            DevDatabase.use(dev, () -> {
                try {
                    execute(dev, "CREATE TABLE t (a int)");
                    execute(dev, "DROP DATABASE " + SCHEMA);
                    return query(dev, OPTIONS);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(query(dev, OPTIONS)).containsExactly("utf8mb4/utf8mb4_bin/it's ours");
            execute(dev, "CREATE TABLE u (a int)");
            assertThat(UserTables.of(dev)).hasSize(1);
            DevDatabase.clean(dev);
        }
    }
}
