package io.plumb.engine.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SQLite file is created by the first write of a run, not left behind empty by a run that wrote nothing. */
class SqliteFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileNothingWasWrittenToIsGoneAfterClose() throws SQLException {
        try (Database db = Database.open("sqlite://new.db", dir)) {
            db.inspect(java.util.List.of());
            try (Statement s = db.connection().createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_master").close();
            }
        }
        assertThat(dir.resolve("new.db")).doesNotExist();
    }

    @Test
    void aNewFileWhoseOnlyTransactionRolledBackIsGoneAfterClose() throws SQLException {
        try (Database db = Database.open("sqlite://rolled.db", dir)) {
            db.connection().setAutoCommit(false);
            try (Statement s = db.connection().createStatement()) {
                s.execute("CREATE TABLE t (id int)");
            }
            db.connection().rollback();
            db.connection().setAutoCommit(true);
        }
        assertThat(dir.resolve("rolled.db")).doesNotExist();
    }

    @Test
    void aNewFileThatWasWrittenStays() throws SQLException {
        try (Database db = Database.open("sqlite://written.db", dir);
                Statement s = db.connection().createStatement()) {
            s.execute("CREATE TABLE t (id int)");
        }
        assertThat(dir.resolve("written.db")).isNotEmptyFile();
    }

    @Test
    void anExistingEmptyFileIsNotDeleted() throws SQLException, IOException {
        Path file = Files.createFile(dir.resolve("empty.db"));
        try (Database db = Database.open("sqlite://empty.db", dir)) {
            assertThat(db.connection().isValid(1)).isTrue();
        }
        assertThat(file).exists();
    }
}
