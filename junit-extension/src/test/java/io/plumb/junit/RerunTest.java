package io.plumb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * {@code RerunTest} re-runs every node of the tree by its unique id, as an IDE does to re-run one case, both under
 * the documented {@code @Suite @IncludeEngines("plumb")} setup and with the {@code plumb} engine alone, and checks
 * that exactly the tests below that node ran.
 */
class RerunTest {

    private static final String SUITE_ENGINE = "junit-platform-suite";

    private static List<TestDescriptor> nodes(TestDescriptor root) {
        return root.getDescendants().stream().map(TestDescriptor.class::cast).toList();
    }

    private static List<UniqueId> testsBelow(TestDescriptor node) {
        if (node.isTest()) {
            return List.of(node.getUniqueId());
        }
        return node.getDescendants().stream()
                .filter(TestDescriptor::isTest)
                .map(TestDescriptor::getUniqueId)
                .collect(Collectors.toList());
    }

    private static List<UniqueId> ranTests(String engine, DiscoverySelector selector) {
        return EngineTestKit.engine(engine)
                .selectors(selector)
                .execute()
                .testEvents()
                .filter(event -> event.getType() == EventType.STARTED || event.getType() == EventType.SKIPPED)
                .map(Event::getTestDescriptor)
                .map(TestDescriptor::getUniqueId)
                .collect(Collectors.toList());
    }

    private static void everyNodeRunsAgainById(String engine, DiscoverySelector selector) {
        TestDescriptor root =
                EngineTestKit.engine(engine).selectors(selector).discover().getEngineDescriptor();
        List<TestDescriptor> plumbNodes = nodes(root).stream()
                .filter(node -> node.getUniqueId().getSegments().stream()
                        .anyMatch(segment -> segment.getType().equals("engine")
                                && segment.getValue().equals(PlumbTestEngine.ENGINE_ID)))
                .filter(node -> !node.getUniqueId().getLastSegment().getType().equals("engine"))
                .toList();
        assertThat(plumbNodes).hasSizeGreaterThan(2);
        for (TestDescriptor node : plumbNodes) {
            assertThat(ranTests(engine, selectUniqueId(node.getUniqueId())))
                    .as("re-running %s", node.getUniqueId())
                    .containsExactlyInAnyOrderElementsOf(testsBelow(node))
                    .isNotEmpty();
        }
    }

    @Test
    void everyNodeOfASuiteRunsAgainById() {
        everyNodeRunsAgainById(SUITE_ENGINE, selectClass(TestFileSuiteTest.class));
    }

    @Test
    void everyScriptOfASuiteRunsAgainById() {
        everyNodeRunsAgainById(SUITE_ENGINE, selectClass(ScriptSuiteTest.class));
    }

    @Test
    void everyNodeRunsAgainByIdWithTheEngineAlone() {
        everyNodeRunsAgainById(PlumbTestEngine.ENGINE_ID, selectDirectory("src/test/resources/testdata/tests/pass"));
        everyNodeRunsAgainById(
                PlumbTestEngine.ENGINE_ID,
                selectDirectory(
                        Path.of("src/test/resources/testdata/engine/nested").toFile()));
    }

    @Test
    void oneCaseOfASuiteByItsIdRunsExactlyThatCase() {
        TestDescriptor root = EngineTestKit.engine(SUITE_ENGINE)
                .selectors(selectClass(TestFileSuiteTest.class))
                .discover()
                .getEngineDescriptor();
        TestDescriptor users = nodes(root).stream()
                .filter(node -> node.getUniqueId().getLastSegment().getValue().equals("users"))
                .findFirst()
                .orElseThrow();
        assertThat(users.getUniqueId().toString())
                .startsWith("[engine:junit-platform-suite]/[suite:io.plumb.junit.TestFileSuiteTest]/[engine:plumb]/"
                        + "[directory:src%2Ftest%2Fresources%2Ftestdata%2Ftests%2Fpass]/[test-file:schema.test.hcl]");
        assertThat(ranTests(SUITE_ENGINE, selectUniqueId(users.getUniqueId()))).containsExactly(users.getUniqueId());
    }

