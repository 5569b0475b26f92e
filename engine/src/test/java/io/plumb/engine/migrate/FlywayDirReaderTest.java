package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayDirReaderTest {

    @TempDir
    Path root;

    private MigrationDir dir(String... namesAndContents) throws IOException {
        Path dir = root.resolve("db");
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Path file = dir.resolve(namesAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, namesAndContents[i + 1]);
        }
        Files.createDirectories(dir);
        return MigrationDir.open("file://db?format=flyway", root);
    }

    private static List<String> described(List<MigrationFile> files) {
        return files.stream()
                .map(f -> f.name() + " " + f.version() + " " + f.description())
                .toList();
    }

    @Test
    void versionedFilesRunInNumericVersionOrderThenRepeatablesByDescription() throws IOException {
        MigrationDir dir = dir(
                "V10__ten.sql", "SELECT 10;",
                "V9__nine.sql", "SELECT 9;",
                "V1_1__one_one.sql", "SELECT 11;",
                "V1__one.sql", "SELECT 1;",
                "sub/V1.10__one_ten.sql", "SELECT 110;",
                ".hidden/V2__hidden.sql", "SELECT 2;",
                "U9__nine.sql", "SELECT -9;",
                "R__views.sql", "SELECT 'v';",
                "R__functions.sql", "SELECT 'f';",
                "Vacuum.sql", "not a migration",
                "notes.txt", "not sql",
                "seed.sql", "not a migration either");
        assertThat(described(dir.files()))
                .containsExactly(
                        "V1__one.sql 1 one",
                        "V1_1__one_one.sql 1.1 one_one",
                        "sub/V1.10__one_ten.sql 1.10 one_ten",
                        "V9__nine.sql 9 nine",
                        "V10__ten.sql 10 ten",
                        "R__functions.sql 10r1 functions",
                        "R__views.sql 10r2 views");
        assertThat(dir.files()).allMatch(f -> f.format() == DirFormat.FLYWAY);
    }

    @Test
    void oneRepeatableFileFollowsTheLastVersionAndAloneItFollowsZero() throws IOException {
        assertThat(described(dir("V3__c.sql", "", "R__views.sql", "").files()))
                .containsExactly("V3__c.sql 3 c", "R__views.sql 3r views");
        Files.delete(root.resolve("db/V3__c.sql"));
        assertThat(described(MigrationDir.open("file://db?format=flyway", root).files()))
                .containsExactly("R__views.sql 0r views");
    }

    @Test
    void theNewestBaselineReplacesTheVersionedFilesItCovers() throws IOException {
        MigrationDir dir = dir(
                "V1__a.sql", "",
                "V2__b.sql", "",
                "B2__base.sql", "",
                "B1__old_base.sql", "",
                "V10__c.sql", "");
        assertThat(described(dir.files())).containsExactly("B2__base.sql 2 base", "V10__c.sql 10 c");
    }

    @Test
    void badAndDuplicateVersionsAreErrorsNamingTheFile() throws IOException {
        assertThatThrownBy(() -> dir("V1a__x.sql", "").files())
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith("V1a__x.sql:1:1: invalid Flyway version \"1a\": expected V<version>__");
        Files.delete(root.resolve("db/V1a__x.sql"));
        assertThatThrownBy(() -> dir("V1__a.sql", "", "sub/V1.0__b.sql", "").files())
                .isInstanceOf(MigrationFileException.class)
                .hasMessage("sub/V1.0__b.sql:1:1: duplicate Flyway version 1.0: V1__a.sql has it too");
        Files.delete(root.resolve("db/sub/V1.0__b.sql"));
        assertThatThrownBy(() -> dir("U__undo.sql", "").files())
                .hasMessageStartingWith("U__undo.sql:1:1: invalid Flyway version \"\"");
    }

    @Test
    void versionsCompareAsFlywayComparesThem() {
        assertThat(FlywayVersion.compare("9", "10")).isNegative();
        assertThat(FlywayVersion.compare("1.10", "1.9")).isPositive();
        assertThat(FlywayVersion.compare("1.0", "1")).isZero();
        assertThat(FlywayVersion.compare("10", "10r")).isNegative();
        assertThat(FlywayVersion.compare("10r", "11")).isNegative();
        assertThat(FlywayVersion.compare("10r2", "10r10")).isNegative();
    }

    @Test
    void pendingFilesFollowTheNumericOrderAndARepeatableRunsAgainAfterANewVersion() throws IOException {
        MigrationDir dir = dir("V9__a.sql", "", "V10__b.sql", "", "R__v.sql", "");
        List<Revision> applied = dir.files().stream()
                .map(f -> Revision.started(f, 0, "", Instant.EPOCH, "test"))
                .toList();
        // The revisions table returns them ordered as strings: 10, 10r, 9.
        List<Revision> asStored = List.of(applied.get(1), applied.get(2), applied.get(0));
        assertThat(History.of(dir.files(), asStored, ExecOrder.LINEAR).pending())
                .isEmpty();
        Files.writeString(root.resolve("db/V11__c.sql"), "");
        MigrationDir grown = MigrationDir.open("file://db?format=flyway", root);
        History history = History.of(grown.files(), asStored, ExecOrder.LINEAR);
        assertThat(history.pending()).extracting(MigrationFile::version).containsExactly("11", "11r");
        assertThat(history.outOfOrder()).isEmpty();
        assertThat(history.last().map(Revision::version)).isEqualTo(Optional.of("10r"));
    }

    @Test
    void atlasSumCoversTheFilesInFlywayOrderUnderTheirPaths() throws IOException {
        MigrationDir dir = dir("V2__b.sql", "SELECT 2;", "sub/V1__a.sql", "SELECT 1;", "U2__b.sql", "SELECT 0;");
        SumFile sum = dir.rehash();
        assertThat(sum.entries()).extracting(SumFile.Entry::name).containsExactly("sub/V1__a.sql", "V2__b.sql");
        assertThat(dir.validate()).hasSize(2);
        Files.writeString(root.resolve("db/U2__b.sql"), "edited undo files are not migrations");
        assertThat(dir.validate()).hasSize(2);
        Files.writeString(root.resolve("db/V2__b.sql"), "SELECT 22;");
        assertThatThrownBy(dir::validate).isInstanceOf(ChecksumException.class);
    }

    @Test
    void aFileOfAnotherFormatIsNotWrittenIntoAFlywayDirectory() throws IOException {
        MigrationDir dir = dir("V1__a.sql", "");
        assertThatThrownBy(() -> dir.add("2_b.sql", "SELECT 1;"))
                .hasMessageContaining(
                        "db/2_b.sql:1:1: a migration file of the atlas format in a directory opened as flyway");
        assertThat(root.resolve("db/2_b.sql")).doesNotExist();
    }

    @Test
    void javaAndScriptMigrationsAreRefusedAtTheirNamesNotLeftOut() throws IOException {
        assertThatThrownBy(() -> dir("V1__a.sql", "", "sub/V2__Backfill.java", "class V2__Backfill {}")
                        .files())
                .hasMessage("sub/V2__Backfill.java:1:1: Flyway Java-based migration: plumb runs the SQL migrations"
                        + " of a Flyway directory only, and running them without this one would leave it out");
        Files.delete(root.resolve("db/sub/V2__Backfill.java"));
        Files.writeString(root.resolve("db/V3_1__Seed$Row.class"), "");
        assertThatThrownBy(
                        () -> MigrationDir.open("file://db?format=flyway", root).files())
                .hasMessageStartingWith("V3_1__Seed$Row.class:1:1: Flyway Java-based migration");
        Files.delete(root.resolve("db/V3_1__Seed$Row.class"));
        Files.writeString(root.resolve("db/R__refresh.sh"), "");
        assertThatThrownBy(
                        () -> MigrationDir.open("file://db?format=flyway", root).files())
                .hasMessageStartingWith("R__refresh.sh:1:1: Flyway script migration");
        Files.delete(root.resolve("db/R__refresh.sh"));
        // Sources that are not migrations by name stay out, as in Flyway.
        Files.writeString(root.resolve("db/MigrationConfig.java"), "");
        Files.writeString(root.resolve("db/Vendor.kt"), "");
        Files.writeString(root.resolve("db/V1a.java"), "");
        assertThat(described(MigrationDir.open("file://db?format=flyway", root).files()))
                .containsExactly("V1__a.sql 1 a");
    }

    @Test
    void sqlCallbacksAreRefusedAtTheirNames() throws IOException {
        assertThatThrownBy(() -> dir("V1__a.sql", "", "afterMigrate.sql", "REFRESH MATERIALIZED VIEW v;")
                        .files())
                .hasMessage("afterMigrate.sql:1:1: Flyway SQL callback afterMigrate: Flyway runs it around its"
                        + " commands, plumb runs migrations only; move it out of the migration directory");
        Files.delete(root.resolve("db/afterMigrate.sql"));
        Files.createDirectories(root.resolve("db/sub"));
        Files.writeString(root.resolve("db/sub/beforeEachMigrate__grants.sql"), "");
        assertThatThrownBy(
                        () -> MigrationDir.open("file://db?format=flyway", root).files())
                .hasMessageStartingWith(
                        "sub/beforeEachMigrate__grants.sql:1:1: Flyway SQL callback beforeEachMigrate:");
    }

    @Test
    void aScriptConfigurationIsRefusedAtItsName() throws IOException {
        assertThatThrownBy(() -> dir("V1__a.sql", "", "V1__a.sql.conf", "executeInTransaction=false")
                        .files())
                .hasMessage("V1__a.sql.conf:1:1: Flyway script configuration: Flyway reads it for V1__a.sql"
                        + " (executeInTransaction, encoding, placeholderReplacement), plumb does not; running the file"
                        + " without it may not be what Flyway runs");
        Files.delete(root.resolve("db/V1__a.sql.conf"));
        Files.writeString(root.resolve("db/flyway.conf"), "flyway.locations=filesystem:db");
        assertThat(described(MigrationDir.open("file://db?format=flyway", root).files()))
                .containsExactly("V1__a.sql 1 a");
    }

    @Test
    void placeholdersAreReplacedWithTheDirectoryUrlsValuesInTheTextThatRunsButNotInTheChecksummedBytes()
            throws IOException {
        dir("V1__a.sql", "-- ${flyway:filename}\nCREATE TABLE ${prefix}a (id int DEFAULT ${n});");
        MigrationDir dir =
                MigrationDir.open("file://db?format=flyway&placeholders.prefix=app_&placeholders.n=4%202", root);
        MigrationFile file = dir.files().get(0);
        assertThat(file.text()).isEqualTo("-- V1__a.sql\nCREATE TABLE app_a (id int DEFAULT 4 2);");
        assertThat(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("-- ${flyway:filename}\nCREATE TABLE ${prefix}a (id int DEFAULT ${n});");
        assertThat(MigrationScript.parse(file, ScannerOptions.forDialect("postgres"))
                        .statements())
                .extracting(Statement::text)
                .containsExactly("CREATE TABLE app_a (id int DEFAULT 4 2);");
        assertThat(SumFile.compute(dir.files()))
                .isEqualTo(SumFile.compute(
                        MigrationDir.open("file://db?format=flyway", root).files()));
    }

    @Test
    void aPlaceholderWithoutAValueIsAnErrorAtItsPositionWhenTheFileIsRead() throws IOException {
        MigrationDir dir = dir(
                "V1__a.sql",
                "CREATE TABLE a (id int);\n-- no ${ here }\nCREATE TABLE  ${tablePrefix}b (id int);",
                "V2__b.sql",
                "SELECT '$' || '{x}', '${}', '${not\n}';");
        List<MigrationFile> files = dir.files();
        assertThatThrownBy(() -> MigrationScript.parse(files.get(0), ScannerOptions.forDialect("postgres")))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith("V1__a.sql:2:7: Flyway placeholder ${ here } has no value (Flyway refuses to"
                        + " run a file with a placeholder it has no value for): give it one in the directory URL,"
                        + " file://DIR?format=flyway&placeholders. here =VALUE");
        assertThat(MigrationScript.parse(files.get(1), ScannerOptions.forDialect("postgres"))
                        .statements())
                .hasSize(1);
        MigrationDir literal = MigrationDir.open("file://db?format=flyway&placeholderReplacement=false", root);
        assertThat(literal.files().get(0).text()).contains("${tablePrefix}b");
    }
}
