package io.plumb.junit;

import static io.plumb.junit.TestFileData.BROKEN;
import static io.plumb.junit.TestFileData.FAIL;
import static io.plumb.junit.TestFileData.MIGRATE;
import static io.plumb.junit.TestFileData.PASS_DIR;
import static io.plumb.junit.TestFileData.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

class TestFileExecutionTest {

    private static final String FAIL_FILE = "src/test/resources/testdata/tests/fail/fail.test.hcl";

    private static EngineTestKit.Builder kit() {
        return EngineTestKit.engine(new PlumbTestEngine());
    }

    private static Throwable failureOf(List<Event> events, String name) {
        return events.stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(name)
                        || event.getTestDescriptor().getDisplayName().endsWith(" > " + name)
                        || event.getTestDescriptor().getDisplayName().endsWith("/" + name))
                .flatMap(event -> event.getPayload(TestExecutionResult.class).stream())
                .flatMap(result -> result.getThrowable().stream())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void casesPassAndSkipWithTheProjectAboveThem() {
        EngineExecutionResults results =
                kit().selectors(selectDirectory(PASS_DIR.toFile())).execute();

        results.testEvents()
                // The pass directory's migration test brings a pre-migration checks node and a lint node per
                // migration file: 7 started.
                .assertStatistics(stats -> stats.started(7).succeeded(7).skipped(1));
        results.testEvents()
                .skipped()
                .assertEventsMatchExactly(
                        event(displayName("schema.test.hcl > later"), skippedWithReason("skip = true")));
    }

