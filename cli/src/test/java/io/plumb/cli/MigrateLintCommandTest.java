package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateLintCommandTest {

    private static final String DEV = "sqlite://dev?mode=memory";
    private static final String DURATION = "[0-9.]+(?:ns|µs|ms|s)";

    @TempDir
    Path cwd;

    private Path dir;

    @BeforeEach
    void directory() throws IOException {
        dir = cwd.resolve("migrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("1_init.sql"), "CREATE TABLE users (id int, name text);\n");
        Files.writeString(dir.resolve("2_pets.sql"), "CREATE TABLE pets (id int);\n");
        hash();
    }

    @Test
    void aCleanFileIsReportedInTheReferenceLayout() {
        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .matches("Analyzing changes from version 1 to 2 \\(1 migration in total\\):\n"
                        + "\n"
                        + "  -- analyzing version 2\n"
                        + "    -- no diagnostics found\n"
                        + "  -- ok \\(" + DURATION + "\\)\n"
                        + "\n"
                        + "  -------------------------\n"
                        + "  -- " + DURATION + "\n"
                        + "  -- 1 version ok\n"
                        + "  -- 1 schema change\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aDestructiveChangeFailsTheFileAndTheCommandWithExitOne() throws IOException {
        Files.writeString(
                dir.resolve("3_drop.sql"),
                "-- keep the users\nALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0;\n\nDROP TABLE pets;\n");
        hash();

        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .matches("(?s)Analyzing changes from version 1 to 3 \\(2 migrations in total\\):\n\n"
                        + "  -- analyzing version 2\n    -- no diagnostics found\n  -- ok \\(" + DURATION + "\\)\n\n"
                        + "  -- analyzing version 3\n"
                        + "    -- destructive changes detected:\n"
                        + "      -- L4: Dropping table \"pets\" https://atlasgo.io/lint/analyzers#DS102\n"
                        + "    -- suggested fix:\n"
                        + "      -> Add a pre-migration check to ensure table \"pets\" is empty before dropping it\n"
                        + "  -- ok \\(" + DURATION + "\\)\n\n"
                        + "  -------------------------\n  -- " + DURATION + "\n"
                        + "  -- 1 version ok, 1 with errors\n  -- 3 schema changes\n  -- 1 diagnostic\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theJsonFormatIsTheReferenceSummaryReport() throws IOException {
        Files.writeString(dir.resolve("3_drop.sql"), "DROP TABLE pets;\n");
        hash();

        CliRun run =
                MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--format", "{{ json . }}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("{\"Env\":{\"Driver\":\"sqlite\",\"URL\":{\"Scheme\":\"sqlite\",")
                .contains("\"Dir\":\"migrations\"}")
                .contains("\"Steps\":[{\"Name\":\"Detect New Migration Files\","
                        + "\"Text\":\"Found 1 new migration files (from 3 total)\"},"
                        + "{\"Name\":\"Replay Migration Files\",\"Text\":\"Loaded 1 changes on dev database\"},"
                        + "{\"Name\":\"Analyze 3_drop.sql\",\"Text\":\"1 reports were found in analysis\",\"Result\":")
                .endsWith("\"Files\":[{\"Name\":\"3_drop.sql\",\"Text\":\"DROP TABLE pets;\\n\","
                        + "\"Reports\":[{\"Text\":\"destructive changes detected\","
                        + "\"Diagnostics\":[{\"Pos\":0,\"Text\":\"Dropping table \\\"pets\\\"\",\"Code\":\"DS102\","
                        + "\"SuggestedFixes\":[{\"Message\":\"Add a pre-migration check to ensure table \\\"pets\\\""
                        + " is empty before dropping it\"}]}]}],"
                        + "\"Error\":\"destructive changes detected\"}]}");
    }

    @Test
    void templatesReadTheReportAndItsMethods() {
        CliRun names = MigrateRun.at(
                cwd,
                "migrate",
                "lint",
                "--dev-url",
                DEV,
                "--latest",
                "2",
                "--format",
                "{{ range .Files }}{{ println .Name }}{{ end }}");
        assertThat(names.exitCode()).as(names.err()).isZero();
        assertThat(names.out()).isEqualTo("1_init.sql\n2_pets.sql\n");

        CliRun unknown =
                MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--format", "{{ .Nope }}");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err())
                .isEqualTo("plumb: template: format:1:1: executing \"format\" at <.Nope>: can't evaluate field Nope\n");

        CliRun count = MigrateRun.at(
                cwd,
                "migrate",
                "lint",
                "--dev-url",
                DEV,
                "--latest",
                "2",
                "--format",
                "{{ len .Files | println }}{{- .TotalChanges }} {{ .VersionStatuses }}");
        assertThat(count.exitCode()).as(count.err()).isZero();
        assertThat(count.out()).isEqualTo("2\n2 2 versions ok");
    }

    @Test
    void ciFormatsCarryEveryDiagnosticAtItsFileAndLine() throws IOException {
        Files.writeString(
                dir.resolve("3_drop.sql"), "ALTER TABLE users ADD COLUMN age int NOT NULL;\nDROP TABLE pets;\n");
        hash();

        CliRun github = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--format", "github");
        assertThat(github.exitCode()).isEqualTo(1);
        assertThat(github.out())
                // Analyzer order: destructive before data_depend, whatever the lines.
                .isEqualTo("::error file=migrations/3_drop.sql,line=2,title=DS102::Dropping table \"pets\""
                        + " https://atlasgo.io/lint/analyzers#DS102\n"
                        + "::warning file=migrations/3_drop.sql,line=1,title=MF103::Adding a non-nullable \"int\""
                        + " column \"age\" will fail in case table \"users\" is not empty"
                        + " https://atlasgo.io/lint/analyzers#MF103\n");

        CliRun sarif = MigrateRun.at(
                cwd,
                "migrate",
                "lint",
                "--dev-url",
                DEV,
                "--latest",
                "1",
                "--format",
                "sarif",
                "--junit-report",
                "lint.xml");
        assertThat(sarif.exitCode()).isEqualTo(1);
        assertThat(sarif.out())
                .startsWith("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
                        + "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"plumb\",")
                .contains("{\"id\":\"DS102\",\"name\":\"destructive\",\"shortDescription\":{\"text\":\"Table was"
                        + " dropped\"},\"helpUri\":\"https://atlasgo.io/lint/analyzers#DS102\","
                        + "\"defaultConfiguration\":{\"level\":\"error\"}}")
                .contains("{\"ruleId\":\"DS102\",\"level\":\"error\",\"message\":{\"text\":\"Dropping table"
                        + " \\\"pets\\\"\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
                        + "{\"uri\":\"migrations/3_drop.sql\"},\"region\":{\"startLine\":2}}}],"
                        + "\"properties\":{\"suggestedFixes\":[\"Add a pre-migration check to ensure table"
                        + " \\\"pets\\\" is empty before dropping it\"]}}");
        String junit = Files.readString(cwd.resolve("lint.xml"));
        assertThat(junit).contains("tests=\"1\"").contains("failures=\"1\"").contains("name=\"3_drop.sql\"");
        assertThat(junit).contains("migrations/3_drop.sql:2: DS102: Dropping table \"pets\"");
    }

    @Test
    void aFileThatCannotBeReplayedIsReportedAtItsStatementInEveryFormat() throws IOException {
        // The third statement fails: line 3, column 27.
        Files.writeString(
                dir.resolve("3_again.sql"),
                "CREATE TABLE ok (id int);\n-- pets exists\nCREATE TABLE b (id int);  CREATE TABLE pets (id int);\n");
        hash();
        String error = "executing statement: CREATE TABLE pets (id int);: table pets already exists";

        // The reference's text and JSON carry no position.
        CliRun text = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out())
                .matches("Analyzing changes from version 2 to 3 \\(1 migration in total\\):\n\n"
                        + "  Error: " + java.util.regex.Pattern.quote(error) + "\n\n"
                        + "  -------------------------\n  -- " + DURATION + "\n  -- 1 version with errors\n");
        CliRun json =
                MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--format", "{{ json . }}");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.out())
                .contains("{\"Name\":\"Replay Migration Files\",\"Text\":\"Failed loading changes on dev database\","
                        + "\"Error\":\"" + error + "\"}")
                .endsWith("\"Files\":[{\"Name\":\"3_again.sql\",\"Error\":\"" + error + "\"}]}");

        CliRun github = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--format", "github");
        assertThat(github.exitCode()).isEqualTo(1);
        assertThat(github.out()).isEqualTo("::error file=migrations/3_again.sql,line=3,col=27::" + error + "\n");

        CliRun sarif = MigrateRun.at(
                cwd,
                "migrate",
                "lint",
                "--dev-url",
                DEV,
                "--latest",
                "1",
                "--format",
                "sarif",
                "--junit-report",
                "lint.xml");
        assertThat(sarif.exitCode()).isEqualTo(1);
        assertThat(sarif.out())
                .contains("{\"ruleId\":\"replay\",\"level\":\"error\",\"message\":{\"text\":\"" + error + "\"},"
                        + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
                        + "{\"uri\":\"migrations/3_again.sql\"},\"region\":{\"startLine\":3,\"startColumn\":27}}}]}");
        assertThat(Files.readString(cwd.resolve("lint.xml")))
                .contains("name=\"3_again.sql\"")
                .contains("message=\"migrations/3_again.sql:3:27: " + error + "\"");

        // A file before the linted ones: as the reference words it, without the statement; still at its position.
        Files.writeString(dir.resolve("4_more.sql"), "CREATE TABLE more (id int);\n");
        hash();
        CliRun base = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--format", "github");
        assertThat(base.exitCode()).isEqualTo(1);
        assertThat(base.out())
                .isEqualTo("::error file=migrations/3_again.sql,line=3,col=27::executing statement: table pets"
                        + " already exists\n");
    }

    @Test
    void brokenPreMigrationChecksOfNewFilesAreReportedAndFail() throws IOException {
        Files.writeString(
                dir.resolve("3_posts.sql"),
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT count(*) = 0 FROM posts;\n"
                        + "-- migration.sql --\nCREATE TABLE posts (id int);\n");
        hash();

        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("  -- analyzing version 3\n"
                        + "    -- pre-migration check problems detected:\n"
                        // The reference's wrap counts words, not the spaces between them: 78 characters fit.
                        + "      -- L4: check \"checks.sql\" fails on the dev database before version 3: no such"
                        + " table: posts\n")
                .contains("  -- 1 version with errors\n");
    }

    @Test
    void theChecksumIsVerifiedFirst() throws IOException {
        Files.writeString(dir.resolve("1_init.sql"), "CREATE TABLE users (id int, name text, age int);\n");

        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("You have a checksum error in your migration directory.");
        assertThat(run.err()).isEqualTo("plumb: checksum mismatch\n");
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRun noDev = MigrateRun.at(cwd, "migrate", "lint", "--latest", "1");
        assertThat(noDev.exitCode()).isEqualTo(2);
        assertThat(noDev.err()).startsWith("required flag(s) \"dev-url\" not set");

        CliRun neither = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV);
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).startsWith("--latest or --git-base is required");

        CliRun both = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--git-base", "main");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).startsWith("--latest and --git-base are mutually exclusive");

        CliRun negative = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).startsWith("--latest must be 0 or more, found -1");

        CliRun format =
                MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--format", "{{ end }}");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).startsWith("parse format: template: format:1: unexpected {{end}}");
    }

    @Test
    void theDevUrlAndTheDetectorMayComeFromTheProject() throws IOException {
        Files.writeString(
                cwd.resolve("atlas.hcl"), "lint {\n  latest = 1\n}\nenv \"local\" {\n  dev = \"" + DEV + "\"\n}\n");

        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--env", "local");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Analyzing changes from version 1 to 2 (1 migration in total):\n");
    }

    @Test
    void gitBaseLintsTheFilesAddedSinceTheBranch() throws IOException, InterruptedException {
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base");
        git("checkout", "-q", "-b", "feature");
        Files.writeString(dir.resolve("3_drop.sql"), "DROP TABLE pets;\n");
        hash();
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "drop");

        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--git-base", "main");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("Analyzing changes from version 2 to 3 (1 migration in total):\n");

        CliRun unknown = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--git-base", "nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("plumb: git diff: exit status 128: ");
    }

    @Test
    void fixWritesTheSuggestedChecksRehashesAndReportsTheFixedDirectoryInAnyFormat() throws IOException {
        Files.writeString(dir.resolve("3_drop.sql"), "DROP TABLE pets;\n");
        hash();

        CliRun run = MigrateRun.at(
                cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--fix", "--format", "{{ json . }}");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // With a format, what was fixed goes to standard error, so standard output stays the report alone.
        assertThat(run.err()).isEqualTo("fixed 3_drop.sql: added check SELECT NOT EXISTS (SELECT 1 FROM \"pets\");\n");
        String fixed = "-- atlas:txtar\n\n-- checks.sql --\nSELECT NOT EXISTS (SELECT 1 FROM \"pets\");\n\n"
                + "-- migration.sql --\nDROP TABLE pets;\n";
        assertThat(Files.readString(dir.resolve("3_drop.sql"))).isEqualTo(fixed);
        // The report is the fixed directory's: the guarded drop is no longer reported, and nothing fails.
        assertThat(run.out())
                .endsWith("\"Files\":[{\"Name\":\"3_drop.sql\",\"Text\":\"-- atlas:txtar\\n\\n-- checks.sql --\\n"
                        + "SELECT NOT EXISTS (SELECT 1 FROM \\\"pets\\\");\\n\\n-- migration.sql --\\n"
                        + "DROP TABLE pets;\\n\"}]}");
        CliRun validate = MigrateRun.at(cwd, "migrate", "validate");
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        CliRun again = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--fix");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out())
                .startsWith("Analyzing changes from version 2 to 3")
                .doesNotContain("fixed");
        assertThat(Files.readString(dir.resolve("3_drop.sql"))).isEqualTo(fixed);
    }

    @Test
    void fixWritesNothingWhenAFileCannotBeFixed() throws IOException {
        Files.writeString(dir.resolve("3_drop.sql"), "DROP TABLE pets;\n");
        Files.writeString(dir.resolve("4_drop.sql"), "-- atlas:delimiter \\n---\n\nDROP TABLE users\n---\n");
        hash();
        String sum = Files.readString(dir.resolve("atlas.sum"));

        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "2", "--fix");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("plumb: cannot fix 4_drop.sql: it sets atlas:delimiter on its first line, where a txtar"
                        + " migration file has -- atlas:txtar\n");
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(dir.resolve("3_drop.sql"))).isEqualTo("DROP TABLE pets;\n");
        assertThat(Files.readString(dir.resolve("atlas.sum"))).isEqualTo(sum);
    }

    @Test
    void fixRefusesADirectoryInAnotherFormat() throws IOException {
        Path flyway = cwd.resolve("flyway");
        Files.createDirectories(flyway);
        Files.writeString(flyway.resolve("V1__init.sql"), "CREATE TABLE pets (id int);\n");
        Files.writeString(flyway.resolve("V2__drop.sql"), "DROP TABLE pets;\n");

        CliRun run = MigrateRun.at(
                cwd,
                "migrate",
                "lint",
                "--dir",
                "file://flyway?format=flyway",
                "--dev-url",
                DEV,
                "--latest",
                "1",
                "--fix");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("plumb: cannot fix V2__drop.sql: flyway is a flyway directory, and pre-migration checks are"
                        + " written in the atlas format only\n");
        assertThat(Files.readString(flyway.resolve("V2__drop.sql"))).isEqualTo("DROP TABLE pets;\n");
        assertThat(flyway.resolve("atlas.sum")).doesNotExist();
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", cwd.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private void hash() {
        assertThat(MigrateRun.at(cwd, "migrate", "hash").exitCode()).isZero();
    }
}