    private static List<String> ranUnderSurefirePattern(String engine, DiscoverySelector selector, String patterns) {
        return EngineTestKit.engine(engine)
                .configurationParameter("test", patterns)
                .selectors(selector)
                .execute()
                .testEvents()
                .filter(event -> event.getType() == EventType.STARTED || event.getType() == EventType.SKIPPED)
                .map(event -> event.getTestDescriptor().getDisplayName())
                .collect(Collectors.toList());
    }

    private static List<String> ranUnderSurefirePattern(String patterns) {
        return ranUnderSurefirePattern(SUITE_ENGINE, selectClass(TestFileSuiteTest.class), patterns);
    }

    @Test
    void surefireTestPatternRunsExactlyTheMatchingCases() {
        List<String> all = List.of(
                "migrate.test.hcl > pre-migration checks",
                "migrate.test.hcl > lint > 20240101000000_users.sql",
                "migrate.test.hcl > lint > 20240102000000_names.sql",
                "migrate.test.hcl > 20240102000000",
                "schema.test.hcl > users",
                "schema.test.hcl > letters/1",
                "schema.test.hcl > letters/2",
                "schema.test.hcl > later");
        assertThat(ranUnderSurefirePattern("TestFileSuiteTest#users")).containsExactly("schema.test.hcl > users");
        assertThat(ranUnderSurefirePattern("io.plumb.junit.TestFileSuiteTest#letters"))
                .containsExactlyInAnyOrder("schema.test.hcl > letters/1", "schema.test.hcl > letters/2");
        assertThat(ranUnderSurefirePattern("TestFileSuiteTest#schema.test.hcl > letters/2"))
                .containsExactly("schema.test.hcl > letters/2");
        // A lint node's own name is its migration file's name.
        assertThat(ranUnderSurefirePattern("**/TestFileSuite*#us?rs+2024*"))
                .containsExactlyInAnyOrder(
                        "schema.test.hcl > users",
                        "migrate.test.hcl > 20240102000000",
                        "migrate.test.hcl > lint > 20240101000000_users.sql",
                        "migrate.test.hcl > lint > 20240102000000_names.sql");
        assertThat(ranUnderSurefirePattern("TestFileSuiteTest#migrate.test.hcl"))
                .containsExactlyInAnyOrder(
                        "migrate.test.hcl > pre-migration checks",
                        "migrate.test.hcl > lint > 20240101000000_users.sql",
                        "migrate.test.hcl > lint > 20240102000000_names.sql",
                        "migrate.test.hcl > 20240102000000");
        assertThat(ranUnderSurefirePattern("TestFileSuiteTest#lint"))
                .containsExactlyInAnyOrder(
                        "migrate.test.hcl > lint > 20240101000000_users.sql",
                        "migrate.test.hcl > lint > 20240102000000_names.sql");
        assertThat(ranUnderSurefirePattern("TestFileSuiteTest#*_names.sql"))
                .containsExactly("migrate.test.hcl > lint > 20240102000000_names.sql");
        assertThat(ranUnderSurefirePattern("!TestFileSuiteTest#letters"))
                .containsExactlyInAnyOrder(
                        "migrate.test.hcl > pre-migration checks",
                        "migrate.test.hcl > lint > 20240101000000_users.sql",
                        "migrate.test.hcl > lint > 20240102000000_names.sql",
                        "migrate.test.hcl > 20240102000000",
                        "schema.test.hcl > users",
                        "schema.test.hcl > later");
        assertThat(ranUnderSurefirePattern("TestFileSuiteTest#nothing-by-this-name"))
                .isEmpty();
        assertThat(ranUnderSurefirePattern("TestFileSuiteTest")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(ranUnderSurefirePattern("OtherTest#users")).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void surefireTestPatternSelectsScriptsByName() {
        assertThat(ranUnderSurefirePattern(SUITE_ENGINE, selectClass(ScriptSuiteTest.class), "ScriptSuiteTest#stop"))
                .containsExactly("stop.txtar");
    }

    @Test
    void surefireTestPatternLeavesTheEngineAloneOutsideASuite() {
        assertThat(ranUnderSurefirePattern(
                        PlumbTestEngine.ENGINE_ID,
                        selectDirectory("src/test/resources/testdata/engine/nested"),
                        "ScriptSuiteTest#stop"))
                .containsExactlyInAnyOrder("pass.txtar", "stop.txtar");
    }
}
