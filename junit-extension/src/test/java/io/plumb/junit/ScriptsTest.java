package io.plumb.junit;

import static io.plumb.junit.EngineTestData.DIR;
import static io.plumb.junit.EngineTestData.FAIL_LINE;
import static io.plumb.junit.EngineTestData.NESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ScriptsTest {

    /** Runs the passing scripts for real, as a user's {@code @TestFactory} would. */
    @TestFactory
    Stream<DynamicNode> nestedScripts() {
        return Scripts.in(NESTED);
    }

    /** Runs the same scripts from the class path. */
    @TestFactory
    Stream<DynamicNode> nestedScriptsOnTheClasspath() {
        return Scripts.configure().keepWork(false).onClasspath(EngineTestData.RESOURCE + "/nested");
    }

    private static DynamicTest test(List<DynamicNode> nodes, String name) {
        return nodes.stream()
                .filter(node ->
                        node instanceof DynamicTest && node.getDisplayName().equals(name))
                .map(DynamicTest.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void directoryGivesContainersAndTests() {
        List<DynamicNode> nodes = Scripts.in(DIR).toList();

        assertThat(nodes).extracting(DynamicNode::getDisplayName).containsExactly("fail", "pass", "skip", "nested");
        DynamicContainer nested = (DynamicContainer) nodes.get(3);
        assertThat(nested.getTestSourceUri()).contains(NESTED.toAbsolutePath().toUri());
        assertThat(nested.getChildren().map(DynamicNode::getDisplayName)).containsExactly("pass#1", "stop");
    }

    @Test
    void testsHaveAFileSource() {
        DynamicTest pass = test(Scripts.in(DIR).toList(), "pass");

        assertThat(pass.getTestSourceUri()).map(URI::getScheme).contains("file");
        assertThat(pass.getTestSourceUri().map(Path::of))
                .contains(DIR.resolve("pass.txtar").toAbsolutePath());
    }

    @Test
    void testsPassFailAndAbortLikeTheEngine() {
        List<DynamicNode> nodes = Scripts.in(DIR).toList();

        assertThatCode(() -> test(nodes, "pass").getExecutable().execute()).doesNotThrowAnyException();
        assertThatThrownBy(() -> test(nodes, "skip").getExecutable().execute())
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("needs a database");
        assertThatThrownBy(() -> test(nodes, "fail").getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("fail.txtar:" + FAIL_LINE + ":")
                .satisfies(error -> assertThat(error.getStackTrace())
                        .singleElement()
                        .extracting(StackTraceElement::getLineNumber)
                        .isEqualTo(FAIL_LINE));
    }

    @Test
    void missingDirectoryIsAnError() {
        assertThatThrownBy(() -> Scripts.in(Path.of("no/such/directory")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a directory: no/such/directory");
        assertThatThrownBy(() -> Scripts.onClasspath("testdata/no-such-directory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("testdata/no-such-directory");
    }
}
