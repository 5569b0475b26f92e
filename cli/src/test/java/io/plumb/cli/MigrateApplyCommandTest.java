package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output of {@code migrate apply}, {@code status} and {@code set}, compared whole, durations aside. */
class MigrateApplyCommandTest {

    @TempDir
    Path cwd;

    private static final String URL = "sqlite://app.db";

    @BeforeEach
    void directory() throws IOException {
        Files.createDirectories(cwd.resolve("migrations"));
    }

    private void file(String name, String content) throws IOException {
        Files.writeString(cwd.resolve("migrations").resolve(name), content);
        assertThat(MigrateRun.at(cwd, "migrate", "hash").exitCode()).isZero();
    }

    private CliRun run(String... args) {
        return MigrateRun.at(cwd, args);
    }

    // Durations are the only part of the layout that varies from run to run.
    private static String withoutDurations(String text) {
        return text.replaceAll("\\b[0-9]+(\\.[0-9]+)?(ns|µs|ms|s|m|h)([0-9.]+(ms|s))*\\b", "D");
    }

    @Test
    void appliesInStepsInTheReferenceLayout() throws IOException {
        file("1_init.sql", "CREATE TABLE t1 (id int NOT NULL);\n");
        file("2_more.sql", "CREATE TABLE t2 (\n  id int NOT NULL\n);\nCREATE TABLE t3 (id int NOT NULL);\n");
        file("3_last.sql", "CREATE TABLE t4 (id int NOT NULL);\n");

        CliRun first = run("migrate", "apply", "--url", URL, "1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(withoutDurations(first.out()))
                .isEqualTo(
                        """
                        Migrating to version 1 (1 migrations in total):

                          -- migrating version 1
                            -> CREATE TABLE t1 (id int NOT NULL);
                          -- ok (D)

                          -------------------------
                          -- D
                          -- 1 migration
                          -- 1 sql statement
                        """);

        CliRun rest = run("migrate", "apply", "--url", URL);
        assertThat(withoutDurations(rest.out()))
                .isEqualTo(
                        """
                        Migrating to version 3 from 1 (2 migrations in total):

                          -- migrating version 2
                            -> CREATE TABLE t2 (
                                 id int NOT NULL
                               );
                            -> CREATE TABLE t3 (id int NOT NULL);
                          -- ok (D)

                          -- migrating version 3
                            -> CREATE TABLE t4 (id int NOT NULL);
                          -- ok (D)

                          -------------------------
                          -- D
                          -- 2 migrations
                          -- 3 sql statements
                        """);

        CliRun none = run("migrate", "apply", "--url", URL);
        assertThat(none.out()).isEqualTo("No migration files to execute\n");
        assertThat(none.exitCode()).isZero();
    }

    @Test
    void aFailedStatementIsPrintedCountedAndFailsTheCommand() throws IOException {
        file("1_init.sql", "CREATE TABLE t1 (id int NOT NULL);\n");
        file("2_dup.sql", "CREATE TABLE t2 (id int NOT NULL);\nCREATE TABLE t1 (id int NOT NULL);\n");

        CliRun run = run("migrate", "apply", "--url", URL);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(withoutDurations(run.out()))
                .isEqualTo(
                        """
                        Migrating to version 2 (2 migrations in total):

                          -- migrating version 1
                            -> CREATE TABLE t1 (id int NOT NULL);
                          -- ok (D)

                          -- migrating version 2
                            -> CREATE TABLE t2 (id int NOT NULL);
                            -> CREATE TABLE t1 (id int NOT NULL);
                            table t1 already exists

                          -------------------------
                          -- D
                          -- 1 migration ok, 1 with errors
                          -- 2 sql statements ok, 1 with errors
                        """);
        assertThat(run.err())
                .isEqualTo(
                        "plumb: 2_dup.sql:2:1: sql/migrate: executing statement \"CREATE TABLE t1 (id int NOT NULL);\" from"
                                + " version \"2\": table t1 already exists\n");
    }

    @Test
    void checksArePrintedBeforeTheirMigration() throws IOException {
        file("1_init.sql", "CREATE TABLE users (id int);\n");
        file(
                "2_drop.sql",
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT NOT EXISTS(SELECT * FROM users);\n"
                        + "-- migration.sql --\nDROP TABLE users;\n");

        CliRun run = run("migrate", "apply", "--url", URL);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(withoutDurations(run.out()))
                .isEqualTo(
                        """
                        Migrating to version 2 (2 migrations in total):

                          -- migrating version 1
                            -> CREATE TABLE users (id int);
                          -- ok (D)

                          -- checks before migrating version 2
                            -> SELECT NOT EXISTS(SELECT * FROM users);
                          -- ok (D)

                          -- migrating version 2
                            -> DROP TABLE users;
                          -- ok (D)

                          -------------------------
                          -- D
                          -- 2 migrations
                          -- 1 check
                          -- 2 sql statements
                        """);
    }

    @Test
    void aFailingCheckStopsItsFile() throws IOException {
        file("1_init.sql", "CREATE TABLE users (id int);\nINSERT INTO users VALUES (1);\n");
        file(
                "2_drop.sql",
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT NOT EXISTS(SELECT * FROM users);\n"
                        + "SELECT count(*) = 0 FROM users;\n-- migration.sql --\nDROP TABLE users;\n");
        run("migrate", "apply", "--url", URL, "1");

        CliRun run = run("migrate", "apply", "--url", URL);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(withoutDurations(run.out()))
                .isEqualTo(
                        """
                        Migrating to version 2 from 1 (1 migrations in total):

                          -- checks before migrating version 2
                            -> SELECT NOT EXISTS(SELECT * FROM users);
                            -> SELECT count(*) = 0 FROM users;
                            2 of 2 assertions failed: check assertion "SELECT NOT EXISTS(SELECT * FROM users);" returned false

                          -------------------------
                          -- D
                          -- 1 migration with errors
                          -- 0 checks ok, 2 failures
                          -- 0 sql statements
                        """);
        assertThat(run.err())
                .isEqualTo(
                        "plumb: 2_drop.sql:4:1: 2 of 2 assertions failed: check assertion \"SELECT NOT EXISTS(SELECT * FROM"
                                + " users);\" returned false\n");
    }

    @Test
    void statusDescribesEachStage() throws IOException {
        file("1_a.sql", "CREATE TABLE a (id int);\n");
        file("2_b.sql", "CREATE TABLE b (id int);\nINSERT INTO nowhere VALUES (1);\nCREATE TABLE c (id int);\n");

        assertThat(run("migrate", "status", "--url", URL).out())
                .isEqualTo(
                        """
                        Migration Status: PENDING
                          -- Current Version: No migration applied yet
                          -- Next Version:    1
                          -- Executed Files:  0
                          -- Pending Files:   2
                        """);

        run("migrate", "apply", "--url", URL, "--tx-mode", "none");
        assertThat(run("migrate", "status", "--url", URL).out())
                .isEqualTo(
                        """
                        Migration Status: PENDING
                          -- Current Version: 2 (1 statements applied)
                          -- Next Version:    2 (2 statements left)
                          -- Executed Files:  2 (last one partially)
                          -- Pending Files:   1

                        Last migration attempt had errors:
                          -- SQL:   INSERT INTO nowhere VALUES (1);
                          -- ERROR: no such table: nowhere
                        """);

        assertThat(run("migrate", "set", "2", "--url", URL).out())
                .isEqualTo(
                        """
                        Current version is 2 (1 set):

                          + 2 (b)

                        """);
        assertThat(run("migrate", "status", "--url", URL).out())
                .isEqualTo(
                        """
                        Migration Status: OK
                          -- Current Version: 2
                          -- Next Version:    Already at latest version
                          -- Executed Files:  2
                          -- Pending Files:   0
                        """);
    }

    @Test
    void statusNamesAFileAddedOutOfOrder() throws IOException {
        file("1_a.sql", "CREATE TABLE a (id int);\n");
        file("3_c.sql", "CREATE TABLE c (id int);\n");
        run("migrate", "apply", "--url", URL);
        file("2_b.sql", "CREATE TABLE b (id int);\n");

        assertThat(run("migrate", "status", "--url", URL).out())
                .isEqualTo(
                        """
                        Migration Status: PENDING
                          -- Current Version: 3
                          -- Next Version:    2
                          -- Executed Files:  2
                          -- Pending Files:   1 (out of order)

                          ERROR: migration file 2_b.sql was added out of order. See: https://atlasgo.io/versioned/apply#non-linear-error
                        """);
    }

    @Test
    void aChecksumErrorPrintsTheReferenceBlockAndChangesNothing() throws IOException {
        file("1_a.sql", "CREATE TABLE a (id int);\n");
        file("2_b.sql", "CREATE TABLE b (id int);\n");
        Files.writeString(cwd.resolve("migrations/2_b.sql"), "CREATE TABLE b (id bigint);\n");

        CliRun run = run("migrate", "apply", "--url", URL);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .isEqualTo("You have a checksum error in your migration directory.\n\n"
                        + "\tL3: 2_b.sql was edited\n\n"
                        + "Please check your migration files and run 'plumb migrate hash' to re-hash the contents\n\n");
        assertThat(run.err()).isEqualTo("plumb: checksum mismatch\n");
        assertThat(cwd.resolve("app.db"))
                .as("the database was not even created")
                .doesNotExist();
    }

    @Test
    void badFlagValuesAreUsageErrorsThatTouchNothing() throws IOException {
        file("1_a.sql", "CREATE TABLE a (id int);\n");
        String[][] cases = {
            {"--tx-mode", "sometimes"},
            {"--exec-order", "random"},
            {"0"},
            {"x"},
            {"--lock-timeout", "soon"},
            {"--baseline", "1", "--allow-dirty"},
            {"--format", "{{ .Pending"},
        };
        for (String[] flags : cases) {
            String[] args = new String[4 + flags.length];
            System.arraycopy(new String[] {"migrate", "apply", "--url", URL}, 0, args, 0, 4);
            System.arraycopy(flags, 0, args, 4, flags.length);
            CliRun run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", flags)).isEqualTo(2);
            assertThat(run.err())
                    .as(String.join(" ", flags))
                    .doesNotContain("Exception")
                    .contains("Usage:");
        }
        assertThat(cwd.resolve("app.db")).doesNotExist();
    }

    @Test
    void theJsonReportHasTheReferenceFields() throws IOException {
        file("1_a.sql", "CREATE TABLE a (id int);\n");

        CliRun apply = run("migrate", "apply", "--url", URL, "--format", "{{ json . }}");
        assertThat(apply.exitCode()).isZero();
        assertThat(topLevelFields(apply.out()))
                .containsExactly("Env", "Pending", "Applied", "Current", "Target", "Start", "End");
        assertThat(apply.out())
                .contains("\"Env\":{\"Driver\":\"sqlite\",\"URL\":\"sqlite://app.db\","
                        + "\"Dir\":\"file://migrations\"}");
        assertThat(apply.out()).contains("\"Applied\":[\"CREATE TABLE a (id int);\"]");

        CliRun none = run("migrate", "apply", "--url", URL, "--format", "{{ json . }}");
        assertThat(none.out()).contains("\"Message\":\"No migration files to execute\"");

        CliRun status = run("migrate", "status", "--url", URL, "--format", "{{ json . }}");
        assertThat(topLevelFields(status.out()))
                .containsExactly(
                        "Env",
                        "Available",
                        "Pending",
                        "Applied",
                        "Current",
                        "Next",
                        "Count",
                        "Total",
                        "Status",
                        "Error",
                        "SQL");
        assertThat(status.out()).contains("\"Status\":\"OK\"");
    }

    private static Set<String> topLevelFields(String json) throws IOException {
        Set<String> fields = new LinkedHashSet<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                fields.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
            assertThat(parser.nextToken()).as("one object, nothing after it").isNull();
        }
        return fields;
    }
}
