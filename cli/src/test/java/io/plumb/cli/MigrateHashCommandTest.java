package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateHashCommandTest {

    static final String VECTOR_SUM = "h1:tQ+Dff+GsCGpLtHlRjFhEOP/jt2aB21kO5/bbCvBEis=\n"
            + "1_init.sql h1:eV5xrbK/rnpxbu1HbxjWF8QlHhcGcBgWs7XTEIMUU4c=\n"
            + "2_second.sql h1:3NqWSASXbLMM3kVNmnxv/G87Ggh8oNyq/Bv3CkqBziw=\n";

    @TempDir
    Path cwd;

    static void writeVector(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("1_init.sql"), "CREATE TABLE t1 (id int);\n");
        Files.writeString(dir.resolve("2_second.sql"), "CREATE TABLE t2 (id int);\n");
    }

    @Test
    void hashWritesTheReferenceSumSilently() throws IOException {
        writeVector(cwd.resolve("migrations"));

        CliRun run = MigrateRun.at(cwd, "migrate", "hash");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(cwd.resolve("migrations/atlas.sum")).hasContent(VECTOR_SUM);
    }

    @Test
    void hashRepairsABrokenSumAndAcceptsForce() throws IOException {
        writeVector(cwd.resolve("db"));
        Files.writeString(cwd.resolve("db/atlas.sum"), "h1:garbage\n");

        CliRun run = MigrateRun.at(cwd, "migrate", "hash", "--dir", "file://db", "--force");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(cwd.resolve("db/atlas.sum"))).isEqualTo(VECTOR_SUM);
    }

    @Test
    void aMissingDirectoryIsAnError() {
        CliRun run = MigrateRun.at(cwd, "migrate", "hash", "--dir", "file://nowhere");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("plumb: migration directory nowhere was not found\n");
    }

    @Test
    void anUnknownDirectoryFormatIsRefused() throws IOException {
        writeVector(cwd.resolve("migrations"));

        CliRun run = MigrateRun.at(cwd, "migrate", "hash", "--dir-format", "sqitch");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("unknown migration directory format \"sqitch\"");
        assertThat(cwd.resolve("migrations/atlas.sum")).doesNotExist();
    }

    @Test
    void anotherFormatIsHashedInItsOwnOrder() throws IOException {
        writeVector(cwd.resolve("migrations"));

        CliRun run = MigrateRun.at(cwd, "migrate", "hash", "--dir-format", "goose");

        // Versions of one width run in name order: the same files, the same sum as the atlas format's.
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cwd.resolve("migrations/atlas.sum")).hasContent(VECTOR_SUM);
        Files.move(cwd.resolve("migrations/2_second.sql"), cwd.resolve("migrations/10_second.sql"));
        run = MigrateRun.at(cwd, "migrate", "hash", "--dir", "file://migrations?format=goose");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(cwd.resolve("migrations/atlas.sum")))
                .containsSubsequence("1_init.sql h1:", "10_second.sql h1:");
    }
}
