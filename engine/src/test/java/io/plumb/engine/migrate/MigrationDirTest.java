package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationDirTest {

    @TempDir
    Path root;

    @Test
    void listsTopLevelSqlFilesInByteOrder() throws IOException {
        Path dir = Files.createDirectories(root.resolve("migrations"));
        Files.writeString(dir.resolve("10_b.sql"), "b");
        Files.writeString(dir.resolve("2_a.sql"), "a");
        Files.writeString(dir.resolve("B.sql"), "x");
        Files.writeString(dir.resolve("a.sql"), "y");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        Files.createDirectories(dir.resolve("sub.sql"));
        Files.createDirectories(dir.resolve("nested"))
                .resolve("3_c.sql")
                .toFile()
                .createNewFile();
        MigrationDir migrations = MigrationDir.open("file://migrations", root);
        assertThat(migrations.files())
                .extracting(MigrationFile::name)
                .containsExactly("10_b.sql", "2_a.sql", "B.sql", "a.sql");
    }

    @Test
    void versionsAndDescriptionsSplitAtTheFirstUnderscore() {
        MigrationFile file = new MigrationFile("20240613061102_add_users_table.sql", new byte[0]);
        assertThat(file.version()).isEqualTo("20240613061102");
        assertThat(file.description()).isEqualTo("add_users_table");
        MigrationFile bare = new MigrationFile("1.sql", new byte[0]);
        assertThat(bare.version()).isEqualTo("1");
        assertThat(bare.description()).isEmpty();
    }

    @Test
    void aMissingDirectoryIsNamed() {
        assertThatThrownBy(() -> MigrationDir.open("file://nowhere", root))
                .isInstanceOf(MigrateException.class)
                .hasMessage("migration directory nowhere was not found");
    }

    @Test
    void unknownFormatsParametersAndSchemesAreRefused() throws IOException {
        Files.createDirectories(root.resolve("m"));
        assertThatThrownBy(() -> MigrationDir.open("file://m?format=sqitch", root))
                .hasMessage("unknown migration directory format \"sqitch\": expected atlas, flyway, liquibase,"
                        + " golang-migrate, goose, dbmate");
        assertThatThrownBy(() -> MigrationDir.open("file://m?version=3", root))
                .hasMessageContaining(
                        "unsupported migration directory parameter \"version\" in \"file://m?version=3\"");
        assertThatThrownBy(() -> MigrationDir.open("mem://m", root)).hasMessageContaining("expected file://PATH");
        assertThat(MigrationDir.open("file://m?format=goose", root).format()).isEqualTo(DirFormat.GOOSE);
        assertThat(MigrationDir.open("file://m?format=atlas", root).format()).isEqualTo(DirFormat.ATLAS);
    }

    @Test
    void filesWithoutSumFileAreRefusedAndAnEmptyDirectoryIsFine() throws IOException {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        assertThat(dir.validate()).isEmpty();
        Files.writeString(dir.path().resolve("1_a.sql"), "SELECT 1;");
        assertThatThrownBy(dir::validate).isInstanceOf(ChecksumException.class).hasMessage("checksum file not found");
    }

    @Test
    void addWritesTheFileAndRehashes() throws IOException {
        MigrationDir dir = MigrationDir.openOrCreate("file://migrations", root);
        dir.add("1_init.sql", "CREATE TABLE t1 (id int);\n");
        dir.add("2_second.sql", "CREATE TABLE t2 (id int);\n");
        assertThat(Files.readString(dir.path().resolve("atlas.sum"), StandardCharsets.UTF_8))
                .isEqualTo("h1:tQ+Dff+GsCGpLtHlRjFhEOP/jt2aB21kO5/bbCvBEis=\n"
                        + "1_init.sql h1:eV5xrbK/rnpxbu1HbxjWF8QlHhcGcBgWs7XTEIMUU4c=\n"
                        + "2_second.sql h1:3NqWSASXbLMM3kVNmnxv/G87Ggh8oNyq/Bv3CkqBziw=\n");
        assertThat(dir.validate()).hasSize(2);
        try (var listing = Files.list(dir.path())) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .as("no temporary files are left behind")
                    .containsExactlyInAnyOrder("1_init.sql", "2_second.sql", "atlas.sum");
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFile() throws IOException {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        dir.add("1_init.sql", "old");
        Files.createDirectories(dir.path().resolve("atlas.sum.d"));
        // A directory where the file should go cannot be replaced by a file.
        assertThatThrownBy(() -> dir.writeAtomically("atlas.sum.d", new byte[] {1}))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("cannot write migrations/atlas.sum.d");
        assertThat(Files.readString(dir.path().resolve("1_init.sql"))).isEqualTo("old");
    }

    @Test
    void anUnwritableSumFileLeavesNoNewMigrationFile() throws IOException {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        dir.add("1_init.sql", "CREATE TABLE t1 (id int);\n");
        String sumBefore = Files.readString(dir.path().resolve("atlas.sum"));
        // The sum's final target is a directory: the new file is written, then the sum cannot replace it.
        Files.delete(dir.path().resolve("atlas.sum"));
        Files.createDirectories(root.resolve("elsewhere/atlas.sum"));
        Files.createSymbolicLink(dir.path().resolve("atlas.sum"), root.resolve("elsewhere/atlas.sum"));

        assertThatThrownBy(() -> dir.add("2_second.sql", "CREATE TABLE t2 (id int);\n"))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("cannot write migrations/atlas.sum: ")
                .hasMessageEndingWith("(migrations/2_second.sql was left as it was)");

        assertThat(Files.exists(dir.path().resolve("2_second.sql"))).isFalse();
        assertThat(dir.files()).extracting(MigrationFile::name).containsExactly("1_init.sql");
        assertThat(sumBefore).contains("1_init.sql");
    }

    @Test
    void aSumFileThatCannotBeCreatedLeavesNoNewMigrationFile() throws IOException {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        // A link into a directory that does not exist: the sum's temporary file cannot be created.
        Files.createSymbolicLink(dir.path().resolve("atlas.sum"), Path.of("missing/atlas.sum"));

        assertThatThrownBy(() -> dir.add("1_init.sql", "CREATE TABLE t1 (id int);\n"))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("cannot write migrations/atlas.sum: ");

        try (Stream<Path> listing = Files.list(dir.path())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("atlas.sum");
        }
    }

    @Test
    void aReplacedFileIsPutBackWhenTheSumCannotBeWritten() throws IOException {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        dir.add("1_init.sql", "old");
        Files.delete(dir.path().resolve("atlas.sum"));
        Files.createDirectories(root.resolve("elsewhere/atlas.sum"));
        Files.createSymbolicLink(dir.path().resolve("atlas.sum"), root.resolve("elsewhere/atlas.sum"));

        assertThatThrownBy(() -> dir.add("1_init.sql", "new"))
                .hasMessageEndingWith("(migrations/1_init.sql was left as it was)");
        assertThat(Files.readString(dir.path().resolve("1_init.sql"))).isEqualTo("old");
    }

    @Test
    void rehashKeepsALinkedSumFileALinkWithItsMode() throws IOException {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        Files.writeString(dir.path().resolve("1_init.sql"), "CREATE TABLE t1 (id int);\n");
        Path shared = Files.writeString(root.resolve("shared.sum"), "stale");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.createSymbolicLink(dir.path().resolve("atlas.sum"), Path.of("../shared.sum"));

        dir.rehash();

        assertThat(Files.isSymbolicLink(dir.path().resolve("atlas.sum"))).isTrue();
        assertThat(Files.readString(shared)).contains("1_init.sql h1:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
                .isEqualTo("rw-rw-r--");
        assertThat(dir.validate()).extracting(MigrationFile::name).containsExactly("1_init.sql");
    }

    @Test
    void twoFilesOfOneVersionAreRefused() throws IOException {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        Files.writeString(dir.path().resolve("1_users.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(dir.path().resolve("1_orders.sql"), "CREATE TABLE orders (id int);\n");
        Files.writeString(dir.path().resolve("2.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(dir.path().resolve("2_more.sql"), "CREATE TABLE u (id int);\n");
        dir.rehash();

        assertThatThrownBy(dir::validate)
                .isInstanceOf(MigrateException.class)
                .hasMessage("migration directory migrations: files \"1_orders.sql\" and \"1_users.sql\" have the same"
                        + " version \"1\"; versions must be unique");
        Files.delete(dir.path().resolve("1_orders.sql"));
        dir.rehash();
        assertThatThrownBy(dir::validate).hasMessageContaining("files \"2.sql\" and \"2_more.sql\"");
    }

    @Test
    void anUpAndADownFileOfOneVersionNameTheGolangMigrateFormat() throws IOException {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        Files.writeString(dir.path().resolve("1_users.up.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(dir.path().resolve("1_users.down.sql"), "DROP TABLE users;\n");
        dir.rehash();

        assertThatThrownBy(dir::validate)
                .isInstanceOf(MigrateException.class)
                .hasMessage("migration directory migrations: files \"1_users.down.sql\" and \"1_users.up.sql\" have"
                        + " the same version \"1\"; versions must be unique (an up and a down file of golang-migrate:"
                        + " read the directory with --dir-format golang-migrate, or file://DIR?format=golang-migrate)");
    }

    @Test
    void aPinnedDirectoryKeepsItsFilesAndSumAsTheyWere() throws IOException {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        dir.add("1_a.sql", "CREATE TABLE a (x int);\n");
        SumFile sum = dir.readSum().orElseThrow();
        MigrationDir pinned = dir.pinned();
        dir.add("2_b.sql", "CREATE TABLE b (x int);\n");
        assertThat(pinned.readSum()).contains(sum);
        assertThat(pinned.validate()).extracting(MigrationFile::name).containsExactly("1_a.sql");
        assertThat(dir.readSum().orElseThrow()).isNotEqualTo(sum);
        assertThatThrownBy(() -> pinned.add("3_c.sql", "SELECT 1;\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is pinned");
    }
}
