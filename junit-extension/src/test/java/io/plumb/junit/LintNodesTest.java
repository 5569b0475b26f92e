package io.plumb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.plumb.engine.migrate.MigrationDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;

/**
 * {@code LintNodesTest} runs the {@code lint} container of files with migration tests: a node per linted migration
 * file, failing on the file's errors with one {@code FILE:LINE:COL: CODE: message} line each, on SQLite, embedded
 * PostgreSQL and embedded MariaDB, under the env's {@code lint {}} block.
 */
class LintNodesTest {

    private static final String SQLITE = "sqlite://lint?mode=memory";
    private static final String BASE =
            "CREATE TABLE t (id integer NOT NULL, c integer, name text);\n" + "CREATE TABLE u (id integer NOT NULL);\n";
    private static final String DESTRUCTIVE =
            "-- Drop what is not used.\n" + "ALTER TABLE t DROP COLUMN c;\n" + "DROP TABLE u;\n";

    /** Writes a project: an atlas.hcl with the dev URL and lint block, the migrations, and one migration test. */
    private static Path project(Path dir, String dev, String lint, String... files) throws IOException {
        Files.writeString(
                dir.resolve("atlas.hcl"),
                "env \"local\" {\n  dev = \"" + dev + "\"\n  migration {\n    dir = \"file://migrations\"\n  }\n" + lint
                        + "}\n");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(migrations.resolve(files[i]), files[++i]);
        }
        MigrationDir.open("file://migrations", dir).rehash();
        Path test = dir.resolve("m.test.hcl");
        Files.writeString(test, "test \"migrate\" \"first\" {\n  migrate {\n    to = \"1\"\n  }\n}\n");
        return test;
    }

    private static EngineTestKit.Builder kit(Path test) {
        return EngineTestKit.engine(new PlumbTestEngine()).selectors(selectFile(test.toFile()));
    }

    /** Returns the events of the lint nodes, by display name: the outcome, or the skip reason. */
    private static Map<String, String> lintOutcomes(EngineExecutionResults results) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Event event : results.allEvents().list()) {
            String name = event.getTestDescriptor().getDisplayName();
            if (!name.contains(" > lint")) {
                continue;
            }
            if (event.getType() == EventType.FINISHED) {
                outcomes.put(
                        name,
                        event.getRequiredPayload(TestExecutionResult.class)
                                .getStatus()
                                .name());
            } else if (event.getType() == EventType.SKIPPED) {
                outcomes.put(name, "SKIPPED: " + event.getRequiredPayload(String.class));
            }
        }
        return outcomes;
    }

    private static Throwable failure(EngineExecutionResults results, String name) {
        return results.allEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(name))
                .flatMap(event -> event.getPayload(TestExecutionResult.class).stream())
                .flatMap(result -> result.getThrowable().stream())
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, String> lintEntries(EngineExecutionResults results) {
        Map<String, String> entries = new LinkedHashMap<>();
        results.allEvents().reportingEntryPublished().stream().forEach(event -> {
            String value = event.getRequiredPayload(ReportEntry.class)
                    .getKeyValuePairs()
                    .get("plumb.lint");
            if (value != null) {
                entries.put(event.getTestDescriptor().getDisplayName(), value);
            }
        });
        return entries;
    }

    private static String path(Path dir, String file) {
        return dir.resolve("migrations").resolve(file).toString();
    }

    @Test
    void aDestructiveFileFailsWithItsCodesAndLinesOnSqlite(@TempDir Path dir) throws Exception {
        Path test = project(dir, SQLITE, "", "1_base.sql", BASE, "2_drop.sql", DESTRUCTIVE);

        EngineExecutionResults results = kit(test).execute();

        assertThat(lintOutcomes(results))
                .containsExactly(
                        Map.entry("m.test.hcl > lint > 1_base.sql", "SUCCESSFUL"),
                        Map.entry("m.test.hcl > lint > 2_drop.sql", "FAILED"),
                        Map.entry("m.test.hcl > lint", "SUCCESSFUL"));
        Throwable error = failure(results, "m.test.hcl > lint > 2_drop.sql");
        assertThat(error)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage(path(dir, "2_drop.sql") + ":2:1: DS103: Dropping non-virtual column \"c\"\n"
                        + path(dir, "2_drop.sql") + ":3:1: DS102: Dropping table \"u\"");
        // The IDE jumps to the first error's line, and opens the migration file from the node's source.
        assertThat(error.getStackTrace()).singleElement().satisfies(frame -> {
            assertThat(frame.getFileName()).isEqualTo("2_drop.sql");
            assertThat(frame.getLineNumber()).isEqualTo(2);
        });
        TestDescriptor node = results.allEvents().failed().list().get(0).getTestDescriptor();
        assertThat(node.getSource()).containsInstanceOf(FileSource.class).get().satisfies(source -> assertThat(
                        ((FileSource) source).getFile().toPath())
                .isEqualTo(dir.resolve("migrations/2_drop.sql")));
        // The clean file reports nothing; the failing one publishes its findings and their suggested fixes.
        assertThat(lintEntries(results)).containsOnlyKeys("m.test.hcl > lint > 2_drop.sql");
        assertThat(lintEntries(results).get("m.test.hcl > lint > 2_drop.sql"))
                .startsWith(path(dir, "2_drop.sql") + ":2:1: DS103: Dropping non-virtual column \"c\"\n")
                .contains("  suggested fix: ");
    }

    @Test
    void aWarningPassesAndIsReported(@TempDir Path dir) throws Exception {
        Path test = project(
                dir, SQLITE, "", "1_base.sql", BASE, "2_unique.sql", "CREATE UNIQUE INDEX t_name ON t (name);\n");

        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        EngineExecutionResults results;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            results = kit(test).execute();
        } finally {
            System.setOut(out);
        }

        assertThat(lintOutcomes(results)).containsEntry("m.test.hcl > lint > 2_unique.sql", "SUCCESSFUL");
        String warning = path(dir, "2_unique.sql")
                + ":1:1: MF101: Adding a unique index \"t_name\" on table \"t\" might fail in case column \"name\""
                + " contains duplicate entries";
        assertThat(lintEntries(results)).containsExactly(Map.entry("m.test.hcl > lint > 2_unique.sql", warning));
        assertThat(captured.toString(StandardCharsets.UTF_8).lines()).contains(warning);
    }

    @Test
    void theEnvsLintBlockDecidesWhatIsAnError(@TempDir Path dir) throws Exception {
        Path test = project(
                dir,
                SQLITE,
                "  lint {\n    destructive {\n      error = false\n    }\n    data_depend {\n      error = true\n"
                        + "    }\n  }\n",
                "1_base.sql",
                BASE,
                "2_drop.sql",
                "DROP TABLE u;\n",
                "3_unique.sql",
                "CREATE UNIQUE INDEX t_name ON t (name);\n");

        EngineExecutionResults results = kit(test).execute();

        assertThat(lintOutcomes(results))
                .containsEntry("m.test.hcl > lint > 2_drop.sql", "SUCCESSFUL")
                .containsEntry("m.test.hcl > lint > 3_unique.sql", "FAILED");
        assertThat(lintEntries(results))
                .containsEntry(
                        "m.test.hcl > lint > 2_drop.sql",
                        path(dir, "2_drop.sql") + ":1:1: DS102: Dropping table \"u\"\n"
                                + "  suggested fix: Add a pre-migration check to ensure table \"u\" is empty before dropping it");
        assertThat(failure(results, "m.test.hcl > lint > 3_unique.sql"))
                .hasMessageStartingWith(path(dir, "3_unique.sql") + ":1:1: MF101: ");
    }

    @Test
    void nolintSuppressesAFindingOrSkipsTheFile(@TempDir Path dir) throws Exception {
        Path test = project(
                dir,
                SQLITE,
                "",
                "1_base.sql",
                BASE,
                "2_drop.sql",
                "-- atlas:nolint DS102\nDROP TABLE u;\n",
                "3_drop.sql",
                "-- atlas:nolint\n\nALTER TABLE t DROP COLUMN c;\n");

        EngineExecutionResults results = kit(test).execute();

        assertThat(lintOutcomes(results))
                .containsEntry("m.test.hcl > lint > 2_drop.sql", "SUCCESSFUL")
                .containsEntry("m.test.hcl > lint > 3_drop.sql", "SKIPPED: atlas:nolint at the top of the file");
        assertThat(lintEntries(results)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {SQLITE, "embedded://postgres/17", "embedded://mariadb/11.4"})
    void aFileThatCannotBeReplayedFailsAtItsStatementAndTheOthersAreSkipped(String dev, @TempDir Path dir)
            throws Exception {
        // The third statement fails: line 3, column 29.
        Path test = project(
                dir,
                dev,
                "",
                "1_base.sql",
                BASE,
                "2_bad.sql",
                "CREATE TABLE ok1 (id int);\n-- then\nCREATE TABLE ok2 (id int);  DROP TABLE missing;\n");

        EngineExecutionResults results = kit(test).execute();

        assertThat(lintOutcomes(results))
                .containsEntry(
                        "m.test.hcl > lint > 1_base.sql",
                        "SKIPPED: not analyzed: " + path(dir, "2_bad.sql") + " cannot be replayed")
                .containsEntry("m.test.hcl > lint > 2_bad.sql", "FAILED");
        Throwable error = failure(results, "m.test.hcl > lint > 2_bad.sql");
        assertThat(error)
                .hasMessageStartingWith(path(dir, "2_bad.sql") + ":3:29: executing statement: DROP TABLE missing;: ")
                .hasMessageContaining("missing");
        assertThat(error.getStackTrace()).singleElement().satisfies(frame -> {
            assertThat(frame.getFileName()).isEqualTo("2_bad.sql");
            assertThat(frame.getLineNumber()).isEqualTo(3);
        });
    }

    @Test
    void aFileBeforeTheLintedOnesThatCannotBeReplayedFailsTheLintContainer(@TempDir Path dir) throws Exception {
        Path test = project(
                dir,
                SQLITE,
                "  lint {\n    latest = 1\n  }\n",
                "1_bad.sql",
                "CREATE TABLE ok (id int);\n\n  DROP TABLE missing;\n",
                "2_base.sql",
                BASE);

        EngineExecutionResults results = kit(test).execute();

        assertThat(lintOutcomes(results)).containsExactly(Map.entry("m.test.hcl > lint", "FAILED"));
        Throwable error = failure(results, "m.test.hcl > lint");
        // As the reference words a base file's error: without the statement.
        assertThat(error).hasMessage(path(dir, "1_bad.sql") + ":3:3: executing statement: no such table:" + " missing");
        assertThat(error.getStackTrace()).singleElement().satisfies(frame -> {
            assertThat(frame.getFileName()).isEqualTo("1_bad.sql");
            assertThat(frame.getLineNumber()).isEqualTo(3);
        });
    }

    @Test
    void latestLintsOnlyTheNewestFiles(@TempDir Path dir) throws Exception {
        Path test = project(
                dir,
                SQLITE,
                "  lint {\n    latest = 1\n  }\n",
                "1_base.sql",
                BASE,
                "2_drop.sql",
                DESTRUCTIVE,
                "3_more.sql",
                "CREATE TABLE v (id integer);\n");

        assertThat(lintOutcomes(kit(test).execute()))
                .containsOnlyKeys("m.test.hcl > lint", "m.test.hcl > lint > 3_more.sql");
        // The parameter overrides the env's block.
        assertThat(lintOutcomes(kit(test)
                        .configurationParameter("plumb.lint.latest", "2")
                        .execute()))
                .containsOnlyKeys(
                        "m.test.hcl > lint", "m.test.hcl > lint > 2_drop.sql", "m.test.hcl > lint > 3_more.sql");
    }

    @Test
    void aLatestParameterThatIsNotACountFailsTheLintNode(@TempDir Path dir) throws Exception {
        Path test = project(dir, SQLITE, "", "1_base.sql", BASE);

        EngineExecutionResults results =
                kit(test).configurationParameter("plumb.lint.latest", "0").execute();

        assertThat(lintOutcomes(results)).containsExactly(Map.entry("m.test.hcl > lint", "FAILED"));
        assertThat(failure(results, "m.test.hcl > lint"))
                .hasMessage("lint " + dir.resolve("migrations")
                        + ": plumb.lint.latest: expected a number of files, 1 or more, found \"0\"");
    }

    @Test
    void aGitBaseThatCannotBeReadFailsTheLintNode(@TempDir Path dir) throws Exception {
        Path test =
                project(dir, SQLITE, "  lint {\n    git {\n      base = \"main\"\n    }\n  }\n", "1_base.sql", BASE);

        EngineExecutionResults results = kit(test).execute();

        assertThat(lintOutcomes(results)).containsExactly(Map.entry("m.test.hcl > lint", "FAILED"));
        assertThat(failure(results, "m.test.hcl > lint"))
                .hasMessageStartingWith("lint " + dir.resolve("migrations") + ": git diff: exit status ");
    }

    @Test
    void aMalformedLintBlockFailsTheLintNodeAtItsPosition(@TempDir Path dir) throws Exception {
        Path test = project(dir, SQLITE, "  lint {\n    latest = \"one\"\n  }\n", "1_base.sql", BASE);

        EngineExecutionResults results = kit(test).execute();

        assertThat(lintOutcomes(results)).containsExactly(Map.entry("m.test.hcl > lint", "FAILED"));
        assertThat(failure(results, "m.test.hcl > lint"))
                .hasMessageStartingWith("lint " + dir.resolve("migrations") + ": ")
                .hasMessageContaining("atlas.hcl:7:14: ")
                .hasMessageContaining("attribute \"latest\" must be a whole number");
    }

    @Test
    void aDirectoryThatDoesNotMatchItsSumFailsTheLintContainer(@TempDir Path dir) throws Exception {
        Path test = project(dir, SQLITE, "", "1_base.sql", BASE, "2_drop.sql", DESTRUCTIVE);
        Files.writeString(dir.resolve("migrations/2_drop.sql"), "DROP TABLE u;\n");

        EngineExecutionResults results = kit(test).execute();

        // The container fails with the checksum error; its files do not run.
        assertThat(lintOutcomes(results)).containsExactly(Map.entry("m.test.hcl > lint", "FAILED"));
        assertThat(failure(results, "m.test.hcl > lint"))
                .hasMessage("lint " + dir.resolve("migrations") + ": " + dir.resolve("migrations/atlas.sum")
                        + ":3: checksum mismatch: 2_drop.sql was edited");
    }

    @Test
    void lintTurnedOffGivesNoNodes(@TempDir Path dir) throws Exception {
        Path test = project(dir, SQLITE, "", "1_base.sql", BASE, "2_drop.sql", DESTRUCTIVE);

        TestDescriptor root = kit(test)
                .configurationParameter("plumb.lint.enabled", "false")
                .discover()
                .getEngineDescriptor();

        assertThat(root.getDescendants())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly("m.test.hcl", "m.test.hcl > pre-migration checks", "m.test.hcl > first");
    }

    @Test
    void aLintNodeRunsAgainByItsUniqueId(@TempDir Path dir) throws Exception {
        Path test = project(dir, SQLITE, "", "1_base.sql", BASE, "2_drop.sql", DESTRUCTIVE);
        TestDescriptor root = kit(test).discover().getEngineDescriptor();
        UniqueId drop = root.getDescendants().stream()
                .map(TestDescriptor::getUniqueId)
                .filter(id -> id.getLastSegment().getValue().equals("2_drop.sql"))
                .findFirst()
                .orElseThrow();
        assertThat(drop.toString())
                .endsWith(
                        "/[test-file:" + test.toString().replace("/", "%2F") + "]/[lint:lint]/[lint-file:2_drop.sql]");

        EngineExecutionResults results = EngineTestKit.engine(new PlumbTestEngine())
                .selectors(selectUniqueId(drop))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(results.testEvents()
                        .failed()
                        .list()
                        .get(0)
                        .getTestDescriptor()
                        .getUniqueId())
                .isEqualTo(drop);
        Optional<UniqueId> container = Optional.of(drop.removeLastSegment());
        assertThat(EngineTestKit.engine(new PlumbTestEngine())
                        .selectors(selectUniqueId(container.get()))
                        .execute()
                        .testEvents()
                        .started()
                        .list())
                .extracting(event -> event.getTestDescriptor().getDisplayName())
                .containsExactly("m.test.hcl > lint > 1_base.sql", "m.test.hcl > lint > 2_drop.sql");
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded://postgres/17", "embedded://mariadb/11.4"})
    void aDestructiveFileFailsOnAServer(String devUrl, @TempDir Path dir) throws Exception {
        Path test = project(dir, devUrl, "", "1_base.sql", BASE, "2_drop.sql", DESTRUCTIVE);

        EngineExecutionResults results = kit(test).execute();

        assertThat(lintOutcomes(results))
                .containsEntry("m.test.hcl > lint > 1_base.sql", "SUCCESSFUL")
                .containsEntry("m.test.hcl > lint > 2_drop.sql", "FAILED");
        assertThat(failure(results, "m.test.hcl > lint > 2_drop.sql"))
                .hasMessage(path(dir, "2_drop.sql") + ":2:1: DS103: Dropping non-virtual column \"c\"\n"
                        + path(dir, "2_drop.sql") + ":3:1: DS102: Dropping table \"u\"");
    }

    @Test
    void everyFileThatUsesADirectoryShowsItsLint(@TempDir Path dir) throws Exception {
        Path test = project(dir, SQLITE, "", "1_base.sql", BASE, "2_drop.sql", DESTRUCTIVE);
        Files.writeString(
                dir.resolve("n.test.hcl"), "test \"migrate\" \"second\" {\n  migrate {\n    to = \"1\"\n  }\n}\n");

        EngineExecutionResults results = EngineTestKit.engine(new PlumbTestEngine())
                .selectors(
                        selectFile(test.toFile()),
                        selectFile(dir.resolve("n.test.hcl").toFile()))
                .execute();

        assertThat(lintOutcomes(results))
                .containsEntry("m.test.hcl > lint > 2_drop.sql", "FAILED")
                .containsEntry("n.test.hcl > lint > 2_drop.sql", "FAILED");
        assertThat(List.of(
                        failure(results, "m.test.hcl > lint > 2_drop.sql").getMessage(),
                        failure(results, "n.test.hcl > lint > 2_drop.sql").getMessage()))
                .containsOnly(path(dir, "2_drop.sql") + ":2:1: DS103: Dropping non-virtual column \"c\"\n"
                        + path(dir, "2_drop.sql") + ":3:1: DS102: Dropping table \"u\"");
    }
}
