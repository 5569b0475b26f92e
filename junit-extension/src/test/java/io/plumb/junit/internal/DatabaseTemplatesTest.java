package io.plumb.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.cache.SnapshotCache;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.migrate.ChecksumException;
import io.plumb.engine.migrate.MigrationDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DatabaseTemplatesTest} checks that {@code @PlumbDatabase} states migrated on SQLite are kept in the snapshot
 * cache across runs: each run is a new {@link DatabaseTemplates} on the same cache directory. The first file inserts a
 * random number, so a state loaded from the cache shows the number of the run that migrated it, and a migrated one a
 * new number.
 */
class DatabaseTemplatesTest {

    private static final String DEV = "sqlite://dev?mode=memory";

    @TempDir
    Path root;

    private Path dir;
    private SnapshotCache cache;
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void writeDirectory() throws IOException {
        dir = root.resolve("migrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("1_t.sql"), "CREATE TABLE t (x INTEGER);\nINSERT INTO t VALUES (random());\n");
        Files.writeString(dir.resolve("2_u.sql"), "CREATE TABLE u (y INTEGER);\n");
        rehash();
        cache = new SnapshotCache(root.resolve("cache"), SnapshotCache.DEFAULT_MAX_BYTES, notes::add);
    }

    @Test
    void aSecondRunLoadsTheMigratedStateFromTheCache() throws SQLException {
        long first = randomInARun(Optional.of(cache));
        assertThat(cache.info().entries()).isEqualTo(1);

        long second = randomInARun(Optional.of(cache));

        assertThat(second).as("the state the first run migrated").isEqualTo(first);
        assertThat(notes).isEmpty();
    }

    @Test
    void withoutACacheEveryRunMigrates() throws SQLException {
        long first = randomInARun(Optional.of(cache));

        long uncached = randomInARun(Optional.empty());

        assertThat(uncached).isNotEqualTo(first);
    }

    @Test
    void eachVersionHasAnEntryOfItsOwnAndHoldsOnlyItsFiles() throws SQLException {
        long atOne;
        long latest;
        try (DatabaseTemplates run = new DatabaseTemplates(root, Optional.of(cache))) {
            atOne = randomOf(run, "1");
            latest = randomOf(run, "latest");
        }
        assertThat(cache.info().entries()).isEqualTo(2);

        try (DatabaseTemplates again = new DatabaseTemplates(root, Optional.of(cache))) {
            try (IsolatedDatabase db = again.database(state("1"))) {
                assertThat(tables(db)).contains("t").doesNotContain("u");
            }
            assertThat(randomOf(again, "1")).isEqualTo(atOne);
            assertThat(randomOf(again, "")).isEqualTo(latest);
        }
    }

    @Test
    void anEditedFileMissesTheCache() throws IOException, SQLException {
        long first = randomInARun(Optional.of(cache));
        Files.writeString(dir.resolve("2_u.sql"), "CREATE TABLE u (y INTEGER, z INTEGER);\n");
        rehash();

        long edited = randomInARun(Optional.of(cache));

        assertThat(edited).isNotEqualTo(first);
        assertThat(cache.info().entries()).isEqualTo(2);
    }

    @Test
    void aDirectoryThatDoesNotMatchItsSumIsRefusedEvenWhenCached() throws IOException, SQLException {
        randomInARun(Optional.of(cache));
        Path sum = dir.resolve("atlas.sum");
        Files.writeString(sum, Files.readString(sum).replace("1_t.sql", "1_x.sql"));

        try (DatabaseTemplates run = new DatabaseTemplates(root, Optional.of(cache))) {
            assertThatThrownBy(() -> run.database(state(""))).isInstanceOf(ChecksumException.class);
        }
    }

    @Test
    void anUnknownVersionNamesTheVersionsThereAre() {
        try (DatabaseTemplates run = new DatabaseTemplates(root, Optional.of(cache))) {
            assertThatThrownBy(() -> run.database(state("7")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("migration version \"7\" not found in")
                    .hasMessageContaining("(its versions: 1, 2)");
        }
        assertThat(cache.info().entries()).isZero();
    }

    private DatabaseTemplates.StartingState state(String version) {
        return new DatabaseTemplates.StartingState(DEV, "", dir.toString(), version);
    }

    // The random number a state holds, read from a database of a run.
    private long randomOf(DatabaseTemplates run, String version) throws SQLException {
        try (IsolatedDatabase db = run.database(state(version));
                Statement statement = db.database().connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT x FROM t")) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }

    // The random number the latest state holds, in a run of its own: a new JVM's run, as far as the cache can tell.
    private long randomInARun(Optional<SnapshotCache> runCache) throws SQLException {
        try (DatabaseTemplates run = new DatabaseTemplates(root, runCache)) {
            return randomOf(run, "");
        }
    }

    private static List<String> tables(IsolatedDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = db.database().connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private void rehash() {
        MigrationDir.open(dir.toString(), root).rehash();
    }
}