    @Test
    void logLinesArePublishedAsReportEntries() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        EngineExecutionResults results;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            results = kit().selectors(selectFile(SCHEMA.toFile())).execute();
        } finally {
            System.setOut(out);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8).lines())
                .containsExactlyInAnyOrder(
                        "src/test/resources/testdata/tests/pass/schema.test.hcl:14: letter a",
                        "src/test/resources/testdata/tests/pass/schema.test.hcl:14: letter b");
        List<String> logs = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class)
                        .getKeyValuePairs()
                        .get("plumb.log"))
                .toList();
        assertThat(logs)
                .containsExactlyInAnyOrder(
                        "src/test/resources/testdata/tests/pass/schema.test.hcl:14: letter a",
                        "src/test/resources/testdata/tests/pass/schema.test.hcl:14: letter b");
    }

    @Test
    void migrationTestRuns() {
        // The case, the validation of the directory's pre-migration checks, and the lint of its two files.
        kit().selectors(selectFile(MIGRATE.toFile())).execute().testEvents().assertStatistics(stats -> stats.started(4)
                .succeeded(4));
    }

    @Test
    void mismatchFailsWithExpectedAndActual() {
        EngineExecutionResults results =
                kit().selectors(selectFile(FAIL.toFile())).execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
        Throwable mismatch = failureOf(results.testEvents().failed().list(), "mismatch");
        assertThat(mismatch).isInstanceOf(AssertionFailedError.class);
        assertThat(mismatch.getMessage()).startsWith(FAIL_FILE + ":5: ");
        AssertionFailedError error = (AssertionFailedError) mismatch;
        assertThat(error.isExpectedDefined()).isTrue();
        assertThat(error.getExpected().getStringRepresentation()).isEqualTo("grace");
        assertThat(error.getActual().getStringRepresentation()).isEqualTo("ada");
        assertThat(mismatch.getStackTrace()).singleElement().satisfies(frame -> {
            assertThat(frame.getFileName()).isEqualTo("fail.test.hcl");
            assertThat(frame.getLineNumber()).isEqualTo(5);
        });
    }

    @Test
    void errorFailsAtTheCommand() {
        EngineExecutionResults results =
                kit().selectors(selectFile(FAIL.toFile())).execute();

        Throwable error = failureOf(results.testEvents().failed().list(), "error");
        assertThat(error.getMessage()).startsWith(FAIL_FILE + ":12: ").contains("nowhere");
        assertThat(((AssertionFailedError) error).isExpectedDefined()).isFalse();
    }

    @Test
    void fileThatDoesNotParseFailsWithThePosition() {
        EngineExecutionResults results =
                kit().selectors(selectFile(BROKEN.toFile())).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failureOf(results.testEvents().failed().list(), "broken.test.hcl")
                        .getMessage())
                .matches("src/test/resources/testdata/tests/broken/broken\\.test\\.hcl:\\d+:\\d+: .+");
    }

    @Test
    void schemaTestWithoutADesiredSchemaSaysHowToConfigureIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bare.test.hcl");
        Files.writeString(
                file,
                "test \"schema\" \"s\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n"
                        + "test \"migrate\" \"m\" {\n  migrate {\n    to = \"1\"\n  }\n}\n");

        EngineExecutionResults results =
                kit().selectors(selectFile(file.toFile())).execute();

        List<Event> failed = results.testEvents().failed().list();
        assertThat(failureOf(failed, "s").getMessage())
                .isEqualTo(file + ":1: schema test \"s\" needs a desired schema: set plumb.test.schema"
                        + " (comma-separated files, directories or URLs), or src in the env of an atlas.hcl or"
                        + " plumb.hcl in the test file's directory or above");
        assertThat(failureOf(failed, "m").getMessage())
                .isEqualTo(file + ":6: migration test \"m\" needs a migration directory: set plumb.test.dir"
                        + " (such as file://migrations), or migration { dir = ... } in the env of an atlas.hcl or"
                        + " plumb.hcl in the test file's directory or above");
    }

    @Test
    void ambiguousProjectFailsTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("atlas.hcl"), "env \"a\" {\n}\nenv \"b\" {\n}\n");
        Path file = dir.resolve("x.test.hcl");
        Files.writeString(file, "test \"schema\" \"s\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n");

        EngineExecutionResults results =
                kit().selectors(selectFile(file.toFile())).execute();

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(failureOf(results.containerEvents().failed().list(), "x.test.hcl")
                        .getMessage())
                .endsWith("atlas.hcl: found envs \"a\", \"b\"; set plumb.test.env to the one the tests use");
    }

    @Test
    void parametersConfigureAFileWithoutAProject(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id integer NOT NULL PRIMARY KEY);\n");
        Path file = dir.resolve("t.test.hcl");
        Files.writeString(
                file,
                "test \"schema\" \"t\" {\n  exec {\n    sql    = \"SELECT count(*) FROM t\"\n"
                        + "    output = \"0\"\n  }\n}\n");

        kit().selectors(selectFile(file.toFile()))
                .configurationParameters(Map.of(
                        "plumb.test.schema",
                        dir.resolve("schema.sql").toString(),
                        "plumb.test.dev-url",
                        "sqlite://params?mode=memory"))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aBrokenPreMigrationCheckFailsTheChecksNodeAtItsFileAndLine(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_a.sql"), "CREATE TABLE a (id integer);\n");
        Files.writeString(
                migrations.resolve("2_b.sql"),
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT 'empty' FROM a;\n\n-- migration.sql --\n"
                        + "CREATE TABLE b (id integer);\n");
        io.plumb.engine.migrate.MigrationDir.open("file://migrations", dir).rehash();
        Path file = dir.resolve("m.test.hcl");
        Files.writeString(file, "test \"migrate\" \"one\" {\n  migrate {\n    to = \"1\"\n  }\n}\n");

        EngineExecutionResults results = kit().selectors(selectFile(file.toFile()))
                .configurationParameters(Map.of(
                        "plumb.test.dir", "file://" + migrations, "plumb.test.dev-url", "sqlite://checks?mode=memory"))
                .execute();

        // The case itself and the lint of the two files pass; the check, which returns no row on an empty table,
        // fails its own node.
        results.testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(3).failed(1));
        assertThat(failureOf(results.testEvents().failed().list(), "pre-migration checks"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage(migrations + "/2_b.sql:4:1: check \"checks.sql\" returns no rows, expected one boolean");
    }

    @Test
    void updateModeRewritesTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id integer NOT NULL PRIMARY KEY);\n");
        Files.writeString(dir.resolve("plumb.hcl"), "env \"local\" {\n  src = \"file://schema.sql\"\n}\n");
        Path file = dir.resolve("u.test.hcl");
        Files.writeString(
                file,
                "test \"schema\" \"u\" {\n  exec {\n    sql    = \"SELECT 40 + 2\"\n    output = \"41\"\n  }\n}\n");

        kit().selectors(selectFile(file.toFile())).execute().testEvents().assertStatistics(stats -> stats.failed(1));
        EngineExecutionResults updating = kit().selectors(selectFile(file.toFile()))
                .configurationParameter("plumb.update", "true")
                .execute();
        updating.testEvents().assertStatistics(stats -> stats.succeeded(1));
        // The file's node rewrites the file after its cases ran; a failure to rewrite fails it.
        updating.containerEvents().assertStatistics(stats -> stats.failed(0));

        assertThat(Files.readString(file)).contains("output = \"42\"");
        kit().selectors(selectFile(file.toFile())).execute().testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void parallelCasesRunConcurrentlyWhenEnabled() {
        EngineExecutionResults results = kit().selectors(selectDirectory(PASS_DIR.toFile()))
                .configurationParameters(Map.of(
                        "plumb.execution.parallel.enabled", "true",
                        "plumb.execution.parallel.config.strategy", "fixed",
                        "plumb.execution.parallel.config.fixed.parallelism", "2"))
                .execute();

        results.testEvents()
                // The pass directory's migration test brings a pre-migration checks node and a lint node per
                // migration file: 7 started.
                .assertStatistics(stats -> stats.started(7).succeeded(7).skipped(1));
    }

    @Test
    void aFunctionOfTheDesiredSchemaIsThereInEveryCaseOnPostgres() {
        // The reference tool's announcement example, on the embedded PostgreSQL named by the project's env.
        EngineExecutionResults results = kit().selectors(selectDirectory(
                        Path.of("src/test/resources/testdata/postgres-func").toFile()))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }
}
