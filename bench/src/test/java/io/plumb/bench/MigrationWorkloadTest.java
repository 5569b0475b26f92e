package io.plumb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationWorkloadTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameStatements() {
        assertThat(MigrationWorkload.generate(50, 7)).isEqualTo(MigrationWorkload.generate(50, 7));
        assertThat(MigrationWorkload.generate(50, 7)).isNotEqualTo(MigrationWorkload.generate(50, 8));
    }

    @Test
    void everyFileCreatesInsertsAndIndexesAndSomeAlterEarlierTables() {
        MigrationWorkload workload = MigrationWorkload.generate(1000, 1);
        assertThat(workload.migrations()).hasSize(1000);
        assertThat(workload.migrations()).allSatisfy(m -> assertThat(m.sql())
                .contains("CREATE TABLE t_" + m.number() + " (", "INSERT INTO t_" + m.number() + " ")
                .contains("CREATE INDEX t_" + m.number() + "_name"));
        long altering = workload.migrations().stream()
                .filter(m -> m.sql().contains("ALTER TABLE"))
                .count();
        assertThat(altering).isBetween(100L, 300L);
        assertThat(workload.statements()).isBetween(3100, 3300);
    }

    @Test
    void namesFollowEachToolsVersionRules() {
        MigrationWorkload.Migration first =
                MigrationWorkload.generate(1, 1).migrations().get(0);
        assertThat(first.plumbName()).isEqualTo("000001_create_t_1.sql");
        assertThat(first.flywayName()).isEqualTo("V1__create_t_1.sql");
    }

    @Test
    void thePlumbDirectoryIsInFileOrderAndPassesItsChecksum() throws Exception {
        MigrationWorkload workload = MigrationWorkload.generate(120, 3);
        workload.writePlumbDir(dir.resolve("plumb"));
        List<MigrationFile> files = MigrationDir.open("file://plumb", dir).validate();
        assertThat(files)
                .extracting(MigrationFile::name)
                .containsExactlyElementsOf(workload.migrations().stream()
                        .map(MigrationWorkload.Migration::plumbName)
                        .toList());
    }

    @Test
    void theFlywayDirectoryHoldsOneFilePerMigration() throws Exception {
        MigrationWorkload workload = MigrationWorkload.generate(12, 3);
        workload.writeFlywayDir(dir.resolve("flyway"));
        assertThat(Files.readString(dir.resolve(
                        "flyway/V12__" + workload.migrations().get(11).description() + ".sql")))
                .isEqualTo(workload.migrations().get(11).sql());
        try (var listing = Files.list(dir.resolve("flyway"))) {
            assertThat(listing.count()).isEqualTo(12);
        }
    }

    @Test
    void theSqlite3ScriptWrapsEachFileInItsOwnTransaction() throws Exception {
        MigrationWorkload workload = MigrationWorkload.generate(5, 3);
        Path script = dir.resolve("all.sql");
        workload.writeSqlite3Script(script);
        String text = Files.readString(script);
        assertThat(text.split("BEGIN;\n", -1)).hasSize(6);
        assertThat(text.split("COMMIT;\n", -1)).hasSize(6);
        assertThat(text).startsWith("BEGIN;\n" + workload.migrations().get(0).sql() + "COMMIT;\n");
    }

    @Test
    void rejectsAnEmptyWorkload() {
        assertThatThrownBy(() -> MigrationWorkload.generate(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number of migration files: expected at least 1, found 0");
    }
}
