package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirImportTest {

    @TempDir
    Path root;

    private MigrationDir source(String format, String... namesAndContents) throws IOException {
        Path dir = Files.createDirectories(root.resolve("src"));
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Path file = dir.resolve(namesAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, namesAndContents[i + 1]);
        }
        return MigrationDir.open("file://src?format=" + format, root);
    }

    private List<String> imported(MigrationDir source) throws IOException {
        MigrationDir target = MigrationDir.openOrCreate("file://out", root);
        List<DirImport.ImportedFile> written = DirImport.write(source, target);
        assertThat(target.validate())
                .extracting(MigrationFile::name)
                .containsExactlyElementsOf(
                        written.stream().map(DirImport.ImportedFile::name).toList());
        List<String> result = new java.util.ArrayList<>();
        for (DirImport.ImportedFile file : written) {
            result.add(file.name() + "\n" + Files.readString(root.resolve("out").resolve(file.name())));
        }
        return result;
    }

    @Test
    void flywayFilesKeepTheirStatementsAndDirectCommentsAndRepeatablesFollow() throws IOException {
        MigrationDir flyway = source(
                "flyway",
                "V1__users.sql",
                "-- users\nCREATE TABLE users (id int);\n\n-- detached\n\nINSERT INTO users VALUES (1)",
                "V1_1__names.sql",
                "ALTER TABLE users ADD name text;",
                "U1__users.sql",
                "DROP TABLE users;",
                "R__views.sql",
                "CREATE VIEW v AS SELECT * FROM users;\n");
        assertThat(imported(flyway))
                .containsExactly(
                        "1.0_users.sql\n-- users\nCREATE TABLE users (id int);\nINSERT INTO users VALUES (1);\n",
                        "1.1_names.sql\nALTER TABLE users ADD name text;\n",
                        "1.1r_views.sql\nCREATE VIEW v AS SELECT * FROM users;\n");
    }

    @Test
    void versionsThatWouldRunOutOfOrderAreZeroPadded() throws IOException {
        MigrationDir flyway = source(
                "flyway",
                "V9__a.sql",
                "SELECT 9;",
                "V10__b.sql",
                "SELECT 10;",
                "V10.1__c.sql",
                "SELECT 101;",
                "R__v.sql",
                "SELECT 0;");
        assertThat(imported(flyway))
                .extracting(s -> s.substring(0, s.indexOf('\n')))
                .containsExactly("09.0_a.sql", "10.0_b.sql", "10.1_c.sql", "10.1r_v.sql");
    }

    @Test
    void gooseAndDbmateUpSectionsAreImportedWithoutTheirAnnotations() throws IOException {
        MigrationDir goose = source(
                "goose",
                "2_fn.sql",
                "-- +goose Up\n-- +goose StatementBegin\n-- makes f\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$"
                        + " LANGUAGE sql;\n-- +goose StatementEnd\n-- +goose Down\nDROP FUNCTION f;\n",
                "1_t.sql",
                "-- +goose Up\nCREATE TABLE t (id int);\n-- +goose Down\nDROP TABLE t;\n");
        assertThat(imported(goose))
                .containsExactly(
                        "1_t.sql\nCREATE TABLE t (id int);\n",
                        "2_fn.sql\n-- makes f\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n");
        Files.walk(root.resolve("src"))
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());
        Files.walk(root.resolve("out"))
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());
        MigrationDir dbmate = source(
                "dbmate",
                "20240101000000_t.sql",
                "-- migrate:up\nCREATE TABLE t (id int)\n-- migrate:down\nDROP TABLE t;\n");
        assertThat(imported(dbmate)).containsExactly("20240101000000_t.sql\nCREATE TABLE t (id int);\n");
    }

    @Test
    void filesThatRunOutsideATransactionAreImportedWithTxmodeNone() throws IOException {
        MigrationDir goose = source(
                "goose",
                "1_t.sql",
                "-- +goose Up\nCREATE TABLE t (id int);\n",
                "2_i.sql",
                "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (id);\n");
        assertThat(imported(goose))
                .containsExactly(
                        "1_t.sql\nCREATE TABLE t (id int);\n",
                        "2_i.sql\n-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY i ON t (id);\n");
    }

    @Test
    void aFlywayFileWithAStatementPostgresRefusesInATransactionIsImportedWithTxmodeNone() throws IOException {
        MigrationDir flyway = source(
                "flyway",
                "V1__t.sql",
                "CREATE TABLE t (id int);\n",
                "V2__i.sql",
                "-- swap the index\nDROP INDEX CONCURRENTLY IF EXISTS i;\nCREATE INDEX CONCURRENTLY j ON t (id);\n");
        assertThat(imported(flyway))
                .containsExactly(
                        "1_t.sql\nCREATE TABLE t (id int);\n",
                        "2_i.sql\n-- atlas:txmode none\n\n-- swap the index\nDROP INDEX CONCURRENTLY IF EXISTS i;\n"
                                + "CREATE INDEX CONCURRENTLY j ON t (id);\n");
    }

    @Test
    void aFileWithAMysqlDelimiterCommandIsImportedAsItIs() throws IOException {
        String procedure =
                "DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n\n    SELECT 1;\n\n    SELECT 2;\nEND$$\nDELIMITER ;\n";
        MigrationDir flyway = source("flyway", "V1__t.sql", "CREATE TABLE t (id int);\n", "V2__p.sql", procedure);
        assertThat(imported(flyway)).containsExactly("1_t.sql\nCREATE TABLE t (id int);\n", "2_p.sql\n" + procedure);
    }

    @Test
    void golangMigrateAndLiquibaseKeepTheirNames() throws IOException {
        MigrationDir golang =
                source("golang-migrate", "1_t.up.sql", "CREATE TABLE t (id int);", "1_t.down.sql", "DROP TABLE t;");
        assertThat(imported(golang)).containsExactly("1_t.sql\nCREATE TABLE t (id int);\n");
        Files.walk(root.resolve("src"))
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());
        Files.walk(root.resolve("out"))
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());
        MigrationDir liquibase = source(
                "liquibase",
                "1_t.sql",
                "--liquibase formatted sql\n\n--changeset me:1\nCREATE TABLE t (id int);\n--rollback DROP TABLE t;\n");
        assertThat(imported(liquibase)).containsExactly("1_t.sql\n--changeset me:1\nCREATE TABLE t (id int);\n");
    }

    @Test
    void atlasSourcesNonEmptyTargetsAndBrokenSourceSumsAreRefused() throws IOException {
        Files.createDirectories(root.resolve("plain"));
        MigrationDir target = MigrationDir.openOrCreate("file://out", root);
        assertThatThrownBy(() -> DirImport.write(MigrationDir.open("file://plain", root), target))
                .hasMessage("cannot import a migration directory already in \"atlas\" format");
        MigrationDir flyway = source("flyway", "V1__a.sql", "SELECT 1;");
        target.add("1_x.sql", "SELECT 1;");
        assertThatThrownBy(() -> DirImport.write(flyway, target))
                .hasMessage("target migration directory must be empty");
        flyway.rehash();
        Files.writeString(root.resolve("src/V1__a.sql"), "SELECT 2;");
        assertThatThrownBy(() -> DirImport.write(flyway, MigrationDir.openOrCreate("file://other", root)))
                .isInstanceOf(ChecksumException.class);
    }
}
