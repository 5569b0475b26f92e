package io.plumb.junit;

import static io.plumb.junit.TestFileData.DIR;
import static io.plumb.junit.TestFileData.PASS_DIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PlumbTestsTest {

    /** Runs the passing test files for real, as a user's {@code @TestFactory} would; "later" aborts (skip). */
    @TestFactory
    Stream<DynamicNode> passingTestFiles() {
        return PlumbTests.onClasspath(TestFileData.RESOURCE + "/pass");
    }

    private static DynamicNode child(DynamicNode node, String name) {
        return ((DynamicContainer) node)
                .getChildren()
                .filter(child -> child.getDisplayName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static DynamicNode file(List<DynamicNode> nodes, String name) {
        return nodes.stream()
                .filter(node -> node.getDisplayName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static void run(DynamicNode node) throws Throwable {
        ((DynamicTest) node).getExecutable().execute();
    }

    @Test
    void fileIsAContainerOfBlocksAndCases() {
        List<DynamicNode> nodes = PlumbTests.in(DIR).toList();

        assertThat(nodes)
                .extracting(DynamicNode::getDisplayName)
                .containsExactly(
                        "broken/broken.test.hcl",
                        "fail/fail.test.hcl",
                        "pass/migrate.test.hcl",
                        "pass/schema.test.hcl");
        DynamicNode schema = file(nodes, "pass/schema.test.hcl");
        assertThat(schema.getTestSourceUri())
                .contains(TestFileData.SCHEMA.toAbsolutePath().toUri());
        assertThat(((DynamicContainer) schema).getChildren().map(DynamicNode::getDisplayName))
                .containsExactly("users", "letters", "later");
        DynamicNode letters = child(file(PlumbTests.in(DIR).toList(), "pass/schema.test.hcl"), "letters");
        assertThat(letters.getTestSourceUri())
                .map(URI::toString)
                .contains(TestFileData.SCHEMA.toAbsolutePath().toUri() + "?line=11&column=1");
        assertThat(((DynamicContainer) letters).getChildren().map(DynamicNode::getDisplayName))
                .containsExactly("letters/1", "letters/2");
    }

    @Test
    void brokenFileIsAFailingTest() {
        DynamicNode broken = file(PlumbTests.in(DIR).toList(), "broken/broken.test.hcl");

        assertThat(broken).isInstanceOf(DynamicTest.class);
        assertThatThrownBy(() -> run(broken))
                .hasMessageMatching("src/test/resources/testdata/tests/broken/broken\\.test\\.hcl:\\d+:\\d+: .+");
    }

    /** Runs one case of a file under {@link TestFileData#DIR} in a stream of its own, closed after. */
    private static void runCase(String file, String name) throws Throwable {
        try (Stream<DynamicNode> stream = PlumbTests.in(DIR)) {
            run(child(file(stream.toList(), file), name));
        }
    }

    @Test
    void casesPassSkipAndFailLikeTheEngine() {
        assertThatCode(() -> runCase("pass/schema.test.hcl", "users")).doesNotThrowAnyException();
        assertThatThrownBy(() -> runCase("pass/schema.test.hcl", "later"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("skip = true");
        assertThatThrownBy(() -> runCase("fail/fail.test.hcl", "mismatch"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("src/test/resources/testdata/tests/fail/fail.test.hcl:5: ")
                .satisfies(error -> assertThat(
                                ((AssertionFailedError) error).getExpected().getStringRepresentation())
                        .isEqualTo("grace"));
    }

    @Test
    void settingsConfigureFilesWithoutAProject(@TempDir Path dir) throws Throwable {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id integer NOT NULL PRIMARY KEY);\n");
        Files.writeString(
                dir.resolve("t.test.hcl"),
                "test \"schema\" \"t\" {\n  exec {\n    sql    = \"SELECT count(*) FROM t\"\n"
                        + "    output = \"0\"\n  }\n}\n");

        try (Stream<DynamicNode> stream = PlumbTests.configure()
                .devUrl("sqlite://jupiter?mode=memory")
                .schema(dir.resolve("schema.sql").toString())
                .in(dir)) {
            run(child(stream.toList().get(0), "t"));
        }
    }

    @Test
    void updateModeRewritesWhenTheStreamCloses(@TempDir Path dir) throws Throwable {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id integer NOT NULL PRIMARY KEY);\n");
        Path file = dir.resolve("u.test.hcl");
        Files.writeString(
                file, "test \"schema\" \"u\" {\n  exec {\n    sql    = \"SELECT 6 * 7\"\n    output = \"0\"\n  }\n}\n");

        try (Stream<DynamicNode> stream = PlumbTests.configure()
                .schema(dir.resolve("schema.sql").toString())
                .update(true)
                .in(dir)) {
            run(child(stream.toList().get(0), "u"));
        }

        assertThat(Files.readString(file)).contains("output = \"42\"");
    }

    @Test
    void missingDirectoryIsAnError() {
        assertThatThrownBy(() -> PlumbTests.in(Path.of("no/such/directory")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a directory: no/such/directory");
        assertThatThrownBy(() -> PlumbTests.onClasspath("testdata/no-such-directory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("testdata/no-such-directory");
    }

    @Test
    void passDirectoryHasOnlyPassingFiles() {
        assertThat(PlumbTests.in(PASS_DIR).map(DynamicNode::getDisplayName))
                .containsExactly("migrate.test.hcl", "schema.test.hcl");
    }
}
