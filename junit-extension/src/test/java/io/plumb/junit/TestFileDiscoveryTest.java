package io.plumb.junit;

import static io.plumb.junit.TestFileData.BROKEN;
import static io.plumb.junit.TestFileData.DIR;
import static io.plumb.junit.TestFileData.MIGRATE;
import static io.plumb.junit.TestFileData.PASS_DIR;
import static io.plumb.junit.TestFileData.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.testkit.engine.EngineTestKit;

class TestFileDiscoveryTest {

    private static final UniqueId SCHEMA_ID =
            UniqueId.forEngine("plumb").append("test-file", "src/test/resources/testdata/tests/pass/schema.test.hcl");

    private static TestDescriptor discover(DiscoverySelector... selectors) {
        return EngineTestKit.engine(new PlumbTestEngine())
                .selectors(selectors)
                .discover()
                .getEngineDescriptor();
    }

    private static List<String> testNames(TestDescriptor root) {
        return root.getDescendants().stream()
                .filter(TestDescriptor::isTest)
                .map(TestDescriptor::getDisplayName)
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

    private static FilePosition position(TestDescriptor node) {
        FileSource source = (FileSource) node.getSource().orElseThrow();
        return source.getPosition().orElseThrow();
    }

    @Test
    void fileIsAContainerOfItsBlocksAndCases() {
        TestDescriptor root = discover(selectFile(SCHEMA.toFile()));

        TestDescriptor file = root.getChildren().iterator().next();
        assertThat(file.getUniqueId()).isEqualTo(SCHEMA_ID);
        assertThat(file.getDisplayName()).isEqualTo("schema.test.hcl");
        assertThat(file.isContainer()).isTrue();
        assertThat(file.getSource())
                .contains(FileSource.from(SCHEMA.toAbsolutePath().toFile()));
        assertThat(file.getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly("schema.test.hcl > users", "letters", "schema.test.hcl > later");
        assertThat(testNames(root))
                .containsExactlyInAnyOrder(
                        "schema.test.hcl > users",
                        "schema.test.hcl > letters/1",
                        "schema.test.hcl > letters/2",
                        "schema.test.hcl > later");
    }

    @Test
    void plainBlockIsATestAtItsLine() {
        TestDescriptor users = named(discover(selectFile(SCHEMA.toFile())), "users");

        assertThat(users.isTest()).isTrue();
        assertThat(users.getUniqueId()).isEqualTo(SCHEMA_ID.append("test", "users"));
        assertThat(((FileSource) users.getSource().orElseThrow()).getFile())
                .isEqualTo(SCHEMA.toAbsolutePath().toFile());
        assertThat(position(users)).isEqualTo(FilePosition.from(1, 1));
    }

    @Test
    void forEachBlockIsAContainerOfItsCases() {
        TestDescriptor root = discover(selectFile(SCHEMA.toFile()));
        TestDescriptor letters = named(root, "letters");

        assertThat(letters.isContainer()).isTrue();
        assertThat(position(letters)).isEqualTo(FilePosition.from(11, 1));
        assertThat(letters.getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly("schema.test.hcl > letters/1", "schema.test.hcl > letters/2");
        TestDescriptor first = named(root, "letters/1");
        assertThat(first.getUniqueId())
                .isEqualTo(SCHEMA_ID.append("test", "letters").append("case", "letters/1"));
        assertThat(position(first)).isEqualTo(FilePosition.from(11, 1));
    }

    @Test
    void filesAndParallelSchemaCasesRunConcurrently() {
        TestDescriptor root = discover(selectFile(SCHEMA.toFile()), selectFile(MIGRATE.toFile()));

        assertThat(mode(named(root, "letters/1"))).isEqualTo(Node.ExecutionMode.CONCURRENT);
        assertThat(mode(named(root, "users"))).isEqualTo(Node.ExecutionMode.SAME_THREAD);
        assertThat(mode(named(root, "20240102000000"))).isEqualTo(Node.ExecutionMode.SAME_THREAD);
        assertThat(mode(named(root, "schema.test.hcl"))).isEqualTo(Node.ExecutionMode.CONCURRENT);
        assertThat(mode(named(root, "migrate.test.hcl"))).isEqualTo(Node.ExecutionMode.CONCURRENT);
    }

    private static Node.ExecutionMode mode(TestDescriptor node) {
        return ((Node<?>) node).getExecutionMode();
    }

    @Test
    void migrateTestIsATest() {
        TestDescriptor root = discover(selectFile(MIGRATE.toFile()));

        // A file with migration tests first validates the pre-migration checks of their directory, then lints it.
        assertThat(named(root, "migrate.test.hcl").getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly(
                        "migrate.test.hcl > pre-migration checks",
                        "migrate.test.hcl > lint",
                        "migrate.test.hcl > 20240102000000");
        assertThat(named(root, "migrate.test.hcl > lint").getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly(
                        "migrate.test.hcl > lint > 20240101000000_users.sql",
                        "migrate.test.hcl > lint > 20240102000000_names.sql");
        assertThat(position(named(root, "20240102000000"))).isEqualTo(FilePosition.from(1, 1));
    }

    @Test
    void directoryMixesTestFilesIntoTheTree() {
        TestDescriptor root = discover(selectDirectory(DIR.toFile()));

        assertThat(root.getDescendants().stream()
                        .filter(TestDescriptor::isContainer)
                        .map(TestDescriptor::getDisplayName))
                .containsExactlyInAnyOrder(
                        "tests",
                        "broken",
                        "fail",
                        "fail/fail.test.hcl",
                        "pass",
                        "pass/migrate.test.hcl",
                        "pass/migrate.test.hcl > lint",
                        "pass/schema.test.hcl",
                        "letters");
        assertThat(named(root, "pass").getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly("pass/migrate.test.hcl", "pass/schema.test.hcl");
        TestDescriptor schema = named(root, "schema.test.hcl");
        assertThat(schema.getUniqueId().getLastSegment().getType()).isEqualTo("test-file");
        assertThat(schema.getUniqueId().getLastSegment().getValue()).isEqualTo("schema.test.hcl");
        assertThat(schema.getParent().map(TestDescriptor::getDisplayName)).contains("pass");
    }

    @Test
    void fileThatDoesNotParseIsOneTest() {
        TestDescriptor root = discover(selectFile(BROKEN.toFile()));

        assertThat(root.getChildren()).singleElement().satisfies(file -> {
            assertThat(file.isTest()).isTrue();
            assertThat(file.getDisplayName()).isEqualTo("broken.test.hcl");
            assertThat(file.getChildren()).isEmpty();
        });
    }

    @Test
    void classpathResourcesFindTestFiles() {
        assertThat(testNames(discover(selectClasspathResource(TestFileData.RESOURCE + "/pass"))))
                .containsExactlyInAnyOrder(
                        "schema.test.hcl > users",
                        "schema.test.hcl > letters/1",
                        "schema.test.hcl > letters/2",
                        "schema.test.hcl > later",
                        "migrate.test.hcl > pre-migration checks",
                        "migrate.test.hcl > lint > 20240101000000_users.sql",
                        "migrate.test.hcl > lint > 20240102000000_names.sql",
                        "migrate.test.hcl > 20240102000000");
        TestDescriptor root = discover(selectClasspathResource(TestFileData.RESOURCE + "/pass/schema.test.hcl"));
        // The build's copy maps back to the source, so that update mode rewrites the file one edits.
        assertThat(root.getChildren()).singleElement().satisfies(file -> assertThat(file.getSource())
                .contains(FileSource.from(SCHEMA.toAbsolutePath().toFile())));
    }

    @Test
    void uniqueIdsSelectAFileABlockOrACase() {
        TestDescriptor full = discover(selectDirectory(PASS_DIR.toFile()));
        for (String name : List.of("schema.test.hcl", "users", "letters", "letters/2", "20240102000000")) {
            TestDescriptor node = named(full, name);

            TestDescriptor again = discover(selectUniqueId(node.getUniqueId()));

            assertThat(named(again, name).getUniqueId()).isEqualTo(node.getUniqueId());
            assertThat(testNames(again))
                    .containsExactlyInAnyOrderElementsOf(
                            node.isTest() ? List.of(node.getDisplayName()) : testNames(node));
        }
    }

    @Test
    void uniqueIdOfAFileSelectedOnItsOwn() {
        assertThat(testNames(discover(selectUniqueId(SCHEMA_ID.append("test", "users")))))
                .containsExactly("schema.test.hcl > users");
    }

    @Test
    void uniqueIdsOfMissingBlocksAndCasesFindNothing() {
        assertThat(discover(selectUniqueId(SCHEMA_ID.append("test", "nope"))).getChildren())
                .isEmpty();
        assertThat(discover(selectUniqueId(SCHEMA_ID.append("test", "letters").append("case", "letters/3")))
                        .getChildren())
                .isEmpty();
        assertThat(discover(selectUniqueId(UniqueId.forEngine("plumb").append("test-file", "no/such.test.hcl")))
                        .getChildren())
                .isEmpty();
    }

    @Test
    void otherHclFilesAreNotTestFiles() {
        assertThat(discover(selectFile(new File(DIR.toFile(), "atlas.hcl"))).getChildren())
                .isEmpty();
    }
}
