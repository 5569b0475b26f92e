package io.plumb.junit;

import static io.plumb.junit.EngineTestData.DIR;
import static io.plumb.junit.EngineTestData.FAIL;
import static io.plumb.junit.EngineTestData.NESTED;
import static io.plumb.junit.EngineTestData.NOT_A_SCRIPT;
import static io.plumb.junit.EngineTestData.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineTestKit;

class PlumbTestEngineDiscoveryTest {

    private static TestDescriptor discover(DiscoverySelector... selectors) {
        return EngineTestKit.engine(new PlumbTestEngine())
                .selectors(selectors)
                .discover()
                .getEngineDescriptor();
    }

    private static List<TestDescriptor> tests(TestDescriptor root) {
        return descendants(root, TestDescriptor::isTest);
    }

    private static List<TestDescriptor> descendants(TestDescriptor root, Predicate<TestDescriptor> filter) {
        return root.getDescendants().stream()
                .filter(filter)
                .map(TestDescriptor.class::cast)
                .toList();
    }

    /** Returns the node named exactly so, else the case or file whose report name ends in that name. */
    private static TestDescriptor named(TestDescriptor root, String name) {
        return root.getDescendants().stream()
                .filter(d -> d.getDisplayName().equals(name))
                .map(TestDescriptor.class::cast)
                .findFirst()
                .or(() -> root.getDescendants().stream()
                        .filter(d -> d.getDisplayName().endsWith(" > " + name)
                                || d.getDisplayName().endsWith("/" + name)
                                || d.getDisplayName().equals(name + ".txtar")
                                || d.getDisplayName().endsWith("/" + name + ".txtar"))
                        .map(TestDescriptor.class::cast)
                        .findFirst())
                .orElseThrow();
    }

    @Test
    void directorySelectorFindsScriptsRecursivelyAndIgnoresOtherFiles() {
        TestDescriptor root = discover(selectDirectory(DIR.toFile()));

        assertThat(tests(root))
                .extracting(TestDescriptor::getDisplayName)
                .containsExactlyInAnyOrder(
                        "fail.txtar", "pass.txtar", "skip.txtar", "nested/pass.txtar", "nested/stop.txtar");
        assertThat(descendants(root, TestDescriptor::isContainer))
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly("engine", "nested");
    }

    @Test
    void treeMirrorsTheFileSystem() {
        TestDescriptor root = discover(selectDirectory(DIR.toFile()));

        TestDescriptor engineDir = root.getChildren().iterator().next();
        assertThat(engineDir.getSource()).contains(DirectorySource.from(DIR.toFile()));
        assertThat(engineDir.getUniqueId().getLastSegment().getValue()).isEqualTo("src/test/resources/testdata/engine");
        TestDescriptor nested = named(root, "nested");
        assertThat(nested.getParent()).contains(engineDir);
        assertThat(nested.getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly("nested/pass.txtar", "nested/stop.txtar");
        assertThat(named(root, "stop").getUniqueId().getLastSegment().getValue())
                .isEqualTo("stop.txtar");
    }

    @Test
    void scriptsHaveAFileSourceAtLineOne() {
        TestDescriptor root = discover(selectFile(PASS.toFile()));

        assertThat(tests(root)).singleElement().satisfies(script -> {
            assertThat(script.getType()).isEqualTo(TestDescriptor.Type.TEST);
            assertThat(script.getSource()).containsInstanceOf(FileSource.class);
            FileSource source = (FileSource) script.getSource().orElseThrow();
            assertThat(source.getFile()).isEqualTo(PASS.toFile().getCanonicalFile());
            assertThat(source.getPosition()).contains(FilePosition.from(1));
            assertThat(script.getUniqueId())
                    .isEqualTo(UniqueId.forEngine("plumb")
                            .append("script", "src/test/resources/testdata/engine/pass.txtar"));
        });
    }

    @Test
    void fileSelectorForAFileThatIsNoScriptFindsNothing() {
        assertThat(discover(selectFile(NOT_A_SCRIPT.toFile())).getChildren()).isEmpty();
    }

    @Test
    void duplicateBaseNamesGetUniqueDisplayNames() {
        TestDescriptor root = discover(
                selectFile(PASS.toFile()),
                selectFile(NESTED.resolve("pass.txtar").toFile()));

        assertThat(tests(root)).extracting(TestDescriptor::getDisplayName).containsExactly("pass.txtar", "pass.txtar");
        assertThat(tests(root))
                .extracting(script -> ((io.plumb.junit.internal.ScriptDescriptor) script).name())
                .containsExactly("pass", "pass#1");
    }

    @Test
    void classpathResourceSelectorTakesDirectoriesAndFiles() {
        assertThat(tests(discover(selectClasspathResource(EngineTestData.RESOURCE))))
                .hasSize(5);
        assertThat(tests(discover(selectClasspathResource(EngineTestData.RESOURCE + "/nested"))))
                .hasSize(2);
        assertThat(tests(discover(selectClasspathResource(EngineTestData.RESOURCE + "/fail.txtar"))))
                .singleElement()
                .extracting(TestDescriptor::getDisplayName)
                .isEqualTo("fail.txtar");
        assertThat(tests(discover(selectClasspathResource("testdata/no-such-directory"))))
                .isEmpty();
    }

    @Test
    void classMethodAndPackageSelectorsYieldNothing() throws Exception {
        TestDescriptor root = discover(
                selectClass(PlumbTestEngineDiscoveryTest.class),
                selectMethod(PlumbTestEngineDiscoveryTest.class, "classMethodAndPackageSelectorsYieldNothing"),
                selectPackage("io.plumb.junit"));

        assertThat(root.getChildren()).isEmpty();
    }

    @Test
    void missingDirectoryFindsNothing() {
        assertThat(discover(selectDirectory("no/such/directory")).getChildren()).isEmpty();
    }

    @Test
    void uniqueIdSelectorFindsTheSameScriptAgain() {
        TestDescriptor full = discover(selectDirectory(DIR.toFile()));
        for (String name : List.of("fail", "stop")) {
            UniqueId id = named(full, name).getUniqueId();

            TestDescriptor again = discover(selectUniqueId(id));

            assertThat(tests(again)).singleElement().satisfies(script -> {
                assertThat(script.getUniqueId()).isEqualTo(id);
                assertThat(script.getDisplayName()).isEqualTo(named(full, name).getDisplayName());
            });
        }
    }

    @Test
    void uniqueIdSelectorOfAScriptSelectedOnItsOwn() {
        UniqueId id =
                UniqueId.forEngine("plumb").append("script", FAIL.toString().replace('\\', '/'));

        assertThat(tests(discover(selectUniqueId(id))))
                .singleElement()
                .extracting(TestDescriptor::getUniqueId)
                .isEqualTo(id);
    }

    @Test
    void uniqueIdSelectorOfADirectorySelectsEverythingInIt() {
        TestDescriptor full = discover(selectDirectory(DIR.toFile()));

        assertThat(tests(discover(selectUniqueId(named(full, "nested").getUniqueId()))))
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly("nested/pass.txtar", "nested/stop.txtar");
    }

    @Test
    void uniqueIdSelectorOfAMissingScriptFindsNothing() {
        UniqueId id = UniqueId.forEngine("plumb").append("script", "no/such/script.txtar");

        assertThat(discover(selectUniqueId(id)).getChildren()).isEmpty();
    }

    @Test
    void aScriptSelectedTwiceIsDiscoveredOnce() {
        TestDescriptor root = discover(
                selectDirectory(DIR.toFile()), selectFile(FAIL.toAbsolutePath().toFile()));

        assertThat(tests(root)).hasSize(5);
    }
}
