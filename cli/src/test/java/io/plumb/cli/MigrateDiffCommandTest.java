package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateDiffCommandTest {

    private static final String DEV = "sqlite://dev?mode=memory";

    private static final String V1 = "schema \"main\" {}\ntable \"users\" {\n  schema = schema.main\n"
            + "  column \"id\" {\n    type = integer\n  }\n  column \"name\" {\n    type = text\n  }\n}\n";

    private static final String V2 =
            V1 + "table \"posts\" {\n  schema = schema.main\n" + "  column \"id\" {\n    type = integer\n  }\n}\n";

    @TempDir
    Path cwd;

    @BeforeEach
    void states() throws IOException {
        Files.writeString(cwd.resolve("v1.hcl"), V1);
        Files.writeString(cwd.resolve("v2.hcl"), V2);
        Files.writeString(cwd.resolve("bad.hcl"), "table \"users\" {\n");
    }

    @Test
    void writesTheMigrationThenReportsSynced() throws IOException {
        CliRun run = MigrateRun.at(cwd, "migrate", "diff", "--to", "file://v1.hcl", "--dev-url", DEV);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(cwd.resolve("migrations/20240613061102.sql"))
                .hasContent("-- Create \"users\" table\n"
                        + "CREATE TABLE `users` (`id` integer NOT NULL, `name` text NOT NULL);\n");
        assertThat(MigrateRun.at(cwd, "migrate", "validate", "--dev-url", DEV).exitCode())
                .isZero();

        CliRun again = MigrateRun.at(cwd, "migrate", "diff", "--to", "file://v1.hcl", "--dev-url", DEV);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(MigrateDiffCommand.SYNCED + "\n");
        assertThat(files()).containsExactly("20240613061102.sql", "atlas.sum");
    }

    @Test
    void theNameAndTheIndentingTemplateShapeTheFile() throws IOException {
        CliRun run = MigrateRun.at(
                cwd,
                "migrate",
                "diff",
                "init",
                "--to",
                "file://v1.hcl",
                "--dev-url",
                DEV,
                "--format",
                "{{ sql . \"  \" }}");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cwd.resolve("migrations/20240613061102_init.sql"))
                .hasContent("-- Create \"users\" table\nCREATE TABLE `users` (\n  `id` integer NOT NULL,\n"
                        + "  `name` text NOT NULL\n);\n");
    }

    @Test
    void aNewStateIsDiffedAgainstTheReplayedDirectory() throws IOException {
        Files.createDirectories(cwd.resolve("migrations"));
        Files.writeString(
                cwd.resolve("migrations/1_init.sql"),
                "CREATE TABLE `users` (`id` integer NOT NULL, `name` text NOT NULL);\n");
        MigrateRun.at(cwd, "migrate", "hash");

        CliRun run = MigrateRun.at(cwd, "migrate", "diff", "posts", "--to", "file://v2.hcl", "--dev-url", DEV);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cwd.resolve("migrations/20240613061102_posts.sql"))
                .hasContent("-- Create \"posts\" table\nCREATE TABLE `posts` (`id` integer NOT NULL);\n");
    }

    @Test
    void missingFlagsAreUsageErrors() {
        CliRun noDev = MigrateRun.at(cwd, "migrate", "diff", "--to", "file://v1.hcl");
        CliRun noTo = MigrateRun.at(cwd, "migrate", "diff", "--dev-url", DEV);

        assertThat(noDev.exitCode()).isEqualTo(2);
        assertThat(noDev.err()).contains("required flag(s) \"dev-url\" not set");
        assertThat(noTo.exitCode()).isEqualTo(2);
        assertThat(noTo.err()).contains("required flag(s) \"to\" not set");
        assertThat(cwd.resolve("migrations")).doesNotExist();
    }

    @Test
    void aBadDesiredStateLeavesTheDirectoryUntouched() throws IOException {
        MigrateRun.at(cwd, "migrate", "diff", "--to", "file://v1.hcl", "--dev-url", DEV);
        String sum = Files.readString(cwd.resolve("migrations/atlas.sum"));

        CliRun bad = MigrateRun.at(cwd, "migrate", "diff", "--to", "file://bad.hcl", "--dev-url", DEV);
        CliRun missing = MigrateRun.at(cwd, "migrate", "diff", "--to", "file://none.hcl", "--dev-url", DEV);

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("plumb: bad.hcl:");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("plumb: file none.hcl does not exist\n");
        assertThat(files()).containsExactly("20240613061102.sql", "atlas.sum");
        assertThat(cwd.resolve("migrations/atlas.sum")).hasContent(sum);
    }

    @Test
    void aBrokenSumIsRefusedBeforeAnythingIsWritten() throws IOException {
        Files.createDirectories(cwd.resolve("migrations"));
        Files.writeString(cwd.resolve("migrations/1_init.sql"), "CREATE TABLE t (id int);\n");
        MigrateRun.at(cwd, "migrate", "hash");
        Files.writeString(cwd.resolve("migrations/1_init.sql"), "CREATE TABLE t (id text);\n");

        CliRun run = MigrateRun.at(cwd, "migrate", "diff", "--to", "file://v1.hcl", "--dev-url", DEV);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\tL2: 1_init.sql was edited\n");
        assertThat(run.err()).isEqualTo("plumb: checksum mismatch\n");
        assertThat(files()).containsExactly("1_init.sql", "atlas.sum");
    }

    @Test
    void aFailingFileOfTheDirectoryFailsTheDiff() throws IOException {
        Files.createDirectories(cwd.resolve("migrations"));
        Files.writeString(cwd.resolve("migrations/1_init.sql"), "CREATE TABLE t (id int);\nCREATE TABLE t (id int);\n");
        MigrateRun.at(cwd, "migrate", "hash");

        CliRun run = MigrateRun.at(cwd, "migrate", "diff", "--to", "file://v1.hcl", "--dev-url", DEV);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("plumb: 1_init.sql:2:1: executing statement \"CREATE TABLE t (id int);\" from version \"1\":"
                        + " table t already exists\n");
        assertThat(files()).containsExactly("1_init.sql", "atlas.sum");
    }

    @Test
    void unsupportedTemplatesAndQualifiersAreRefused() {
        CliRun format = MigrateRun.at(
                cwd, "migrate", "diff", "--to", "file://v1.hcl", "--dev-url", DEV, "--format", "{{ .Name }}");
        CliRun qualifier =
                MigrateRun.at(cwd, "migrate", "diff", "--to", "file://v1.hcl", "--dev-url", DEV, "--qualifier", "app");

        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("unsupported migration file format \"{{ .Name }}\"");
        assertThat(qualifier.exitCode()).isEqualTo(2);
        assertThat(qualifier.err())
                .contains(
                        "--qualifier \"app\" is not supported: the sqlite planner writes unqualified statements only");
        assertThat(cwd.resolve("migrations/20240613061102.sql")).doesNotExist();
    }

    @Test
    void theEnvSuppliesTheStateTheDevDatabaseAndTheDirectory() throws IOException {
        Files.writeString(
                cwd.resolve("atlas.hcl"),
                "env \"local\" {\n  src = \"v1.hcl\"\n  dev = \"" + DEV
                        + "\"\n  migration {\n    dir = \"file://db\"\n  }\n}\n");

        CliRun run = MigrateRun.at(cwd, "migrate", "diff", "--env", "local", "--lock-timeout", "5s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cwd.resolve("db/20240613061102.sql")).content().contains("CREATE TABLE `users`");
        assertThat(MigrateRun.at(cwd, "migrate", "validate", "--env", "local").exitCode())
                .isZero();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(cwd.resolve("migrations"))) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
