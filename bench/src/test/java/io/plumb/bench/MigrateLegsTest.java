package io.plumb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline legs apply the workload for real and leave the same database; timings are never asserted. */
class MigrateLegsTest {

    @TempDir
    Path dir;

    private final MigrationWorkload workload = MigrationWorkload.generate(30, 5);

    @Test
    void flywayAppliesEveryMigrationAndLeavesTheWorkloadsTables() throws Exception {
        workload.writeFlywayDir(dir.resolve("flyway"));
        new FlywayLeg(dir.resolve("flyway"), 30).apply(dir.resolve("flyway.db"));
        SchemaFingerprint fingerprint = SchemaFingerprint.read(dir.resolve("flyway.db"));
        assertThat(fingerprint.rowCounts()).hasSize(30);
        assertThat(fingerprint.rows()).isEqualTo(60);
        assertThat(fingerprint.differenceFrom(appliedOverJdbc())).isEmpty();
    }

    @Test
    void flywayReportsABrokenMigrationAsALegFailure() throws Exception {
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/V1__broken.sql"), "CREATE TABLE t_1 (id integer;\n");
        assertThatThrownBy(() -> new FlywayLeg(dir.resolve("broken"), 1).apply(dir.resolve("broken.db")))
                .isInstanceOf(LegFailure.class)
                .hasMessageStartingWith("flyway (in process, warm): migrate failed: ");
    }

    @Test
    void flywayReportsTooFewMigrationsAsALegFailure() throws Exception {
        workload.writeFlywayDir(dir.resolve("flyway"));
        assertThatThrownBy(() -> new FlywayLeg(dir.resolve("flyway"), 31).apply(dir.resolve("short.db")))
                .isInstanceOf(LegFailure.class)
                .hasMessage("flyway (in process, warm): expected 31 migrations applied, found 30");
    }

    @Test
    void sqlite3LeavesTheSameDatabaseAsFlyway() throws Exception {
        assumeTrue(onPath("sqlite3"), "the sqlite3 shell is not installed");
        workload.writeSqlite3Script(dir.resolve("all.sql"));
        new Sqlite3Leg(Path.of("sqlite3"), dir.resolve("all.sql"), dir.resolve("sqlite3.log"))
                .apply(dir.resolve("shell.db"));
        assertThat(SchemaFingerprint.read(dir.resolve("shell.db")).differenceFrom(appliedOverJdbc()))
                .isEmpty();
    }

    @Test
    void sqlite3StopsAtAFailingStatementAndSaysWhy() throws Exception {
        assumeTrue(onPath("sqlite3"), "the sqlite3 shell is not installed");
        Files.writeString(dir.resolve("bad.sql"), "BEGIN;\nCREATE TABLE t_1 (id integer;\nCOMMIT;\n");
        assertThatThrownBy(() -> new Sqlite3Leg(Path.of("sqlite3"), dir.resolve("bad.sql"), dir.resolve("log"))
                        .apply(dir.resolve("bad.db")))
                .isInstanceOf(LegFailure.class)
                .hasMessageContaining("sqlite3 (one process): sqlite3 -bail ")
                .hasMessageContaining("exited with 1")
                .hasMessageContaining("syntax error");
    }

    @Test
    void aMissingProgramIsALegFailureNamingIt() {
        Path missing = dir.resolve("no-such-sqlite3");
        assertThatThrownBy(() ->
                        new Sqlite3Leg(missing, dir.resolve("all.sql"), dir.resolve("log")).apply(dir.resolve("x.db")))
                .isInstanceOf(LegFailure.class)
                .hasMessageStartingWith("sqlite3 (one process): cannot start " + missing + ": ");
    }

    private SchemaFingerprint appliedOverJdbc() throws Exception {
        Path database = dir.resolve("jdbc.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            for (MigrationWorkload.Migration migration : workload.migrations()) {
                for (String sql : migration.sql().split(";\n")) {
                    statement.execute(sql);
                }
            }
        }
        return SchemaFingerprint.read(database);
    }

    private static boolean onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
