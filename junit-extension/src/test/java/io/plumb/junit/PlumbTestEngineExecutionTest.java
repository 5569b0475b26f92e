package io.plumb.junit;

import static io.plumb.junit.EngineTestData.DIR;
import static io.plumb.junit.EngineTestData.FAIL;
import static io.plumb.junit.EngineTestData.FAIL_LINE;
import static io.plumb.junit.EngineTestData.NESTED;
import static io.plumb.junit.EngineTestData.PASS;
import static io.plumb.junit.EngineTestData.SKIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;

class PlumbTestEngineExecutionTest {

    private static EngineTestKit.Builder kit() {
        return EngineTestKit.engine(new PlumbTestEngine());
    }

    private static Throwable failureOf(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .findFirst()
                .flatMap(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
    }

    private static List<ReportEntry> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .toList();
    }

    @Test
    void scriptsPassFailAndAbort() {
        EngineExecutionResults results =
                kit().selectors(selectDirectory(DIR.toFile())).execute();

        results.testEvents()
                .assertStatistics(
                        stats -> stats.started(5).succeeded(3).failed(1).aborted(1));
        results.containerEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        results.testEvents()
                .aborted()
                .assertEventsMatchExactly(event(
                        displayName("skip.txtar"), abortedWithReason(message(m -> m.contains("needs a database")))));
    }

    @Test
    void failureNamesTheScriptLineAndCarriesTheLog() {
        Throwable failure = failureOf(kit().selectors(selectFile(FAIL.toFile())).execute());

        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage())
                .startsWith("src/test/resources/testdata/engine/fail.txtar:" + FAIL_LINE + ": ")
                .contains("fail.txtar:" + FAIL_LINE + ":")
                .contains("> exists missing.txt");
    }

    @Test
    void failureStackTracePointsAtTheScriptLine() {
        Throwable failure = failureOf(kit().selectors(selectFile(FAIL.toFile())).execute());

        assertThat(failure.getStackTrace()).singleElement().satisfies(frame -> {
            assertThat(frame.getClassName()).isEqualTo("script");
            assertThat(frame.getMethodName()).isEqualTo("fail");
            assertThat(frame.getFileName()).isEqualTo("fail.txtar");
            assertThat(frame.getLineNumber()).isEqualTo(FAIL_LINE);
        });
    }

    @Test
    void everyScriptPublishesItsLogAndAFailedOnePrintsIt() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        EngineExecutionResults results;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            results = kit().selectors(selectFile(FAIL.toFile()), selectFile(PASS.toFile()))
                    .execute();
        } finally {
            System.setOut(out);
        }

        Map<String, String> logs = results.allEvents().reportingEntryPublished().stream()
                .collect(Collectors.toMap(
                        event -> event.getTestDescriptor().getDisplayName(),
                        event -> event.getRequiredPayload(ReportEntry.class)
                                .getKeyValuePairs()
                                .get("plumb.log")));
        assertThat(logs).containsOnlyKeys("fail.txtar", "pass.txtar");
        assertThat(logs.get("fail.txtar")).contains("exists missing.txt");
        assertThat(logs.get("pass.txtar")).contains("a passing script").contains("PASS");
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("exists missing.txt").doesNotContain("a passing script");
    }

    @Test
    void keepWorkPublishesTheWorkDirectory(@TempDir Path workRoot) {
        EngineExecutionResults results = kit().selectors(selectFile(PASS.toFile()))
                .configurationParameters(Map.of("plumb.keepWork", "true", "plumb.workRoot", workRoot.toString()))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(reportEntries(results))
                .filteredOn(entry -> entry.getKeyValuePairs().containsKey("plumb.work"))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.getKeyValuePairs().get("plumb.work")).startsWith(workRoot.toString()));
    }

    @Test
    void workDirectoriesAreGoneWhenTheEngineFinishes(@TempDir Path workRoot) throws Exception {
        EngineExecutionResults results = kit().selectors(selectDirectory(DIR.toFile()))
                .configurationParameters(Map.of("plumb.workRoot", workRoot.toString()))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        try (var left = Files.list(workRoot)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void uniqueIdRunsExactlyOneScript() {
        UniqueId id = EngineTestKit.engine(new PlumbTestEngine())
                .selectors(selectDirectory(DIR.toFile()))
                .discover()
                .getEngineDescriptor()
                .getDescendants()
                .stream()
                .filter(d -> d.getDisplayName().equals("nested/stop.txtar"))
                .findFirst()
                .orElseThrow()
                .getUniqueId();

        EngineExecutionResults results = kit().selectors(selectUniqueId(id)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        results.testEvents()
                .assertEventsMatchLooselyInOrder(event(displayName("nested/stop.txtar"), finishedSuccessfully()));
    }

    @Test
    void missingDirectoryRunsNothing() {
        EngineExecutionResults results =
                kit().selectors(selectDirectory("no/such/directory")).execute();

        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plumb.execution.parallel.enabled", "junit.jupiter.execution.parallel.enabled"})
    void scriptsRunInParallel(String switchKey) {
        EngineExecutionResults results = kit().selectors(selectDirectory(NESTED.toFile()), selectFile(PASS.toFile()))
                .configurationParameters(Map.of(
                        switchKey,
                        "true",
                        "plumb.execution.parallel.config.strategy",
                        "fixed",
                        "plumb.execution.parallel.config.fixed.parallelism",
                        "3"))
                .execute();

        results.testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3).failed(0));
    }

    @Test
    void parallelRunWithDefaultStrategyKeepsOutcomes() {
        EngineExecutionResults results = kit().selectors(selectDirectory(DIR.toFile()))
                .configurationParameter("plumb.execution.parallel.enabled", "true")
                .execute();

        results.testEvents()
                .assertStatistics(
                        stats -> stats.started(5).succeeded(3).failed(1).aborted(1));
    }

    @Test
    void updateModeRewritesExpectedOutput(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("update.txtar");
        Files.writeString(script, "exec echo hello\ncmp stdout want.txt\n\n-- want.txt --\ngoodbye\n");

        kit().selectors(selectFile(script.toFile())).execute().testEvents().assertStatistics(stats -> stats.failed(1));
        kit().selectors(selectFile(script.toFile()))
                .configurationParameter("plumb.update", "true")
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(Files.readString(script)).endsWith("-- want.txt --\nhello\n");
    }

    @Test
    void skippedScriptIsAborted() {
        EngineExecutionResults results =
                kit().selectors(selectFile(SKIP.toFile())).execute();

        results.testEvents().assertStatistics(stats -> stats.aborted(1));
        assertThat(results.allEvents().stream().map(Event::getType)).doesNotContain(EventType.SKIPPED);
    }
}
