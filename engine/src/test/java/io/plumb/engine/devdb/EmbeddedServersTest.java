package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.dialect.mysql.MysqlDialect;
import io.plumb.engine.dialect.mysql.MysqlFlavour;
import io.plumb.provider.EmbeddedRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedServersTest {

    private static final Path CWD = Path.of(".");

    @Test
    void postgresIsStartedOnceAndServesEmbeddedUrls() throws SQLException {
        String server = EmbeddedServers.postgres();
        assertThat(EmbeddedServers.postgres()).isEqualTo(server);
        assertThat(server).startsWith("postgres://postgres:").contains("@localhost:");
        try (Database db = Database.open(server, CWD)) {
            assertThat(selectOne(db)).isEqualTo(1);
            assertThat(db.boundSchema()).isEmpty();
            assertThat(db.dialect().name()).isEqualTo("postgres");
        }
        try (Database dev = Database.open("embedded://postgres/17", CWD)) {
            assertThat(current(dev, "SELECT current_database()")).isEqualTo("dev");
            assertThat(dev.boundSchema()).isEmpty();
            assertThat(dev.url().toString()).isEqualTo("embedded://postgres/17");
        }
        try (Database bound = Database.open("embedded://postgres/17/other?search_path=public", CWD)) {
            assertThat(current(bound, "SELECT current_database()")).isEqualTo("other");
            assertThat(bound.boundSchema()).contains("public");
            assertThat(current(bound, "SELECT current_schema()")).isEqualTo("public");
        }
    }

    @Test
    void mariadbIsStartedOnceAndServesEmbeddedUrls() throws SQLException {
        String server = EmbeddedServers.mariadb();
        assertThat(EmbeddedServers.mariadb()).isEqualTo(server);
        try (Database db = Database.open(server, CWD)) {
            assertThat(selectOne(db)).isEqualTo(1);
            assertThat(db.boundSchema()).isEmpty();
            assertThat(((MysqlDialect) db.dialect()).flavour()).isEqualTo(MysqlFlavour.MARIADB);
        }
        // mysql:// learns the flavour from version().
        try (Database db = Database.open(server.replace("mariadb://", "mysql://") + "mysql", CWD)) {
            assertThat(((MysqlDialect) db.dialect()).flavour()).isEqualTo(MysqlFlavour.MARIADB);
            assertThat(db.boundSchema()).contains("mysql");
        }
        try (Database dev = Database.open("embedded://mariadb/11/dev", CWD)) {
            assertThat(current(dev, "SELECT database()")).isEqualTo("dev");
            assertThat(dev.boundSchema()).contains("dev");
        }
        try (Database whole = Database.open("embedded://mariadb/11", CWD)) {
            assertThat(whole.boundSchema()).isEmpty();
        }
    }

    @Test
    void theServersKeepTheirDataUnderThisJvmsRootOnATmpfsWhenOneIsThere() throws SQLException, IOException {
        Path root = EmbeddedRoot.directory();
        try (Database db = Database.open(EmbeddedServers.postgres(), CWD)) {
            assertThat(Path.of(current(db, "SHOW data_directory"))).startsWith(root);
        }
        try (Database db = Database.open(EmbeddedServers.mariadb(), CWD)) {
            assertThat(Path.of(current(db, "SELECT @@datadir"))).startsWith(root);
        }
        assertThat(String.valueOf(root.getFileName()))
                .isEqualTo("plumb-embedded-" + ProcessHandle.current().pid());
        Path shm = Path.of("/dev/shm");
        String configured =
                System.getProperty(EmbeddedRoot.DATA_DIR_PROPERTY, System.getenv(EmbeddedRoot.DATA_DIR_ENV));
        if (configured != null && !configured.isBlank()) {
            assertThat(root.getParent()).isEqualTo(Path.of(configured.strip()));
        } else if (Files.isDirectory(shm)
                && Files.getFileStore(shm).type().equals("tmpfs")
                && Files.getFileStore(shm).getUsableSpace() > 2L << 30) {
            assertThat(root.getParent()).isEqualTo(shm);
        }
    }

    @Test
    void aVersionWithoutBinariesFailsWithOneLine() {
        String before = System.getProperty("plumb.maven.repository");
        System.setProperty("plumb.maven.repository", "http://127.0.0.1:1/maven2");
        try {
            assertThatThrownBy(() -> Database.open("embedded://postgres/3", CWD))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith(
                            "no PostgreSQL 3 binaries found (looked in the class path, ~/.m2 and Maven" + " Central")
                    .hasMessageNotContaining("\n");
        } finally {
            if (before == null) {
                System.clearProperty("plumb.maven.repository");
            } else {
                System.setProperty("plumb.maven.repository", before);
            }
        }
    }

    private static int selectOne(Database db) throws SQLException {
        try (Statement s = db.connection().createStatement();
                ResultSet rows = s.executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String current(Database db, String sql) throws SQLException {
        try (Statement s = db.connection().createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
