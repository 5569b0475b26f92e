package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirReplayTest {

    @TempDir
    Path dir;

    private Database dev;

    @BeforeEach
    void openDev() {
        dev = Database.open("sqlite://file:" + dir.resolve("dev.db") + "?_fk=1", dir);
    }

    @AfterEach
    void closeDev() {
        dev.close();
    }

    @Test
    void replaysTheFilesInOrderAndInspectsTheResult() {
        Realm realm = DirReplay.replay(
                dev,
                List.of(
                        file("1_init.sql", "CREATE TABLE t1 (id int);\n"),
                        file("2_second.sql", "CREATE TABLE t2 (id int);\nALTER TABLE t1 ADD COLUMN name text;\n")));

        assertThat(realm.schemas()).singleElement().satisfies(schema -> {
            assertThat(schema.name()).isEqualTo("main");
            assertThat(schema.tables()).extracting(Table::name).containsExactlyInAnyOrder("t1", "t2");
        });
        Table t1 = realm.schemas().get(0).tables().stream()
                .filter(t -> t.name().equals("t1"))
                .findFirst()
                .orElseThrow();
        assertThat(t1.columns()).extracting(c -> c.name()).containsExactly("id", "name");
        assertThat(objects()).isEmpty();
    }

    @Test
    void anEmptyDirectoryGivesAnEmptySchema() {
        Realm realm = DirReplay.replay(dev, List.of());

        assertThat(realm.schemas()).singleElement().satisfies(s -> assertThat(s.tables())
                .isEmpty());
    }

    @Test
    void aTxtarFileContributesOnlyItsMigrationSection() {
        String text =
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT false;\n-- migration.sql --\nCREATE TABLE t (id int);\n";

        Realm realm = DirReplay.replay(dev, List.of(file("1_checked.sql", text)));

        assertThat(realm.schemas().get(0).tables()).extracting(Table::name).containsExactly("t");
    }

    @Test
    void aFailingStatementNamesItsVersionAndLeavesTheDevDatabaseClean() {
        List<MigrationFile> files = List.of(
                file("1_init.sql", "CREATE TABLE t1 (id int);\n"), file("2_again.sql", "CREATE TABLE t1 (id int);\n"));

        assertThatThrownBy(() -> DirReplay.replay(dev, files))
                .isInstanceOf(MigrateException.class)
                .hasMessage("2_again.sql:1:1: executing statement \"CREATE TABLE t1 (id int);\" from version \"2\":"
                        + " table t1 already exists");
        assertThat(objects()).isEmpty();
    }

    @Test
    void aMalformedFileKeepsItsPositionAndLeavesTheDevDatabaseClean() {
        List<MigrationFile> files = List.of(
                file("1_init.sql", "CREATE TABLE t1 (id int);\n"),
                file("2_bad.sql", "-- atlas:txtar\n\n-- notes.txt --\nhello\n"));

        assertThatThrownBy(() -> DirReplay.replay(dev, files))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("2_bad.sql:3:1: unexpected section \"notes.txt\"");
        assertThat(objects()).isEmpty();
    }

    @Test
    void aDirtyDevDatabaseIsRefusedAndLeftAsItWas() throws SQLException {
        execute("CREATE TABLE existing (id int)");

        assertThatThrownBy(() -> DirReplay.replay(dev, List.of(file("1_init.sql", "CREATE TABLE t1 (id int);\n"))))
                .isInstanceOf(io.plumb.engine.db.DatabaseException.class)
                .hasMessageMatching("the dev database sqlite://file:.*dev.db.* is not clean: found table \"existing\""
                        + " in schema \"main\"");
        assertThat(objects()).containsExactly("table existing");
    }

    @Test
    void viewsAndIndexesAreDroppedToo() {
        DirReplay.replay(
                dev,
                List.of(file(
                        "1_init.sql",
                        "CREATE TABLE t1 (id int);\nCREATE INDEX t1_id ON t1 (id);\n"
                                + "CREATE VIEW v1 AS SELECT id FROM t1;\n")));

        assertThat(objects()).isEmpty();
        // A second replay of the same directory does not trip over leftovers.
        assertThat(DirReplay.replay(
                                dev,
                                List.of(file(
                                        "1_init.sql",
                                        "CREATE TABLE t1 (id int);\nCREATE VIEW v1 AS SELECT id FROM t1;\n")))
                        .schemas()
                        .get(0)
                        .tables())
                .hasSize(1);
    }

    @Test
    void onlyTheAskedSchemaIsInspected() {
        assertThatThrownBy(() -> DirReplay.replay(dev, List.of(), List.of("other")))
                .hasMessageContaining("schema \"other\" not found");
        assertThat(DirReplay.replay(dev, List.of(), List.of("main")).schemas())
                .singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("main"));
    }

    private static MigrationFile file(String name, String text) {
        return new MigrationFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = dev.connection().createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> objects() {
        try (Statement statement = dev.connection().createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
